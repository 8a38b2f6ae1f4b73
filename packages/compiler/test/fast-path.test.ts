import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { compile } from "../src/index.js";
import { readsEvaluationTime as readsClock } from "@qualify/ir";
import { recordBuilder } from "../src/model/shaped-record.js";
import { intern } from "../src/runtime/intern.js";
import { bantModel, E, field, model, T } from "./ir-builders.js";

/*
 * What the fast path's shortcuts must not change: the clock is skipped only
 * for models without date tests, result records are fresh objects with every
 * key, and leads are read from own enumerable properties however they are built.
 */

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the evaluation time", () => {
  it("knows which models read the clock", () => {
    expect(readsClock(bantModel())).toBe(false);
    const dated = model({
      inputs: [field("d", T.date)],
      scores: [{ kind: "computed", id: "age", label: "Age", expr: E.call("days_since", [E.field("d", T.date)]) }],
    });
    expect(readsClock(dated)).toBe(true);
  });

  it("never reads the clock for a model without date tests, but still refuses an invalid now", () => {
    const clock = vi.spyOn(Date, "now");
    const bant = compile(bantModel());
    expect(bant.score({ pains: ["x"], budget_usd: 20_000, role: "CEO" })).toEqual({ tier: "sql", scores: { met: 3 } });
    expect(bant.evaluate({ pains: [] }).tier).toBe("cold");
    expect(clock).not.toHaveBeenCalled();
    expect(() => bant.score({ pains: [] }, { now: "yesterday" })).toThrow(RangeError);
    expect(() => bant.evaluate({ pains: [] }, { now: Number.NaN })).toThrow(RangeError);
  });
});

describe("result records", () => {
  const keySets = [["met"], ["a", "b", "c", "d"], ["a", "__proto__"], ["a", "__proto__", "c", "d", "e", "f", "g"], []];
  it.each(keySets)("are fresh objects with every key in order, unknown as null, and no -0 (keys %j)", (...keys: string[]) => {
    const slots = keys.map((_, i) => i);
    const build = recordBuilder<number>(keys, slots, "number");
    const value = fc.oneof(fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(value, { minLength: keys.length, maxLength: keys.length }), (values) => {
        const first = build(values);
        const second = build(values);
        expect(first).not.toBe(second);
        expect(Object.keys(first)).toEqual(keys);
        expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
        keys.forEach((key, i) => {
          const v = values[i] ?? null;
          const got = Object.getOwnPropertyDescriptor(first, key)?.value as number | null;
          expect(got).toBe(v === null ? null : v + 0);
          if (got !== null) expect(Object.is(got, -0)).toBe(false);
        });
      }),
      { numRuns: 100 },
    );
  });

  it("keep booleans as they are, with few keys and with many", () => {
    const many = recordBuilder<boolean>(["x", "y", "z", "w", "v", "u"], [0, 1, 2, 3, 4, 5], "bool");
    expect(many([true, false, null, true, null, false])).toEqual({ x: true, y: false, z: null, w: true, v: null, u: false });
    const few = recordBuilder<boolean>(["x", "y", "z"], [2, 0, 1], "bool");
    expect(few([true, null, false])).toEqual({ x: false, y: true, z: null });
    const proto = recordBuilder<boolean>(["__proto__"], [0], "bool")([true]);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(proto, "__proto__")?.value).toBe(true);
  });
});

