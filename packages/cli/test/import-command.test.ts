import { existsSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { qualify, workspace } from "./run-cli.js";

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const RULES = JSON.stringify({
  qualified: { and: [{ ">=": [{ var: "budget" }, 10000] }, { var: "trial" }] },
  label: { cat: ["a", { var: "x" }] },
});

describe("qualify import", () => {
  it("writes the model and its report beside the input, prints the report and what to do next", () => {
    const ws = workspace({ "rules.json": RULES });
    cleanup = ws.cleanup;
    const run = qualify(["import", "--from", "jsonlogic", "rules.json"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    const model = readFileSync(ws.path("rules.qual"), "utf8");
    expect(model).toMatch(/^criterion qualified "Qualified" = /m);
    const report = readFileSync(ws.path("rules.import-report.md"), "utf8");
    expect(report).toContain("| `/label` |");
    expect(run.stderr).toContain("## Not translated");
    expect(run.stderr).toContain("wrote rules.qual and its report rules.import-report.md");
    expect(run.stderr).toContain("qualify check rules.qual");
    expect(qualify(["check", "rules.qual"], { cwd: ws.dir }).code).toBe(0);
  });

  it("keeps existing files unless --force, and writes to -o", () => {
    const ws = workspace({ "rules.json": RULES, "out.qual": "old" });
    cleanup = ws.cleanup;
    const refused = qualify(["import", "--from", "jsonlogic", "rules.json", "-o", "out.qual"], { cwd: ws.dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("out.qual already exists");
    expect(readFileSync(ws.path("out.qual"), "utf8")).toBe("old");
    const forced = qualify(["import", "--from", "jsonlogic", "rules.json", "-o", "out.qual", "--force"], { cwd: ws.dir });
    expect(forced.code).toBe(0);
    expect(existsSync(ws.path("out.import-report.md"))).toBe(true);
  });

  it("exits 1 with the report when nothing translates, and 2 on bad JSON", () => {
    const ws = workspace({ "bad.json": '{"cat": ["a"]}', "broken.json": "{ nope" });
    cleanup = ws.cleanup;
    const none = qualify(["import", "--from", "jsonlogic", "bad.json"], { cwd: ws.dir });
    expect(none.code).toBe(1);
    expect(existsSync(ws.path("bad.qual"))).toBe(false);
    expect(readFileSync(ws.path("bad.import-report.md"), "utf8")).toContain("cat:");
    const broken = qualify(["import", "--from", "jsonlogic", "broken.json"], { cwd: ws.dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("broken.json: not valid JSON");
  });

  it("has help with an example", () => {
    const run = qualify(["import", "--help"]);
    expect(run.stdout).toContain("qualify import --from jsonlogic rules.json");
  });
});
