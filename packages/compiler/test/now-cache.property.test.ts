// The evaluation time given as text is parsed once per distinct value in a
// row. Property: a model called with any sequence of `now` values (repeated,
// alternating, invalid, numbers and Dates mixed in) gives exactly what a
// freshly compiled model, with nothing remembered, gives for each call.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { E, field, model, T } from "./ir-builders.js";

const dated = model({
  inputs: [field("d", T.date)],
  scores: [{ kind: "computed", id: "age", label: "Age", expr: E.call("days_since", [E.field("d", T.date)]) }],
});

const texts = ["2026-11-01", "2026-11-02", "2026-11-01T12:00:00Z", "2025-02-28", "not a date", "2026-13-40", ""];
const nowValue = fc.oneof(
  fc.constantFrom(...texts),
  fc.constantFrom(...texts).map((t) => new Date(t)),
  fc.integer({ min: 0, max: 2_000_000_000_000 }),
  fc.constant(Number.NaN),
);

function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

describe("the remembered evaluation time", () => {
  it("gives the same result and the same errors as parsing every time", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(nowValue, fc.constantFrom("2026-10-01", "2020-01-01", null)), { minLength: 1, maxLength: 12 }), (calls) => {
        const model = compile(dated);
        for (const [now, d] of calls) {
          const fresh = compile(dated);
          expect(outcome(() => model.score({ d }, { now }))).toEqual(outcome(() => fresh.score({ d }, { now })));
          expect(outcome(() => model.evaluate({ d }, { now }))).toEqual(outcome(() => fresh.evaluate({ d }, { now })));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("moves on when the text changes, and back again (alternating values)", () => {
    const model = compile(dated);
    const ages = ["2026-11-01", "2026-11-11", "2026-11-01", "2026-11-11"].map((now) => model.score({ d: "2026-10-01" }, { now }).scores["age"]);
    expect(ages).toEqual([31, 41, 31, 41]);
  });

  it("never remembers an invalid text as valid", () => {
    const model = compile(dated);
    model.score({ d: "2026-10-01" }, { now: "2026-11-01" });
    expect(() => model.score({ d: "2026-10-01" }, { now: "2026-11-01x" })).toThrow(RangeError);
    expect(() => model.score({ d: "2026-10-01" }, { now: "2026-11-01x" })).toThrow(RangeError);
  });
});
