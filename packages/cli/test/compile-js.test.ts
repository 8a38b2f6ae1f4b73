import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { analyze } from "@qualify/language";
import { compile } from "@qualify/compiler";
import type { ModelIR } from "@qualify/ir";
import { afterAll, describe, expect, it } from "vitest";
import { qualify } from "./run-cli.js";

/*
 * `qualify compile --target js` on an example model: the module and its
 * .d.ts are written, the run says where and what next, and the module,
 * imported by a plain Node process, scores as the closures do. The output
 * goes under this package (in .tmp/, git-ignored) so that the module's
 * `@qualify/compiler/runtime` import resolves as it would in a service.
 */

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const TMP = join(ROOT, "packages/cli/.tmp");
mkdirSync(TMP, { recursive: true });
const dir = mkdtempSync(join(TMP, "compile-js-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LEADS = [
  { budget_usd: 50000, role: "cfo", pains: ["churn"], timeline_days: 30 },
  { role: "Intern", pains: [] },
  { budget_usd: 500, pains: ["x"], existing_customer: true },
];

describe("qualify compile --target js", () => {
  it("writes bant.js and bant.d.ts, says so, and the module scores as the closures do", () => {
    const out = join(dir, "bant.js");
    const run = qualify(["compile", "examples/bant.qual", "--target", "js", "-o", out], { cwd: ROOT });
    expect(run.stderr).toContain(`wrote ${out}`);
    expect(run.stderr).toContain("bant.d.ts");
    expect(run.stderr).toMatch(/Next: import \{ score/);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, "bant.d.ts"))).toBe(true);
    expect(readFileSync(out, "utf8")).not.toMatch(/\beval\s*\(|new Function\s*\(/);

    const script = `import { score, evaluate } from ${JSON.stringify(pathToFileURL(out).href)};
const leads = ${JSON.stringify(LEADS)};
console.log(JSON.stringify(leads.map((l) => [score(l, { now: "2026-11-01" }), evaluate(l, { now: "2026-11-01" })])));`;
    const printed = execFileSync(process.execPath, ["--input-type=module", "-e", script], { timeout: 300_000, killSignal: "SIGKILL", cwd: dir, encoding: "utf8" });
    const closures = compile(analyze(readFileSync(join(ROOT, "examples/bant.qual"), "utf8")).ir as ModelIR);
    const expected = LEADS.map((l) => [closures.score(l, { now: "2026-11-01" }), closures.evaluate(l, { now: "2026-11-01" })]);
    expect(JSON.parse(printed)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it("refuses to write a module to stdout", () => {
    const run = qualify(["compile", "examples/bant.qual", "--target", "js"], { cwd: ROOT });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/-o model\.js/);
  });
});
