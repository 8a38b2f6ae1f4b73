// The real `qualify score` process: a few generated files end to end (with
// and without worker threads), and interrupted runs on a big input, which
// must never leave an output file that looks complete.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { BATCH_MODEL, csvFileArb, CSV_COLUMNS } from "./harness/batch-rows.js";
import { FUZZ_SEED } from "./harness/settings.js";

const BIN = fileURLToPath(new URL("../../packages/cli/bin/qualify.js", import.meta.url));
const ENV = { ...process.env, NO_COLOR: "1", CI: "1" };
const { parse: parseCsv } = createRequire(new URL("../../packages/cli/package.json", import.meta.url))("csv-parse/sync") as {
  parse(text: string, options: { columns: true }): Array<Record<string, string>>;
};

const dir = mkdtempSync(join(tmpdir(), "qualify-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, "batch.qual"), BATCH_MODEL);

function qualify(args: readonly string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: ENV, encoding: "utf8", timeout: 120_000, killSignal: "SIGKILL" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("qualify score as a process", () => {
  it(`loses no row of generated files, with 1 or 2 workers (seed ${FUZZ_SEED})`, () => {
    let run = 0;
    fc.assert(
      fc.property(csvFileArb, fc.constantFrom("1", "2"), (file, workers) => {
        run++;
        const [input, out, errors] = [`in${run}.csv`, `out${run}.csv`, `errors${run}.jsonl`];
        writeFileSync(join(dir, input), file.text);
        const result = qualify(["score", "batch.qual", "--in", input, "--out", out, "--errors", errors, "--now", "2026-11-01", "--workers", workers]);
        expect(result.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
        const scored = file.rows.filter((r) => r.fate === "scored").map((r) => r.id);
        const rejected = file.rows.filter((r) => r.fate === "rejected").map((r) => r.id);
        // A run that scored nothing fails; any other completed run succeeds.
        expect(result.code).toBe(file.rows.length > 0 && scored.length === 0 ? 1 : 0);
        expect(result.stderr).toContain(`${file.rows.length} rows read: ${scored.length} scored, ${rejected.length} rejected`);
        expect(parseCsv(readFileSync(join(dir, out), "utf8"), { columns: true }).map((r) => r["id"])).toEqual(scored);
        const errorRows = readFileSync(join(dir, errors), "utf8").split("\n").filter((l) => l !== "");
        const errorIds = errorRows.map((line) => {
          const row = JSON.parse(line) as { input: Record<string, unknown> | null; text?: string };
          return typeof row.input?.["id"] === "string" ? row.input["id"] : (/r\d+/.exec(row.text ?? "")?.[0] ?? "(no id)");
        });
        expect(errorIds).toEqual(rejected);
      }),
      { seed: FUZZ_SEED, numRuns: 3 },
    );
  }, 120_000);
});

describe("an interrupted qualify score leaves no output file that looks complete", () => {
  // About 12 MB: long enough to interrupt mid-file on a loaded machine.
  const rows = 400_000;
  const bigInput = join(dir, "big.csv");
  const lines = [CSV_COLUMNS.join(",")];
  for (let i = 1; i <= rows; i++) lines.push(`r${i},${i % 50_000},Head of Sales,churn;cost,${i % 2000},${i % 13 === 0 ? "yes" : "no"}`);
  writeFileSync(bigInput, `${lines.join("\n")}\n`);

  const temporaries = (name: string): string[] => readdirSync(dir).filter((f) => f.startsWith(`.${name}.`) && f.endsWith(".tmp"));

  /** Starts a run, waits until it has written part of its output, then sends `signal`. */
  async function interrupt(out: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
    const child = spawn(process.execPath, [BIN, "score", "batch.qual", "--in", "big.csv", "--out", out, "--errors", `${out}.errors.jsonl`, "--force"], {
      cwd: dir,
      env: ENV,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (code, sig) => resolve({ code, signal: sig })),
    );
    // Wait until the temporary output holds some rows: the run is mid-file.
    const started = Date.now();
    for (;;) {
      const partial = temporaries(out).find((f) => statSync(join(dir, f)).size > 64 * 1024);
      if (partial !== undefined || child.exitCode !== null || Date.now() - started > 60_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill(signal);
    return { ...(await exited), stderr };
  }

  it("SIGINT mid-file: exit 130, no output or errors file, no temporary left behind", async () => {
    const result = await interrupt("int.csv", "SIGINT");
    expect(result.code).toBe(130);
    expect(result.stderr).toContain("interrupted (SIGINT)");
    expect(existsSync(join(dir, "int.csv"))).toBe(false);
    expect(existsSync(join(dir, "int.csv.errors.jsonl"))).toBe(false);
    expect(temporaries("int.csv")).toEqual([]);
  }, 120_000);

  it("SIGTERM mid-file: exit 143 and no output file", async () => {
    const result = await interrupt("term.csv", "SIGTERM");
    expect(result.code).toBe(143);
    expect(existsSync(join(dir, "term.csv"))).toBe(false);
    expect(temporaries("term.csv")).toEqual([]);
  }, 120_000);

  it("SIGKILL mid-file: the target never appears and an earlier complete output stays as it was", async () => {
    writeFileSync(join(dir, "kill.csv"), "an earlier complete output\n");
    const result = await interrupt("kill.csv", "SIGKILL");
    expect(result.signal).toBe("SIGKILL");
    // No cleanup can run under SIGKILL: what is left is a hidden temporary, never the target.
    expect(readFileSync(join(dir, "kill.csv"), "utf8")).toBe("an earlier complete output\n");
    const left = temporaries("kill.csv");
    expect(left.every((f) => f.startsWith(".kill.csv.") && f.endsWith(".tmp"))).toBe(true);
    expect(existsSync(join(dir, "kill2.csv"))).toBe(false);
    const fresh = await interrupt("kill2.csv", "SIGKILL");
    expect(fresh.signal).toBe("SIGKILL");
    expect(existsSync(join(dir, "kill2.csv"))).toBe(false);
  }, 120_000);
});
