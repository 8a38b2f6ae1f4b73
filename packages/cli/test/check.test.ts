import { symlinkSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { MINI_MODEL, qualify, workspace } from "./run-cli.js";

const BROKEN = MINI_MODEL.replace("when fit >= 15", "when fitt >= 15");
// Line and column of the misspelled name, 1-based.
const brokenLine = BROKEN.split("\n").findIndex((l) => l.includes("fitt")) + 1;
const brokenColumn = (BROKEN.split("\n")[brokenLine - 1] ?? "").indexOf("fitt") + 1;
const UNUSED = MINI_MODEL.replace("  do_not_email: bool = false\n", "  do_not_email: bool = false\n  spare: text?\n");

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe("qualify check", () => {
  it("says in one line that every model is clean, searching directories recursively, and exits 0", () => {
    const ws = workspace({ "models/a.qual": MINI_MODEL, "models/deep/b.qual": MINI_MODEL, "models/notes.txt": "not a model" });
    cleanup = ws.cleanup;
    const run = qualify(["check", "models"], { cwd: ws.dir });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("✔ 2 files checked: no problems. Next: qualify test models\n");
    expect(run.code).toBe(0);
  });

  it("prints file:line:col: error CODE: message with the source line, a caret and a summary, and exits 1", () => {
    const ws = workspace({ "good.qual": MINI_MODEL, "bad.qual": BROKEN });
    cleanup = ws.cleanup;
    const run = qualify(["check", "."], { cwd: ws.dir });
    expect(run.code).toBe(1);
    const header = new RegExp(`bad\\.qual:${brokenLine}:${brokenColumn}: error (QUAL\\d{3}): `);
    expect(run.stdout).toMatch(header);
    const lines = run.stdout.split("\n");
    const at = lines.findIndex((l) => header.test(l));
    expect(lines[at + 1]).toContain("fitt >= 15");
    // The caret line starts under the misspelled name.
    const caret = lines[at + 2] ?? "";
    const sourceLine = lines[at + 1] ?? "";
    expect(caret.indexOf("^")).toBe(sourceLine.indexOf("fitt"));
    expect(run.stdout).toMatch(/did you mean `fit`/);
    expect(run.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\) in 1 file \(2 files checked\)/);
  });

  it("gives machines JSON with codes and ranges", () => {
    const ws = workspace({ "bad.qual": BROKEN });
    cleanup = ws.cleanup;
    const run = qualify(["check", "bad.qual", "--format", "json"], { cwd: ws.dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { errors: number; files: { file: string; diagnostics: { code: string; line: number; column: number; severity: string }[] }[] };
    expect(report.errors).toBe(1);
    expect(report.files[0]?.file).toBe("bad.qual");
    expect(report.files[0]?.diagnostics[0]).toMatchObject({ severity: "error", line: brokenLine, column: brokenColumn });
    expect(report.files[0]?.diagnostics[0]?.code).toMatch(/^QUAL2\d\d$/);
  });

  it("writes GitHub annotations with the full range and the code as title", () => {
    const ws = workspace({ "bad.qual": BROKEN });
    cleanup = ws.cleanup;
    const run = qualify(["check", "bad.qual", "--format", "github"], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.stdout.trim()).toMatch(
      new RegExp(`^::error file=bad\\.qual,line=${brokenLine},col=${brokenColumn},endLine=${brokenLine},endColumn=${brokenColumn + 4},title=QUAL\\d{3}::.+$`),
    );
  });

  it("reports warnings without failing, unless --strict", () => {
    const ws = workspace({ "unused.qual": UNUSED });
    cleanup = ws.cleanup;
    const relaxed = qualify(["check", "unused.qual"], { cwd: ws.dir });
    expect(relaxed.stdout).toMatch(/unused\.qual:\d+:\d+: warning QUAL\d{3}: .*spare/);
    expect(relaxed.stdout).toMatch(/1 problem \(0 errors, 1 warning\)/);
    expect(relaxed.code).toBe(0);
    const strict = qualify(["check", "--strict", "unused.qual"], { cwd: ws.dir });
    expect(strict.code).toBe(1);
  });

  it("checks models in the YAML data form found in directories, with positions in the YAML file", () => {
    const yaml = [
      "model: y",
      "title: Y",
      "input:",
      "  n: { type: number }",
      "declarations:",
      "  - { tier: big, label: Big, when: nn > 3 }",
      "  - { tier: rest, label: Rest, otherwise: true }",
      "",
    ].join("\n");
    const ws = workspace({ "models/y.qual.yaml": yaml });
    cleanup = ws.cleanup;
    const run = qualify(["check", "models"], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/models\/y\.qual\.yaml:6:\d+: error QUAL2\d\d: .*`nn`/);
  });

  it("exits 2 for a path that does not exist, naming it", () => {
    const ws = workspace({});
    cleanup = ws.cleanup;
    const run = qualify(["check", "nowhere.qual"], { cwd: ws.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("nowhere.qual: no such file or directory");
  });

  it("exits 2 for an unknown option and for a bad --format", () => {
    const ws = workspace({ "a.qual": MINI_MODEL });
    cleanup = ws.cleanup;
    const unknown = qualify(["check", "--frobnicate", "a.qual"], { cwd: ws.dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--frobnicate'/);
    const format = qualify(["check", "--format", "xml", "a.qual"], { cwd: ws.dir });
    expect(format.code).toBe(2);
    expect(qualify(["frobnicate"], { cwd: ws.dir }).code).toBe(2);
  });

  it("exits 2 for a file that is not a model and for a dangling link, naming them", () => {
    const ws = workspace({ "notes.txt": "hello" });
    cleanup = ws.cleanup;
    const notModel = qualify(["check", "notes.txt"], { cwd: ws.dir });
    expect(notModel.code).toBe(2);
    expect(notModel.stderr).toContain("notes.txt: not a model file");
    symlinkSync(ws.path("gone.qual"), ws.path("link.qual"));
    const dangling = qualify(["check", "link.qual"], { cwd: ws.dir });
    expect(dangling.code).toBe(2);
    expect(dangling.stderr).toContain("link.qual: no such file or directory");
  });

  it("shows help and exits 0 with --help", () => {
    const run = qualify(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: qualify/);
    expect(run.stdout).toMatch(/score/);
  });
});
