import type { EvaluationResult } from "@qualify/ir";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareWithExpectation } from "../src/fixtures/match-expectation.js";

const result: EvaluationResult = {
  model: "inbound",
  tier: "mql",
  disqualified: ["Competitor", "Student"],
  scores: { fit: 30, engagement: 25.000000000001, total: null },
  raw: { fit: 45 },
  criteria: { budget: true, authority: false, timing: null },
  reasons: [
    { score: "fit", rule: "Mid-market company", points: 20 },
    { score: "fit", rule: "Target country", points: 10 },
    { score: "engagement", rule: "Pages / visits", points: 25.000000000001 },
  ],
  unknown: [
    { id: "timing", missing: ["timeline_days"] },
    { id: "engagement/Gone quiet", missing: ["last_activity"] },
  ],
  ranges: { fit: { min: 30, max: 30 }, engagement: { min: 15, max: 25 }, total: { min: null, max: null, unknown: true } },
  possibleTiers: ["sql", "mql"],
  questions: [],
};

describe("compareWithExpectation", () => {
  it("passes an empty expectation", () => {
    expect(compareWithExpectation({}, result)).toEqual([]);
  });

  it("reports a different tier with expected and actual", () => {
    expect(compareWithExpectation({ tier: "sql" }, result)).toEqual([{ path: "tier", expected: "sql", actual: "mql" }]);
  });

  it("compares only the scores given, numbers within 1e-9", () => {
    expect(compareWithExpectation({ scores: { engagement: 25 } }, result)).toEqual([]);
    expect(compareWithExpectation({ scores: { fit: 30.00001 } }, result)).toEqual([
      { path: "scores.fit", expected: 30.00001, actual: 30 },
    ]);
  });

  it("treats null as unknown and an absent score as a difference", () => {
    expect(compareWithExpectation({ scores: { total: null } }, result)).toEqual([]);
    expect(compareWithExpectation({ scores: { total: 0 } }, result)).toEqual([{ path: "scores.total", expected: 0, actual: null }]);
    expect(compareWithExpectation({ scores: { nope: 1 } }, result)).toEqual([{ path: "scores.nope", expected: 1, actual: undefined }]);
  });

  it("compares criteria by the keys given, null meaning unknown", () => {
    expect(compareWithExpectation({ criteria: { budget: true, timing: null } }, result)).toEqual([]);
    expect(compareWithExpectation({ criteria: { authority: null } }, result)).toEqual([
      { path: "criteria.authority", expected: null, actual: false },
    ]);
  });

  it("compares disqualified as a set, exactly", () => {
    expect(compareWithExpectation({ disqualified: ["Student", "Competitor"] }, result)).toEqual([]);
    expect(compareWithExpectation({ disqualified: ["Competitor"] }, result)).toHaveLength(1);
    expect(compareWithExpectation({ disqualified: ["Competitor", "Student", "Spam"] }, result)).toHaveLength(1);
  });

  it("compares unknown as a set of ids", () => {
    expect(compareWithExpectation({ unknown: ["engagement/Gone quiet", "timing"] }, result)).toEqual([]);
    expect(compareWithExpectation({ unknown: [] }, result)).toEqual([
      { path: "unknown", expected: [], actual: ["timing", "engagement/Gone quiet"] },
    ]);
  });

  it("compares raw by the ids given, a group that was not capped having no raw sum", () => {
    expect(compareWithExpectation({ raw: { fit: 45 } }, result)).toEqual([]);
    expect(compareWithExpectation({ raw: { fit: 50, engagement: 25 } }, result)).toEqual([
      { path: "raw.fit", expected: 50, actual: 45 },
      { path: "raw.engagement", expected: 25, actual: undefined },
    ]);
  });

  it("compares reasons as a subset, by score/Label text or with points", () => {
    expect(compareWithExpectation({ reasons: [{ score: "fit", rule: "Target country" }] }, result)).toEqual([]);
    expect(compareWithExpectation({ reasons: [{ score: "engagement", rule: "Pages / visits", points: 25 }, { score: "fit", rule: "Mid-market company", points: 20 }] }, result)).toEqual([]);
    expect(compareWithExpectation({ reasons: [{ score: "fit", rule: "Mid-market company", points: 10 }] }, result)).toEqual([
      { path: "reasons", expected: "fit/Mid-market company +10", actual: "fit/Mid-market company +20" },
    ]);
    const [missing] = compareWithExpectation({ reasons: [{ score: "engagement", rule: "Whitepaper" }] }, result);
    expect(missing).toMatchObject({ path: "reasons", expected: "engagement/Whitepaper" });
    expect(missing?.actual).toContain("fit/Target country +10");
  });

  it("compares possible tiers exactly and in order", () => {
    expect(compareWithExpectation({ possibleTiers: ["sql", "mql"] }, result)).toEqual([]);
    expect(compareWithExpectation({ possibleTiers: ["mql", "sql"] }, result)).toEqual([
      { path: "possibleTiers", expected: ["mql", "sql"], actual: ["sql", "mql"] },
    ]);
    expect(compareWithExpectation({ possibleTiers: ["sql"] }, result)).toHaveLength(1);
    const { possibleTiers: _, ...older } = result;
    expect(compareWithExpectation({ possibleTiers: ["sql"] }, older as EvaluationResult)).toEqual([
      { path: "possibleTiers", expected: ["sql"], actual: undefined },
    ]);
  });

  it("compares ranges by the ids and keys given", () => {
    expect(compareWithExpectation({ ranges: { fit: { min: 30, max: 30 }, engagement: { max: 25 } } }, result)).toEqual([]);
    expect(compareWithExpectation({ ranges: { total: { min: null, unknown: true } } }, result)).toEqual([]);
    expect(compareWithExpectation({ ranges: { engagement: { min: 0, max: 25, unknown: true }, nope: { max: 1 } } }, result)).toEqual([
      { path: "ranges.engagement.min", expected: 0, actual: 15 },
      { path: "ranges.engagement.unknown", expected: true, actual: false },
      { path: "ranges.nope.max", expected: 1, actual: undefined },
    ]);
  });

  it("lists every difference, not just the first", () => {
    const differences = compareWithExpectation({ tier: "sql", scores: { fit: 1 }, criteria: { budget: false } }, result);
    expect(differences.map((d) => d.path)).toEqual(["tier", "scores.fit", "criteria.budget"]);
  });
});

