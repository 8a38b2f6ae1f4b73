import { DISQUALIFIED_TIER } from "@qualify/ir";
import { describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { inboundModel } from "./inbound-model.js";
import { E, field, model, T } from "./ir-builders.js";

const NOW = "2026-11-01";

describe("the design's inbound example", () => {
  const inbound = compile(inboundModel());
  const lead = { email: "ana@acme.example", company: { employees: 200, country: "us" }, page_views_30d: 5, whitepaper: true };

  it("gives exactly the result JSON shown in the design", () => {
    expect(inbound.evaluate(lead, { now: NOW })).toEqual({
      model: "inbound",
      tier: "mql",
      disqualified: [],
      scores: { fit: 30, engagement: 25, total: 55 },
      raw: {},
      criteria: {},
      reasons: [
        { score: "fit", rule: "Mid-market company", points: 20 },
        { score: "fit", rule: "Target country", points: 10 },
        { score: "engagement", rule: "Page views", points: 10 },
        { score: "engagement", rule: "Whitepaper", points: 15 },
      ],
      unknown: [{ id: "engagement/Gone quiet", missing: ["last_activity"] }],
      // "Gone quiet" (-10) may or may not fire once last_activity is known; mql (total >= 40) either way.
      ranges: { fit: { min: 30, max: 30 }, engagement: { min: 15, max: 25 }, total: { min: 45, max: 55 } },
      possibleTiers: ["mql"],
      questions: [{ field: "last_activity", tiers: ["mql"], decides: false }],
    });
    expect(inbound.score(lead, { now: NOW })).toEqual({ tier: "mql", scores: { fit: 30, engagement: 25, total: 55 } });
  });

  it("clamps a group to its max and reports the unclamped sum in raw", () => {
    const busy = { ...lead, page_views_30d: 50, trial_started: true, last_activity: "2026-10-20" };
    const result = inbound.evaluate(busy, { now: NOW });
    expect(result.scores["engagement"]).toBe(40);
    expect(result.raw).toEqual({ engagement: 60 });
    expect(result.tier).toBe("pql");
  });

  it("lists negative points among the reasons", () => {
    const result = inbound.evaluate({ email: "bob@GMAIL.com", last_activity: "2026-01-01" }, { now: NOW });
    expect(result.reasons).toEqual([
      { score: "fit", rule: "Personal email", points: -30 },
      { score: "engagement", rule: "Gone quiet", points: -10 },
    ]);
    expect(result.scores).toEqual({ fit: -30, engagement: -10, total: -40 });
    expect(result.raw).toEqual({});
    expect(result.unknown.map((u) => u.id)).toEqual(["fit/Mid-market company", "fit/Target country"]);
    expect(result.unknown[0]?.missing).toEqual(["company.employees"]);
  });

  it("reads an absent record whose fields are all optional as {}", () => {
    const result = inbound.evaluate({ email: "x@y.example" }, { now: NOW });
    expect(result.unknown.find((u) => u.id === "fit/Target country")?.missing).toEqual(["company.country"]);
  });

  it("disqualifies a competitor without evaluating tiers", () => {
    const result = inbound.evaluate({ email: "spy@RIVAL.example" }, { now: NOW });
    expect(result.tier).toBe(DISQUALIFIED_TIER);
    expect(result.disqualified).toEqual(["Competitor"]);
    expect(inbound.score({ email: "spy@rival.example" }, { now: NOW }).tier).toBe(DISQUALIFIED_TIER);
  });
});

describe("groups, knockouts and tiers", () => {
  const n = E.field("n", T.number);
  const flag = E.field("flag", T.bool);
  const ir = model({
    inputs: [field("n", T.number, { optional: true }), field("flag", T.bool, { optional: true })],
    scores: [
      {
        kind: "group",
        id: "g",
        label: "G",
        min: 0,
        rules: [
          { label: "Unknown when", points: E.num(5), when: E.cmp(">", n, E.num(1)) },
          { label: "Unknown points", points: E.arith("*", n, E.num(2)), when: E.bool(true) },
          { label: "Minus", points: E.num(-8) },
          { label: "Zero", points: E.num(0) },
        ],
      },
      { kind: "computed", id: "half", label: "Half", expr: E.arith("/", n, E.num(2)) },
    ],
    disqualify: [
      { reason: "Flagged", when: flag },
      { reason: "Tiny", when: E.cmp("<", n, E.num(0)) },
      { reason: "Also flagged", when: E.and(flag, E.bool(true)) },
    ],
    tiers: [
      { id: "first", label: "First", when: E.cmp(">", n, E.num(100)) },
      { id: "second", label: "Second", when: E.cmp(">", E.score("g"), E.num(-1)) },
      { id: "third", label: "Third", when: flag },
      { id: "rest", label: "Rest" },
    ],
  });
  const compiled = compile(ir);

  it("adds 0 for unknown rules, reports them unknown, clamps to min and keeps raw", () => {
    const result = compiled.evaluate({}, { now: 0 });
    expect(result.scores).toEqual({ g: 0, half: null });
    expect(result.raw).toEqual({ g: -8 });
    expect(result.reasons).toEqual([{ score: "g", rule: "Minus", points: -8 }]);
    expect(result.unknown).toEqual([
      { id: "g/Unknown when", missing: ["n"] },
      { id: "g/Unknown points", missing: ["n"] },
      { id: "half", missing: ["n"] },
      { id: "disqualify/Flagged", missing: ["flag"] },
      { id: "disqualify/Tiny", missing: ["n"] },
      { id: "disqualify/Also flagged", missing: ["flag"] },
      { id: "first", missing: ["n"] },
    ]);
    expect(result.tier).toBe("second");
  });

  it("lists every knockout that fired, in declaration order", () => {
    const result = compiled.evaluate({ flag: true, n: -3 }, { now: 0 });
    expect(result.tier).toBe(DISQUALIFIED_TIER);
    expect(result.disqualified).toEqual(["Flagged", "Tiny", "Also flagged"]);
    expect(result.unknown.some((u) => u.id === "first")).toBe(false);
  });

  it("takes the first true tier and passes over unknown ones before it only", () => {
    expect(compiled.evaluate({ n: 500, flag: false }, { now: 0 }).tier).toBe("first");
    const result = compiled.evaluate({ flag: false }, { now: 0 });
    expect(result.tier).toBe("second");
    expect(result.unknown.map((u) => u.id).filter((id) => !id.includes("/") && id !== "half")).toEqual(["first"]);
  });

  it("falls through to otherwise", () => {
    const only = compile(model({ inputs: [field("n", T.number, { optional: true })], tiers: [
      { id: "big", label: "Big", when: E.cmp(">", n, E.num(10)) },
      { id: "rest", label: "Rest" },
    ] }));
    expect(only.score({ n: 1 }).tier).toBe("rest");
    expect(only.score({}).tier).toBe("rest");
    expect(only.evaluate({}).unknown).toEqual([{ id: "big", missing: ["n"] }]);
  });
});

describe("a rule whose points fold to a constant with no value", () => {
  // decay(1000000, -0.5) = 0.5 ** -2000000 overflows: a constant that is unknown on every lead.
  const ir = model({
    scores: [
      {
        kind: "group",
        id: "g",
        label: "G",
        rules: [
          { label: "Overflowing decay", points: E.call("decay", [E.num(1_000_000), E.num(-0.5)]) },
          { label: "Ten", points: E.num(10) },
        ],
      },
    ],
  });
  const compiled = compile(ir);

  it("is reported unknown with its cause, adds 0, and the fast path agrees", () => {
    const result = compiled.evaluate({}, { now: 0 });
    expect(result.scores).toEqual({ g: 10 });
    expect(result.reasons).toEqual([{ score: "g", rule: "Ten", points: 10 }]);
    expect(result.unknown).toEqual([{ id: "g/Overflowing decay", missing: [], because: ["decay with a half-life of zero"] }]);
    expect(compiled.score({}, { now: 0 }).scores).toEqual({ g: 10 });
  });
});

describe("missing follows references through lets, criteria and scores", () => {
  it("names the input fields behind a let used by a criterion, once each, in first-seen order", () => {
    const a = E.field("a", T.number);
    const b = E.field("b", T.number);
    const ir = model({
      inputs: [field("a", T.number, { optional: true }), field("b", T.number, { optional: true })],
      lets: [{ id: "sum", expr: E.arith("+", b, a) }],
      criteria: [{ id: "big", label: "Big", expr: E.and(E.cmp(">", E.ref("let", "sum", T.number), E.num(3)), E.cmp(">", a, E.num(0))) }],
      scores: [{ kind: "computed", id: "twice", label: "Twice", expr: E.arith("*", E.ref("let", "sum", T.number), E.num(2)) }],
    });
    const result = compile(ir).evaluate({}, { now: 0 });
    expect(result.unknown).toEqual([
      { id: "big", missing: ["b", "a"] },
      { id: "twice", missing: ["b", "a"] },
    ]);
  });
});
