import { analyze } from "@qualify/language";
import { describe, expect, it } from "vitest";
import type { CompiledModel } from "../src/index.js";
import { compile } from "../src/index.js";

/* The outlook of results on small Qual 2 models whose answers can be worked out by hand. */

function compileSource(source: string): CompiledModel {
  const analyzed = analyze(source);
  const errors = analyzed.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0 || analyzed.ir === undefined) throw new Error(errors.map((e) => e.message).join("\n"));
  return compile(analyzed.ir);
}

const NOW = "2026-11-01";

const DEALS = compileSource(`
model deals "Deals"
input {
  role: text?
  employees: number?
  deals: list of { stage: one of ("open", "won", "lost")?  amount: number? }
}
criterion decider "Decider" = role in ["CEO", "CFO"]
score won "Won revenue" = sum of deals.amount where stage = "won"
score fit "Fit" max 50 {
  "Decider":     30 when decider
  "Mid-market":  20 when employees between 50 and 1000
  "Tiny":       -10 when employees < 10
}
tier sql "Sales qualified" when decider and won >= 1000
tier mql "Marketing qualified" when fit >= 30
tier lead "Lead" otherwise
`);

describe("the outlook, worked out on first read", () => {
  it("is own and enumerable, and belongs to its own lead after later evaluations", () => {
    const first = DEALS.evaluate({ role: "CEO", employees: 200, deals: [{ stage: "won", amount: 1500 }] }, { now: NOW });
    const second = DEALS.evaluate({ role: "CEO", deals: [] }, { now: NOW });
    // The model's frame has been reused since `first`; its outlook must still be its own.
    expect(Object.keys(first)).toEqual(expect.arrayContaining(["ranges", "possibleTiers", "questions"]));
    expect({ ...first }.possibleTiers).toEqual(["sql"]);
    expect(JSON.parse(JSON.stringify(second)).ranges.fit).toEqual({ min: 20, max: 50 });
    expect(first.ranges).toEqual({ won: { min: 1500, max: 1500 }, fit: { min: 50, max: 50 } });
    // Read once, they are plain values; nothing else about the result shows.
    expect(Object.getOwnPropertyDescriptor(first, "ranges")).toMatchObject({ enumerable: true, writable: true });
    expect(Object.keys(first)).toHaveLength(11);
  });
});

describe("score ranges", () => {
  it("is one value per score when nothing is missing", () => {
    const result = DEALS.evaluate({ role: "CEO", employees: 200, deals: [{ stage: "won", amount: 1500 }] }, { now: NOW });
    expect(result.ranges).toEqual({ won: { min: 1500, max: 1500 }, fit: { min: 50, max: 50 } });
    expect(result.possibleTiers).toEqual(["sql"]);
    expect(result.questions).toEqual([]);
  });

  it("adds what a rule could add, or take away, once its field is known, clamped to the group's max", () => {
    const result = DEALS.evaluate({ role: "CEO", deals: [] }, { now: NOW });
    // employees decides between "Mid-market" (+20, clamped to 50), "Tiny" (-10) and neither.
    expect(result.ranges["fit"]).toEqual({ min: 20, max: 50 });
  });

  it("sums an element whose stage is missing as either in or out", () => {
    const result = DEALS.evaluate(
      { role: "CEO", employees: 200, deals: [{ stage: "won", amount: 700 }, { amount: 400 }, { stage: "lost", amount: 9000 }] },
      { now: NOW },
    );
    expect(result.scores["won"]).toBeNull();
    expect(result.ranges["won"]).toEqual({ min: 700, max: 1100 });
    expect(result.unknown).toContainEqual({ id: "won", missing: ["deals.stage"] });
    // The deal's stage decides between sql (won: 1100) and mql (fit 50).
    expect(result.possibleTiers).toEqual(["sql", "mql"]);
    expect(result.questions).toEqual([{ field: "deals.stage", tiers: ["sql", "mql"], decides: true }]);
  });

  it("says a computed score may stay unknown when a missing amount of a chosen element could be anything", () => {
    const result = DEALS.evaluate({ role: "CFO", employees: 5, deals: [{ stage: "won" }] }, { now: NOW });
    expect(result.ranges["won"]?.min).toBe(-Number.MAX_VALUE);
    expect(result.ranges["won"]?.max).toBe(Number.MAX_VALUE);
  });
});

describe("questions", () => {
  const BANT = compileSource(`
model bant "BANT"
input {
  budget_usd: number?
  role: text?
  pains: list of text = []
  timeline_days: number?
}
criterion budget "Budget" = budget_usd >= 10_000
criterion authority "Authority" = role in ["CEO", "CFO", "VP"]
criterion need "Need" = count(pains) >= 1
criterion timing "Timing" = timeline_days <= 90
score met "Criteria met" = count of (budget, authority, need, timing)
disqualify "Student" when role = "student"
tier sql "Sales qualified" when at least 3 of (budget, authority, need, timing)
tier mql "Marketing qualified" when at least 2 of (budget, authority, need, timing)
tier lead "Lead" otherwise
`);

  it("puts the fields that decide the tier first, each with the tiers its answer could lead to", () => {
    const result = BANT.evaluate({ budget_usd: 50_000, pains: ["churn"] }, { now: NOW });
    expect(result.tier).toBe("mql");
    expect(result.possibleTiers).toEqual(["disqualified", "sql", "mql"]);
    expect(result.questions).toEqual([
      { field: "role", tiers: ["disqualified", "sql", "mql"], decides: true },
      { field: "timeline_days", tiers: ["sql", "mql"], decides: true },
    ]);
    expect(result.ranges["met"]).toEqual({ min: 2, max: 4 });
  });

  it("keeps a field that cannot change the tier, and says so", () => {
    const result = BANT.evaluate({ budget_usd: 50_000, role: "CFO", pains: ["churn"] }, { now: NOW });
    expect(result.tier).toBe("sql");
    expect(result.questions).toEqual([{ field: "timeline_days", tiers: ["sql"], decides: false }]);
  });
});
