import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ImportSource } from "../src/index.js";
import { importRules, reportToMarkdown } from "../src/index.js";

// examples/imported holds one import from each source; they must be what `qualify import` writes today.
const DIR = new URL("../../../examples/imported/", import.meta.url);
const EXAMPLES: readonly [ImportSource, string][] = [
  ["jsonlogic", "jsonlogic-rules"],
  ["json-rules-engine", "rules-engine"],
  ["hubspot", "hubspot-score"],
];

describe("the imported examples", () => {
  for (const [from, name] of EXAMPLES) {
    it(`${name}.qual and its report are what importing ${name}.json gives`, () => {
      const document = JSON.parse(readFileSync(new URL(`${name}.json`, DIR), "utf8")) as unknown;
      const result = importRules(from, document, { id: name, sourceName: `${name}.json` });
      expect(result.diagnostics).toEqual([]);
      expect(result.model).toBe(readFileSync(new URL(`${name}.qual`, DIR), "utf8"));
      expect(reportToMarkdown(result.report, `${name}.json`)).toBe(readFileSync(new URL(`${name}.import-report.md`, DIR), "utf8"));
    });
  }
});
