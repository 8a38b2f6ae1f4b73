import type { InputField, ModelIR } from "@qualify/ir";
import { DISQUALIFIED_TIER, mayBeAbsent, readsEvaluationTime } from "@qualify/ir";
import { compile, tabulation } from "../model/compile-model.js";
import { convertDefault, converterFor } from "../lead/convert.js";
import type { CompileOptions, LeadLimits } from "../options.js";
import { resolveLimits, UNLIMITED } from "../options.js";
import type { Value } from "../runtime/frame.js";
import { ExprWriter } from "./expr-writer.js";

/** Options of `writeModule`. */
export interface ModuleOptions extends CompileOptions {
  /** The specifier the module imports its runtime from; default `@qualify/compiler/runtime`. */
  readonly runtimeImport?: string;
}

/** The default runtime specifier of a generated module. */
export const RUNTIME_IMPORT = "@qualify/compiler/runtime";

/** A JavaScript property key for an object literal; `__proto__` must be computed to stay an own property. */
function propertyKey(key: string): string {
  return key === "__proto__" ? `["__proto__"]` : JSON.stringify(key);
}

interface FieldPlan {
  readonly field: InputField;
  readonly path: readonly string[];
  readonly variable: string;
  readonly children: readonly FieldPlan[];
}

/**
 * Writes the lead-reading statements. A lead that is not a record (or, for
 * models with many fields, not plain data), or any value that does not fit
 * its field, hands the whole call to the closures
 * (`model.score`), which throw the `InvalidLeadError` or, with validation
 * off, read wrong values as unknown: the generated code covers valid leads,
 * the closures every other one, so results agree by construction.
 */
class LeadReaderWriter {
  readonly lines: string[] = [];
  readonly variables = new Map<string, string>();
  private counter = 0;

  constructor(
    private readonly limits: Readonly<LeadLimits>,
    private readonly hoist: (prefix: string, code: string) => string,
  ) {}

  plan(field: InputField, prefix: readonly string[]): FieldPlan {
    const path = [...prefix, field.name];
    const variable = `f${this.counter++}`;
    this.variables.set(JSON.stringify(path), variable);
    const children = field.type.kind === "record" ? field.type.fields.map((child) => this.plan(child, path)) : [];
    return { field, path, variable, children };
  }

  private absentValue(field: InputField, path: readonly string[]): Value {
    const fallback = convertDefault(field, path.join("."), converterFor(field.type, UNLIMITED));
    if (fallback !== undefined) return fallback;
    if (field.type.kind === "record" && field.type.fields.every(mayBeAbsent)) return {};
    return null;
  }

  private literal(value: Value): string {
    if (value === null || typeof value !== "object") return JSON.stringify(value);
    if (!Array.isArray(value) && Object.keys(value).length === 0) return "rt.EMPTY_RECORD";
    return this.hoist("D", `Object.freeze(${JSON.stringify(value)})`);
  }

