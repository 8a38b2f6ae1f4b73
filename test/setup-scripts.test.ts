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
    const run = spawnSync("bash", ["scripts/setup.sh"], { cwd: root, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^setup: building the TypeScript/m);
  });
});