describe("interned names", () => {
  it("are equal to the text they were made from, __proto__ included", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "0", "toString")), (text) => {
        const sliced = `#${text}`.slice(1);
        expect(intern(sliced)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe("reading leads", () => {
  const bant = compile(bantModel());

  it("ignores own non-enumerable properties", () => {
    const lead: Record<string, unknown> = { pains: ["churn"] };
    Object.defineProperty(lead, "budget_usd", { value: 50_000, enumerable: false });
    Object.defineProperty(lead, "role", { value: "CEO", enumerable: true });
    const result = bant.evaluate(lead);
    expect(result.criteria).toMatchObject({ budget: null, authority: true, need: true });
  });

  it("ignores inherited enumerable properties, even when they share a name with an own non-enumerable one", () => {
    const proto = { budget_usd: 50_000, role: "CEO" };
    const lead = Object.create(proto) as Record<string, unknown>;
    lead["pains"] = [];
    Object.defineProperty(lead, "role", { value: "CFO", enumerable: false });
    expect(bant.evaluate(lead).criteria).toMatchObject({ budget: null, authority: null, need: false });
  });

  it("reads the same values whatever order the lead's keys are in", () => {
    const entries: [string, unknown][] = [["budget_usd", 20_000], ["role", "vp"], ["pains", ["a"]], ["timeline_days", 30], ["extra", 1]];
    fc.assert(
      fc.property(fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }), (shuffled) => {
        const lead = Object.fromEntries(shuffled);
        expect(bant.score(lead)).toEqual({ tier: "sql", scores: { met: 4 } });
      }),
      { numRuns: 100 },
    );
  });

  // Twelve fields: more than the one-pass reader takes, so this is the general reader.
  const names = Array.from({ length: 12 }, (_, i) => `f${i}`);
  const wide = compile(
    model({
      inputs: names.map((name) => field(name, T.number, { optional: true })),
      scores: names.map((name) => ({ kind: "computed" as const, id: name, label: name, expr: E.field(name, T.number) })),
    }),
  );

  it("reads only own enumerable properties in models with many fields too", () => {
    const lead: Record<string, unknown> = Object.fromEntries(names.map((name, i) => [name, i]));
    Object.defineProperty(lead, "f3", { value: 33, enumerable: false });
    delete lead["f5"];
    const child = Object.create(lead) as Record<string, unknown>;
    child["f7"] = 77;
    expect(wide.score(lead).scores).toMatchObject({ f0: 0, f3: null, f5: null, f11: 11 });
    expect(wide.score(child).scores).toMatchObject({ f0: null, f7: 77, f11: null });
    const prototype = Object.prototype as Record<string, unknown>;
    prototype["f5"] = 55;
    try {
      expect(wide.score(lead).scores).toMatchObject({ f4: 4, f5: null, f6: 6 });
    } finally {
      delete prototype["f5"];
    }
  });

  it("reads leads with the same keys in different orders alike", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(names), (present) => {
        const lead = Object.fromEntries(present.map((name) => [name, Number(name.slice(1))]));
        const scores = wide.score(lead).scores;
        for (const name of names) expect(scores[name]).toBe(present.includes(name) ? Number(name.slice(1)) : null);
      }),
      { numRuns: 150 },
    );
  });
});

describe("quantifiers over criteria and yes/no fields, tested inline", () => {
  const flags = ["a", "b", "c", "d"];
  const items = flags.map((name) => E.field(name, T.bool));
  const quantified = (n: number) =>
    compile(
      model({
        inputs: flags.map((name) => field(name, T.bool, { optional: true })),
        criteria: [
          { id: "q", label: "Q", expr: E.atLeast(n, items) },
          { id: "all", label: "All", expr: { kind: "quantifier", quantifier: "all", items, type: T.bool } },
          { id: "any", label: "Any", expr: { kind: "quantifier", quantifier: "any", items, type: T.bool } },
        ],
        tiers: [
          { id: "hot", label: "Hot", when: E.atLeast(n, flags.map((_, i) => E.crit(["q", "all", "any"][i % 3] as string))) },
          { id: "cold", label: "Cold" },
        ],
      }),
    );
  const models = [1, 2, 3, 4].map(quantified);

  /** Three-valued `at least n of`, written out plainly. */
  const atLeast = (n: number, values: readonly (boolean | null)[]): boolean | null => {
    const yes = values.filter((v) => v === true).length;
    const unknown = values.filter((v) => v === null).length;
    return yes >= n ? true : yes + unknown < n ? false : null;
  };

  it("agree with three-valued counting, on the fast and the full path", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.constantFrom(true, false, null), { minLength: 4, maxLength: 4 }), (n, values) => {
        const lead = Object.fromEntries(flags.map((name, i) => [name, values[i]]));
        const result = (models[n - 1] as ReturnType<typeof compile>).evaluate(lead);
        const q = atLeast(n, values);
        const all = atLeast(4, values);
        const any = atLeast(1, values);
        expect(result.criteria).toEqual({ q, all, any });
        const hot = atLeast(n, [q, all, any, q]) === true;
        expect(result.tier).toBe(hot ? "hot" : "cold");
        expect((models[n - 1] as ReturnType<typeof compile>).score(lead).tier).toBe(result.tier);
      }),
      { numRuns: 300 },
    );
  });
});
