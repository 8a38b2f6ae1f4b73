import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { docBlocks, readmeFiles } from "./doc-blocks.js";
import type { DocBlock } from "./doc-blocks.js";

// Every code block of every README says how it is kept true, and that check
// runs here: commands run, outputs are compared, snippets are typechecked,
// files are compared. `illustrative: why` is the only way out, and it is said
// in the README where a reader sees it.

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "packages/cli/bin/qualify.js");
const blocks = readmeFiles(root).flatMap((file) => docBlocks(root, file));

/** A scratch folder with a copy of the examples, so the README's commands can write files. */
const sandbox = mkdtempSync(join(tmpdir(), "qualify-readme-blocks-"));
cpSync(join(root, "examples"), join(sandbox, "examples"), { recursive: true });
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/** Runs one README command line (`npx qualify …`) as the user would, from the sandbox. */
function runCommandLine(line: string): { code: number | null; stdout: string; stderr: string } {
  const script = line.replace(/^npx qualify\b/, `node ${JSON.stringify(cli)}`);
  const run = spawnSync("bash", ["-c", script], { timeout: 300_000, killSignal: "SIGKILL", cwd: sandbox, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const where = (block: DocBlock): string => `${block.file}:${block.line}`;

const checks: Record<string, (block: DocBlock, argument: string) => void> = {
  illustrative(_block, why) {
    expect(why.replace(/^:\s*/, ""), "an illustrative block says why it is not checked").not.toBe("");
  },
  commands(block) {
    // A line that ends in `\` goes on on the next one, as in a shell.
    const lines = block.text.replace(/\\\n\s*/g, "").split("\n").filter((l) => l.startsWith("npx qualify "));
    expect(lines.length, "a commands block has `npx qualify` lines").toBeGreaterThan(0);
    for (const line of lines) {
      const run = runCommandLine(line);
      expect(run.code, `${line}\n${run.stderr}`).toBe(0);
    }
  },
  output(block, argument) {
    const prefix = argument.match(/^of "([^"]+)"$/)?.[1];
    expect(prefix, 'an output block names its command: output of "npx qualify explain"').toBeDefined();
    const command = block.before.split("\n").reverse().find((l) => l.startsWith(prefix as string));
    expect(command, `a line starting with ${prefix} comes before the block`).toBeDefined();
    const run = runCommandLine((command as string).replace(/\s+#.*$/, ""));
    expect(run.code, run.stderr).toBe(0);
    expect(block.text).toBe(run.stdout);
  },
  file(block, argument) {
    const path = join(root, dirname(block.file), argument);
    expect(block.text, `the block is ${argument} as it is`).toBe(readFileSync(path, "utf8"));
  },
  "lines-of"(block, argument) {
    const sources = argument.split(/\s+/).map((p) => readFileSync(join(root, p), "utf8")).join("\n");
    const shown = block.text.split("\n").filter((l) => l.trim() !== "");
    expect(shown.length).toBeGreaterThan(0);
    for (const line of shown) expect(sources, `one of ${argument} has the line: ${line}`).toContain(line);
  },
  fixture(block) {
    const file = join(sandbox, "examples", `readme-${block.line}.test.yaml`);
    writeFileSync(file, block.text);
    const run = runCommandLine(`npx qualify test ${JSON.stringify(file)}`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/\b[1-9]\d* passed, 0 failed/);
  },
  "data-model"(block) {
    const file = join(sandbox, `readme-${block.line}.qual.yaml`);
    writeFileSync(file, block.text);
    const run = runCommandLine(`npx qualify check ${JSON.stringify(file)}`);
    expect(run.code, run.stdout + run.stderr).toBe(0);
  },
  "field-map"(block, argument) {
    const [model, input] = argument.split(/\s+/);
    const map = join(sandbox, `readme-${block.line}.map.yaml`);
    writeFileSync(map, block.text);
    const run = runCommandLine(`npx qualify score ${model} --in ${input} --map ${JSON.stringify(map)} --out - --now 2026-11-01`);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/rows read: [1-9]\d* scored, 0 rejected/);
  },
  typescript() {
    // Typechecked together below, in one compiler run.
  },
};

/** `typescript given a: T; b: U` — the names the snippet takes as given. */
function givens(marker: string): string {
  const given = marker.match(/^typescript\s+given\s+(.*)$/)?.[1];
  return given === undefined ? "" : given.split(";").map((g) => `declare const ${g.trim()};\n`).join("");
}

describe("every code block of the READMEs", () => {
  it("says how it is kept true", () => {
    const unmarked = blocks.filter((b) => b.marker === undefined || !(b.marker.split(/[\s:]/)[0] as string in checks)).map(where);
    expect(unmarked, `blocks without a <!-- checked: ${Object.keys(checks).join("|")} --> marker`).toEqual([]);
  });

  for (const block of blocks.filter((b) => b.marker !== undefined)) {
    const marker = block.marker as string;
    const kind = marker.split(/[\s:]/)[0] as string;
    it(`${where(block)} (${kind})`, { timeout: 120_000 }, () => {
      checks[kind]?.(block, marker.slice(kind.length).trim());
    });
  }

  it("typechecks the TypeScript snippets against the packages' public API", { timeout: 120_000 }, () => {
    const snippets = blocks.filter((b) => b.marker?.startsWith("typescript"));
    expect(snippets.length).toBeGreaterThan(0);
    const files: string[] = [];
    const dirs = new Set<string>();
    for (const block of snippets) {
      // Inside the package, so its own name and dependencies resolve as a user's would.
      const dir = join(root, dirname(block.file), ".readme-snippets");
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
      const file = join(dir, `line-${block.line}.ts`);
      writeFileSync(file, `${givens(block.marker as string)}export {};\n${block.text}`);
      files.push(file);
    }
    const ambient = join(sandbox, "bundler-imports.d.ts");
    writeFileSync(ambient, 'declare module "*?worker" { const WorkerFactory: new () => Worker; export default WorkerFactory; }\n');
    const tsconfig = join(sandbox, "tsconfig.json");
    writeFileSync(tsconfig, JSON.stringify({
      extends: join(root, "tsconfig.base.json"),
      compilerOptions: { noEmit: true, composite: false, declaration: false, declarationMap: false, lib: ["ES2022", "DOM"], types: ["node"], typeRoots: [join(root, "node_modules/@types")] },
      files: [...files, ambient],
    }));
    try {
      const run = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", tsconfig], { timeout: 300_000, killSignal: "SIGKILL", encoding: "utf8" });
      expect(run.stdout + run.stderr, "tsc on the README snippets").toBe("");
      expect(run.status).toBe(0);
    } finally {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });
});
