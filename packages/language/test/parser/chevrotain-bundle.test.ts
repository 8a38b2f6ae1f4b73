import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { chevrotainSource } from "../../src/chevrotain-bundle.js";
import { parse } from "../../src/parser/parse.js";

const BUNDLE = /\/chevrotain\/lib\/chevrotain\.mjs$/;

describe("chevrotain as the language package loads it", () => {
  // Its package entry pulls in lodash-es module by module (about 430 ms of every command's start);
  // if a release moves the bundle, the fallback keeps things working and this says why start-up slowed.
  it("is the single-file bundle the package ships, not its entry", () => {
    expect(chevrotainSource).toMatch(BUNDLE);
    expect(parse('model m "M"\ninput { a: number? }\ncriterion c "C" = a > 1\ntier t "T" otherwise\n').diagnostics).toEqual([]);
  });

  it("is the bundle in a plain Node process too, through the built package (#chevrotain's node condition)", () => {
    const dist = fileURLToPath(new URL("../../dist/chevrotain-bundle.js", import.meta.url));
    expect(existsSync(dist), "packages/language is not built: run scripts/setup.sh").toBe(true);
    const script = fileURLToPath(new URL("../fixtures/chevrotain-source.mjs", import.meta.url));
    const out = JSON.parse(execFileSync(process.execPath, [script], { timeout: 300_000, killSignal: "SIGKILL", encoding: "utf8" })) as { chevrotainSource: string; parser: string };
    expect(out.chevrotainSource).toMatch(BUNDLE);
    expect(out.parser).toBe("function");
  });
});
