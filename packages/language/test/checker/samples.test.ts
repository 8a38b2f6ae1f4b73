import { describe, expect, it } from "vitest";
import { run } from "./helpers.js";

const BANT = `# examples/bant.qual — Budget, Authority, Need, Timing
model bant "BANT qualification"

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

const INBOUND = `# examples/inbound.qual — points scoring with fit and engagement
model inbound "Inbound fit and engagement"

input {
  email: text
  company: {
    employees: number?
    country: text?
  }
  page_views_30d: number = 0
  whitepaper: bool = false
  trial_started: bool = false
  last_activity: date?
}

score fit "Profile fit" max 60 {
  "Mid-market company": +20 when company.employees between 50 and 1000
  "Target country":     +10 when company.country in ["US", "CA", "GB", "DE"]
  "Personal email":     -30 when email ends with "@gmail.com" or email ends with "@yahoo.com"
}

score engagement "Engagement" max 40 {
  "Page views":       2 * min(page_views_30d, 10)
  "Whitepaper":       +15 when whitepaper
  "Started a trial":  +25 when trial_started
  "Gone quiet":       -10 when not (last_activity within 60 days)
}

score total "Total" = fit + engagement

disqualify "Competitor" when email ends with "@rival.example"

tier pql  "Product qualified"   when trial_started and total >= 50
tier sql  "Sales qualified"     when total >= 70
tier mql  "Marketing qualified" when total >= 40
tier lead "Lead"                otherwise
`;

const ref = (target: string, id: string) => ({ kind: "ref", target, id });
const field = (...path: string[]) => ({ kind: "field", path });

describe("the language.md sample models", () => {
  it("checks BANT clean and lowers it", () => {
    const result = run(BANT);
    expect(result.diagnostics).toEqual([]);
    const ir = result.ir!;
    expect(ir).toMatchObject({ format: "qualify-ir", version: 2, id: "bant", title: "BANT qualification" });
    expect(ir.inputs[0]).toEqual({ name: "budget_usd", type: { kind: "number" }, optional: true, doc: "Budget for this purchase, in USD" });
    expect(ir.consts).toMatchObject([{ id: "deciders", value: ["CEO", "CFO", "COO", "VP", "Director", "Owner"] }]);
    expect(ir.criteria.map((c) => c.id)).toEqual(["budget", "authority", "need", "timing", "qualified"]);
    expect(ir.criteria[0]?.expr).toMatchObject({ kind: "compare", op: ">=", left: field("budget_usd"), right: { kind: "literal", value: 10000 } });
    expect(ir.criteria[1]?.expr).toMatchObject({ kind: "in", negated: false, item: field("role"), list: { kind: "literal", value: ["CEO", "CFO", "COO", "VP", "Director", "Owner"] } });
    expect(ir.criteria[2]?.expr).toMatchObject({ kind: "compare", op: ">", left: { kind: "call", fn: "count", args: [field("pains")] } });
    expect(ir.criteria[4]?.expr).toMatchObject({ kind: "quantifier", quantifier: "atLeast", n: 3, items: [ref("criterion", "budget"), ref("criterion", "authority"), ref("criterion", "need"), ref("criterion", "timing")] });
    expect(ir.scores).toMatchObject([{ kind: "computed", id: "met", label: "Criteria met", expr: { kind: "quantifier", quantifier: "count", type: { kind: "number" } } }]);
    expect(ir.tiers).toMatchObject([
      { id: "sql", label: "Sales qualified", when: ref("criterion", "qualified") },
      { id: "mql", when: { kind: "quantifier", quantifier: "atLeast", n: 2 } },
      { id: "cold", label: "Cold" },
    ]);
    expect(ir.tiers[2]).not.toHaveProperty("when");
    expect(ir.order).toEqual(["budget", "authority", "need", "timing", "qualified", "met"]);
    expect(JSON.parse(JSON.stringify(ir))).toEqual(ir);
  });

  it("checks inbound clean and lowers it", () => {
    const result = run(INBOUND);
    expect(result.diagnostics).toEqual([]);
    const ir = result.ir!;
    expect(ir.inputs.map((i) => [i.name, i.optional, i.default])).toEqual([
      ["email", false, undefined],
      ["company", false, undefined],
      ["page_views_30d", false, 0],
      ["whitepaper", false, false],
      ["trial_started", false, false],
      ["last_activity", true, undefined],
    ]);
    expect(ir.inputs[1]?.type).toEqual({
      kind: "record",
      fields: [
        { name: "employees", type: { kind: "number" }, optional: true },
        { name: "country", type: { kind: "text" }, optional: true },
      ],
    });
    const [fit, engagement, total] = ir.scores;
    expect(fit).toMatchObject({ kind: "group", id: "fit", label: "Profile fit", max: 60 });
    expect(fit).not.toHaveProperty("min");
    expect(fit?.kind === "group" && fit.rules).toMatchObject([
      { label: "Mid-market company", points: { kind: "literal", value: 20 }, when: { kind: "between", value: field("company", "employees") } },
      { label: "Target country", points: { value: 10 }, when: { kind: "in", item: field("company", "country") } },
      { label: "Personal email", points: { value: -30 }, when: { kind: "or", left: { kind: "endsWith" }, right: { kind: "endsWith" } } },
    ]);
    expect(engagement?.kind === "group" && engagement.rules).toMatchObject([
      { label: "Page views", points: { kind: "arith", op: "*", right: { kind: "call", fn: "min" } } },
      { label: "Whitepaper", when: field("whitepaper") },
      { label: "Started a trial" },
      { label: "Gone quiet", points: { value: -10 }, when: { kind: "not", operand: { kind: "within", date: field("last_activity"), days: { value: 60 } } } },
    ]);
    expect(engagement?.kind === "group" && engagement.rules[0]).not.toHaveProperty("when");
    expect(total).toMatchObject({ kind: "computed", expr: { kind: "arith", op: "+", left: ref("score", "fit"), right: ref("score", "engagement") } });
    expect(ir.disqualify).toMatchObject([{ reason: "Competitor", when: { kind: "endsWith", text: field("email"), affix: { value: "@rival.example" } } }]);
    expect(ir.tiers[0]).toMatchObject({ id: "pql", when: { kind: "and", left: field("trial_started"), right: { kind: "compare", op: ">=", left: ref("score", "total") } } });
    expect(ir.order).toEqual(["fit", "engagement", "total"]);
  });

  it("reports symbols and references for the editor", () => {
    const result = run(INBOUND);
    const employees = result.symbols.find((s) => s.name === "company.employees");
    expect(employees).toMatchObject({ kind: "field", type: { kind: "number" } });
    expect(employees?.range.start.line).toBe(7);
    expect(result.symbols.find((s) => s.name === "pql")).toMatchObject({ kind: "tier", label: "Product qualified" });
    expect(result.symbols.find((s) => s.name === "total")).toMatchObject({ kind: "score", type: { kind: "number" }, label: "Total" });
    const uses = result.references.filter((r) => r.name === "company.employees");
    expect(uses).toHaveLength(1);
    expect(uses[0]?.range.start).toMatchObject({ line: 17 });
    expect(result.references.filter((r) => r.name === "company")).toHaveLength(2);
    expect(result.references.filter((r) => r.name === "total")).toHaveLength(3);
  });
});
