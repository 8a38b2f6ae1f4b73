import fc from "fast-check";
import { Engine } from "json-rules-engine";
import type { RuleProperties, TopLevelCondition } from "json-rules-engine";
import { compileModel } from "qualify";
import { describe, expect, it } from "vitest";
import { importRulesEngine } from "../src/index.js";

// Facts of every kind the importer translates: a number, a number inside a record (read through a path),
// a text, a list of texts and a yes/no. Texts are lower case: Qual compares text ignoring case (the report says so),
// so agreement is asserted where case cannot matter.
const WORDS = ["us", "ca", "de", "churn", "growth", "trial"];
const factsArb = fc.record({
  visits: fc.integer({ min: -5, max: 30 }),
  company: fc.record({ size: fc.integer({ min: 0, max: 2000 }) }),
  country: fc.constantFrom(...WORDS),
  tags: fc.uniqueArray(fc.constantFrom(...WORDS), { maxLength: 4 }),
  trial: fc.boolean(),
});

const leaf = fc.oneof(
  fc.record({
    fact: fc.constant("visits"),
    operator: fc.constantFrom("lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "equal", "notEqual"),
    value: fc.integer({ min: -5, max: 30 }),
  }),
  fc.record({
    fact: fc.constant("company"),
    path: fc.constant("$.size"),
    operator: fc.constantFrom("lessThan", "greaterThanInclusive", "equal"),
    value: fc.integer({ min: 0, max: 2000 }),
  }),
  fc.record({ fact: fc.constant("country"), operator: fc.constantFrom("equal", "notEqual"), value: fc.constantFrom(...WORDS) }),
  fc.record({ fact: fc.constant("country"), operator: fc.constantFrom("in", "notIn"), value: fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }) }),
  fc.record({ fact: fc.constant("tags"), operator: fc.constantFrom("contains", "doesNotContain"), value: fc.constantFrom(...WORDS) }),
  fc.record({ fact: fc.constant("trial"), operator: fc.constantFrom("equal", "notEqual"), value: fc.boolean() }),
);

const { condition } = fc.letrec((tie) => ({
  condition: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie("condition"), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("condition"), { maxLength: 3 }) }),
    fc.record({ not: tie("condition") }),
  ),
}));
const topLevel = fc.oneof(
  fc.record({ all: fc.array(condition, { maxLength: 3 }) }),
  fc.record({ any: fc.array(condition, { maxLength: 3 }) }),
  fc.record({ not: condition }),
) as fc.Arbitrary<TopLevelCondition>;

const pointsRule = fc.record({
  conditions: topLevel,
  event: fc.record({
    type: fc.constant("score"),
    params: fc.record({ group: fc.constantFrom("fit", "engagement"), points: fc.integer({ min: -20, max: 40 }) }),
  }),
});
const tierRule = fc.record({
  conditions: topLevel,
  event: fc.record({ type: fc.constant("tier"), params: fc.record({ tier: fc.constantFrom("hot", "warm", "cool") }) }),
});
// Tier rules get distinct priorities: the engine orders events by priority, and within one priority
// its order is the order its promises settle, which no model can promise to copy.
const rulesArb = fc.tuple(fc.array(pointsRule, { maxLength: 5 }), fc.array(tierRule, { maxLength: 4 })).map(([points, tiers]) => [
  ...points.map((r, i) => ({ ...r, name: `points ${i + 1}` })),
  ...tiers.map((r, i) => ({ ...r, name: `tier ${i + 1}`, priority: 10 + i })),
]);

async function engineOutcome(rules: readonly RuleProperties[], facts: object) {
  const engine = new Engine([...rules]);
  const { results } = await engine.run(facts);
  const scores: Record<string, number> = {};
  let best: { priority: number; tier: string } | undefined;
  for (const result of results) {
    const params = (result.event?.params ?? {}) as { group?: string; points?: number; tier?: string };
    if (params.points !== undefined) scores[params.group!] = (scores[params.group!] ?? 0) + params.points;
    if (params.tier !== undefined && (best === undefined || result.priority > best.priority)) best = { priority: result.priority, tier: params.tier };
  }
  return { scores, tier: best?.tier };
}

describe("models imported from json-rules-engine", () => {
  it("agree with json-rules-engine itself on generated rules and facts", async () => {
    await fc.assert(
      fc.asyncProperty(rulesArb, fc.array(factsArb, { minLength: 1, maxLength: 8 }), async (rules, leads) => {
        const imported = importRulesEngine({ rules });
        expect(imported.report.entries.filter((e) => e.severity === "refused")).toEqual([]);
        if (imported.model === undefined) return;
        const model = compileModel(imported.model);
        for (const facts of leads) {
          const expected = await engineOutcome(rules as RuleProperties[], facts);
          const got = model.evaluate(facts);
          for (const group of ["fit", "engagement"]) {
            if (group in got.scores) expect(got.scores[group]).toBe(expected.scores[group] ?? 0);
            else expect(expected.scores[group]).toBeUndefined();
          }
          expect(got.tier).toBe(expected.tier ?? "no_tier");
        }
      }),
      { numRuns: 300 },
    );
  });
});
