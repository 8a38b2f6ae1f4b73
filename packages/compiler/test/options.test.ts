import { afterEach, describe, expect, it, vi } from "vitest";
import { compile, DEFAULT_LIMITS } from "../src/index.js";
import type { CompileOptions } from "../src/index.js";
import { bantModel, E, field, model, T } from "./ir-builders.js";

const dated = model({
  inputs: [field("d", T.date)],
  scores: [{ kind: "computed", id: "age", label: "Age", expr: E.call("days_since", [E.field("d", T.date)]) }],
});

describe("compile options", () => {
  it("refuses an unknown option or limit, naming it", () => {
    expect(() => compile(bantModel(), { limit: {} } as unknown as CompileOptions)).toThrow(/Unknown compile option "limit"/);
    expect(() => compile(bantModel(), { limits: { maxStrings: 3 } } as unknown as CompileOptions)).toThrow(/Unknown limit "maxStrings"/);
    expect(() => compile(bantModel(), { limits: { maxListLength: -1 } })).toThrow(/maxListLength/);
  });

  it("uses the default limits and keeps them frozen", () => {
    expect(DEFAULT_LIMITS).toEqual({ maxStringLength: 100_000, maxListLength: 10_000 });
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
    const compiled = compile(bantModel(), { limits: { maxListLength: 2 } });
    expect(compiled.validate({ pains: ["a", "b", "c"] }).map((i) => i.path)).toEqual(["pains"]);
    expect(compiled.inputSchema["properties"]).toMatchObject({ pains: { maxItems: 2 }, role: { maxLength: 100_000 } });
  });

  it("exposes the IR, id and title, and is frozen", () => {
    const compiled = compile(bantModel());
    expect([compiled.id, compiled.title, compiled.ir.id]).toEqual(["bant", "BANT qualification", "bant"]);
    expect(Object.isFrozen(compiled)).toBe(true);
  });
});

describe("the evaluation time", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("accepts a Date, epoch ms and ISO text, all meaning the same instant", () => {
    const compiled = compile(dated);
    const lead = { d: "2026-10-01" };
    for (const now of [new Date("2026-11-01T00:00:00Z"), Date.parse("2026-11-01T00:00:00Z"), "2026-11-01", "2026-11-01T02:00:00+02:00"]) {
      expect(compiled.score(lead, { now }).scores["age"]).toBe(31);
    }
  });

  it("never reads the clock when now is given, and reads it when not", () => {
    const compiled = compile(dated);
    const clock = vi.spyOn(Date, "now").mockImplementation(() => {
      throw new Error("the clock was read");
    });
    expect(compiled.evaluate({ d: "2026-10-31" }, { now: "2026-11-01" }).scores["age"]).toBe(1);
    expect(clock).not.toHaveBeenCalled();
    clock.mockReturnValue(Date.parse("2026-11-02T00:00:00Z"));
    expect(compiled.score({ d: "2026-10-31" }).scores["age"]).toBe(2);
    expect(clock).toHaveBeenCalled();
  });

  it("refuses an invalid now with a RangeError", () => {
    const compiled = compile(dated);
    for (const now of ["yesterday", Number.NaN, new Date(Number.NaN), "2026-02-30"]) {
      expect(() => compiled.score({ d: "2026-10-01" }, { now })).toThrow(RangeError);
    }
  });
});

describe("re-entrant evaluation", () => {
  it("gives correct results when a lead's getter evaluates another lead on the same model", () => {
    const compiled = compile(bantModel());
    const inner = { budget_usd: 1, role: "intern", pains: [] };
    const outer = {
      budget_usd: 50_000,
      get role(): string {
        compiled.score(inner);
        return "CFO";
      },
      pains: ["churn"],
      timeline_days: 10,
    };
    expect(compiled.score(outer)).toEqual({ tier: "sql", scores: { met: 4 } });
    expect(compiled.score(inner)).toEqual({ tier: "cold", scores: { met: 0 } });
  });
});