  /** Statements that set `plan.variable` from the raw value `raw`; `known` is the JS test that the parent record is known. */
  read(plan: FieldPlan, raw: string, known: string): void {
    const { field, variable } = plan;
    const type = field.type;
    const absent = this.absentValue(field, plan.path);
    const required = !mayBeAbsent(field);
    const out = this.lines;
    out.push(`  let ${variable};`);
    const bail = absent === null && required ? (known === "true" ? " return model.score(lead, rt.optionsOf(given, validate));" : ` if (${known}) return model.score(lead, rt.optionsOf(given, validate));`) : "";
    out.push(`  if (${raw} === undefined || ${raw} === null) {${" "}${variable} = ${this.literal(absent)};${bail} }`);
    switch (type.kind) {
      case "number":
        out.push(`  else if (typeof ${raw} === "number" && ${raw} - ${raw} === 0) ${variable} = ${raw};`);
        break;
      case "bool":
        out.push(`  else if (typeof ${raw} === "boolean") ${variable} = ${raw};`);
        break;
      case "text":
        out.push(`  else if (typeof ${raw} === "string" && (${raw}.length <= ${this.limits.maxStringLength} || !rt.isTooLong(${raw}, ${this.limits.maxStringLength}))) ${variable} = ${raw};`);
        break;
      case "record":
        out.push(`  else if (rt.isRecordObject(${raw})) ${variable} = ${raw};`);
        break;
      case "list":
        if (type.element.kind === "text" || type.element.kind === "number") {
          // Lists of text or numbers are used as given, as the closures' converter does.
          const check = type.element.kind === "text" ? "rt.textsFit" : "rt.numbersFit";
          const extra = type.element.kind === "text" ? `, ${this.limits.maxStringLength}` : "";
          out.push(`  else if (Array.isArray(${raw}) && ${raw}.length <= ${this.limits.maxListLength} && ${check}(${raw}${extra})) ${variable} = ${raw};`);
          break;
        }
        out.push(`  else if ((${variable} = ${this.hoist("C", `rt.converterFor(${JSON.stringify(type)}, LIMITS)`)}(${raw}, null, "")) === rt.INVALID) return model.score(lead, rt.optionsOf(given, validate));`);
        return;
      default: {
        const convert = this.hoist("C", `rt.converterFor(${JSON.stringify(type)}, LIMITS)`);
        out.push(`  else if ((${variable} = ${convert}(${raw}, null, "")) === rt.INVALID) return model.score(lead, rt.optionsOf(given, validate));`);
        return;
      }
    }
    out.push(`  else return model.score(lead, rt.optionsOf(given, validate));`);
    for (const child of plan.children) {
      const childRaw = `r${this.counter++}`;
      out.push(`  const ${childRaw} = rt.readOwn(${variable}, ${JSON.stringify(child.field.name)});`);
      this.read(child, childRaw, `${variable} !== null`);
    }
  }
}

/**
 * Writes a model as a standalone ES module (`qualify compile --target js`):
 * `score` is generated code; `evaluate` and `validate` are the closures of
 * `compile`, run on the IR embedded in the module. Built once, at build time:
 * the module never turns text into code.
 */
/** Up to this many top-level fields the reader checks each key it takes with hasOwnProperty (see writeModule). */
const OWN_CHECK_MAX_FIELDS = 8;

