// CSP safety across the packages: the whole path from .qual source to a
// scored lead (language, compiler, qualify, data, the CLI) runs with string-
// to-code blocked — first with eval and Function replaced by throwing stubs
// before any package is loaded, then in a Node process started with
// --disallow-code-generation-from-strings, which blocks every route to
// string compilation (also `(function(){}).constructor("...")`), as a
// Content-Security-Policy without 'unsafe-eval' does in a browser.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const original = { eval: globalThis.eval, Function: globalThis.Function };
const blockedCalls: string[] = [];

function block(): void {
  globalThis.eval = ((code: string) => {
    blockedCalls.push(`eval(${String(code).slice(0, 80)})`);
    throw new EvalError("eval is blocked by CSP");
  }) as typeof eval;
  const blocked = function (...args: unknown[]): never {
    blockedCalls.push(`Function(${args.map(String).join(", ").slice(0, 80)})`);
    throw new EvalError("Function is blocked by CSP");
  };
  blocked.prototype = original.Function.prototype;
  globalThis.Function = blocked as unknown as FunctionConstructor;
}

afterAll(() => {
  globalThis.eval = original.eval;
  globalThis.Function = original.Function;
});

describe("string-to-code blocked in this process", () => {
  it("loads every package and analyzes, compiles, scores and formats the examples without calling eval or Function", async () => {
    block();
    // Loaded only now, so that code run at load time (chevrotain builds its parser then) is covered too.
    const language = await import("../../packages/language/src/index.js");
    const qualify = await import("../../packages/qualify/src/index.js");
    const data = await import("../../packages/data/src/index.js");
    const inbound = readFileSync(`${root}examples/inbound.qual`, "utf8");
    const analysis = language.analyze(inbound);
    expect(analysis.diagnostics).toEqual([]);
    expect(language.format(inbound).text).toBeDefined();
    const model = qualify.compileModel(inbound);
    const result = model.evaluate({ email: "ada@acme.example", company: { employees: 200, country: "US" }, page_views_30d: 12, trial_started: true }, { now: "2026-11-01" });
    expect(result.scores["fit"]).toBe(30);
    expect(model.score({ email: "test1@acme.example" }, { now: "2026-11-01" }).tier).toBe("disqualified");
    const yaml = readFileSync(`${root}examples/yaml/bant.qual.yaml`, "utf8");
    const fromYaml = data.analyzeData(yaml, { file: "bant.qual.yaml" });
    expect(fromYaml.ir).toBeDefined();
    qualify.compile(fromYaml.ir as NonNullable<typeof fromYaml.ir>).score({ pains: [] }, { now: "2026-11-01" });
    expect(blockedCalls).toEqual([]);
  });
});

describe("a Node process with --disallow-code-generation-from-strings", () => {
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, ["--disallow-code-generation-from-strings", ...args], {
      cwd: root,
      encoding: "utf8",
      input: input ?? "",
      env: { ...process.env, NO_COLOR: "1", CI: "1" },
      timeout: 120_000,
      killSignal: "SIGKILL",
    });

  it("really blocks string compilation (the control)", () => {
    const result = run(["-e", "try { (function(){}).constructor('return 1')(); console.log('compiled') } catch (e) { console.log(e.name) }"]);
    expect(result.stdout.trim()).toBe("EvalError");
  });

  it("runs `qualify test` on every example and `qualify score` on a CSV", () => {
    const bin = "packages/cli/bin/qualify.js";
    const tested = run([bin, "test", "examples"]);
    expect(tested.stderr + tested.stdout).toMatch(/\d+ passed, 0 failed/);
    expect(tested.status).toBe(0);
    const scored = run([bin, "score", "examples/inbound.qual", "--in", "-", "--now", "2026-11-01"], "email,company.employees,trial_started\nada@acme.example,200,yes\n");
    expect(scored.status).toBe(0);
    expect(scored.stdout).toContain("ada@acme.example");
    expect(scored.stderr).toContain("1 rows read: 1 scored, 0 rejected");
  });

  it("runs `qualify import` of a HubSpot-style score, whose schema is checked by a generated validator", () => {
    const bin = "packages/cli/bin/qualify.js";
    const out = join(mkdtempSync(join(tmpdir(), "qualify-csp-")), "hubspot.qual");
    const imported = run([bin, "import", "--from", "hubspot", "examples/imported/hubspot-score.json", "-o", out]);
    expect(imported.stderr + imported.stdout).toContain("wrote");
    expect(imported.status).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("score");
  });
});
