import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import validateModel from "../../src/generated/validate-model.js";
// @ts-expect-error -- a plain .mjs build script without type declarations
import { ajvOptions, declarationCode, declarationPath, generateValidatorCode, schemaPath, validatorPath } from "../../scripts/generate-validator.mjs";

const schema = JSON.parse(readFileSync(schemaPath as string, "utf8")) as Record<string, unknown>;

describe("the generated standalone validator", () => {
  it("is what the generator makes from the committed schema (regenerate with `node packages/data/scripts/generate-validator.mjs`)", () => {
    const committed = readFileSync(validatorPath as string, "utf8");
    expect(committed === (generateValidatorCode as (s: unknown) => string)(schema), "src/generated/validate-model.js is stale: run `node packages/data/scripts/generate-validator.mjs`").toBe(true);
    expect(readFileSync(declarationPath as string, "utf8")).toBe(declarationCode);
  });

  it("never builds code from strings at run time", () => {
    const committed = readFileSync(validatorPath as string, "utf8");
    expect(committed).not.toMatch(/new Function|\beval\(|\brequire\(/);
  });

  it("accepts and rejects exactly what ajv compiling the schema does, with the same errors", () => {
    const oracle = new Ajv2020(ajvOptions as object).compile(schema);
    const name = fc.constantFrom("budget", "fit", "and", "2x", "", "tier");
    const expression = fc.oneof(fc.constantFrom("x > 1", "", "  ", "count(pains)"), fc.integer(), fc.boolean(), fc.constant(null));
    const type = fc.letrec<{ type: unknown }>((tie) => ({
      type: fc.oneof(
        { depthSize: "small" },
        fc.constantFrom("number", "text", "bool", "date", "nmber", 5),
        fc.record({ list: tie("type") }),
        fc.record({ one_of: fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }) }),
        fc.dictionary(fc.constantFrom("list", "record", "one_of", "other"), fc.constant("text"), { maxKeys: 2 }),
      ),
    })).type;
    const field = fc.record(
      { type, optional: fc.oneof(fc.boolean(), fc.constant("yes")), default: fc.jsonValue({ maxDepth: 2 }), doc: fc.oneof(fc.string(), fc.integer()), extra: fc.constant(1) },
      { requiredKeys: [] },
    );
    const rule = fc.record({ label: fc.oneof(fc.string(), fc.integer()), points: expression, when: expression, whn: expression }, { requiredKeys: [] });
    const declaration = fc.record(
      {
        const: name,
        set: name,
        let: name,
        criterion: name,
        score: name,
        disqualify: fc.oneof(fc.string(), fc.integer()),
        tier: name,
        label: fc.oneof(fc.string(), fc.integer()),
        when: expression,
        value: fc.oneof(expression, fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }), fc.constant({})),
        min: fc.oneof(fc.integer(), fc.constant("1")),
        max: fc.oneof(fc.integer(), fc.constantFrom("cap + 5", " ", true)),
        rules: fc.array(rule, { maxLength: 2 }),
        items: fc.oneof(fc.array(expression, { maxLength: 3 }), expression),
        otherwise: fc.oneof(fc.constant(true), fc.constant(false)),
        labl: fc.constant("x"),
      },
      { requiredKeys: [] },
    );
    const model = fc.record(
      {
        model: name,
        title: fc.oneof(fc.string(), fc.integer()),
        input: fc.oneof(fc.dictionary(name, field, { maxKeys: 3 }), fc.constant([])),
        declarations: fc.array(declaration, { maxLength: 4 }),
        extra: fc.constant(true),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(model, fc.jsonValue({ maxDepth: 3 })), (document) => {
        const expected = oracle(document);
        const actual = validateModel(document);
        expect(actual).toBe(expected);
        expect(validateModel.errors ?? null).toEqual(oracle.errors ?? null);
      }),
      { numRuns: 300 },
    );
  });
});
