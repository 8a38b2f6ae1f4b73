import type { Expr } from "@qualify/ir";
import { describe, expect, it } from "vitest";
import type { TableStep } from "../src/model/derived-table.js";
import { caseWeights, planDerivedTable } from "../src/model/derived-table.js";
import type { Frame } from "../src/runtime/frame.js";
import { E, T } from "./ir-builders.js";

/** A step whose closure reads the given slots and applies `f`; slot = index in `steps`. */
function step(id: string, slot: number, expr: Expr, run: (v: readonly unknown[]) => unknown = () => null): TableStep {
  return { id, slot, exprs: [expr], bool: expr.type.kind === "bool", run: (frame: Frame) => run(frame.values) as never };
}

const leadTest = (name: string): Expr => E.cmp(">=", E.field(name, T.number), E.num(1));
const noTiers = { exprs: [E.bool(true)], pick: (): string => "rest" };

describe("planDerivedTable", () => {
  it("tabulates `at least 2 of` over two lead tests, with every yes/no/unknown case", () => {
    const steps = [
      step("a", 0, leadTest("x")),
      step("b", 1, leadTest("y")),
      step("both", 2, E.atLeast(2, [E.crit("a"), E.crit("b")]), (v) => (v[0] === true && v[1] === true ? true : v[0] === false || v[1] === false ? false : null)),
    ];
    const plan = planDerivedTable(steps, noTiers, 3);
    expect(plan?.before.map((s) => s.id)).toEqual(["a", "b"]);
    expect(plan?.after).toEqual([]);
    expect(plan?.table.inputSlots).toEqual([0, 1]);
    expect(plan?.table.outputSlots).toEqual([2]);
    const table = plan!.table;
    // The case number as the step loop counts it: each input's weight times its digit (unknown 0, yes 1, no 2).
    const [wa, wb] = caseWeights(table, table.inputSlots) as [number, number];
    const digit = (v: boolean | null): number => (v === true ? 1 : v === false ? 2 : 0);
    const lookup = (a: boolean | null, b: boolean | null): unknown => table.outputs[wa * digit(a) + wb * digit(b)];
    expect([lookup(true, true), lookup(true, false), lookup(null, true), lookup(null, false), lookup(null, null)]).toEqual([true, false, null, false, null]);
  });

  it("runs a step that reads the lead and a tabulated step after the table", () => {
    const steps = [
      step("a", 0, leadTest("x")),
      step("notA", 1, E.not(E.crit("a"))),
      step("late", 2, E.and(leadTest("y"), E.crit("notA"))),
    ];
    const plan = planDerivedTable(steps, noTiers, 3);
    expect(plan?.before.map((s) => s.id)).toEqual(["a"]);
    expect(plan?.after.map((s) => s.id)).toEqual(["late"]);
  });

  it("tabulates the tier when knockouts and tiers read only criteria", () => {
    const steps = [step("a", 0, leadTest("x"))];
    const plan = planDerivedTable(steps, { exprs: [E.crit("a")], pick: (f) => (f.values[0] === true ? "hot" : "cold") }, 1);
    expect(plan?.table.tiers).toEqual(["cold", "hot", "cold"]);
  });

  it("builds no table for more than six inputs, for an input computed after the table, or when nothing is derived", () => {
    const many = Array.from({ length: 7 }, (_, i) => step(`c${i}`, i, leadTest(`f${i}`)));
    const all = step("all", 7, E.atLeast(7, many.map((s) => E.crit(s.id))));
    expect(planDerivedTable([...many, all], noTiers, 8)).toBeUndefined();

    const cyclic = [step("a", 0, leadTest("x")), step("d", 1, E.not(E.crit("a"))), step("b", 2, E.and(leadTest("y"), E.crit("d"))), step("e", 3, E.not(E.crit("b")))];
    expect(planDerivedTable(cyclic, noTiers, 4)).toBeUndefined();

    expect(planDerivedTable([step("a", 0, leadTest("x"))], { exprs: [leadTest("y")], pick: () => "rest" }, 1)).toBeUndefined();
  });

  it("does not tabulate a step that reads the clock or a number computed from the lead", () => {
    const within: Expr = { kind: "within", date: E.date("2026-11-01"), days: E.num(3), type: T.bool };
    const steps = [step("n", 0, E.field("x", T.number)), step("big", 1, E.cmp(">", E.score("n"), E.num(3))), step("soon", 2, within)];
    expect(planDerivedTable(steps, { exprs: [E.crit("soon"), leadTest("y")], pick: () => "rest" }, 3)).toBeUndefined();
  });
});
