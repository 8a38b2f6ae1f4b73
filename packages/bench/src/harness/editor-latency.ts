import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The editor's keystroke-to-markers latency, as its own script reports it, or why there is none. */
export interface EditorLatencyReport {
  readonly skipped?: string;
  readonly script?: string;
  /** The JSON the editor's latency script printed (p50/p95 and the like). */
  readonly result?: unknown;
}

const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/**
 * The JSON object the script printed last: it may be pretty-printed over
 * many lines and follow build logs, so every line that starts with `{` is
 * tried as the start of the rest of the output, from the last one back.
 */
function lastJsonObject(output: string): unknown {
  const starts: number[] = [];
  for (let i = output.indexOf("{"); i >= 0; i = output.indexOf("{", i + 1)) {
    if (i === 0 || output[i - 1] === "\n") starts.push(i);
  }
  for (const start of starts.reverse()) {
    try {
      return JSON.parse(output.slice(start).trim());
    } catch {
      // Not the start of the final JSON document; try an earlier line.
    }
  }
  return undefined;
}

/**
 * Runs the editor package's latency script (a package.json script whose name
 * contains "latency"; it drives headless Chromium on a 2,000-line model) and
 * returns the JSON it prints. The editor is a browser package, so it runs in
 * its own process through pnpm rather than being imported here.
 */
export function measureEditorLatency(log: (line: string) => void): EditorLatencyReport {
  const manifestPath = join(REPO_ROOT, "packages/editor/package.json");
  if (!existsSync(manifestPath)) return { skipped: "editor latency: see packages/editor" };
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { scripts?: Record<string, string> };
  const script = Object.keys(manifest.scripts ?? {}).find((name) => name.includes("latency"));
  if (script === undefined) return { skipped: "editor latency: see packages/editor" };
  log(`  running pnpm --filter @qualify/editor ${script}`);
  const run = spawnSync("pnpm", ["--silent", "--filter", "@qualify/editor", "run", script], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, CI: "1" },
  });
  const result = lastJsonObject(run.stdout ?? "");
  if (run.status !== 0 || result === undefined) {
    const why = (run.stderr || run.stdout || String(run.error ?? "")).trim().split("\n").slice(-3).join(" | ");
    return { skipped: `editor latency script \`${script}\` failed (exit ${run.status}): ${why}`, script };
  }
  return { script, result };
}
