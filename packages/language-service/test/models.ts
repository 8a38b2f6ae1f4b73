// Source texts shared by the editor's unit tests.

/** A clean model with every kind of declaration and a nested record. */
export const CLEAN_MODEL = `model demo "Demo model"

input {
  budget_usd: number?        "Budget for this purchase, in USD"
  role: text?                "Job title of our contact"
  pains: list of text        "Problems the lead told us about"
  company: {
    employees: number?       "Headcount"
    country: text?           "Country code"
  }
}

const deciders = ["CEO", "CFO"]
let big_company = company.employees > 500

criterion budget    "Budget"    = budget_usd >= 10_000
criterion authority "Authority" = role in deciders
criterion need      "Need"      = count(pains) > 0

score fit "Fit" max 60 {
  "Big":    +20 when big_company
  "Budget": +30 when budget
}
score total "Total" = fit + count of (authority, need)

disqualify "Competitor" when company.country = "XX"

tier sql  "Sales qualified" when at least 2 of (budget, authority, need)
tier cold "Cold"            otherwise
`;

/** The 0-based offset of the `nth` (0-based) occurrence of `needle` in `text`, plus `delta`. */
export function offsetOf(text: string, needle: string, delta = 0, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  return at + delta;
}
