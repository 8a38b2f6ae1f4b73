// Models the e2e tests type into. Self-contained, so the tests do not depend
// on how the example models evolve.

/** The BANT sample of language.md, with a nested record to complete into. */
export const BASE_MODEL = `model bant "BANT qualification"

input {
  budget_usd: number?        "Budget for this purchase, in USD"
  role: text?                "Job title of our contact"
  pains: list of text        "Problems the lead told us about"
  timeline_days: number?     "Days until they intend to buy"
  company: {
    employees: number?       "Headcount"
    country: text?           "Country code"
  }
}

const deciders = ["CEO", "CFO", "COO", "VP", "Director", "Owner"]

criterion budget    "Budget"    = budget_usd >= 10_000
criterion authority "Authority" = role in deciders
criterion need      "Need"      = count(pains) > 0
criterion timing    "Timing"    = timeline_days <= 90
criterion sized     "Sized"     = company.employees > 50 or company.country = "US"

criterion qualified "Qualified" = at least 3 of (budget, authority, need, timing)
score met "Criteria met" = count of (budget, authority, need, timing)

tier sql  "Sales qualified"     when qualified
tier mql  "Marketing qualified" when at least 2 of (budget, authority, need, timing)
tier cold "Cold"                otherwise
`;

/** The 1-based line of the first line of `model` that contains `needle`. */
export function lineOf(model: string, needle: string): number {
  const index = model.split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`No line contains ${needle}`);
  return index + 1;
}

/**
 * A lead that is sales qualified under BASE_MODEL with exactly three criteria
 * (budget, authority, need), so that changing the role makes it marketing qualified.
 */
export const QUALIFIED_LEAD = { budget_usd: 50_000, role: "CFO", pains: ["churn"], timeline_days: 300, company: { employees: 200 } };
