import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import validateHubSpot from "../src/hubspot/generated/validate-hubspot.js";
import { HUBSPOT_SCORE_SCHEMA } from "../src/index.js";
// @ts-expect-error -- a plain .mjs build script without type declarations
import { ajvOptions, declarationCode, declarationPath, generateValidatorCode, validatorPath } from "../scripts/generate-hubspot-validator.mjs";

const committed = readFileSync(validatorPath as string, "utf8");

describe("the HubSpot schema's generated standalone validator", () => {
  it("is what the generator makes from the schema (regenerate with `node packages/import/scripts/generate-hubspot-validator.mjs`)", () => {
    expect(committed === (generateValidatorCode as (s: unknown) => string)(HUBSPOT_SCORE_SCHEMA), "validate-hubspot.js is stale: run the generator").toBe(true);
    expect(readFileSync(declarationPath as string, "utf8")).toBe(declarationCode);
  });

  it("never builds code from strings and needs no require()", () => {
    expect(committed).not.toMatch(/new Function|\beval\(|\brequire\(/);
  });

  it("accepts and rejects exactly what ajv compiling the schema does, with the same errors", () => {
    const oracle = new Ajv(ajvOptions as object).compile(HUBSPOT_SCORE_SCHEMA);
    const text = fc.oneof(fc.constantFrom("", "fit", "😀", "a.b", "1x"), fc.string({ maxLength: 3 }));
    const criterion = fc.record(
      { property: text, operator: fc.constantFrom("is", "gt", "between", "nope"), value: fc.jsonValue({ maxDepth: 1 }), extra: fc.constant(1) },
      { requiredKeys: [] },
    );
    const rule = fc.record(
      { label: text, points: fc.oneof(fc.integer(), fc.constant("5")), match: fc.constantFrom("all", "any", "some"), criteria: fc.array(criterion, { maxLength: 2 }), event: fc.record({ property: text, withinDays: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.double()) }, { requiredKeys: [] }) },
      { requiredKeys: [] },
    );
    const group = fc.record(
      { name: text, kind: fc.constantFrom("fit", "engagement", "other"), limit: fc.integer({ min: -1, max: 50 }), decay: fc.record({ percent: fc.integer({ min: 0, max: 100 }), everyMonths: fc.constantFrom(1, 2, 3, 12) }, { requiredKeys: [] }), rules: fc.array(rule, { maxLength: 2 }) },
      { requiredKeys: [] },
    );
    const document = fc.record(
      { name: text, totalLimit: fc.integer({ min: -1, max: 100 }), groups: fc.array(group, { maxLength: 2 }), thresholds: fc.array(fc.record({ tier: text, min: fc.integer() }, { requiredKeys: [] }), { maxLength: 2 }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(document, fc.jsonValue({ maxDepth: 2 })), (candidate) => {
        const expected = oracle(candidate);
        expect(validateHubSpot(candidate)).toBe(expected);
        expect(validateHubSpot.errors ?? null).toEqual(oracle.errors ?? null);
      }),
      { numRuns: 400 },
    );
  });

  it("accepts the bundled example", () => {
    const example = JSON.parse(readFileSync(new URL("../../../examples/imported/hubspot-score.json", import.meta.url), "utf8")) as unknown;
    expect(validateHubSpot(example), JSON.stringify(validateHubSpot.errors)).toBe(true);
  });
});
