// Runs every example model and its fixtures: each model must check with no
// diagnostic at all (not even a warning), and every case of every
// `examples/**/*.test.yaml` must pass. The fixture rules (subset match, maps
// by the keys given, lists as sets, numbers within 1e-9, `error: true`) are
// the shared runner's, the one `qualify test` uses.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// The repository root is not a workspace package, so it cannot import the
// packages by name; their TypeScript sources are imported directly instead.
import { compile } from "../packages/compiler/src/index.js";
import { format } from "../packages/language/src/index.js";
import type { CompiledModel } from "../packages/compiler/src/index.js";
import type { InputField, ModelIR } from "../packages/ir/src/index.js";
import { parseFixture, readModelFile, runFixtureFile } from "../packages/qualify/src/node.js";

// yaml is installed for the qualify package, not at the root.
const YAML = createRequire(new URL("../packages/qualify/package.json", import.meta.url))("yaml") as {
  parse(text: string): unknown;
};

const root = fileURLToPath(new URL("..", import.meta.url));
const examplesDir = join(root, "examples");

function findFiles(dir: string, suffix: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findFiles(path, suffix));
    else if (entry.name.endsWith(suffix)) found.push(path);
  }
  return found.sort();
}

/** Reads, checks and compiles a model, failing with its diagnostics listed unless it checks clean. */
async function loadCleanModel(path: string): Promise<CompiledModel> {
  const model = await readModelFile(path);
  const problems = model.diagnostics.map(
    (d) => `${d.severity} ${d.code} at ${d.range.start.line}:${d.range.start.column}: ${d.message}`,
  );
  expect(problems, `${relative(root, path)} should check with no errors and no warnings`).toEqual([]);
  if (model.ir === undefined) throw new Error(`${path} produced no IR`);
  return compile(model.ir);
}

const fixtureFiles = findFiles(examplesDir, ".test.yaml");
const modelFiles = findFiles(examplesDir, ".qual");
const EXPECTED_MODELS = [
  "anum", "bant", "champ", "domains", "events", "faint", "gpct", "inbound", "meddic", "pql", "x-education",
  "x-education-fit", "x-education-fit-v2", "olist-funnel", "imported/hubspot-score", "imported/jsonlogic-rules", "imported/rules-engine",
];

describe("the example models", () => {
  it("are all present, each with a fixture file beside it", () => {
    const names = modelFiles.map((f) => relative(examplesDir, f).replace(/\.qual$/, ""));
    expect(names).toEqual(expect.arrayContaining(EXPECTED_MODELS));
    for (const model of modelFiles) {
      expect(fixtureFiles, `${relative(root, model)} has no fixture`).toContain(model.replace(/\.qual$/, ".test.yaml"));
    }
  });

  for (const path of modelFiles) {
    it(`${relative(examplesDir, path)} checks with no errors and no warnings`, async () => {
      const model = await loadCleanModel(path);
      expect(model.ir.tiers.length).toBeGreaterThan(1);
    });

    it(`${relative(examplesDir, path)} is in the canonical layout (qualify fmt leaves it unchanged)`, () => {
      const source = readFileSync(path, "utf8");
      expect(format(source).text).toBe(source);
    });
  }
});

for (const fixturePath of fixtureFiles) {
  const name = relative(root, fixturePath);
  const fixture = parseFixture(readFileSync(fixturePath, "utf8"), fixturePath);

  describe(name, () => {
    // Missing data and knockouts are required where the model has them: a model imported from an engine
    // without optional fields or knockouts (JsonLogic's required vars, HubSpot's points only) has none to test.
    it("is well formed, with at least 8 cases covering missing data, a knockout and an invalid lead", async () => {
      expect(fixture.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
      expect(fixture.cases.length).toBeGreaterThanOrEqual(8);
      expect(fixture.cases.every((c) => c.wellFormed)).toBe(true);
      expect(fixture.cases.some((c) => c.error)).toBe(true);
      if (fixture.model === undefined) throw new Error(`${name} names no model`);
      const { ir } = await loadCleanModel(fixture.model.path);
      const hasOptional = (fields: readonly InputField[]): boolean =>
        fields.some((f) => f.optional || (f.type.kind === "record" && hasOptional(f.type.fields)));
      if (ir.disqualify.length > 0) expect(fixture.cases.some((c) => c.expect.tier === "disqualified")).toBe(true);
      if (hasOptional(ir.inputs)) expect(fixture.cases.some((c) => (c.expect.unknown?.length ?? 0) > 0)).toBe(true);
      const names = fixture.cases.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
    });

    it("passes every case, with no warning (a model that reads dates has a `now`)", async () => {
      const run = await runFixtureFile(fixturePath);
      expect(run.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
      const failures = run.cases
        .filter((c) => !c.passed)
        .map((c) => ({ case: c.name, error: c.error, differences: c.differences }));
      expect(failures).toEqual([]);
      expect(run.cases.length).toBe(fixture.cases.length);
    });

    it("gives the same tier and scores on the fast path as on the full one", async () => {
      if (fixture.model === undefined) throw new Error(`${name} names no model`);
      const model = await loadCleanModel(fixture.model.path);
      for (const testCase of fixture.cases.filter((c) => !c.error)) {
        const now = testCase.now ?? fixture.now;
        const options = now === undefined ? {} : { now };
        const full = model.evaluate(testCase.lead, options);
        const fast = model.score(testCase.lead, options);
        expect({ case: testCase.name, tier: fast.tier, scores: fast.scores }).toEqual({
          case: testCase.name,
          tier: full.tier,
          scores: full.scores,
        });
      }
    });
  });
}

/** Every feature of the language an IR uses: expression kinds, operators, functions, quantifiers, input types. */
function featuresOf(ir: ModelIR): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const expr = node as Record<string, unknown>;
    if (typeof expr.kind === "string" && "type" in expr) {
      found.add(`expr:${expr.kind}`);
      if (expr.kind === "compare" || expr.kind === "arith") found.add(`op:${String(expr.op)}`);
      if (expr.kind === "call") found.add(`fn:${String(expr.fn)}`);
      if (expr.kind === "quantifier") found.add(`quantifier:${String(expr.quantifier)}`);
      if (expr.kind === "in") found.add(expr.negated === true ? "op:not in" : "op:in");
      if (expr.kind === "presence") found.add(`is ${String(expr.test)}`);
      if (expr.kind === "ref") found.add(`ref:${String(expr.target)}`);
      if (expr.kind === "contains") found.add(`contains:${(expr.container as { type: { kind: string } }).type.kind}`);
    }
    for (const value of Object.values(expr)) visit(value);
  };
  visit([ir.lets, ir.criteria, ir.scores, ir.disqualify, ir.tiers]);
  const visitType = (field: InputField): void => {
    found.add(`type:${field.type.kind}`);
    if (field.optional) found.add("field:optional");
    if (field.default !== undefined) found.add("field:default");
    if (field.type.kind === "record") field.type.fields.forEach(visitType);
  };
  ir.inputs.forEach(visitType);
  if (ir.consts.length > 0) found.add("const");
  if (ir.scores.some((s) => s.kind === "group" && s.min !== undefined)) found.add("score:min");
  if (ir.scores.some((s) => s.kind === "group" && s.max !== undefined)) found.add("score:max");
  return found;
}

