// grammar/backtest.md documents the JSON that `qualify backtest --json` and
// `qualify diff --json` print: every key they print, at any depth, is named
// there (as "key"), so a new or renamed field cannot go undocumented.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const doc = readFileSync(join(root, "grammar/backtest.md"), "utf8");
const SAMPLE = ["--data", "examples/data/x-education-sample.csv", "--map", "examples/data/x-education-fit.map.yaml", "--label", "Converted", "--json"];

function run(args: readonly string[]): unknown {
  const result = spawnSync(process.execPath, [join(root, "packages/cli/bin/qualify.js"), ...args], { timeout: 300_000, killSignal: "SIGKILL", cwd: root, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

function keys(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keys(item, into);
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      keys(item, into);
    }
  }
  return into;
}

describe("grammar/backtest.md", () => {
  it("names every key of qualify backtest --json, stability included", () => {
    const report = run(["backtest", "examples/olist-funnel.qual", "--data", "examples/data/olist-mql-sample.csv", "--join", "examples/data/olist-closed-deals-sample.csv", "--on", "mql_id", "--map", "examples/data/olist-funnel.map.yaml", "--period-column", "first_contact_date", "--json"]) as Record<string, unknown>;
    expect(report["stability"]).not.toBeNull();
    const missing = [...keys(report)].filter((k) => !doc.includes(`"${k}"`));
    expect(missing).toEqual([]);
    expect(doc).toContain(`"version": ${String(report["version"])}`);
  });

  it("names every key of qualify diff --json, the conversion of moved leads included", () => {
    const report = run(["diff", "examples/x-education-fit.qual", "examples/x-education-fit-v2.qual", ...SAMPLE]) as Record<string, unknown>;
    expect(report["conversion"]).not.toBeNull();
    const missing = [...keys(report)].filter((k) => !doc.includes(`"${k}"`));
    expect(missing).toEqual([]);
  });
});
