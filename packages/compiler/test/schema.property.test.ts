import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InputField, ModelIR, QualType } from "@qualify/ir";
import { compile } from "../src/index.js";
import type { InvalidLeadError } from "../src/index.js";
import { Dice, mutateLead, randomFields, randomLead } from "./generators.js";
import { model } from "./ir-builders.js";

// ajv-formats is CommonJS; its default export arrives wrapped under Node's ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => Ajv2020;

// ownProperties: like the evaluator, never read a field a lead inherits (`toString`, `constructor`).
const ajv = new Ajv2020({ allErrors: true, strict: false, ownProperties: true });
addFormats(ajv);

const LIMITS = { maxStringLength: 12, maxListLength: 3 };

function inputsOnly(seed: number): ModelIR {
  const d = new Dice(seed);
  // ajv mishandles a property named "__proto__" at any depth (it disagrees with its own schema); unit tests cover that name.
  const inputs = withoutProtoNames(randomFields(d, 1 + d.int(7), 2));
  return model({ id: `m${seed}`, inputs });
}

function withoutProtoNames(fields: readonly InputField[]): InputField[] {
  const inType = (type: QualType): QualType =>
    type.kind === "record" ? { kind: "record", fields: withoutProtoNames(type.fields) } : type.kind === "list" ? { kind: "list", element: inType(type.element) } : type;
  return fields.filter((f) => f.name !== "__proto__").map((f) => ({ ...f, type: inType(f.type) }));
}

/**
 * The lead with every choice spelt as the model declares it. The schema's enum
 * lists choices as declared while the evaluator ignores case, so the two agree
 * exactly on leads spelt this way (a form built from the schema sends no other).
 */
function spellChoicesAsDeclared(value: unknown, type: QualType): unknown {
  if (type.kind === "choice" && typeof value === "string") {
    return type.options.find((o) => o.toLowerCase() === value.toLowerCase()) ?? value;
  }
  if (type.kind === "list" && Array.isArray(value)) return value.map((v) => spellChoicesAsDeclared(v, type.element));
  if (type.kind === "record" && typeof value === "object" && value !== null && !Array.isArray(value)) return spellFields(value as Record<string, unknown>, type.fields);
  return value;
}

function spellFields(lead: Record<string, unknown>, fields: readonly InputField[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...lead };
  for (const f of fields) if (Object.hasOwn(lead, f.name)) out[f.name] = spellChoicesAsDeclared(lead[f.name], f.type);
  return out;
}

describe("lead validation agrees with ajv on toInputSchema", () => {
  it("accepts and rejects exactly the leads ajv does (valid and mutated JSON leads, small limits)", () => {
    let rejected = 0;
    let accepted = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const ir = inputsOnly(seed);
        const compiled = compile(ir, { limits: LIMITS });
        const check = ajv.compile(compiled.inputSchema);
        const d = new Dice(seed * 31 + 3);
        for (let i = 0; i < 8; i++) {
          const valid = randomLead(ir.inputs, d);
          const generated = i % 2 === 0 ? valid : mutateLead(valid, ir.inputs, d);
          const lead = typeof generated === "object" && generated !== null && !Array.isArray(generated) ? spellFields(generated as Record<string, unknown>, ir.inputs) : generated;
          const issues = compiled.validate(lead);
          const ajvSays = check(lead);
          // score/evaluate throw exactly when validate finds issues, and report the same ones.
          let thrown: unknown;
          try {
            compiled.score(lead, { now: 0 });
          } catch (error) {
            thrown = error;
          }
          if (issues.length === 0) expect(thrown).toBeUndefined();
          else expect((thrown as InvalidLeadError).issues).toEqual(issues);
          if (ajvSays) accepted++;
          else rejected++;
          // On a disagreement the diff shows the lead, our issues and ajv's errors side by side.
          const ours = { lead, valid: issues.length === 0, why: issues.map((x) => x.message) };
          const theirs = { lead, valid: ajvSays, why: (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`) };
          if (ours.valid !== theirs.valid) expect({ ...ours, inputs: ir.inputs }).toEqual(theirs);
        }
      }),
      { numRuns: 200, seed: 424242 },
    );
    // Both outcomes must be common, or the property would prove little.
    expect(accepted).toBeGreaterThan(200);
    expect(rejected).toBeGreaterThan(200);
  });
});