describe("the examples together", () => {
  it("use every operator, every function, every quantifier and every kind of input", async () => {
    const used = new Set<string>();
    for (const path of modelFiles) for (const feature of featuresOf((await loadCleanModel(path)).ir)) used.add(feature);
    const wanted = [
      ...["literal", "field", "ref", "not", "and", "or", "compare", "arith", "negate", "coalesce", "in", "contains"].map((k) => `expr:${k}`),
      ...["startsWith", "endsWith", "between", "matches", "presence", "within", "call", "if", "quantifier"].map((k) => `expr:${k}`),
      ...["=", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "in", "not in"].map((op) => `op:${op}`),
      ...["count", "len", "min", "max", "abs", "round", "lower", "upper", "days_since", "days_until", "decay"].map((f) => `fn:${f}`),
      ...["atLeast", "all", "any", "none", "count"].map((q) => `quantifier:${q}`),
      ...["number", "text", "bool", "date", "list", "choice", "record"].map((t) => `type:${t}`),
      "is missing", "is present", "ref:let", "ref:criterion", "ref:score", "contains:list", "contains:text",
      "field:optional", "field:default", "const", "score:min", "score:max",
    ];
    expect(wanted.filter((feature) => !used.has(feature))).toEqual([]);
  });
});

describe("the example data", () => {
  it("leads.jsonl holds at least 20 valid inbound leads, exactly two invalid ones, and every outcome", async () => {
    const model = await loadCleanModel(join(examplesDir, "inbound.qual"));
    const leads = readFileSync(join(examplesDir, "data/leads.jsonl"), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as unknown);
    const valid = leads.filter((lead) => model.validate(lead).length === 0);
    expect(valid.length).toBeGreaterThanOrEqual(20);
    expect(leads.length - valid.length).toBe(2);
    const tiers = new Set(valid.map((lead) => model.evaluate(lead, { now: "2026-11-01" }).tier));
    expect([...tiers].sort()).toEqual(["disqualified", "lead", "mql", "pql", "sql"]);
  });

  it("x-education.map.yaml maps existing CSV columns onto every declared field", async () => {
    const model = await loadCleanModel(join(examplesDir, "x-education.qual"));
    const map = YAML.parse(readFileSync(join(examplesDir, "data/x-education.map.yaml"), "utf8")) as {
      fields: Record<string, string | { column: string; values?: Record<string, unknown> }>;
    };
    const header = readFileSync(join(examplesDir, "data/x-education-sample.csv"), "utf8").split("\n")[0]?.split(",") ?? [];
    const declared = model.ir.inputs.map((f) => f.name);
    for (const [field, spec] of Object.entries(map.fields)) {
      expect(header, `the column of ${field}`).toContain(typeof spec === "string" ? spec : spec.column);
    }
    expect(Object.keys(map.fields).sort()).toEqual([...declared].sort());
  });

  it("x-education-sample.csv is a header and 300 rows of the real export's 37 columns", () => {
    const lines = readFileSync(join(examplesDir, "data/x-education-sample.csv"), "utf8").split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.length - 1).toBe(301);
    expect(lines[0]?.split(",").length).toBe(37);
    expect(lines[1]?.startsWith("7927b2df-8bba-4d29-b9a2-b6e0beafe620,660737,")).toBe(true);
  });
});
