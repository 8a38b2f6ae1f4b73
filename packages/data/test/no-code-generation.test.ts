import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { analyze } from "@qualify/language";
import { analyzeData, fromData, toData } from "../src/index.js";

const originalFunction = globalThis.Function;
const originalEval = globalThis.eval;

/** Makes `Function(...)`, `new Function(...)` and `eval(...)` throw, as a Content Security Policy without `unsafe-eval` would. */
function forbidCodeGeneration(): string[] {
  const attempts: string[] = [];
  const refuse = (what: string) => {
    attempts.push(what);
    throw new EvalError(`${what} is forbidden by the Content Security Policy`);
  };
  globalThis.Function = new Proxy(originalFunction, { apply: () => refuse("Function()"), construct: () => refuse("new Function()") });
  globalThis.eval = () => refuse("eval()");
  return attempts;
}

afterEach(() => {
  globalThis.Function = originalFunction;
  globalThis.eval = originalEval;
});

describe("the data form under a strict Content Security Policy", () => {
  it("validates, builds, checks and converts without generating code", () => {
    const source = readFileSync(new URL("../../../examples/inbound.qual", import.meta.url), "utf8");
    const ast = analyze(source).ast;
    const attempts = forbidCodeGeneration();
    const yaml = toData(ast, "yaml");
    const result = analyzeData(yaml);
    expect(result.diagnostics).toEqual([]);
    expect(result.ir?.id).toBe("inbound");
    const broken = analyzeData(yaml.replace("title:", "titel:"));
    expect(broken.diagnostics.map((d) => d.code)).toEqual(["QUAL601"]);
    expect(fromData(toData(ast, "json"), { format: "json" }).text).toContain("model inbound");
    expect(attempts).toEqual([]);
  });
});
