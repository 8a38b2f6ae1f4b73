import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { CHOICE_CASE_NOTE, compile, toInputSchema } from "../src/index.js";
import { inboundModel } from "./inbound-model.js";
import { bantModel, field, model, T } from "./ir-builders.js";

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => Ajv2020;

describe("toInputSchema", () => {
  it("describes the BANT input as a draft 2020-12 object schema", () => {
    expect(toInputSchema(bantModel())).toEqual({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: "BANT qualification",
      type: "object",
      properties: {
        budget_usd: { description: "Budget for this purchase, in USD", type: ["number", "null"] },
        role: { type: ["string", "null"], maxLength: 100_000 },
        pains: { type: "array", items: { type: "string", maxLength: 100_000 }, maxItems: 10_000 },
        timeline_days: { type: ["number", "null"] },
      },
      required: ["pains"],
    });
  });

  it("nests records, gives defaults, and does not require a record whose fields may all be absent", () => {
    const schema = toInputSchema(inboundModel());
    expect(schema["required"]).toEqual(["email"]);
    expect(schema["properties"]).toMatchObject({
      company: { type: ["object", "null"], properties: { employees: { type: ["number", "null"] } } },
      page_views_30d: { type: ["number", "null"], default: 0 },
      last_activity: { type: ["string", "null"], anyOf: [{ format: "date" }, { format: "date-time" }, { pattern: expect.any(String) }] },
    });
    expect(schema["additionalProperties"]).toBeUndefined();
  });

  it("lists one of as an enum a form builder renders as a select, saying that case is ignored", () => {
    const schema = toInputSchema(model({ inputs: [field("plan", T.choice("Free", "Pro (annual)")), field("seat", T.choice("A", "b"), { optional: true })] }));
    expect(schema["properties"]).toEqual({
      plan: { type: "string", enum: ["Free", "Pro (annual)"], $comment: CHOICE_CASE_NOTE },
      seat: { type: ["string", "null"], enum: ["A", "b", null], $comment: CHOICE_CASE_NOTE },
    });
    const check = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(schema);
    expect([{ plan: "Free" }, { plan: "Pro (annual)", seat: null }, { plan: "Free", seat: "b" }].every((lead) => check(lead))).toBe(true);
    expect([{ plan: "Fre" }, { plan: "Free", seat: "c" }, { plan: null }].some((lead) => check(lead))).toBe(false);
    // The evaluator itself still ignores case: the schema is what a form should send.
    expect(compile(model({ inputs: [field("plan", T.choice("Free", "Pro"))] })).validate({ plan: "pro" })).toEqual([]);
  });

  it("keeps a field named __proto__ as an own property", () => {
    const schema = toInputSchema(model({ inputs: [field("__proto__", T.number)] }));
    const properties = schema["properties"] as object;
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(Object.keys(properties)).toEqual(["__proto__"]);
    expect(schema["required"]).toEqual(["__proto__"]);
  });

  it("is accepted by ajv in strict mode with formats", () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    addFormats(ajv);
    const check = ajv.compile(compile(inboundModel()).inputSchema);
    expect(check({ email: "a@b.example", last_activity: "2026-10-01T10:00:00", company: null })).toBe(true);
    expect(check({ email: "a@b.example", last_activity: "2026-02-30" })).toBe(false);
  });
});
