import { compileModel } from "qualify";
import { describe, expect, it } from "vitest";
import { importJsonLogic } from "../src/index.js";

describe("importJsonLogic", () => {
  it("infers typed inputs from the operators and names the rules", () => {
    const result = importJsonLogic({
      qualified: { and: [{ ">=": [{ var: "budget" }, 10000] }, { in: [{ var: "company.country" }, ["US", "CA"]] }, { var: "trial" }] },
      points: { "+": [{ "*": [2, { var: "visits" }] }, 5] },
    });
    expect(result.ir?.inputs.map((f) => f.name)).toEqual(["budget", "company", "trial", "visits"]);
    expect(result.model).toContain("budget: number");
    expect(result.model).toContain("country: text");
    expect(result.model).toContain("trial: bool");
    expect(result.model).toContain("# review:");
    const model = compileModel(result.model!);
    const lead = { budget: 20000, company: { country: "US" }, trial: true, visits: 3 };
    const evaluated = model.evaluate(lead);
    expect(evaluated.criteria["qualified"]).toBe(true);
    expect(evaluated.scores["points"]).toBe(11);
    expect(model.evaluate({ ...lead, trial: false }).criteria["qualified"]).toBe(false);
  });

  it("reports case-insensitive text comparison as a change of meaning", () => {
    const result = importJsonLogic({ "==": [{ var: "country" }, "US"] });
    expect(result.report.entries.some((e) => e.severity === "changed" && /ignoring case/.test(e.reason))).toBe(true);
  });

  it("refuses loose equality between a number and a text, with its position", () => {
    const result = importJsonLogic({ ok: { and: [true, { "==": [1, "1"] }] } });
    expect(result.model).toBeUndefined();
    expect(result.report.entries).toContainEqual(expect.objectContaining({ severity: "refused", at: "/ok/and/1" }));
  });

  it("keeps the other rules when one is refused, without declaring the refused rule's fields", () => {
    const result = importJsonLogic({ good: { ">": [{ var: "a" }, 1] }, bad: { cat: [{ var: "b" }, "x"] } });
    expect(result.ir?.criteria.map((c) => c.id)).toEqual(["good"]);
    expect(result.ir?.inputs.map((f) => f.name)).toEqual(["a"]);
    expect(result.report.entries.filter((e) => e.severity === "refused").map((e) => e.at)).toEqual(["/bad"]);
  });

  it("translates truthiness of numbers, texts and lists exactly", () => {
    const result = importJsonLogic({
      sum: { "+": [{ var: "n" }, 0] },
      truth: { "!!": [{ var: "n" }] },
      empty: { "!": { var: ["t", ""] } },
      none: { "!": { var: "tags" } },
      tagged: { and: [{ in: ["x", { var: "tags" }] }, true] },
    });
    const model = compileModel(result.model!);
    const at = (lead: object) => model.evaluate(lead).criteria;
    expect(at({ n: 0, t: "", tags: [] })).toMatchObject({ truth: false, empty: true, none: true, tagged: false });
    expect(at({ n: -2, t: "0", tags: ["x"] })).toMatchObject({ truth: true, empty: false, none: false, tagged: true });
  });

  it("gives and/or on numbers the operand JsonLogic gives", () => {
    const result = importJsonLogic({ "or": [{ var: "a" }, { "+": [{ var: "b" }, 0] }] });
    const model = compileModel(result.model!);
    expect(model.evaluate({ a: 0, b: 7 }).scores["rule"]).toBe(7);
    expect(model.evaluate({ a: 3, b: 7 }).scores["rule"]).toBe(3);
  });
});

describe("importJsonLogic of a tier rule", () => {
  it("turns an if chain of tier ids into ordered tiers, with disqualified as a knockout", () => {
    const result = importJsonLogic({
      hot: { ">=": [{ var: "points" }, 70] },
      tier: { if: [{ var: "competitor" }, "disqualified", { ">=": [{ var: "points" }, 70] }, "sql", { ">=": [{ var: "points" }, 40] }, "mql", "lead"] },
    });
    expect(result.ir?.tiers.map((t) => t.id)).toEqual(["sql", "mql", "lead"]);
    expect(result.ir?.disqualify.map((d) => d.reason)).toEqual(["Disqualified"]);
    const model = compileModel(result.model!);
    expect(model.evaluate({ points: 50, competitor: false }).tier).toBe("mql");
    expect(model.evaluate({ points: 90, competitor: true }).tier).toBe("disqualified");
    expect(importJsonLogic({ ok: { var: "score" } }).report.entries[0]?.reason).toMatch(/"score" is a reserved word of Qual/);
  });

  it("refuses every tier when one condition is refused, keeping one otherwise tier", () => {
    const result = importJsonLogic({ tier: { if: [{ ">": [{ var: "a" }, 1] }, "hot", { "==": [1, "1"] }, "warm", "cold"] } });
    expect(result.report.entries.filter((e) => e.severity === "refused").map((e) => e.at).sort()).toEqual(["/tier/if/0", "/tier/if/2", "/tier/if/4"]);
    expect(result.model).toBeUndefined();
  });
});

describe("importJsonLogic of some, all and none", () => {
  it("tests the elements of a list of records, all being false on an empty list as in JsonLogic", () => {
    const result = importJsonLogic({
      any_big: { some: [{ var: "deals" }, { ">": [{ var: "amount" }, 1000] }] },
      all_won: { all: [{ var: "deals" }, { "==": [{ var: "won" }, true] }] },
      none_lost: { none: [{ var: "deals" }, { "!": { var: "won" } }] },
    });
    expect(result.model).toMatch(/deals: list of \{/);
    const model = compileModel(result.model!);
    const at = (deals: object[]) => model.evaluate({ deals }).criteria;
    expect(at([])).toEqual({ any_big: false, all_won: false, none_lost: true });
    expect(at([{ amount: 5000, won: true }, { amount: 10, won: true }])).toEqual({ any_big: true, all_won: true, none_lost: true });
    expect(at([{ amount: 5, won: false }])).toEqual({ any_big: false, all_won: false, none_lost: false });
  });

  it("refuses them over a list of plain values, which Qual cannot test with where", () => {
    const result = importJsonLogic({ some: [{ var: "n" }, { ">": [{ var: "" }, 1] }] });
    expect(result.model).toBeUndefined();
    expect(result.report.entries[0]?.reason).toMatch(/lists of records only/);
  });
});
