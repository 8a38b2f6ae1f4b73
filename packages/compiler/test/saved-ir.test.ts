import { IR_FORMAT, IR_VERSION } from "@qualify/ir";
import { describe, expect, it } from "vitest";
import { compile, IRFormatError, loadIR, saveIR } from "../src/index.js";
import { randomModel } from "./generators.js";
import { bantModel } from "./ir-builders.js";
import { inboundModel } from "./inbound-model.js";

describe("saved IR", () => {
  it("round-trips models through saveIR and loadIR", () => {
    for (const ir of [bantModel(), inboundModel(), ...Array.from({ length: 30 }, (_, i) => randomModel(i + 1))]) {
      const text = saveIR(ir);
      expect(loadIR(text)).toEqual(ir);
      expect(loadIR(JSON.parse(text))).toEqual(ir);
    }
  });

  it("writes pretty JSON that starts with the format tag and version", () => {
    const text = saveIR(bantModel());
    expect(text.startsWith(`{\n  "format": "${IR_FORMAT}",\n  "version": ${IR_VERSION},\n`)).toBe(true);
  });

  it("reads a version 1 document, which version 2 only adds to", () => {
    const lead = { budget_usd: 20_000, role: "vp", pains: ["x"], timeline_days: 200 };
    const v1 = loadIR(JSON.stringify({ ...bantModel(), version: 1 }));
    expect(v1.version).toBe(1);
    expect(compile(v1).evaluate(lead, { now: 0 })).toEqual(compile(bantModel()).evaluate(lead, { now: 0 }));
  });

  it("evaluates a loaded model like the original", () => {
    const lead = { budget_usd: 20_000, role: "vp", pains: ["x"], timeline_days: 200 };
    expect(compile(loadIR(saveIR(bantModel()))).evaluate(lead, { now: 0 })).toEqual(compile(bantModel()).evaluate(lead, { now: 0 }));
  });

  it.each([
    ["not JSON", "{", /not valid JSON/],
    ["another format", JSON.stringify({ ...bantModel(), format: "other" }), /format.*not a saved qualify model/],
    ["a newer version", JSON.stringify({ ...bantModel(), version: 3 }), /version 3 is not supported/],
    ["no version", JSON.stringify({ ...bantModel(), version: undefined }), /version/],
    ["a broken expression", JSON.stringify({ ...bantModel(), criteria: [{ id: "c", label: "C", expr: { kind: "nope" } }] }), /criteria\[0\]\.expr\.kind/],
    ["a missing list", JSON.stringify({ ...bantModel(), tiers: undefined }), /tiers: expected a list/],
    ["an otherwise tier that is not last", JSON.stringify({ ...bantModel(), tiers: [{ id: "a", label: "A" }, { id: "b", label: "B" }] }), /tiers\[0\]\.when/],
    [
      "an element read outside an aggregate",
      JSON.stringify({ ...bantModel(), criteria: [{ id: "c", label: "C", expr: { kind: "element", path: ["at"], type: { kind: "bool" } } }] }),
      /criteria\[0\]\.expr\.kind: an element read outside/,
    ],
    [
      "an aggregate over something that is not a list",
      JSON.stringify({
        ...bantModel(),
        criteria: [{ id: "c", label: "C", expr: { kind: "each", aggregate: "any", list: { kind: "literal", value: 1, type: { kind: "number" } }, type: { kind: "bool" } } }],
      }),
      /criteria\[0\]\.expr\.list\.type: an aggregate goes over a list/,
    ],
    ["a bad field type", JSON.stringify({ ...bantModel(), inputs: [{ name: "x", optional: false, type: { kind: "money" } }] }), /inputs\[0\]\.type\.kind/],
  ])("refuses %s with an IRFormatError that says where", (_name, text, message) => {
    expect(() => loadIR(text)).toThrow(IRFormatError);
    expect(() => loadIR(text)).toThrow(message);
  });

  it("refuses to compile an IR whose order does not put dependencies first", () => {
    const ir = bantModel();
    expect(() => compile({ ...ir, order: [...ir.order].reverse() })).toThrow(/"order" puts "met" before "budget", which it refers to/);
    expect(() => compile({ ...ir, order: ir.order.slice(0, -1) })).toThrow(/does not list "met"/);
  });

  it("refuses to compile a reference to an undeclared field", () => {
    const ir = bantModel();
    const broken = { ...ir, criteria: [{ id: "x", label: "X", expr: { kind: "field", path: ["nope"], type: { kind: "bool" } } }], order: ["x"], scores: [], tiers: [{ id: "t", label: "T" }] } as const;
    expect(() => compile(broken as never)).toThrow(/"nope", which is not a declared input field/);
  });
});
