import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, printModel } from "@qualify/language";
import type { FieldDecl, Model, TypeNode } from "@qualify/language";
import { fromData, toData } from "../src/index.js";
import type { DataFormat } from "../src/index.js";
// The parser engineer's generators of syntax trees: valid syntax, any names and types (mostly ill-typed models).
import { modelArb, qual2ModelArb } from "../../language/test/arbitraries/model.js";

/**
 * The syntax tree without what the data form does not keep, by design:
 * ranges, numbers' spelling (`10_000`, `+20`, `007`), `-0` versus `0`, the
 * difference between a date and a text default (YAML and JSON have no dates;
 * the field's type decides), and a missing input block (the form always has one).
 */
function normalise(value: unknown, inDefault = false): unknown {
  if (Array.isArray(value)) return value.map((item) => normalise(item, inDefault));
  if (typeof value !== "object" || value === null) return value;
  const node = value as Record<string, unknown>;
  if (node.kind === "UnaryExpr" && node.op === "+" && (node.operand as { kind?: string } | undefined)?.kind === "NumberLiteral") return normalise(node.operand, inDefault);
  if (node.kind === "UnaryExpr" && node.op === "-" && (node.operand as { value?: unknown } | undefined)?.value === 0) return { kind: "NumberLiteral", value: 0 };
  if (inDefault && node.kind === "DateLiteral") return { kind: "StringLiteral", value: node.value };
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(node)) {
    if (key === "range" || key === "raw" || key === "comments" || item === undefined) continue;
    out[key] = normalise(item, inDefault || key === "default");
  }
  if (out.kind === "Model" && out.input === undefined) out.input = { kind: "InputBlock", fields: [] };
  return out;
}

/** Repeated keys cannot be written as data (a mapping has each key once); the checker rejects them anyway. */
function hasRepeatedKeys(model: Model): boolean {
  const repeated = (names: readonly string[]) => new Set(names).size < names.length;
  const fieldsRepeat = (fields: readonly FieldDecl[]): boolean =>
    repeated(fields.map((f) => f.name.name)) || fields.some((f) => typeRepeats(f.type));
  const typeRepeats = (type: TypeNode | undefined): boolean =>
    type?.kind === "RecordType" ? fieldsRepeat(type.fields) : type?.kind === "ListType" ? typeRepeats(type.element) : false;
  return (
    fieldsRepeat(model.input?.fields ?? []) ||
    model.declarations.some((d) => d.kind === "ScoreGroupDecl" && repeated(d.bounds.map((b) => b.which)))
  );
}

describe("syntax trees through the data form", () => {
  it.each([
    ["Qual 1", modelArb],
    ["Qual 2", qual2ModelArb],
  ])("qual -> yaml/json -> qual keeps every declaration, label, doc and expression of any syntactically valid %s model", (_syntax, models) => {
    fc.assert(
      fc.property(models, fc.constantFrom<DataFormat>("yaml", "json"), (generated, format) => {
        fc.pre(!hasRepeatedKeys(generated));
        const original = parse(printModel(generated));
        expect(original.diagnostics).toEqual([]);
        const data = toData(original.ast, format);
        const back = fromData(data, { format });
        expect(back.diagnostics.filter((d) => d.code.startsWith("QUAL6") || d.code.startsWith("QUAL1")), data).toEqual([]);
        expect(back.text, data).toBeDefined();
        const reparsed = parse(back.text ?? "");
        expect(reparsed.diagnostics).toEqual([]);
        expect(normalise(reparsed.ast)).toEqual(normalise(original.ast));
      }),
      { numRuns: 100 },
    );
  });
});
