import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../../src/diagnostics/messages.js";
import { SyntaxCode } from "../../src/parser/syntax-codes.js";

const docs = readFileSync(new URL("../../../../grammar/diagnostics.md", import.meta.url), "utf8");

/** The text of every checker and diagnostics test file. */
function testSources(): string {
  const dirs = ["../checker/", "./"].map((d) => new URL(d, import.meta.url));
  return dirs
    .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".test.ts")).map((f) => readFileSync(new URL(f, dir), "utf8")))
    .join("\n");
}

describe("the diagnostic catalog", () => {
  const entries = Object.entries(CATALOG);

  it("gives every entry its own code in the checker's ranges", () => {
    const codes = entries.map(([, e]) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^QUAL(2\d\d|3\d\d|4\d\d|55\d)$/);
  });

  it("has a test asserting each code", () => {
    const tests = testSources();
    const untested = entries.map(([, e]) => e.code).filter((code) => !tests.includes(`"${code}"`));
    expect(untested).toEqual([]);
  });

  it.each(entries)("documents %s in grammar/diagnostics.md under its code and title", (_id, entry) => {
    const heading = docs.split("\n").find((line) => line.startsWith(`### ${entry.code} `));
    expect(heading, `missing heading for ${entry.code}`).toBeDefined();
    expect(heading).toContain(entry.title);
  });

  it.each(Object.values(SyntaxCode))("documents the parser's %s too", (code) => {
    expect(docs).toMatch(new RegExp(`^### ${code} — `, "m"));
  });
});
