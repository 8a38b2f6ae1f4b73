import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The real CLI binary (it runs the built dist; the test global setup builds it). */
export const BIN = fileURLToPath(new URL("../bin/qualify.js", import.meta.url));

/** What a CLI run gave. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Environment for child runs: no colour, not a CI progress bar either way (stdout is a pipe). */
const ENV = { ...process.env, NO_COLOR: "1", CI: "1" };

/** Runs `qualify ...args` in `cwd` to completion, feeding `input` on stdin. */
export function qualify(args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input ?? "",
    env: { ...ENV, ...options.env },
    encoding: "utf8",
    timeout: 60_000,
    // A CLI stuck in native code never runs its SIGTERM handler; spawnSync would wait for ever.
    killSignal: "SIGKILL",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `qualify ...args` without waiting, for tests that interrupt it. */
export function startQualify(args: readonly string[], cwd: string) {
  return spawn(process.execPath, [BIN, ...args], { cwd, env: ENV, stdio: ["pipe", "pipe", "pipe"] });
}

/** A fresh temporary directory with the given files (paths relative to it); remove it with `cleanup`. */
export function workspace(files: Record<string, string>): { dir: string; path: (p: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "qualify-cli-"));
  for (const [name, text] of Object.entries(files)) {
    const full = join(dir, name);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return { dir, path: (p) => join(dir, p), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A small model using most field kinds: optional, defaulted, list, nested record, bool, date. */
export const MINI_MODEL = `# A small model for CLI tests.
model mini "Mini model"

input {
  budget: number?         "Budget in USD"
  role: text?
  country: text = "US"
  pains: list of text
  company: {
    employees: number?
  }
  do_not_email: bool = false
}

criterion big     "Big budget" = budget >= 10_000
criterion decider "Decider"    = role in ["CEO", "CFO"]

score fit "Fit" max 30 {
  "Big budget":   +20 when big
  "Mid-market":   +15 when company.employees between 50 and 1000
  "Home market":  +5 when country = "US"
  "Has pains":    5 * count(pains)
}

disqualify "Opted out" when do_not_email

tier hot  "Hot"  when big and decider
tier warm "Warm" when fit >= 15
tier cold "Cold" otherwise
`;

/** A model that reads the evaluation time. */
export const DATED_MODEL = `model dated "Dated"

input {
  last_seen: date?
}

criterion recent "Recent" = last_seen within 30 days

tier active "Active" when recent
tier idle "Idle" otherwise
`;
