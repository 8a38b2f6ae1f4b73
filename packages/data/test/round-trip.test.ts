import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile } from "@qualify/compiler";
import type { Diagnostic, ModelIR } from "@qualify/ir";
import { analyze } from "@qualify/language";
import { analyzeData, fromData, toData } from "../src/index.js";
import type { DataFormat } from "../src/index.js";
import { leadFor } from "./arbitraries/lead.js";
import { modelSource, qual2ModelSource } from "./arbitraries/model-source.js";
import { stripRanges } from "./helpers/strip-ranges.js";

const FORMATS: readonly DataFormat[] = ["yaml", "json"];
const errorsOf = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`);
const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.code).sort();

/** Checks a generated model, failing with its text when the generator made an invalid one. */
function checkedSource(source: string): { ir: ModelIR; ast: ReturnType<typeof analyze>["ast"]; diagnostics: Diagnostic[] } {
  const result = analyze(source);
  expect(errorsOf(result.diagnostics), `generated model should check clean:\n${source}`).toEqual([]);
  expect(result.ir).toBeDefined();
  return { ir: result.ir as ModelIR, ast: result.ast, diagnostics: result.diagnostics };
}

/** The generators of well-typed models, Qual 1 forms only and with Qual 2 forms. */
const SYNTAXES = [
  ["Qual 1", modelSource],
  ["Qual 2", qual2ModelSource],
] as const;

for (const [syntax, generated] of SYNTAXES) {
  describe(`round trips between .qual and the data forms, ${syntax} models`, () => {
    it("qual -> yaml/json -> IR is the IR of the .qual, and the same warnings are found", () => {
      fc.assert(
        fc.property(generated, (source) => {
          const original = checkedSource(source);
          for (const format of FORMATS) {
            const data = toData(original.ast, format);
            const back = analyzeData(data, { format });
            expect(errorsOf(back.diagnostics), `${format}:\n${data}`).toEqual([]);
            expect(stripRanges(back.ir)).toEqual(stripRanges(original.ir));
            expect(codes(back.diagnostics)).toEqual(codes(original.diagnostics));
          }
        }),
        { numRuns: 80 },
      );
    });

    it("qual -> yaml/json -> qual gives a model with the same IR", () => {
      fc.assert(
        fc.property(generated, (source) => {
          const original = checkedSource(source);
          for (const format of FORMATS) {
            const converted = fromData(toData(original.ast, format), { format });
            expect(errorsOf(converted.diagnostics)).toEqual([]);
            expect(converted.text).toBeDefined();
            const again = analyze(converted.text ?? "");
            expect(errorsOf(again.diagnostics), converted.text).toEqual([]);
            expect(stripRanges(again.ir)).toEqual(stripRanges(original.ir));
          }
        }),
        { numRuns: 50 },
      );
    });

    it("yaml -> json from the YAML file's own syntax tree (as the editor converts) keeps the IR", () => {
      fc.assert(
        fc.property(generated, (source) => {
          const original = checkedSource(source);
          const fromYaml = analyzeData(toData(original.ast, "yaml"));
          expect(fromYaml.ast).toBeDefined();
          const json = analyzeData(toData(fromYaml.ast!, "json"), { format: "json" });
          expect(errorsOf(json.diagnostics)).toEqual([]);
          expect(stripRanges(json.ir)).toEqual(stripRanges(original.ir));
        }),
        { numRuns: 30 },
      );
    });

    it("the converted models evaluate leads exactly as the original", () => {
      const now = "2026-11-01T00:00:00Z";
      fc.assert(
        fc.property(
          generated.chain((source) => {
            const original = checkedSource(source);
            return fc.tuple(fc.constant(original), fc.array(leadFor(original.ir.inputs), { minLength: 1, maxLength: 5 }));
          }),
          ([original, leads]) => {
            const reference = compile(original.ir);
            for (const format of FORMATS) {
              const back = analyzeData(toData(original.ast, format), { format });
              const converted = compile(back.ir as ModelIR);
              for (const lead of leads) {
                expect(converted.evaluate(lead, { now })).toEqual(reference.evaluate(lead, { now }));
              }
            }
          },
        ),
        { numRuns: 25 },
      );
    });
  });
}

describe("round trips between .qual and the data forms", () => {
  it("keeps comments, labels, docs and declaration order through YAML", () => {
    const source = `# Header comment
model m "Title with \\"quotes\\" and # hash"

input {
  # about a
  a: number? "Doc of a: with colon"
  b: text = "x"
}

# before c
criterion c "C label" = a > 1 # trailing on c
tier hot "Hot" when c
tier rest "Rest" otherwise
`;
    const original = checkedSource(source);
    const yaml = toData(original.ast, "yaml");
    expect(yaml).toContain("# Header comment");
    expect(yaml).toContain("# about a");
    expect(yaml).toContain("# before c");
    expect(yaml).toContain("# trailing on c");
    expect(yaml.indexOf("criterion: c")).toBeLessThan(yaml.indexOf("tier: hot"));
    expect(yaml.indexOf("tier: hot")).toBeLessThan(yaml.indexOf("tier: rest"));
    const back = fromData(yaml);
    expect(back.text).toBeDefined();
    const text = back.text ?? "";
    for (const comment of ["# Header comment", "# about a", "# before c", "# trailing on c"]) expect(text).toContain(comment);
    expect(text.indexOf("# Header comment")).toBeLessThan(text.indexOf("model m"));
    expect(text.indexOf("# about a")).toBeLessThan(text.indexOf("a: number?"));
    expect(text.indexOf("# before c")).toBeLessThan(text.indexOf("criterion c"));
    expect(text).toMatch(/criterion c "C label" = a > 1 +# trailing on c/);
    expect(text).toContain('"Doc of a: with colon"');
    expect(stripRanges(analyze(text).ir)).toEqual(stripRanges(original.ir));
  });

  it("writes JSON without comments but with everything else", () => {
    const original = checkedSource(`# dropped\nmodel m "T"\ninput { a: number }\nscore s "S" min -5 max 10 { "x": -3 when a > 1\n "y": 2 * a }\ntier t "T" otherwise\n`);
    const json = JSON.parse(toData(original.ast, "json")) as Record<string, unknown>;
    expect(json).toEqual({
      model: "m",
      title: "T",
      input: { a: { type: "number" } },
      declarations: [
        { score: "s", label: "S", min: -5, max: 10, rules: [{ label: "x", points: -3, when: "a > 1" }, { label: "y", points: "2 * a" }] },
        { tier: "t", label: "T", otherwise: true },
      ],
    });
  });
});
