import { Refusal } from "../jsonlogic/refusal.js";
import { buildModel, labelOf } from "../model/build-model.js";
import type { ImportResult } from "../model/build-model.js";
import { IdAllocator } from "../model/ids.js";
import { InputFields } from "../model/input-fields.js";
import type { QualExpr } from "../model/qual-expr.js";
import { numberLiteral, operand, toQualId } from "../model/qual-expr.js";
import { pointer, ReportBuilder } from "../model/report.js";
import type { ImportOptions } from "../import-rules.js";
import { ConditionTranslator } from "./translate-condition.js";

interface EngineRule {
  readonly at: string;
  readonly name: string;
  readonly priority: number;
  readonly condition: QualExpr;
  readonly points?: { readonly group: string; readonly points: number };
  readonly tier?: string;
  /** An event of type `disqualify`: a knockout. */
  readonly disqualify?: boolean;
}

/**
 * Imports json-rules-engine rules: a list of rules, `{"rules": [...]}`, or
 * one rule. The conditions become a Qual test; the event decides what the
 * rule is (see the package README): `params.points` makes it a rule of the
 * score group `params.group` (default `points`), `params.tier` a tier,
 * ordered like the engine's events (higher priority first), an event of
 * type `disqualify` a knockout, and any other event a criterion named after
 * the rule.
 */
export function importRulesEngine(document: unknown, options: ImportOptions = {}): ImportResult {
  const report = new ReportBuilder();
  const [list, base] = rulesOf(document);
  let inputs = new InputFields();
  const rules: EngineRule[] = [];
  list.forEach((raw, i) => {
    const at = pointer(base, i);
    const trial = inputs.clone();
    try {
      rules.push(readRule(raw, at, new ConditionTranslator(trial, report), i));
      inputs = trial;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      report.add("refused", error.at, error.construct, error.reason);
    }
  });
  const from = "json-rules-engine";
  for (const field of inputs.all()) report.add("review", field.at ?? "", `fact "${field.path.join(".")}"`, `declared ${field.type}: ${field.evidence}`);
  if (inputs.all().length > 0) {
    report.add(
      "review",
      "",
      "facts",
      "every fact is a required field: json-rules-engine stops with an error on an undefined fact, and Qual rejects a lead without it (also for a missing path inside a fact, where the engine reads undefined)",
    );
  }
  if (rules.length === 0) return { diagnostics: [], report: { from, entries: report.entries } };

  const ids = new IdAllocator(inputs.all().map((f) => f.path[0]!));
  const declarations: string[] = [];
  const reasons = new Set<string>();
  for (const rule of rules) {
    if (rule.disqualify === true) {
      let reason = rule.name;
      for (let n = 2; reasons.has(reason); n++) reason = `${rule.name} (${n})`;
      reasons.add(reason);
      declarations.push(`disqualify ${JSON.stringify(reason)} when ${rule.condition.text}`);
    } else if (rule.points === undefined && rule.tier === undefined) {
      declarations.push(`criterion ${ids.claim(rule.name)} ${JSON.stringify(labelOf(rule.name))} = ${rule.condition.text}`);
    }
  }
  const groups = new Map<string, string[]>();
  for (const rule of rules) {
    if (rule.points === undefined) continue;
    const lines = groups.get(rule.points.group) ?? [];
    const labels = lines.map((l) => l.slice(0, l.indexOf('":') + 1));
    let label = JSON.stringify(rule.name);
    for (let n = 2; labels.includes(label); n++) label = JSON.stringify(`${rule.name} (${n})`);
    const points = numberLiteral(rule.points.points)!;
    lines.push(`${label}: ${rule.points.points >= 0 ? "+" : ""}${points} when ${rule.condition.text}`);
    groups.set(rule.points.group, lines);
  }
  for (const [group, lines] of groups) {
    declarations.push(`score ${ids.claim(toQualId(group))} ${JSON.stringify(labelOf(group))} {\n${lines.map((l) => `  ${l}`).join("\n")}\n}`);
  }
  declarations.push(...tiers(rules, ids, report));
  return buildModel(
    {
      id: toQualId(options.id ?? "imported"),
      title: options.title ?? labelOf(options.id ?? "imported rules"),
      header: [
        `Imported from json-rules-engine${options.sourceName === undefined ? "" : ` (${options.sourceName})`} by qualify import.`,
        "The import report lists what was not translated or changes meaning.",
      ],
      inputs,
      declarations,
    },
    { from, entries: report.entries },
  );
}

