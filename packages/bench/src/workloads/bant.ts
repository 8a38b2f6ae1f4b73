import type { ModelSpec } from "./model-spec.js";
import type { Lead } from "./points-leads.js";
import { Prng } from "./prng.js";

/**
 * The BANT workload: the four-criterion model of language.md, 10,000 leads
 * with about 10% missing values per optional field, and its hand-written
 * JavaScript equivalent (the baseline every contender is compared with).
 */

/** The Qual source of the BANT model (language.md's first example). */
export const BANT_SOURCE = `model bant "BANT qualification"

input {
  budget_usd: number?        "Budget for this purchase, in USD"
  role: text?                "Job title of our contact"
  pains: list of text        "Problems the lead told us about"
  timeline_days: number?     "Days until they intend to buy"
}

const deciders = ["CEO", "CFO", "COO", "VP", "Director", "Owner"]

criterion budget    "Budget"    = budget_usd >= 10_000
criterion authority "Authority" = role in deciders
criterion need      "Need"      = count(pains) > 0
criterion timing    "Timing"    = timeline_days <= 90

criterion qualified "Qualified" = at least 3 of (budget, authority, need, timing)
score met "Criteria met" = count of (budget, authority, need, timing)

tier sql  "Sales qualified"     when qualified
tier mql  "Marketing qualified" when at least 2 of (budget, authority, need, timing)
tier cold "Cold"                otherwise
`;

const DECIDERS = ["CEO", "CFO", "COO", "VP", "Director", "Owner"];
const OTHER_ROLES = ["Manager", "Engineer", "Analyst", "Intern", "Consultant"];
const PAINS = ["churn", "cost", "speed", "security", "compliance"];

/**
 * The same model for the rule engines: each criterion is a rule worth one
 * point in the group `met`, and tiers test the count (`at least 3 of` is
 * `met >= 3` because a tier whose condition is unknown is passed over, and
 * `count of` counts only the criteria that are yes).
 */
export const BANT_SPEC: ModelSpec = {
  id: "bant",
  totalId: "met",
  fields: [
    { name: "budget_usd", kind: "number", group: "met", range: [0, 100_000] },
    { name: "role", kind: "text", group: "met", vocabulary: [...DECIDERS, ...OTHER_ROLES] },
    { name: "pains", kind: "list", group: "met" },
    { name: "timeline_days", kind: "number", group: "met", range: [0, 365] },
  ],
  groups: [{ id: "met", label: "Criteria met" }],
  rules: [
    { group: "met", label: "budget", points: 1, when: { kind: "numberCompare", field: "budget_usd", op: ">=", value: 10_000 } },
    { group: "met", label: "authority", points: 1, when: { kind: "textIn", field: "role", values: DECIDERS } },
    { group: "met", label: "need", points: 1, when: { kind: "listNotEmpty", field: "pains" } },
    { group: "met", label: "timing", points: 1, when: { kind: "numberCompare", field: "timeline_days", op: "<=", value: 90 } },
  ],
  tiers: [
    { id: "sql", label: "Sales qualified", minTotal: 3 },
    { id: "mql", label: "Marketing qualified", minTotal: 2 },
  ],
  fallbackTier: { id: "cold", label: "Cold" },
};

/** The seed of the BANT leads. */
export const BANT_LEADS_SEED = 11;

/** Absent or `null` in about 10% of leads, else `make()`. */
function maybe(prng: Prng, lead: Lead, name: string, make: () => unknown): void {
  if (prng.chance(0.1)) {
    if (prng.chance(0.5)) lead[name] = null;
    return;
  }
  lead[name] = make();
}

/** `count` BANT leads as `JSON.parse` output; `pains` is required, so it is always there (possibly empty). */
export function generateBantLeads(count: number, seed: number = BANT_LEADS_SEED): Lead[] {
  const prng = new Prng(seed);
  const leads: Lead[] = [];
  for (let i = 0; i < count; i++) {
    const lead: Lead = {};
    maybe(prng, lead, "budget_usd", () => prng.int(0, 40) * 1_000);
    maybe(prng, lead, "role", () => prng.shuffleCase(prng.pick(prng.chance(0.5) ? DECIDERS : OTHER_ROLES)));
    lead["pains"] = prng.sample(PAINS, prng.int(0, 2));
    maybe(prng, lead, "timeline_days", () => prng.int(0, 365));
    leads.push(lead);
  }
  return JSON.parse(JSON.stringify(leads)) as Lead[];
}

const DECIDER_SET = new Set(DECIDERS.map((d) => d.toLowerCase()));

/** What the hand-written BANT function returns: the same shape as qualify's fast path. */
export interface BantResult {
  readonly tier: string;
  readonly scores: { readonly met: number };
}

/**
 * BANT written by hand, as a careful engineer would: each criterion counts
 * only when its field is present with the right type (Qual's unknown is never
 * yes), text compared ignoring case.
 */
export function bantHandwritten(lead: Lead): BantResult {
  const budget = lead["budget_usd"];
  const role = lead["role"];
  const pains = lead["pains"];
  const timeline = lead["timeline_days"];
  let met = 0;
  if (typeof budget === "number" && budget >= 10_000) met++;
  if (typeof role === "string" && DECIDER_SET.has(role.toLowerCase())) met++;
  if (Array.isArray(pains) && pains.length > 0) met++;
  if (typeof timeline === "number" && timeline <= 90) met++;
  return { tier: met >= 3 ? "sql" : met >= 2 ? "mql" : "cold", scores: { met } };
}
