import type { ImportOptions } from "../import-rules.js";
import { buildModel, labelOf } from "../model/build-model.js";
import type { ImportResult } from "../model/build-model.js";
import { IdAllocator } from "../model/ids.js";
import { InputFields } from "../model/input-fields.js";
import type { QualExpr } from "../model/qual-expr.js";
import { isQualName, toQualId } from "../model/qual-expr.js";
import { DISQUALIFIED_TIER } from "@qualify/ir";
import { pointer, ReportBuilder } from "../model/report.js";
import { isOperation } from "./operators.js";
import { Refusal } from "./refusal.js";
import { RuleTranslator } from "./translate-rule.js";
import type { VarUse } from "./translate-rule.js";
import { TypeStore } from "./type-store.js";

/** Options of {@link importJsonLogic}: those of every importer. */
export type JsonLogicImportOptions = ImportOptions;

interface NamedRule {
  readonly name: string;
  readonly rule: unknown;
  readonly at: string;
  /** For a condition of the `tier` rule: the tier it leads to. */
  readonly tier?: string;
}

interface Translated extends NamedRule {
  readonly expr: QualExpr;
  readonly uses: ReadonlyMap<string, VarUse>;
}

const MAX_PASSES = 8;

/**
 * Imports JsonLogic: one rule (`{"and": [...]}`), or an object of named
 * rules (`{"qualified": {...}, "points": {...}}`). A rule whose value is
 * yes/no becomes a criterion, a number a computed score. Input fields come
 * from the `var`s, typed by the operators that use them.
 */
export function importJsonLogic(document: unknown, options: JsonLogicImportOptions = {}): ImportResult {
  const rules = namedRules(document);
  const report = new ReportBuilder();
  const refused = new Map<string, Refusal>();
  let translated: Translated[] = [];
  let store = new TypeStore();
  for (;;) {
    const live = rules.filter((r) => !refused.has(r.name));
    store = new TypeStore();
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      store.learned = false;
      for (const rule of live) {
        try {
          const translator = new RuleTranslator(store, new ReportBuilder());
          if (rule.tier === undefined) translator.translate(rule.rule, rule.at);
          else translator.condition(rule.rule, rule.at);
        } catch (error) {
          if (!(error instanceof Refusal)) throw error;
        }
      }
      if (!store.learned) break;
    }
    store.settle();
    const finalReport = new ReportBuilder();
    translated = [];
    let newlyRefused = false;
    for (const rule of live) {
      const translator = new RuleTranslator(store, finalReport);
      try {
        const expr = rule.tier === undefined ? translator.translate(rule.rule, rule.at) : translator.condition(rule.rule, rule.at);
        if (expr.type !== "bool" && expr.type !== "number") {
          throw new Refusal(rule.at, rule.rule, `the rule's value is ${expr.type}; a Qual model's results are yes/no criteria and number scores`);
        }
        translated.push({ ...rule, expr, uses: translator.uses });
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        refused.set(rule.name, error);
        newlyRefused = true;
      }
    }
    // The tiers are one ordered rule: if one condition is refused, all are (else a later tier would take its leads).
    const tierRules = live.filter((r) => r.tier !== undefined);
    if (tierRules.some((r) => refused.has(r.name)) && tierRules.some((r) => !refused.has(r.name))) {
      const cause = tierRules.map((r) => refused.get(r.name)).find((r) => r !== undefined)!;
      for (const r of tierRules) if (!refused.has(r.name)) refused.set(r.name, new Refusal(r.at, r.rule, `the tier rule is not translated: ${cause.reason} (at ${cause.at})`));
      newlyRefused = true;
    }
    if (!newlyRefused) {
      for (const entry of finalReport.entries) report.add(entry.severity, entry.at, entry.construct, entry.reason);
      break;
    }
  }
  for (const [, refusal] of refused) report.add("refused", refusal.at, refusal.construct, refusal.reason);

  const inputs = new InputFields();
  const declare = (into: InputFields, uses: Iterable<VarUse>, prefix: readonly string[]): void => {
    for (const use of uses) {
      const field = into.use(use.path);
      const facts = store.of([...prefix, ...use.path]);
      field.type = facts.type;
      field.evidence = facts.evidence;
      field.at ??= use.at;
      if (use.default !== undefined) field.default = use.default;
      if (use.elements !== undefined) declare((field.elements ??= new InputFields()), use.elements.values(), [...use.path, "[]"]);
    }
  };
  for (const rule of translated) declare(inputs, rule.uses.values(), []);
  const conflict = inputs.shapeConflict();
  if (conflict !== undefined) {
    report.add("refused", "", "var", `${conflict}; Qual declares each field once, as a value or as a record`);
    return { diagnostics: [], report: { from: "jsonlogic", entries: report.entries } };
  }
  for (const field of inputs.all()) {
    report.add("review", field.at ?? "", `var "${field.path.join(".")}"`, `declared ${field.type}: ${field.evidence}`);
  }
  if (inputs.all().some((f) => f.default === undefined)) {
    report.add(
      "review",
      "",
      "var",
      "fields without a default are required: a lead without one is rejected with an error naming the field, where JsonLogic reads null; add `?` to a field to make its absence unknown instead",
    );
  }
  if (translated.length === 0) return { diagnostics: [], report: { from: "jsonlogic", entries: report.entries } };

  const ids = new IdAllocator(inputs.all().map((f) => f.path[0]!));
  const declarations: string[] = [];
  for (const rule of translated) {
    if (rule.tier !== undefined) continue;
    const id = ids.claim(rule.name);
    if (id !== rule.name) report.add("review", rule.at, rule.name, `the rule is named ${id} in the model (Qual names are letters, digits and _, and unique)`);
    const keyword = rule.expr.type === "bool" ? "criterion" : "score";
    declarations.push(`${keyword} ${id} ${JSON.stringify(labelOf(rule.name))} = ${rule.expr.text}`);
  }
  // The tier rule is translated whole or not at all, so its else branch is here exactly when every tier is.
  const otherwise = translated.find((r) => r.name === TIER_OTHERWISE);
  for (const rule of otherwise === undefined ? [] : translated.filter((r) => r.tier !== undefined && r !== otherwise)) {
    if (rule.tier === DISQUALIFIED_TIER) declarations.push(`disqualify "Disqualified" when ${rule.expr.text}`);
    else declarations.push(`tier ${tierId(rule.tier!, ids, report, rule.at)} ${JSON.stringify(labelOf(rule.tier!))} when ${rule.expr.text}`);
  }
  if (otherwise === undefined) declarations.push(`tier ${ids.claim("lead")} "Lead" otherwise`);
  else declarations.push(`tier ${tierId(otherwise.tier!, ids, report, otherwise.at)} ${JSON.stringify(labelOf(otherwise.tier!))} otherwise`);
  const id = toQualId(options.id ?? "imported");
  return buildModel(
    {
      id,
      title: options.title ?? labelOf(options.id ?? "imported rules"),
      header: [`Imported from JsonLogic${options.sourceName === undefined ? "" : ` (${options.sourceName})`} by qualify import.`, "The import report lists what was not translated or changes meaning."],
      inputs,
      declarations,
    },
    { from: "jsonlogic", entries: report.entries },
  );
}

