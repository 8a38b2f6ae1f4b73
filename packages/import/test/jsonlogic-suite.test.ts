import { describe, expect, it } from "vitest";
import { readSuite, runCase, SUITE_FIGURES } from "./jsonlogic-suite.js";

describe("the shared JsonLogic suite through import and Qual evaluation", () => {
  const cases = readSuite();
  const outcomes = cases.map((c) => ({ c, outcome: runCase(c) }));

  it("has no case that translates to a different answer", () => {
    const different = outcomes
      .filter((o) => o.outcome.kind === "different")
      .map((o) => ({ rule: o.c.rule, data: o.c.data, expected: o.c.expected, got: (o.outcome as { got: unknown }).got }));
    expect(different).toEqual([]);
  });

  it("gives every refused case a reason", () => {
    for (const { outcome } of outcomes) if (outcome.kind === "refused") expect(outcome.reason.length).toBeGreaterThan(20);
  });

  it("matches the counts in the README (identical and refused add up to the whole suite)", () => {
    const count = (kind: string) => outcomes.filter((o) => o.outcome.kind === kind).length;
    expect(cases.length).toBe(277);
    expect({ identical: count("identical"), refused: count("refused"), different: count("different") }).toEqual(SUITE_FIGURES);
  });
});
