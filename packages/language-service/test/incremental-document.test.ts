import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "@qualify/language";
import { QualLanguageService } from "../src/index.js";
import { generateLargeModel } from "../src/testing/large-model.js";

const URI = "inmemory://test/large.qual";

describe("a document edited version after version", () => {
  it("reports what a fresh analysis of each version reports (the versions share an incremental parser)", () => {
    const base = generateLargeModel(300);
    const edit = fc.record({ at: fc.nat({ max: base.length }), remove: fc.nat({ max: 6 }), insert: fc.constantFrom("", "=", " ", "\n", '"', "}", "x", "const") });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const service = new QualLanguageService();
        let text = base;
        service.update(URI, 1, text);
        edits.forEach((e, i) => {
          const at = Math.min(e.at, text.length);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          const report = service.update(URI, i + 2, text);
          expect(report.diagnostics).toStrictEqual(analyze(text, { file: URI }).diagnostics);
          expect(service.documentSymbols(URI)).toStrictEqual(outlineOfFresh(text));
        });
      }),
      { numRuns: 25 },
    );
  });

  it("marks the broken comparison with its code and range, and clears it when repaired", () => {
    const text = generateLargeModel(300);
    const at = text.indexOf(">= ") + 2;
    const broken = text.slice(0, at) + "=" + text.slice(at);
    const service = new QualLanguageService();
    expect(service.update(URI, 1, text).diagnostics).toEqual([]);
    const report = service.update(URI, 2, broken);
    const line = broken.slice(0, at).split("\n").length;
    expect(report.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([[expect.stringMatching(/^QUAL1/), line]]);
    expect(service.update(URI, 3, text).diagnostics).toEqual([]);
  });
});

function outlineOfFresh(text: string): unknown {
  const fresh = new QualLanguageService();
  fresh.update("inmemory://test/fresh.qual", 1, text);
  return fresh.documentSymbols("inmemory://test/fresh.qual");
}