function tierId(tier: string, ids: IdAllocator, report: ReportBuilder, at: string): string {
  const id = ids.claim(tier);
  if (id !== tier) report.add("review", at, tier, `the tier is named ${id} in the model (every name in a model is unique)`);
  return id;
}

/** The name under which the `tier` rule's last value (its else branch) travels. */
const TIER_OTHERWISE = "tier:otherwise";

function namedRules(document: unknown): NamedRule[] {
  if (isOperation(document) || typeof document !== "object" || document === null || Array.isArray(document)) {
    return [{ name: "rule", rule: document, at: "" }];
  }
  return Object.entries(document).flatMap(([name, rule]): NamedRule[] => (name === "tier" ? tierRules(rule) : undefined) ?? [{ name, rule, at: pointer("", name) }]);
}

/**
 * The rule named `tier`, when it is an if chain whose values are tier ids
 * (`{"if": [c1, "hot", c2, "warm", "lead"]}`, what `qualify export` writes):
 * one condition per tier, in order, and the else value as the otherwise tier.
 * A first value `disqualified` is a knockout.
 */
function tierRules(rule: unknown): NamedRule[] | undefined {
  if (!isOperation(rule) || !("if" in rule)) return undefined;
  const args = rule["if"];
  if (!Array.isArray(args) || args.length < 3 || args.length % 2 === 0) return undefined;
  const values = args.filter((_, i) => i % 2 === 1 || i === args.length - 1);
  if (!values.every((v) => typeof v === "string" && isQualName(v))) return undefined;
  const ids = values as string[];
  if (new Set(ids).size !== ids.length || ids.slice(1).includes(DISQUALIFIED_TIER) || ids[ids.length - 1] === DISQUALIFIED_TIER) return undefined;
  const at = pointer(pointer("", "tier"), "if");
  const conditions = ids.slice(0, -1).map((tier, i) => ({ name: `tier:${tier}`, rule: args[2 * i], at: pointer(at, 2 * i), tier }));
  return [...conditions, { name: TIER_OTHERWISE, rule: true, at: pointer(at, args.length - 1), tier: ids[ids.length - 1]! }];
}
