import { buildModel, labelOf } from "../model/build-model.js";
import type { ImportResult } from "../model/build-model.js";
import { IdAllocator } from "../model/ids.js";
import { InputFields } from "../model/input-fields.js";
import type { QualExpr } from "../model/qual-expr.js";
import { toQualId } from "../model/qual-expr.js";
import { pointer, ReportBuilder } from "../model/report.js";
import { isOperation } from "./operators.js";
import { Refusal } from "./refusal.js";
import { RuleTranslator } from "./translate-rule.js";
import type { VarUse } from "./translate-rule.js";
import { TypeStore } from "./type-store.js";

/** Options of {@link importJsonLogic}. */
export interface JsonLogicImportOptions {
  /** The model id (default: `imported`). */
  readonly id?: string;
  readonly title?: string;
  /** Where the rules came from, for the model's header comment. */
  readonly sourceName?: string;
}

interface NamedRule {
  readonly name: string;
  readonly rule: unknown;
  readonly at: string;
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
          new RuleTranslator(store, new ReportBuilder()).translate(rule.rule, rule.at);
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
        const expr = translator.translate(rule.rule, rule.at);
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
    if (!newlyRefused) {
      for (const entry of finalReport.entries) report.add(entry.severity, entry.at, entry.construct, entry.reason);
      break;
    }
  }
  for (const [, refusal] of refused) report.add("refused", refusal.at, refusal.construct, refusal.reason);

  const inputs = new InputFields();
  for (const rule of translated) {
    for (const use of rule.uses.values()) {
      const field = inputs.use(use.path);
      const facts = store.of(use.path);
      field.type = facts.type;
      field.evidence = facts.evidence;
      if (use.default !== undefined) field.default = use.default;
    }
  }
  const conflict = inputs.shapeConflict();
  if (conflict !== undefined) {
    report.add("refused", "", "var", `${conflict}; Qual declares each field once, as a value or as a record`);
    return { diagnostics: [], report: { from: "jsonlogic", entries: report.entries } };
  }
  for (const field of inputs.all()) {
    report.add("review", "", `var "${field.path.join(".")}"`, `declared ${field.type}: ${field.evidence}`);
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
    const id = ids.claim(rule.name);
    if (id !== rule.name) report.add("review", rule.at, rule.name, `the rule is named ${id} in the model (Qual names are letters, digits and _, and unique)`);
    const keyword = rule.expr.type === "bool" ? "criterion" : "score";
    declarations.push(`${keyword} ${id} ${JSON.stringify(labelOf(rule.name))} = ${rule.expr.text}`);
  }
  declarations.push(`tier ${ids.claim("lead")} "Lead" otherwise`);
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

function namedRules(document: unknown): NamedRule[] {
  if (isOperation(document) || typeof document !== "object" || document === null || Array.isArray(document)) {
    return [{ name: "rule", rule: document, at: "" }];
  }
  return Object.entries(document).map(([name, rule]) => ({ name, rule, at: pointer("", name) }));
}
