import { readFileSync } from "node:fs";
import fc from "fast-check";
import { compileModel } from "qualify";
import { describe, expect, it } from "vitest";
import type { HubSpotScore } from "../src/index.js";
import { importHubSpot } from "../src/index.js";
import { scoreLead } from "./hubspot-semantics.js";

const NOW = new Date("2026-11-01T00:00:00Z");
const EXAMPLE = JSON.parse(readFileSync(new URL("../../../examples/imported/hubspot-score.json", import.meta.url), "utf8")) as HubSpotScore;

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const isoDate = fc.integer({ min: -20, max: 200 }).map((daysAgo) => new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10));
const leadArb = fc
  .record({
    company: maybe(fc.record({ employees: maybe(fc.integer({ min: 0, max: 3000 })), country: maybe(fc.constantFrom("US", "us", "DE", "gb", "FR")) })),
    job_title: maybe(fc.constantFrom("VP Sales", "vp marketing", "Chief of Staff", "Engineer", "Head of Chief Things")),
    email: maybe(fc.constantFrom("ann@gmail.com", "bo@ACME.com", "cy@Gmail.COM")),
    last_pricing_visit: maybe(isoDate),
    demo_requested_at: maybe(isoDate),
    newsletter_opens: maybe(fc.integer({ min: 0, max: 6 })),
  })
  .map((lead) => JSON.parse(JSON.stringify(lead)) as Record<string, unknown>);

/** Random scores in the documented shape, over the same properties. */
const criterionArb = fc.oneof(
  fc.record({ property: fc.constant("company.employees"), operator: fc.constantFrom("gt", "gte", "lt", "lte"), value: fc.integer({ min: 0, max: 3000 }) }),
  fc.record({ property: fc.constant("company.employees"), operator: fc.constant("between"), value: fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 500, max: 3000 })) }),
  fc.record({ property: fc.constant("company.country"), operator: fc.constantFrom("is_any_of", "is_none_of"), value: fc.uniqueArray(fc.constantFrom("US", "DE", "GB"), { minLength: 1 }) }),
  fc.record({ property: fc.constant("company.country"), operator: fc.constantFrom("is", "is_not"), value: fc.constantFrom("US", "de") }),
  fc.record({ property: fc.constant("job_title"), operator: fc.constantFrom("contains", "starts_with", "ends_with"), value: fc.constantFrom("vp", "Chief", "staff") }),
  fc.record({ property: fc.constant("email"), operator: fc.constantFrom("is_known", "is_unknown", "ends_with"), value: fc.constant("@gmail.com") }),
  fc.record({ property: fc.constant("newsletter_opens"), operator: fc.constantFrom("gte", "lt"), value: fc.integer({ min: 0, max: 6 }) }),
);
const ruleArb = (i: number) =>
  fc
    .record({
      points: fc.integer({ min: -30, max: 40 }),
      match: fc.constantFrom("all" as const, "any" as const),
      criteria: fc.array(criterionArb, { maxLength: 3 }),
      event: maybe(fc.record({ property: fc.constantFrom("last_pricing_visit", "demo_requested_at"), withinDays: fc.constantFrom(7, 30, 90, 180) })),
    })
    .map((r) => ({ label: `rule ${i}`, points: r.points, match: r.match, criteria: r.event === undefined && r.criteria.length === 0 ? [{ property: "email", operator: "is_known" }] : r.criteria, ...(r.event === undefined ? {} : { event: r.event }) }));
const groupArb = (name: string, kind: "fit" | "engagement") =>
  fc
    .record({
      limit: maybe(fc.integer({ min: 10, max: 80 })),
      decay: maybe(fc.record({ percent: fc.constantFrom(10, 25, 50, 75), everyMonths: fc.constantFrom(1 as const, 3 as const, 6 as const, 12 as const) })),
      rules: fc.tuple(ruleArb(1), ruleArb(2), ruleArb(3)),
    })
    .map((g) => ({ name, kind, rules: g.rules, ...(g.limit === undefined ? {} : { limit: g.limit }), ...(g.decay === undefined || kind === "fit" ? {} : { decay: g.decay }) }));
const scoreArb = fc
  .record({ fit: groupArb("Fit", "fit"), engagement: groupArb("Engagement", "engagement"), totalLimit: maybe(fc.integer({ min: 20, max: 120 })) })
  .map((s): HubSpotScore => ({ name: "Generated", groups: [s.fit, s.engagement], ...(s.totalLimit === undefined ? {} : { totalLimit: s.totalLimit }) }));

function agree(score: HubSpotScore, leads: readonly Record<string, unknown>[]): void {
  const imported = importHubSpot(score);
  expect(imported.report.entries.filter((e) => e.severity === "refused")).toEqual([]);
  const model = compileModel(imported.model!);
  const groupIds = imported.ir!.scores.filter((s) => s.kind === "group").map((s) => s.id);
  for (const lead of leads) {
    const expected = scoreLead(score, lead, NOW);
    const got = model.evaluate(lead, { now: NOW });
    groupIds.forEach((id, i) => expect(got.scores[id]).toBeCloseTo(expected.groups[i]!, 9));
    expect(got.scores["total"]).toBeCloseTo(expected.total, 9);
  }
}

describe("models imported from HubSpot-style scores", () => {
  it("score the example like the documented semantics on generated leads", () => {
    fc.assert(fc.property(fc.array(leadArb, { minLength: 1, maxLength: 20 }), (leads) => agree(EXAMPLE, leads)), { numRuns: 100 });
  });

  it("score generated scores like the documented semantics", () => {
    fc.assert(fc.property(scoreArb, fc.array(leadArb, { minLength: 1, maxLength: 10 }), (score, leads) => agree(score, leads)), { numRuns: 200 });
  });

  it("place leads in the threshold tiers by their total", () => {
    const model = compileModel(importHubSpot(EXAMPLE).model!);
    const lead = { company: { employees: 200, country: "us" }, job_title: "VP Sales", demo_requested_at: "2026-10-31" };
    const result = model.evaluate(lead, { now: NOW });
    expect(result.scores["total"]).toBeGreaterThanOrEqual(70);
    expect(result.tier).toBe("hot");
    expect(model.evaluate({ email: "x@gmail.com" }, { now: NOW }).tier).toBe("other");
  });

  it("refuses a document that is not in the documented shape, saying where", () => {
    const result = importHubSpot({ name: "x", groups: [{ name: "g", kind: "fit", rules: [{ label: "r", points: "ten" }] }] });
    expect(result.model).toBeUndefined();
    expect(result.report.entries).toContainEqual(expect.objectContaining({ severity: "refused", at: "/groups/0/rules/0/points" }));
  });
});
