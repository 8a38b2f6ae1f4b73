import { describe, expect, it } from "vitest";
import { compile, InvalidLeadError } from "../src/index.js";
import { bantModel, E, field, model, T } from "./ir-builders.js";

const ir = model({
  id: "v",
  inputs: [
    field("email", T.text),
    field("employees", T.number),
    field("segment", T.choice("Enterprise", "SMB")),
    field("signed", T.date, { optional: true }),
    field("pains", T.list(T.text), { optional: true }),
    field("tags", T.list(T.choice("Hot", "Cold")), { default: [] }),
    field("company", T.record(field("country", T.text), field("size", T.number, { optional: true })), { optional: true }),
    field("active", T.bool, { default: true }),
  ],
  criteria: [
    { id: "enterprise", label: "Enterprise", expr: E.cmp("=", E.field("segment", T.choice("Enterprise", "SMB")), E.text("enterprise")) },
  ],
});
const compiled = compile(ir, { limits: { maxStringLength: 20, maxListLength: 3 } });
const valid = { email: "a@b.example", employees: 10, segment: "smb" };

describe("lead validation", () => {
  it("accepts a valid lead and ignores undeclared fields", () => {
    expect(compiled.validate({ ...valid, unknown_field: [1, 2] })).toEqual([]);
  });

  it("lists every problem with its path, expected type and value", () => {
    const lead = {
      employees: "ten",
      segment: "Mid",
      signed: "2026-02-30",
      pains: ["a", null, 3],
      tags: ["hot", "warm"],
      company: { size: Number.NaN },
      active: "yes",
    };
    const issues = compiled.validate(lead);
    expect(issues.map((i) => [i.path, i.expected, i.value])).toEqual([
      ["email", "text", undefined],
      ["employees", "number", "ten"],
      ["segment", 'one of ("Enterprise", "SMB")', "Mid"],
      ["signed", "date (YYYY-MM-DD or ISO timestamp)", "2026-02-30"],
      ["pains[1]", "text", null],
      ["pains[2]", "text", 3],
      ["tags[1]", 'one of ("Hot", "Cold")', "warm"],
      ["company.country", "text", undefined],
      ["company.size", "number", Number.NaN],
      ["active", "bool", "yes"],
    ]);
    for (const issue of issues) expect(issue.message).toMatch(/^(The lead|"[^"]+") .+\.$/);
    expect(issues[3]?.message).toContain("not a valid date");
  });

  it("throws InvalidLeadError listing every issue from score and evaluate", () => {
    const lead = { email: 5, segment: "SMB" };
    let error: unknown;
    try {
      compiled.score(lead);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidLeadError);
    const issues = (error as InvalidLeadError).issues;
    expect(issues.map((i) => i.path)).toEqual(["email", "employees"]);
    expect((error as Error).message).toContain('"email" should be text, but is the number 5.');
    expect((error as Error).message).toContain('"employees" is required (number) but is missing.');
    expect(() => compiled.evaluate(lead)).toThrow(InvalidLeadError);
  });

  it("rejects NaN and infinities as numbers", () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      expect(compiled.validate({ ...valid, employees: bad })).toEqual([
        expect.objectContaining({ path: "employees", expected: "number", message: `"employees" should be a finite number, but is ${bad}.` }),
      ]);
    }
  });

  it("enforces the size limits on text and lists", () => {
    const issues = compiled.validate({ ...valid, email: "x".repeat(21), pains: ["a", "b", "c", "d"] });
    expect(issues.map((i) => i.path)).toEqual(["email", "pains"]);
    expect(issues[1]?.message).toBe('"pains" has 4 items, over the limit of 3.');
    // Limits count code points: 20 emoji are 40 UTF-16 units but within a 20-character limit.
    expect(compiled.validate({ ...valid, email: "😀".repeat(20) })).toEqual([]);
  });

  it("rejects a lead that is not an object, once", () => {
    for (const lead of [null, [], "lead", 3, undefined]) {
      const issues = compiled.validate(lead);
      expect(issues).toHaveLength(1);
      expect(issues[0]?.path).toBe("");
    }
  });

  it("accepts dates as YYYY-MM-DD, ISO timestamps with or without zone, and Date objects", () => {
    for (const signed of ["2024-02-29", "2026-11-01T10:00:00Z", "2026-11-01T10:00:00.25+02:00", "2026-11-01T10:00:00", new Date()]) {
      expect(compiled.validate({ ...valid, signed })).toEqual([]);
    }
    for (const signed of ["2025-02-29", "2026-11-01T24:00:00Z", "01/11/2026", "2026-11-1", new Date(Number.NaN), 1_700_000_000_000]) {
      expect(compiled.validate({ ...valid, signed }).map((i) => i.path)).toEqual(["signed"]);
    }
  });

  it("normalises one of values to the declared spelling", () => {
    expect(compiled.evaluate({ ...valid, segment: "ENTERPRISE" }).criteria).toEqual({ enterprise: true });
  });

  it("reads wrong values as unknown when validation is off, and never throws", () => {
    const result = compiled.evaluate({ email: 1, employees: "x", segment: "nope" }, { validate: false });
    expect(result.criteria).toEqual({ enterprise: null });
    expect(result.unknown).toEqual([{ id: "enterprise", missing: ["segment"] }]);
    expect(() => compiled.score("not a lead", { validate: false })).not.toThrow();
  });
});

