// The benchmark package's reusable parts (the entry point is main.ts).
export type { Contender, Outcome, Runner, Workload } from "./contenders/contender.js";
export { ContenderUnavailableError } from "./contenders/contender.js";
export { ALL_CONTENDERS } from "./contenders/all.js";
export { agreementOnly, measureWorkload } from "./harness/throughput.js";
export type { ContenderThroughput, ThroughputOptions, WorkloadThroughput } from "./harness/throughput.js";
export { checkAgreement, prepareAll, referenceOutcomes } from "./harness/agreement.js";
export type { AgreementReport, Mismatch, Prepared } from "./harness/agreement.js";
export { bantWorkload, pointsWorkload } from "./harness/workloads.js";
export type { Condition, FieldSpec, ModelSpec, RuleSpec } from "./workloads/model-spec.js";
export { generatePointsSpec, POINTS_FIELDS, POINTS_RULE_COUNT, POINTS_SEED } from "./workloads/points-spec.js";
export { generatePointsLeads, pointsLeads } from "./workloads/points-leads.js";
export type { Lead } from "./workloads/points-leads.js";
export { BANT_SOURCE, BANT_SPEC, bantHandwritten, generateBantLeads } from "./workloads/bant.js";
export { qualSource } from "./workloads/qual-source.js";
export { Prng } from "./workloads/prng.js";
