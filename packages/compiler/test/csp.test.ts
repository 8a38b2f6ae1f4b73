import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compile } from "../src/index.js";
import { randomLead, randomModel, Dice, NOW } from "./generators.js";
import { bantModel } from "./ir-builders.js";
import { inboundModel } from "./inbound-model.js";

const SRC = fileURLToPath(new URL("../src", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("runs under a strict Content Security Policy", () => {
  const original = { eval: globalThis.eval, Function: globalThis.Function };
  let calls = 0;

  beforeEach(() => {
    calls = 0;
    // What a CSP without 'unsafe-eval' does: any string-to-code throws.
    globalThis.eval = (() => {
      calls++;
      throw new EvalError("eval is blocked by CSP");
    }) as typeof eval;
    const blocked = function (): never {
      calls++;
      throw new EvalError("Function is blocked by CSP");
    };
    // Keep `instanceof Function` and prototype-based checks working while blocking construction.
    blocked.prototype = original.Function.prototype;
    globalThis.Function = blocked as unknown as FunctionConstructor;
  });

  afterEach(() => {
    globalThis.eval = original.eval;
    globalThis.Function = original.Function;
  });

  it("compiles and evaluates models with eval and Function blocked", () => {
    for (const ir of [bantModel(), inboundModel(), randomModel(11), randomModel(12)]) {
      const compiled = compile(ir);
      const lead = ir.id === "bant" ? { pains: [] } : ir.id === "inbound" ? { email: "a@b.c" } : randomLead(ir.inputs, new Dice(3));
      expect(compiled.score(lead, { now: NOW }).tier).toEqual(expect.any(String));
      expect(compiled.evaluate(lead, { now: NOW }).model).toBe(ir.id);
      expect(compiled.validate(lead)).toEqual([]);
      expect(compiled.inputSchema["type"]).toBe("object");
    }
    expect(calls).toBe(0);
  });

  it("has no eval, Function constructor or string timers in its source", () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(10);
    const forbidden = [/\beval\s*\(/, /\bnew\s+Function\b/, /\bFunction\s*\(/, /set(?:Timeout|Interval)\s*\(\s*["'`]/, /\bimport\s*\(/];
    for (const file of files) {
      // Comments may name what is forbidden (to say it is not used); only code counts.
      const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");
      for (const pattern of forbidden) expect({ file, found: pattern.test(text) }).toEqual({ file, found: false });
    }
  });
});
