import type { Workload } from "../contenders/contender.js";
import { BANT_SOURCE, BANT_SPEC, generateBantLeads } from "../workloads/bant.js";
import { generatePointsLeads } from "../workloads/points-leads.js";
import { generatePointsSpec, POINTS_RULE_COUNT } from "../workloads/points-spec.js";
import { qualSource } from "../workloads/qual-source.js";

/** The BANT workload with `leadCount` leads. */
export function bantWorkload(leadCount: number): Workload {
  return {
    id: "bant",
    title: "BANT: 4 criteria, count of, 3 tiers",
    spec: BANT_SPEC,
    qualSource: BANT_SOURCE,
    leads: generateBantLeads(leadCount),
  };
}

/** The 100-rule points workload with `leadCount` leads. */
export function pointsWorkload(leadCount: number): Workload {
  const spec = generatePointsSpec(POINTS_RULE_COUNT);
  return {
    id: "points",
    title: `Points: ${spec.rules.length} rules, 30 fields, fit max 60 + engagement max 40, 3 tiers`,
    spec,
    qualSource: qualSource(spec),
    leads: generatePointsLeads(leadCount),
  };
}
