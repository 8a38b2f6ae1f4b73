import type { InputField } from "@qualify/ir";
import { describe, expect, it } from "vitest";
import { closestName, undeclaredLeadKeys } from "../src/index.js";

const inputs: InputField[] = [
  { name: "email", type: { kind: "text" }, optional: false },
  { name: "unsubscribed", type: { kind: "bool" }, optional: true },
  {
    name: "company",
    type: { kind: "record", fields: [{ name: "employees", type: { kind: "number" }, optional: true }] },
    optional: true,
  },
  {
    name: "contacts",
    type: {
      kind: "list",
      element: { kind: "record", fields: [{ name: "name", type: { kind: "text" }, optional: false }, { name: "role", type: { kind: "text" }, optional: true }] },
    },
    optional: true,
  },
];

describe("undeclaredLeadKeys", () => {
  it("finds nothing in a lead of declared fields only", () => {
    expect(undeclaredLeadKeys(inputs, { email: "a@b", unsubscribed: true, company: { employees: 3 }, contacts: [{ name: "A", role: "CFO" }] })).toEqual([]);
  });

  it("names a misspelt top-level key with the field it was meant to be", () => {
    const [key, ...rest] = undeclaredLeadKeys(inputs, { email: "a@b", unsubscibed: true });
    expect(rest).toEqual([]);
    expect(key).toMatchObject({ path: ["unsubscibed"], dotted: "unsubscibed", key: "unsubscibed", suggestion: "unsubscribed" });
    expect(key?.message).toBe("`unsubscibed` is not a field of the model (did you mean `unsubscribed`?); the model ignores it.");
  });

  it("looks into nested records and the records of lists, with their own names", () => {
    const keys = undeclaredLeadKeys(inputs, { email: "x", company: { employes: 5 }, contacts: [{ name: "A" }, { name: "B", rol: "VP" }] });
    expect(keys.map((k) => [k.dotted, k.suggestion])).toEqual([
      ["company.employes", "employees"],
      ["contacts[1].rol", "role"],
    ]);
    expect(keys[1]?.path).toEqual(["contacts", 1, "rol"]);
    expect(keys[0]?.message).toContain("is not a field of `company`");
  });

  it("gives no suggestion when nothing is close, allows extra top-level keys, and stops at the limit", () => {
    expect(undeclaredLeadKeys(inputs, { email: "x", crm_owner_id: 7 })[0]?.suggestion).toBeUndefined();
    expect(undeclaredLeadKeys(inputs, { email: "x", Employees: 7 }, { alsoAllowed: ["Employees"] })).toEqual([]);
    expect(undeclaredLeadKeys(inputs, { a1: 1, a2: 2, a3: 3 }, { limit: 2 })).toHaveLength(2);
  });

  it("leaves values of the wrong shape to validation", () => {
    expect(undeclaredLeadKeys(inputs, "not a lead")).toEqual([]);
    expect(undeclaredLeadKeys(inputs, { email: "x", company: "ACME", contacts: { name: "A" } })).toEqual([]);
    expect(undeclaredLeadKeys(inputs, { email: "x", contacts: [null, 3, { nme: "A" }] }).map((k) => k.dotted)).toEqual(["contacts[2].nme"]);
  });
});

describe("closestName", () => {
  it("accepts typos, case differences and shortened names, and refuses far words", () => {
    expect(closestName("emial", ["email", "role"])).toBe("email");
    expect(closestName("EMAIL", ["email"])).toBe("email");
    expect(closestName("budget", ["budget_usd"])).toBe("budget_usd");
    expect(closestName("zzz", ["email", "role"])).toBeUndefined();
  });
});
