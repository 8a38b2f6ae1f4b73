import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "@qualify/ir";
import { analyze } from "@qualify/language";
import { analyzeData } from "../src/index.js";
import { covered, positionOf } from "./helpers/positions.js";
import { stripRanges } from "./helpers/strip-ranges.js";

const qualModel = `model bant "BANT qualification"

input {
  budget_usd: number? "Budget for this purchase, in USD"
  role: text?
  pains: list of text
}

const deciders = ["CEO", "CFO", "VP"]

criterion budget "Budget" = budget_usd >= 10_000
criterion authority "Authority" = role in deciders
criterion need "Need" = count(pains) > 0 and budget
score met "Criteria met" = count of (budget, authority, need)

tier sql "Sales qualified" when at least 2 of (budget, authority, need)
tier cold "Cold" otherwise
`;

const yamlModel = `model: bant
title: BANT qualification
input:
  budget_usd: { type: number, optional: true, doc: "Budget for this purchase, in USD" }
  role: { type: text, optional: true }
  pains: { type: { list: text } }
declarations:
  - const: deciders
    value: [CEO, CFO, VP]
  - criterion: budget
    label: Budget
    when: budget_usd >= 10_000
  - criterion: authority
    label: Authority
    when: "role in deciders"
  - criterion: need
    label: Need
    when: |
      count(pains) > 0
      and budget
  - score: met
    label: Criteria met
    value: count of (budget, authority, need)
  - tier: sql
    label: Sales qualified
    when: at least 2 of (budget, authority, need)
  - tier: cold
    label: Cold
    otherwise: true
`;

const jsonModel = JSON.stringify(
  {
    model: "bant",
    title: "BANT qualification",
    input: {
      budget_usd: { type: "number", optional: true, doc: "Budget for this purchase, in USD" },
      role: { type: "text", optional: true },
      pains: { type: { list: "text" } },
    },
    declarations: [
      { const: "deciders", value: ["CEO", "CFO", "VP"] },
      { criterion: "budget", label: "Budget", when: "budget_usd >= 10_000" },
      { criterion: "authority", label: "Authority", when: "role in deciders" },
      { criterion: "need", label: "Need", when: "count(pains) > 0 and budget" },
      { score: "met", label: "Criteria met", value: "count of (budget, authority, need)" },
      { tier: "sql", label: "Sales qualified", when: "at least 2 of (budget, authority, need)" },
      { tier: "cold", label: "Cold", otherwise: true },
    ],
  },
  null,
  2,
);

const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === "error");

describe("analyzeData on a valid model", () => {
  const expected = analyze(qualModel);

  it("the .qual form itself checks clean (test setup)", () => {
    expect(expected.diagnostics).toEqual([]);
    expect(expected.ir).toBeDefined();
  });

  it("gives the same IR from YAML as from .qual, ignoring ranges", () => {
    const result = analyzeData(yamlModel, { file: "bant.qual.yaml" });
    expect(result.diagnostics).toEqual([]);
    expect(stripRanges(result.ir)).toEqual(stripRanges(expected.ir));
  });

  it("gives the same IR from JSON as from .qual, choosing the format from the file name", () => {
    const result = analyzeData(jsonModel, { file: "bant.qual.json" });
    expect(result.diagnostics).toEqual([]);
    expect(stripRanges(result.ir)).toEqual(stripRanges(expected.ir));
  });

  it("gives symbols and references whose ranges point into the YAML file", () => {
    const result = analyzeData(yamlModel);
    const budget = result.symbols.find((s) => s.name === "budget");
    expect(budget?.kind).toBe("criterion");
    expect(budget?.label).toBe("Budget");
    expect(budget?.range.start).toMatchObject(positionOf(yamlModel, "budget\n    label: Budget"));
    const uses = result.references.filter((r) => r.name === "budget").map((r) => covered(yamlModel, { range: r.range } as Diagnostic));
    expect(uses.length).toBeGreaterThanOrEqual(3);
    expect(new Set(uses)).toEqual(new Set(["budget"]));
    const inBlock = positionOf(yamlModel, "and budget");
    const useInBlock = result.references.find((r) => r.name === "budget" && r.range.start.line === inBlock.line);
    expect(useInBlock?.range.start).toMatchObject({ line: inBlock.line, column: inBlock.column + 4 });
    const field = result.symbols.find((s) => s.name === "budget_usd");
    expect(field?.doc).toBe("Budget for this purchase, in USD");
    expect(covered(yamlModel, { range: field!.range } as Diagnostic)).toBe("budget_usd");
  });
});