describe("compareWithExpectation on generated results", () => {
  const id = fc.constantFrom("a", "b", "c", "d");
  const generatedResult = fc.record({
    tier: fc.constantFrom("sql", "mql", "cold", "disqualified"),
    scores: fc.dictionary(id, fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { nil: null })),
    criteria: fc.dictionary(id, fc.option(fc.boolean(), { nil: null })),
    disqualified: fc.uniqueArray(id),
    unknown: fc.uniqueArray(id).map((ids) => ids.map((i) => ({ id: i, missing: [] }))),
  });

  it("finds no difference between a result and an expectation made from it, in any order", () => {
    fc.assert(
      fc.property(generatedResult, (r) => {
        const result = { model: "m", raw: {}, reasons: [], ...r } as EvaluationResult;
        const expectation = {
          tier: r.tier,
          scores: r.scores,
          criteria: r.criteria,
          disqualified: [...r.disqualified].reverse(),
          unknown: r.unknown.map((u) => u.id).reverse(),
        };
        expect(compareWithExpectation(expectation, result)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("finds a difference when any expected score moves by more than the tolerance", () => {
    fc.assert(
      fc.property(generatedResult, fc.double({ min: 1e-6, max: 10, noNaN: true }), (r, delta) => {
        const entries = Object.entries(r.scores).filter((e): e is [string, number] => e[1] !== null);
        fc.pre(entries.length > 0);
        const [key, value] = entries[0] as [string, number];
        const result = { model: "m", raw: {}, reasons: [], ...r } as EvaluationResult;
        expect(compareWithExpectation({ scores: { [key]: value + delta } }, result).map((d) => d.path)).toEqual([`scores.${key}`]);
      }),
      { numRuns: 200 },
    );
  });
});
