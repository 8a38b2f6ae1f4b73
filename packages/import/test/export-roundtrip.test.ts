import fc from "fast-check";
import jsonLogic from "json-logic-js";
import { analyze } from "@qualify/language";
import type { ModelIR } from "@qualify/ir";
import { compileModel } from "qualify";
import { describe, expect, it } from "vitest";
import { exportJsonLogic, importJsonLogic } from "../src/index.js";

// Models in the part of Qual whose meaning survives in JsonLogic: required number and yes/no fields, a list of
// numbers, logic, comparisons, arithmetic (division by non-zero literals), min/max, between, in, if.
// Types are inferable from JsonLogic when a number field is never the whole of an if branch or of a score,
// and a yes/no field is compared only with a literal: the generator keeps to that.
const NUMBERS = ["n1", "n2", "company.size"];
const BOOLS = ["b1", "b2"];

const numLiteral = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.constantFrom(0.5, 2.5, -1.25)).map((n) => (n < 0 ? `(${n})` : String(n)));
const { num, compound, bool } = fc.letrec<{ num: string; compound: string; bool: string }>((tie) => ({
  num: fc.oneof({ depthSize: "small", withCrossShrink: true }, numLiteral, fc.constantFrom(...NUMBERS), tie("compound")),
  compound: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    numLiteral,
    fc.tuple(tie("num"), fc.constantFrom("+", "-", "*"), tie("num")).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie("num"), fc.constantFrom(2, 4, -5)).map(([a, d]) => `(${a} / ${d})`),
    tie("num").map((a) => `(-${a})`),
    fc.tuple(fc.constantFrom("min", "max"), fc.array(tie("num"), { minLength: 1, maxLength: 3 })).map(([f, args]) => `${f}(${args.join(", ")})`),
    fc.tuple(tie("bool"), tie("compound"), tie("compound")).map(([c, a, b]) => `(if ${c} then ${a} else ${b})`),
  ),
  bool: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(...BOOLS, "true", "false"),
    fc.tuple(fc.constantFrom(...BOOLS), fc.boolean()).map(([b, v]) => `(${b} = ${v})`),
    fc.tuple(tie("num"), fc.constantFrom("=", "!=", "<", "<=", ">", ">="), tie("num")).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie("num"), tie("num"), tie("num")).map(([x, lo, hi]) => `(${x} between ${lo} and ${hi})`),
    fc.tuple(tie("num"), fc.boolean(), fc.uniqueArray(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 3 })).map(
      ([x, neg, list]) => `(${x} ${neg ? "not in" : "in"} [${list.join(", ")}])`,
    ),
    fc.tuple(tie("num"), fc.boolean()).map(([x, neg]) => `(${x} ${neg ? "not in" : "in"} xs)`),
    tie("bool").map((b) => `(not ${b})`),
    fc.tuple(tie("bool"), fc.constantFrom("and", "or"), tie("bool")).map(([a, op, b]) => `(${a} ${op} ${b})`),
  ),
}));

interface Generated {
  readonly source: string;
  readonly ir: ModelIR;
}

const modelArb = fc
  .record({
    criteria: fc.array(bool, { minLength: 1, maxLength: 3 }),
    scores: fc.array(compound, { maxLength: 2 }),
    tiers: fc.array(bool, { maxLength: 2 }),
  })
  .map(({ criteria, scores, tiers }): Generated | undefined => {
    const body = [
      ...criteria.map((e, i) => `criterion c${i + 1} "C${i + 1}" = ${e}`),
      ...scores.map((e, i) => `score s${i + 1} "S${i + 1}" = ${e}`),
      ...tiers.map((e, i) => `tier t${i + 1} "T${i + 1}" when ${e}`),
      `tier lead "Lead" otherwise`,
    ].join("\n");
    const used = (name: string) => new RegExp(`(^|[^.\\w])${name.replace(".", "\\.")}\\b`).test(body);
    const fields = [...NUMBERS.filter((n) => !n.includes(".")).filter(used).map((n) => `${n}: number`), ...BOOLS.filter(used).map((b) => `${b}: bool`)];
    if (used("xs")) fields.push("xs: list of number");
    if (used("company.size")) fields.push("company: { size: number }");
    const source = `model generated "Generated"\ninput {\n${fields.join("\n")}\n}\n${body}\n`;
    const analysis = analyze(source);
    return analysis.ir === undefined || analysis.diagnostics.some((d) => d.severity === "error") ? undefined : { source, ir: analysis.ir };
  })
  .filter((m): m is Generated => m !== undefined);

const leadArb = fc.record({
  n1: fc.integer({ min: -10, max: 10 }),
  n2: fc.oneof(fc.integer({ min: -10, max: 10 }), fc.constantFrom(0.5, 2.5)),
  company: fc.record({ size: fc.integer({ min: -5, max: 25 }) }),
  b1: fc.boolean(),
  b2: fc.boolean(),
  xs: fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 3 }),
});

/** The IR without source ranges, inputs by name (the import declares them in order of first use). */
function comparable(ir: ModelIR): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "range").map(([k, v]) => [k, strip(v)]));
  };
  return strip({ ...ir, inputs: [...ir.inputs].sort((a, b) => a.name.localeCompare(b.name)) });
}

const sameNumber = (a: unknown, b: unknown) => typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe("export to JsonLogic", () => {
  it("then import gives the same IR, tiers included", () => {
    fc.assert(
      fc.property(modelArb, ({ ir }) => {
        const exported = exportJsonLogic(ir);
        expect(exported.refused).toEqual([]);
        const back = importJsonLogic(exported.rules, { id: ir.id, title: ir.title });
        expect(back.ir, back.model).toBeDefined();
        expect(comparable(back.ir!)).toEqual(comparable(ir));
      }),
      { numRuns: 300 },
    );
  });

  it("gives json-logic-js the closures' answers on generated leads", () => {
    fc.assert(
      fc.property(modelArb, fc.array(leadArb, { minLength: 1, maxLength: 5 }), ({ source, ir }, leads) => {
        const { rules } = exportJsonLogic(ir);
        const model = compileModel(source);
        for (const lead of leads) {
          const result = model.evaluate(lead);
          expect(result.unknown).toEqual([]);
          for (const c of ir.criteria) expect(jsonLogic.apply(rules[c.id] as jsonLogic.RulesLogic, lead)).toBe(result.criteria[c.id]);
          for (const s of ir.scores) {
            const got = jsonLogic.apply(rules[s.id] as jsonLogic.RulesLogic, lead);
            expect(sameNumber(got, result.scores[s.id]), `${s.id}: ${String(got)} vs ${String(result.scores[s.id])}`).toBe(true);
          }
          expect(jsonLogic.apply(rules["tier"] as jsonLogic.RulesLogic, lead)).toBe(result.tier);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("refuses text tests, optional fields and division by a field, with their positions", () => {
    const source = `model m "M"\ninput {\n  role: text\n  budget: number?\n  n: number\n}\ncriterion a "A" = role = "cfo"\ncriterion b "B" = budget > 3\nscore c "C" = 10 / n\ntier lead "Lead" otherwise\n`;
    const ir = analyze(source).ir!;
    const { refused, rules } = exportJsonLogic(ir);
    expect(refused.map((r) => [r.declaration, r.range?.start.line])).toEqual([
      ["criterion a", 7],
      ["criterion b", 8],
      ["score c", 9],
    ]);
    expect(Object.keys(rules)).toEqual(["tier"]);
  });
});