describe("expression errors inside YAML strings", () => {
  it("points a syntax error in a plain scalar at its column", () => {
    const text = yamlModel.replace("when: budget_usd >= 10_000", "when: budget_usd >= ) 10_000");
    const result = analyzeData(text);
    expect(result.ir).toBeUndefined();
    const [error] = errorsOf(result.diagnostics);
    expect(error?.code).toMatch(/^QUAL1\d\d$/);
    expect(error?.range.start).toMatchObject(positionOf(text, ")"));
  });

  it("points a syntax error in a double-quoted scalar with escapes at its column", () => {
    const text = yamlModel.replace('when: "role in deciders"', 'when: "role = \\"C\\tO\\" or ) role in deciders"');
    const result = analyzeData(text);
    const [error] = errorsOf(result.diagnostics);
    expect(error?.code).toMatch(/^QUAL1\d\d$/);
    expect(error?.range.start).toMatchObject(positionOf(text, ") role"));
  });

  it("points an unknown name on the second line of a block scalar at that line, with a fix that replaces it", () => {
    const text = yamlModel.replace("      and budget\n", "      and budgte\n");
    const result = analyzeData(text);
    const [error] = errorsOf(result.diagnostics);
    expect(error?.code).toMatch(/^QUAL2\d\d$/);
    expect(error?.range.start).toMatchObject(positionOf(text, "budgte"));
    expect(covered(text, error!)).toBe("budgte");
    const edit = error?.suggestion?.edits[0];
    expect(edit?.newText).toBe("budget");
    expect(covered(text, { range: edit!.range } as Diagnostic)).toBe("budgte");
  });

  it("points a type error at the operand in the file", () => {
    const text = yamlModel.replace("when: budget_usd >= 10_000", "when: role >= 10_000");
    const result = analyzeData(text);
    const [error] = errorsOf(result.diagnostics);
    expect(error?.code).toMatch(/^QUAL3\d\d$/);
    expect(error?.range.start.line).toBe(positionOf(text, "role >= 10_000").line);
    expect(covered(text, error!)).toContain("role");
  });

  it("points an unknown name inside a JSON string with escapes at its column", () => {
    const text = jsonModel.replace('"role in deciders"', '"role = \\"CFO\\" or role in decider"');
    const result = analyzeData(text, { format: "json" });
    const [error] = errorsOf(result.diagnostics);
    expect(error?.code).toMatch(/^QUAL2\d\d$/);
    expect(covered(text, error!)).toBe("decider");
    expect(error?.range.start).toMatchObject(positionOf(text, "decider\""));
  });

  it("stops at schema errors without building a tree", () => {
    const text = yamlModel.replace("  - criterion: budget\n", "  - criterion: budget\n    max: x\n");
    const result = analyzeData(text);
    expect(result.ast).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["QUAL601"]);
    expect(result.diagnostics[0]?.file).toBeUndefined();
  });

  it("puts the file name on every diagnostic", () => {
    const text = yamlModel.replace("and budget\n", "and budgte\n");
    const result = analyzeData(text, { file: "models/bant.qual.yaml" });
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) expect(d.file).toBe("models/bant.qual.yaml");
  });
});

describe("analyzeData on any input", () => {
  const withinText = (text: string, d: Diagnostic) =>
    d.range.start.offset >= 0 && d.range.end.offset <= text.length && d.range.start.offset <= d.range.end.offset;

  it("never throws on arbitrary text, and every range lies inside the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom("yaml", "json") as fc.Arbitrary<"yaml" | "json">, (text, format) => {
        const result = analyzeData(text, { format });
        for (const d of result.diagnostics) expect(withinText(text, d)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("never throws on damaged models, and every range lies inside the text", () => {
    fc.assert(
      fc.property(fc.nat(yamlModel.length), fc.nat(12), fc.string({ maxLength: 6 }), (at, length, insert) => {
        const text = yamlModel.slice(0, at) + insert + yamlModel.slice(at + length);
        const result = analyzeData(text);
        for (const d of result.diagnostics) expect(withinText(text, d)).toBe(true);
        if (result.ir !== undefined) expect(errorsOf(result.diagnostics)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
