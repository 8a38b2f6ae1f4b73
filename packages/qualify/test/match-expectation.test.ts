import type { EvaluationResult } from "@qualify/ir";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareWithExpectation } from "../src/fixtures/match-expectation.js";

const result: EvaluationResult = {
  model: "inbound",
  tier: "mql",
  disqualified: ["Competitor", "Student"],
  scores: { fit: 30, engagement: 25.000000000001, total: null },
  raw: {},
  criteria: { budget: true, authority: false, timing: null },
  reasons: [],
  unknown: [
    { id: "timing", missing: ["timeline_days"] },
    { id: "engagement/Gone quiet", missing: ["last_activity"] },
  ],
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
