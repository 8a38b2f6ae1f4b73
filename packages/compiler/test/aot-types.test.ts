import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "@qualify/language";
import type { ModelIR } from "@qualify/ir";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { writeModule, writeModuleTypes } from "../src/index.js";

/*
 * The declarations written beside an ahead-of-time module, checked by the
 * real TypeScript compiler: a service's correct use compiles, a misused field,
 * a misspelt tier or score name does not. The runtime's declarations come
 * from the built package (dist/, built by the test setup).
 */

const RUNTIME_TYPES = fileURLToPath(new URL("../dist/aot/runtime.d.ts", import.meta.url));
const EXAMPLES = fileURLToPath(new URL("../../../examples", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "qualify-aot-types-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function modelOf(name: string): ModelIR {
  return analyze(readFileSync(join(EXAMPLES, name), "utf8")).ir as ModelIR;
}

/** The error messages of type-checking `snippet` against the model's module. */
function typeErrors(ir: ModelIR, snippet: string): string[] {
  const base = join(dir, ir.id);
  writeFileSync(`${base}.js`, writeModule(ir));
  writeFileSync(`${base}.d.ts`, writeModuleTypes(ir));
  const file = join(dir, `use-${ir.id}-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, `import * as model from "./${ir.id}.js";\n${snippet}\n`);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
    paths: { "@qualify/compiler/runtime": [RUNTIME_TYPES] },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("the declarations of an ahead-of-time module", () => {
  const bant = modelOf("bant.qual");

  it("accept a correct use of BANT: the lead's fields, the tier union and the score names", () => {
    const errors = typeErrors(
      bant,
      [
        `const lead: model.Lead = { budget_usd: 50000, role: "CFO", pains: ["churn"], timeline_days: 30 };`,
        `const fast = model.score(lead, { now: "2026-11-01" });`,
        `const tier: "disqualified" | "sql" | "mql" | "cold" = fast.tier;`,
        `const met: number | null = fast.scores.met;`,
        `const full = model.evaluate({ pains: [] });`,
        `const budget: boolean | null = full.criteria.budget;`,
        `const issues = model.validate({ anything: 1 });`,
        `export { tier, met, budget, issues };`,
      ].join("\n"),
    );
    expect(errors).toEqual([]);
  });

  it("refuse a field of the wrong type", () => {
    const errors = typeErrors(bant, `model.score({ budget_usd: "lots", pains: [] });`);
    expect(errors.join("\n")).toMatch(/budget_usd|string.*number/);
  });

  it("refuse a lead without a required field", () => {
    expect(typeErrors(bant, `model.score({ role: "CFO" });`).join("\n")).toMatch(/pains/);
  });

  it("refuse a tier or score the model does not have", () => {
    expect(typeErrors(bant, `if (model.score({ pains: [] }).tier === "hot") {}`).length).toBeGreaterThan(0);
    expect(typeErrors(bant, `model.score({ pains: [] }).scores.total;`).join("\n")).toMatch(/total/);
  });

  it("type nested records, dates, choices and lists of records (events, inbound)", () => {
    for (const name of ["inbound.qual", "events.qual"]) {
      const ir = modelOf(name);
      const declarations = writeModuleTypes(ir);
      expect(declarations).toContain("export interface Lead");
      expect(typeErrors(ir, `export const t: model.Tier = model.score({} as model.Lead).tier;`)).toEqual([]);
    }
    const inbound = modelOf("inbound.qual");
    expect(typeErrors(inbound, `model.score({ email: "a@b.c", company: { employees: "many" } });`).join("\n")).toMatch(/employees|number/);
  });
});
