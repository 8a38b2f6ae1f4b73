import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runFixtureFile } from "qualify/node";
import { afterAll, describe, expect, it } from "vitest";

// The README is a newcomer's first page: its snippets must stay true.
const root = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(join(root, "README.md"), "utf8");

/** The fenced code block of `language` that follows `heading` in the README. */
function blockAfter(heading: string, language: string): string {
  const start = readme.indexOf(heading);
  expect(start, `README has the heading ${heading}`).toBeGreaterThanOrEqual(0);
  const open = readme.indexOf("```" + language + "\n", start);
  const close = readme.indexOf("\n```", open + 4);
  return readme.slice(open + language.length + 4, close + 1);
}

const dir = mkdtempSync(join(tmpdir(), "qualify-readme-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the README", () => {
  it("shows the embedding snippet exactly as examples/embed.mjs, which runs", () => {
    const snippet = blockAfter("## The embedding API", "js");
    expect(snippet).toBe(readFileSync(join(root, "examples/embed.mjs"), "utf8"));
    const output = execFileSync(process.execPath, [join(root, "examples/embed.mjs")], { encoding: "utf8" });
    expect(output).toContain("{ tier: 'sql', scores: { met: 4 } }");
    expect(output).toContain("budget_usd: ");
    expect(output).toMatch(/missing: \[ 'budget_usd' \]/);
  });

  it("shows a fixture file that passes against examples/bant.qual", async () => {
    const fixture = blockAfter("### Tests for models", "yaml").replace(
      "model: bant.qual",
      `model: ${JSON.stringify(join(root, "examples/bant.qual"))}`,
    );
    const file = join(dir, "readme.test.yaml");
    writeFileSync(file, fixture);
    const run = await runFixtureFile(file);
    expect(run.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(run.cases).toHaveLength(3);
    for (const result of run.cases) expect(result.differences, result.name).toEqual([]);
    expect(run.cases.every((c) => c.passed)).toBe(true);
  });

  it("shows the Qual 2 lines as they are in the example models", () => {
    const shown = blockAfter("Events, deals and contacts are lists of records", "qual").split("\n");
    const models = ["events", "meddic", "domains"].map((name) => readFileSync(join(root, `examples/${name}.qual`), "utf8")).join("\n");
    expect(shown.filter((l) => l.trim() !== "").length).toBeGreaterThanOrEqual(5);
    for (const line of shown.filter((l) => l.trim() !== "")) {
      expect(models, `an example model has the README's line: ${line}`).toContain(line);
    }
  });

  it("shows the inbound model line for line as in examples/inbound.qual", () => {
    const shown = blockAfter("## A short tour of Qual", "qual").split("\n").slice(1);
    const model = readFileSync(join(root, "examples/inbound.qual"), "utf8");
    for (const line of shown.filter((l) => l.trim() !== "")) {
      expect(model, `examples/inbound.qual has the README's line: ${line}`).toContain(line);
    }
  });

  it("shows explain's output as the README's explain command prints it", () => {
    const command = readme.split("\n").find((line) => line.startsWith("npx qualify explain "));
    const parts = command?.match(/^npx qualify explain (\S+) --lead '([^']*)' --now (\S+)$/);
    expect(parts, `the README's explain command: ${command}`).toBeTruthy();
    const [, model, lead, now] = parts as RegExpMatchArray;
    const cli = join(root, "packages/cli/bin/qualify.js");
    const printed = execFileSync(process.execPath, [cli, "explain", model, "--lead", lead, "--now", now], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
    expect(blockAfter("`explain` shows the tier", "")).toBe(printed);
  });

  it("runs its CLI as the linked `qualify` bin from any folder, with clean stdout and paths from that folder", () => {
    const shown = readme.split("\n").filter((line) => /^(npx|pnpm|npm run) qualify /.test(line));
    expect(shown.length).toBeGreaterThan(5);
    for (const line of shown) expect(line, "README CLI lines use `npx qualify`").toMatch(/^npx qualify /);
    const bin = join(root, "node_modules/.bin/qualify");
    const ir = execFileSync(bin, ["compile", "bant.qual"], { cwd: join(root, "examples"), encoding: "utf8" });
    expect(JSON.parse(ir)).toMatchObject({ format: "qualify-ir", id: "bant" });
  });
});
