import type { InputField } from "@qualify/ir";
import { describe, expect, it } from "vitest";
import { UsageError } from "../src/exit-codes.js";
import { parseFieldMap } from "../src/score/field-map.js";
import { planFieldSources } from "../src/score/field-sources.js";

const inputs: InputField[] = [
  { name: "total_visits", type: { kind: "number" }, optional: true },
  { name: "occupation", type: { kind: "text" }, optional: true },
  { name: "do_not_email", type: { kind: "bool" }, optional: false },
  {
    name: "company",
    optional: true,
    type: { kind: "record", fields: [{ name: "employees", type: { kind: "number" }, optional: true }] },
  },
];

const mapText = `# CRM export -> model
fields:
  total_visits: TotalVisits
  occupation:
    column: What is your current occupation
    values: { "Select": null }
  do_not_email: { column: Do Not Email, values: { "Yes": true, "No": false } }
  company.employees: Employees
`;

describe("field maps", () => {
  it("reads columns and value mappings", () => {
    const map = parseFieldMap(mapText, "fields.yaml");
    expect(map.fields.get("total_visits")).toEqual({ column: "TotalVisits" });
    expect(map.fields.get("occupation")).toEqual({ column: "What is your current occupation", values: { Select: null } });
    expect(map.fields.get("do_not_email")).toEqual({ column: "Do Not Email", values: { Yes: true, No: false } });
  });

  it("plans every leaf field, unmapped ones from a column of the same dotted name", () => {
    const sources = planFieldSources(inputs, parseFieldMap("fields:\n  total_visits: TotalVisits\n", "m.yaml"));
    expect(sources.map((s) => [s.path.join("."), s.column])).toEqual([
      ["total_visits", "TotalVisits"],
      ["occupation", "occupation"],
      ["do_not_email", "do_not_email"],
      ["company.employees", "company.employees"],
    ]);
  });

  it("refuses a map naming a field the model does not have", () => {
    const map = parseFieldMap("fields:\n  visits: TotalVisits\n", "m.yaml");
    expect(() => planFieldSources(inputs, map, "m.yaml")).toThrow(UsageError);
    expect(() => planFieldSources(inputs, map, "m.yaml")).toThrow(/m\.yaml: the model has no field `visits`/);
  });

  it("keeps a value mapping for the text __proto__ as data", () => {
    const map = parseFieldMap('fields:\n  role: { column: Title, values: { "__proto__": null } }\n', "m.yaml");
    const values = map.fields.get("role")?.values ?? {};
    expect(Object.hasOwn(values, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });

  it("names the file and line of a malformed entry", () => {
    expect(() => parseFieldMap("fields:\n  a: x\n  b: [1, 2]\n", "m.yaml")).toThrow(/^m\.yaml:3: /);
    expect(() => parseFieldMap("colums:\n  a: x\n", "m.yaml")).toThrow(/m\.yaml:1: unknown key `colums`/);
    expect(() => parseFieldMap("fields: [\n", "m.yaml")).toThrow(/m\.yaml:\d+: not valid YAML/);
  });
});