export function writeModule(ir: ModelIR, options: ModuleOptions = {}): string {
  const limits = resolveLimits(options.limits === undefined ? undefined : { limits: options.limits });
  // Compiling refuses a malformed IR here rather than when the module loads.
  const compiled = compile(ir, { limits });
  // Where the closures look tiers and scores up in a table, so does the module: the
  // steps the table is built on are written out, the rest (quantifiers over criteria,
  // tier conditions) is one lookup. The table goes into the module as data.
  const found = tabulation(compiled);
  const table = found !== undefined && found.scores.every((values) => values.every((v) => v === null || Number.isFinite(v))) ? found : undefined;
  const tableSteps = table === undefined ? undefined : new Set(table.steps.map((step) => step.id));
  const hoisted: string[] = [];
  let hoistCounter = 0;
  const hoist = (prefix: string, code: string): string => {
    const name = `${prefix}${hoistCounter++}`;
    hoisted.push(`const ${name} = ${code};`);
    return name;
  };

  const reader = new LeadReaderWriter(limits, hoist);
  const plans = ir.inputs.map((field) => reader.plan(field, []));
  const refs = new Map<string, string>(ir.order.map((id, i) => [id, `v${i}`] as const));
  const foldedVars = new Map<string, string>();
  const writer = new ExprWriter({
    field: (path) => {
      const v = reader.variables.get(JSON.stringify(path));
      if (v === undefined) throw new Error(`No input field ${path.join(".")}.`);
      return v;
    },
    ref: (id) => {
      const v = refs.get(id);
      if (v === undefined) throw new Error(`No definition ${id}.`);
      return v;
    },
    now: () => "now",
    folded: (path) => {
      const key = JSON.stringify(path);
      let g = foldedVars.get(key);
      if (g === undefined) {
        g = `g${foldedVars.size}`;
        foldedVars.set(key, g);
      }
      return g;
    },
  });
  const temps = writer.beginFunction();

  const body: string[] = [];
  const clock = readsEvaluationTime(ir);
  body.push(`  const now = given !== undefined ? resolveNow(given) : ${clock ? "Date.now()" : "0"};`);
  body.push(`  if (typeof lead !== "object" || lead === null || Array.isArray(lead)) return model.score(lead, rt.optionsOf(given, validate));`);
  // Only own enumerable keys are read. With few fields, each key that names one is checked with
  // hasOwnProperty (inside for-in the optimiser makes that a map check); with many, one check that
  // the lead is plain data (then for-in yields exactly its own enumerable keys) costs less.
  const ownCheck = plans.length <= OWN_CHECK_MAX_FIELDS;
  if (!ownCheck) {
    body.push(`  const proto = Object.getPrototypeOf(lead);`);
    body.push(`  if (proto !== OBJECT_PROTOTYPE && proto !== null) return model.score(lead, rt.optionsOf(given, validate));`);
    body.push(`  for (const _ in NO_KEYS) return model.score(lead, rt.optionsOf(given, validate));`);
  }
  const raws = plans.map((_, i) => `raw${i}`);
  if (raws.length > 0) {
    body.push(`  let ${raws.join(", ")};`);
    body.push(`  for (const key in lead) {`);
    body.push(`    switch (key) {`);
    const own = ownCheck ? "if (HAS_OWN.call(lead, key)) " : "";
    plans.forEach((p, i) => body.push(`      case ${JSON.stringify(p.field.name)}: ${own}${raws[i]} = lead[key]; break;`));
    body.push(`    }`);
    body.push(`  }`);
  }
  plans.forEach((p, i) => reader.read(p, raws[i] as string, "true"));
  body.push(...reader.lines);
  const foldAt = body.length;

  const lets = new Map(ir.lets.map((l) => [l.id, l.expr] as const));
  const criteria = new Map(ir.criteria.map((c) => [c.id, c.expr] as const));
  const scores = new Map(ir.scores.map((s) => [s.id, s] as const));
  ir.order.forEach((id, i) => {
    if (tableSteps !== undefined && !tableSteps.has(id)) return;
    const v = `v${i}`;
    const score = scores.get(id);
    if (score !== undefined && score.kind === "group") {
      body.push(`  let ${v} = 0;`);
      for (const rule of score.rules) {
        const points = writer.write(rule.points);
        if (rule.when === undefined) {
          body.push(`  { const p = ${points}; if (p !== null) ${v} += p; }`);
        } else {
          body.push(`  if (${writer.write(rule.when)} === true) { const p = ${points}; if (p !== null) ${v} += p; }`);
        }
      }
      body.push(`  ${v} = rt.clamp(rt.saturate(${v}), ${score.min ?? "undefined"}, ${score.max ?? "undefined"});`);
      return;
    }
    const expr = score !== undefined && score.kind === "computed" ? score.expr : (lets.get(id) ?? criteria.get(id));
    if (expr === undefined) throw new Error(`"order" lists "${id}", which is not defined.`);
    body.push(`  const ${v} = ${writer.write(expr)};`);
  });

  if (table !== undefined) {
    // A knockout that tests the lead is a step of the table: its outcome is written as one.
    table.steps.forEach((step, k) => {
      if (step.knockout === undefined) return;
      const v = `k${k}`;
      refs.set(step.id, v);
      body.push(`  const ${v} = ${writer.write(step.knockout)};`);
    });
    const digits = table.steps
      .filter((step) => step.weight !== 0)
      .map((step) => {
        const v = refs.get(step.id) as string;
        return `(${v} === true ? ${step.weight} : ${v} === false ? ${2 * step.weight} : 0)`;
      });
    body.push(`  const c = ${digits.length === 0 ? "0" : digits.join(" + ")};`);
    const tiers = hoist("TIERS", JSON.stringify(table.tiers));
    const entries = ir.scores.map((sc, i) => `${propertyKey(sc.id)}: ${hoist("SCORES", JSON.stringify(table.scores[i]))}[c]`);
    body.push(`  return { tier: ${tiers}[c], scores: { ${entries.join(", ")} } };`);
  } else {
    body.push(`  let tier;`);
    const knockouts = ir.disqualify.map((d) => `${writer.write(d.when)} === true`);
    const branches: string[] = [];
    if (knockouts.length > 0) branches.push(`if (${knockouts.join(" || ")}) tier = ${JSON.stringify(DISQUALIFIED_TIER)};`);
    for (const t of ir.tiers) {
      if (t.when === undefined) {
        branches.push(`tier = ${JSON.stringify(t.id)};`);
        break;
      }
      branches.push(`if (${writer.write(t.when)} === true) tier = ${JSON.stringify(t.id)};`);
    }
    const lastTier = ir.tiers[ir.tiers.length - 1]?.id ?? DISQUALIFIED_TIER;
    if (branches.length === 0 || ir.tiers.every((t) => t.when !== undefined)) branches.push(`tier = ${JSON.stringify(lastTier)};`);
    body.push(`  ${branches.join("\n  else ")}`);
    const scoreEntries = ir.scores.map((s) => {
      const v = refs.get(s.id) as string;
      return `${propertyKey(s.id)}: ${v} === null ? null : ${v} + 0`;
    });
    body.push(`  return { tier, scores: { ${scoreEntries.join(", ")} } };`);
  }
  // Text fields compared with constants are folded once per lead, as the closures' folded slots are.
  const folds = [...foldedVars].map(([key, g]) => {
    const f = reader.variables.get(key) as string;
    return `  const ${g} = ${f} === null ? null : rt.foldCase(${f});`;
  });
  body.splice(foldAt, 0, ...folds);


  const runtime = options.runtimeImport ?? RUNTIME_IMPORT;
  const header = [
    `// Generated by qualify from the model ${JSON.stringify(ir.id)} (${JSON.stringify(ir.title)}). Do not edit: recompile the model.`,
    `// score() is generated code; evaluate() and validate() run the closures compiled from the IR below.`,
    `// Nothing in this module turns text into code (no eval, no new Function): it runs under a strict CSP.`,
    `import * as rt from ${JSON.stringify(runtime)};`,
    ``,
    `/** The model's IR, as \`qualify compile\` saves it. */`,
    `export const ir = ${JSON.stringify(ir)};`,
    `const LIMITS = ${JSON.stringify(limits)};`,
    `/** The model compiled to closures: the full path, validation and the input schema. */`,
    `export const model = rt.compile(ir, { limits: LIMITS });`,
    `export const id = ${JSON.stringify(ir.id)};`,
    `export const title = ${JSON.stringify(ir.title)};`,
    `const resolveNow = rt.cachedNowResolver();`,
    `const OBJECT_PROTOTYPE = Object.prototype;`,
    `const NO_KEYS = {};`,
    `const HAS_OWN = Object.prototype.hasOwnProperty;`,
    ...writer.hoisted,
    ...hoisted,
    ``,
  ];
  const scoreFunction = [
    `/** The fast path: the tier and every score, exactly as the closures' \`score\`. */`,
    `export function score(lead, options) {`,
    // Small enough to inline at the caller, so a fresh \`{ now }\` per call need not be allocated.
    `  return fastScore(lead, options?.now, options?.validate);`,
    `}`,
    ``,
    `function fastScore(lead, given, validate) {`,
    ...(temps.length > 0 ? [`  let ${temps.join(", ")};`] : []),
    ...body,
    `}`,
    ``,
    `/** The full, explained result (reasons, unknown items with missing fields and because, ranges, questions). */`,
    `export function evaluate(lead, options) {`,
    `  return model.evaluate(lead, options);`,
    `}`,
    ``,
    `/** Every problem with a lead; [] when it is valid. */`,
    `export function validate(lead) {`,
    `  return model.validate(lead);`,
    `}`,
    ``,
  ];
  return [...header, ...scoreFunction].join("\n");
}
