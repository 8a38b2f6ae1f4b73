import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { asksToShow, explainLeadArguments, explanationDocument, fixtureCaseAt, fixtureCases, fixtureLenses } from "../src/explain-lead.js";
import { exampleFiles, ROOT } from "./examples.js";

const fixtures = exampleFiles((name) => name.endsWith(".test.yaml")).map((file) => [relative(ROOT, file), file]);

describe("finding the fixture case under the cursor", () => {
  it.each(fixtures)("finds every case of %s from anywhere in its text", (_name, file) => {
    const text = readFileSync(file, "utf8");
    const cases = fixtureCases(text);
    // The cases as a reader counts them: each `- ` item of the top-level `cases:` list.
    const dashes = [...text.matchAll(/^ {0,2}- /gm)].map((match) => match.index!).filter((at) => at > text.indexOf("\ncases:"));
    expect(cases.map((c) => c.index)).toEqual(dashes.map((_, i) => i));
    cases.forEach((item, i) => {
      const nextStart = i + 1 < dashes.length ? dashes[i + 1]! : item.end;
      for (const offset of [dashes[i]!, item.start, Math.floor((item.start + item.end) / 2), nextStart - 1]) {
        expect(fixtureCaseAt(cases, offset)?.index, `offset ${offset} in case ${i}`).toBe(i);
      }
    });
    expect(fixtureCaseAt(cases, 0), "the header is in no case").toBeUndefined();
  });

  it("names a case without a name by its number, and finds none in a file without cases", () => {
    const cases = fixtureCases("model: m.qual\ncases:\n  - lead: {}\n    expect: { tier: a }\n");
    expect(cases.map((c) => c.name)).toEqual(["case 1"]);
    expect(fixtureCases("model: m.qual\n")).toEqual([]);
    expect(fixtureCases("cases: [")).toEqual([]);
  });

  it("sends the server the fixture's uri and the case's index", () => {
    const [second] = fixtureCases("cases:\n  - name: a\n  - name: b\n").slice(1);
    expect(explainLeadArguments("file:///w/m.test.yaml", second!)).toEqual([{ uri: "file:///w/m.test.yaml", case: 1 }]);
  });
});

describe("the code lenses of a fixture file", () => {
  it.each(fixtures)("puts one lens that shows the explanation at the start of each case of %s", (_name, file) => {
    const text = readFileSync(file, "utf8");
    const cases = fixtureCases(text);
    const lenses = fixtureLenses(text, "file:///w/f.test.yaml");
    expect(lenses.map((lens) => lens.offset)).toEqual(cases.map((c) => c.start));
    lenses.forEach((lens, i) => {
      expect(lens.arguments).toEqual([{ uri: "file:///w/f.test.yaml", case: i, show: true }]);
      expect(asksToShow(lens.arguments)).toBe(true);
      expect(fixtureCaseAt(cases, lens.offset)?.index).toBe(i);
    });
  });

  it("tells a lens's click from a call that only wants the answer", () => {
    const [only] = fixtureCases("cases:\n  - name: a\n");
    expect(asksToShow(explainLeadArguments("file:///w/m.test.yaml", only!))).toBe(false);
    expect(asksToShow(["file:///w/m.test.yaml", 0])).toBe(false);
    expect(asksToShow([])).toBe(false);
  });
});

describe("showing the explanation", () => {
  it("shows a case's verdict, tier, differences and breakdown", () => {
    const shown = explanationDocument({
      case: "CFO with budget",
      index: 0,
      passed: false,
      tier: "mql",
      explanation: "tier: mql\nscores: met 2\n",
      differences: [{ path: "tier", expected: "sql", actual: "mql" }],
    });
    expect(shown).toBe(
      "# CFO with budget\n\nThe case fails.\n\nTier: `mql`\n\n| where | expected | actual |\n|---|---|---|\n| `tier` | `\"sql\"` | `\"mql\"` |\n\n```text\ntier: mql\nscores: met 2\n```\n",
    );
  });

  it("shows text as it is and anything else as JSON", () => {
    expect(explanationDocument("Tier: sql")).toBe("Tier: sql\n");
    expect(explanationDocument({ tier: "sql" })).toBe('```json\n{\n  "tier": "sql"\n}\n```\n');
    expect(explanationDocument(null)).toMatch(/no explanation/);
  });
});
