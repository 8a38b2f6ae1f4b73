import { describe, expect, it } from "vitest";
import { check } from "../../src/checker/check.js";
import * as b from "./ast-builder.js";

describe("check on hand-built trees", () => {
  it("lowers a small model to IR", () => {
    const ast = b.model(
      [b.field("budget", b.prim("number"), true), b.field("role", b.prim("text"), true)],
      [
        b.constDecl("deciders", b.list(b.str("CEO"), b.str("CFO"))),
        b.criterion("rich", b.bin(b.ref("budget"), ">=", b.num(10000))),
        b.criterion("boss", b.bin(b.ref("role"), "in", b.ref("deciders"))),
        b.computed("met", b.quant("count", [b.ref("rich"), b.ref("boss")])),
      ],
    );
    const result = check(ast);
    expect(result.diagnostics).toEqual([]);
    expect(result.ir?.order).toEqual(["rich", "boss", "met"]);
    expect(JSON.parse(JSON.stringify(result.ir))).toEqual(result.ir);
  });
});