function rulesOf(document: unknown): [readonly unknown[], string] {
  if (Array.isArray(document)) return [document, ""];
  if (typeof document === "object" && document !== null) {
    const rules = (document as Record<string, unknown>)["rules"];
    if (Array.isArray(rules)) return [rules, "/rules"];
    return [[document], ""];
  }
  return [[document], ""];
}

function readRule(raw: unknown, at: string, conditions: ConditionTranslator, index: number): EngineRule {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new Refusal(at, raw, "a rule is an object with conditions and an event");
  const rule = raw as Record<string, unknown>;
  const top = rule["conditions"];
  if (typeof top !== "object" || top === null || !["all", "any", "not", "condition"].some((k) => k in top)) {
    throw new Refusal(pointer(at, "conditions"), top, "a rule's conditions start with all, any, not or condition (as json-rules-engine requires)");
  }
  const condition = conditions.translate(top, pointer(at, "conditions"));
  const event = rule["event"] as { type?: unknown; params?: Record<string, unknown> } | undefined;
  if (typeof event !== "object" || event === null || typeof event.type !== "string") {
    throw new Refusal(pointer(at, "event"), event, "a rule needs an event with a type");
  }
  const name = typeof rule["name"] === "string" && rule["name"] !== "" ? rule["name"] : event.type || `rule ${index + 1}`;
  const priority = typeof rule["priority"] === "number" ? rule["priority"] : 1;
  const params = event.params ?? {};
  const result: { -readonly [K in keyof EngineRule]: EngineRule[K] } = { at, name, priority, condition };
  if ("points" in params) {
    const points = params["points"];
    if (typeof points !== "number" || numberLiteral(points) === undefined) {
      throw new Refusal(pointer(pointer(at, "event"), "params"), params, "points must be a number Qual can write");
    }
    result.points = { group: typeof params["group"] === "string" ? params["group"] : "points", points };
  }
  if (event.type === "disqualify" && !("points" in params) && !("tier" in params)) result.disqualify = true;
  if ("tier" in params) {
    if (typeof params["tier"] !== "string" || params["tier"] === "") throw new Refusal(pointer(pointer(at, "event"), "params"), params, "tier must be a text");
    result.tier = params["tier"];
  }
  return result;
}

/**
 * The tiers in the order of the engine's events: the engine reports every
 * rule that fired, and the tier is the one of the highest priority (then
 * document order). A Qual tier is the first whose condition holds, so a
 * tier is placed where its first rule is, and a later rule of the same tier
 * joins it only when no tier placed in between holds (else that one wins in
 * the engine too).
 */
function tiers(rules: readonly EngineRule[], ids: IdAllocator, report: ReportBuilder): string[] {
  const ordered = rules.filter((r) => r.tier !== undefined).sort((a, b) => b.priority - a.priority);
  const blocks: { tier: string; conditions: string[] }[] = [];
  ordered.forEach((rule, i) => {
    const tie = ordered.find((other, j) => j !== i && other.priority === rule.priority && other.tier !== rule.tier);
    if (tie !== undefined) {
      report.add("review", rule.at, rule.name, `has the same priority as "${tie.name}" for another tier: the engine's choice between them is not fixed, Qual takes the one written first`);
    }
    const place = blocks.findIndex((b) => b.tier === rule.tier);
    if (place === -1) {
      blocks.push({ tier: rule.tier!, conditions: [operand(rule.condition)] });
      return;
    }
    const between = blocks.slice(place + 1).map((b) => `not (${b.conditions.join(" or ")})`);
    blocks[place]!.conditions.push(between.length === 0 ? operand(rule.condition) : `(${[operand(rule.condition), ...between].join(" and ")})`);
  });
  const lines = blocks.map((b) => `tier ${ids.claim(toQualId(b.tier))} ${JSON.stringify(labelOf(b.tier))} when ${b.conditions.join(" or ")}`);
  lines.push(`tier ${ids.claim("no_tier")} "No tier event" otherwise`);
  return lines;
}
