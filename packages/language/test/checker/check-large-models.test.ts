import { describe, expect, it } from "vitest";
import type * as A from "../../src/ast.js";
import { check } from "../../src/checker/check.js";
import * as b from "./ast-builder.js";

/** A model with `rules` score rules over 100 fields, a let chain and criteria that use the scores. */
function bigModel(rules: number): A.Model {
  const fields = Array.from({ length: 100 }, (_, i) => b.field(`f${i}`, b.prim("number"), true));
  const groups: A.Declaration[] = [];
  for (let g = 0; g < rules / 100; g++) {
    const groupRules = Array.from({ length: 100 }, (_, i) =>
      b.rule(`R${i}`, b.num(i % 7), b.bin(b.ref(`f${i}`), ">=", b.bin(b.ref("base"), "+", b.num(g)))),
    );
    groups.push(b.group(`g${g}`, groupRules, [["max", 500]]));
  }
  const chain = Array.from({ length: rules / 10 }, (_, i) => b.letDecl(`l${i}`, i === 0 ? b.ref("f0") : b.bin(b.ref(`l${i - 1}`), "+", b.num(1))));
  return b.model(fields, [
    b.constDecl("base", b.num(10)),
    ...groups,
    ...chain,
    b.criterion("last", b.bin(b.ref(`l${rules / 10 - 1}`), ">", b.ref("g0"))),
  ]);
}

describe("checking large models", () => {
  // How checking time grows with model size is measured by the benchmarks
  // (`pnpm bench`), never asserted here: this machine is shared.
  it("checks 10,000 rules and a 1,000-let chain into IR", () => {
    const result = check(bigModel(10_000));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.ir?.scores).toHaveLength(100);
    expect(result.ir?.lets).toHaveLength(1_000);
    expect(result.ir?.order.indexOf("l999")).toBeGreaterThan(result.ir?.order.indexOf("l998") ?? Infinity);
  });
});
