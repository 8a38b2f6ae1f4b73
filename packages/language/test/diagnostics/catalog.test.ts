import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../../src/diagnostics/messages.js";

const docs = readFileSync(new URL("../../../../grammar/diagnostics.md", import.meta.url), "utf8");

describe("the diagnostic catalog", () => {
  const entries = Object.entries(CATALOG);

  it("gives every entry its own code in the checker's ranges", () => {
    const codes = entries.map(([, e]) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^QUAL(2\d\d|3\d\d|4\d\d|55\d)$/);
  });

  it.each(entries)("documents %s in grammar/diagnostics.md under its code and title", (_id, entry) => {
    const heading = docs.split("\n").find((line) => line.startsWith(`### ${entry.code} `));
    expect(heading, `missing heading for ${entry.code}`).toBeDefined();
    expect(heading).toContain(entry.title);
  });
});
