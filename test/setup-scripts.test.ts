// The README's test command must say at once when the browser tests cannot
// run, instead of failing after minutes of unit tests.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("scripts/ensure-chromium.sh", () => {
  it("fails before anything else runs, saying what to install, when the browser is missing", () => {
    const run = spawnSync("bash", ["scripts/ensure-chromium.sh"], {
      timeout: 300_000,
      killSignal: "SIGKILL",
      cwd: root,
      env: { ...process.env, QUALIFY_CHROMIUM: "/nonexistent/chromium" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("need Chromium at /nonexistent/chromium");
    expect(run.stderr).toContain("apt-get install -y chromium");
  });

  it("is the first thing the test command does", () => {
    const steps = readFileSync(`${root}/scripts/test.sh`, "utf8")
      .split("\n")
      .filter((line) => !line.startsWith("#") && (line.startsWith("bash ") || line.includes("vitest")));
    expect(steps[0]).toBe("bash scripts/ensure-chromium.sh");
  });
});

describe("scripts/setup.sh", () => {
  it("says on stderr what it is doing, and keeps stdout clean for callers", () => {
    const run = spawnSync("bash", ["scripts/setup.sh"], { timeout: 300_000, killSignal: "SIGKILL", cwd: root, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^setup: building the TypeScript/m);
  });
});

describe("scripts/within.sh", () => {
  it("stops a part that outlives its limit, with its process group, and says which part", () => {
    const started = Date.now();
    const run = spawnSync("bash", ["scripts/within.sh", "0.02", "sleepy tests", "bash", "-c", "sleep 30 & sleep 30"], { timeout: 60_000, killSignal: "SIGKILL", cwd: root, encoding: "utf8" });
    expect(run.status).toBe(124);
    expect(run.stderr).toContain("test: the sleepy tests did not finish within 0.02 minutes and were stopped");
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("passes a part's own exit status through, and says nothing more", () => {
    const run = spawnSync("bash", ["scripts/within.sh", "1", "failing tests", "bash", "-c", "exit 3"], { timeout: 60_000, killSignal: "SIGKILL", cwd: root, encoding: "utf8" });
    expect(run.status).toBe(3);
    expect(run.stderr).toBe("");
  });
});