describe("own-property reads", () => {
  const protoModel = model({
    inputs: [
      field("constructor", T.text, { optional: true }),
      field("toString", T.number, { optional: true }),
      field("__proto__", T.number, { optional: true }),
    ],
    scores: [
      { kind: "computed", id: "__proto__", label: "Proto", expr: E.field("__proto__", T.number) },
      { kind: "computed", id: "ts", label: "ToString", expr: E.field("toString", T.number) },
    ],
    criteria: [{ id: "ctor", label: "Ctor", expr: { kind: "presence", test: "present", operand: E.field("constructor", T.text), type: T.bool } }],
  });
  const compiled = compile(protoModel);

  it("never reads inherited properties such as constructor and toString", () => {
    const result = compiled.evaluate({});
    expect(result.criteria).toEqual({ ctor: false });
    expect(result.scores["ts"]).toBeNull();
    expect(compiled.validate({})).toEqual([]);
  });

  it("reads a field named __proto__ from the lead's own property and writes it as an own result key", () => {
    const lead = JSON.parse('{"__proto__": 7, "toString": 3, "constructor": "x"}') as unknown;
    const result = compiled.evaluate(lead);
    expect(Object.prototype.hasOwnProperty.call(result.scores, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(result.scores)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(result.scores))).toEqual(JSON.parse('{"__proto__": 7, "ts": 3}'));
    expect(result.criteria).toEqual({ ctor: true });
    const fast = compiled.score(lead);
    expect(Object.getOwnPropertyDescriptor(fast.scores, "__proto__")?.value).toBe(7);
  });

  it("ignores values a lead inherits from its prototype", () => {
    const lead = Object.create({ toString: 5 }) as object;
    expect(compiled.evaluate(lead).scores["ts"]).toBeNull();
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("ignores a polluted Object.prototype, even for plain-data leads", () => {
    const bant = compile(bantModel());
    const prototype = Object.prototype as Record<string, unknown>;
    prototype["budget_usd"] = 1e9;
    try {
      const result = bant.evaluate({ pains: [] });
      expect(result.criteria["budget"]).toBeNull();
      expect(result.unknown[0]).toEqual({ id: "budget", missing: ["budget_usd"] });
      expect(bant.validate({})).toEqual([expect.objectContaining({ path: "pains" })]);
    } finally {
      delete prototype["budget_usd"];
    }
    expect(bant.evaluate({ pains: [], budget_usd: 5 }).criteria["budget"]).toBe(false);
  });

  it("reads own properties of class instances and null-prototype objects, not their prototype's", () => {
    const bant = compile(bantModel());
    class Lead {
      pains = ["churn"];
      budget_usd = 20_000;
      get role(): string {
        return "CEO";
      }
    }
    const result = bant.evaluate(new Lead());
    expect(result.criteria).toMatchObject({ budget: true, authority: null, need: true });
    const bare = Object.assign(Object.create(null) as object, { pains: [], role: "cfo" });
    expect(bant.evaluate(bare).criteria).toMatchObject({ authority: true, need: false });
  });
});

