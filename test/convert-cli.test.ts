// `qualify convert`, run as the real CLI (the built dist; test/global-setup.ts builds it) on files in a temp directory.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "packages/cli/bin/qualify.js");
const dir = mkdtempSync(join(tmpdir(), "qualify-convert-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [cli, ...args], { timeout: 300_000, killSignal: "SIGKILL", cwd: dir, encoding: "utf8", stdio: "pipe", env: { ...process.env, NO_COLOR: "1" } });
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("qualify convert", () => {
  copyFileSync(join(root, "examples/inbound.qual"), join(dir, "inbound.qual"));

  it("writes model.qual.yaml and model.qual.json beside the model, which check clean", () => {
    expect(run("convert", "inbound.qual", "--to", "yaml").code).toBe(0);
    expect(run("convert", "inbound.qual", "--to", "json").code).toBe(0);
    const yaml = readFileSync(join(dir, "inbound.qual.yaml"), "utf8");
    expect(yaml).toMatch(/^model: inbound$/m);
    expect(JSON.parse(readFileSync(join(dir, "inbound.qual.json"), "utf8")).model).toBe("inbound");
    const check = run("check", "inbound.qual.yaml", "inbound.qual.json");
    expect(check.stdout + check.stderr).toBe("✔ 2 files checked: no problems. Next: qualify test inbound.qual.yaml inbound.qual.json\n");
    expect(check.code).toBe(0);
  });

  it("converts back to .qual text on stdout with -o -, keeping comments", () => {
    const back = run("convert", "inbound.qual.yaml", "--to", "qual", "-o", "-");
    expect(back.code).toBe(0);
    expect(back.stdout).toContain('model inbound "Inbound fit and engagement"');
    expect(back.stdout).toContain("# Inbound lead scoring");
    expect(back.stdout).toContain('tier lead "Lead"');
  });

  it("refuses to replace an existing file without --force (exit 2), and replaces it with --force", () => {
    const refused = run("convert", "inbound.qual.json", "--to", "qual");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("inbound.qual already exists");
    expect(run("convert", "inbound.qual.yaml", "--to", "json", "--force").code).toBe(0);
  });

  it("stops at a schema error with the YAML line and column (exit 1), writing nothing", () => {
    const broken = readFileSync(join(dir, "inbound.qual.yaml"), "utf8").replace("title: Inbound", "titel: Inbound");
    writeFileSync(join(dir, "broken.qual.yaml"), broken);
    const line = broken.split("\n").findIndex((l) => l.startsWith("titel:")) + 1;
    const result = run("convert", "broken.qual.yaml", "--to", "qual");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`broken.qual.yaml:${line}:1: error QUAL601: unknown key \`titel\``);
    expect(existsSync(join(dir, "broken.qual"))).toBe(false);
  });

  it("treats a missing file and a missing --to as usage errors (exit 2)", () => {
    expect(run("convert", "nope.qual", "--to", "yaml").code).toBe(2);
    expect(run("convert", "inbound.qual").code).toBe(2);
  });
});
