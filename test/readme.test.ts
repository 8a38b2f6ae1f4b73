import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The README is a newcomer's first page. Every block is checked by
// readme-blocks.test.ts; these tests check what a block check cannot: that
// the embedding example runs, and that the CLI runs from any folder.
const root = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(join(root, "README.md"), "utf8");

describe("the README", () => {
  it("shows an embedding example that runs and prints what the comments say", () => {
    const output = execFileSync(process.execPath, [join(root, "examples/embed.mjs")], { timeout: 300_000, killSignal: "SIGKILL", encoding: "utf8" });
    expect(output).toContain("{ tier: 'sql', scores: { met: 4 } }");
    expect(output).toContain("budget_usd: ");
    expect(output).toMatch(/missing: \[ 'budget_usd' \]/);
  });

  it("runs its CLI as the linked `qualify` bin from any folder, with clean stdout and paths from that folder", () => {
    const shown = readme.split("\n").filter((line) => /^(npx|pnpm|npm run) qualify /.test(line));
    expect(shown.length).toBeGreaterThan(5);
    for (const line of shown) expect(line, "README CLI lines use `npx qualify`").toMatch(/^npx qualify /);
    const bin = join(root, "node_modules/.bin/qualify");
    const ir = execFileSync(bin, ["compile", "bant.qual"], { timeout: 300_000, killSignal: "SIGKILL", cwd: join(root, "examples"), encoding: "utf8" });
    expect(JSON.parse(ir)).toMatchObject({ format: "qualify-ir", id: "bant" });
  });
});
