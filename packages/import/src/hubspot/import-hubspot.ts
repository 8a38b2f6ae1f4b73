import type { ImportOptions } from "../import-rules.js";
import { buildModel, labelOf } from "../model/build-model.js";
import type { ImportResult } from "../model/build-model.js";
import { IdAllocator } from "../model/ids.js";
import { InputFields } from "../model/input-fields.js";
import type { ImportType } from "../model/qual-expr.js";
import { listLiteral, literal, numberLiteral, operand, toQualId } from "../model/qual-expr.js";
import { pointer, ReportBuilder } from "../model/report.js";
import { Refusal } from "../jsonlogic/refusal.js";
import validateHubSpot from "./generated/validate-hubspot.js";

/** A HubSpot-style lead score (its schema is in hubspot-schema.ts; its meaning in the package README). */
export interface HubSpotScore {
  readonly name: string;
  readonly totalLimit?: number;
  readonly groups: readonly HubSpotGroup[];
  readonly thresholds?: readonly { readonly tier: string; readonly label?: string; readonly min: number }[];
}
export interface HubSpotGroup {
  readonly name: string;
  readonly kind: "fit" | "engagement";
  readonly limit?: number;
  readonly decay?: { readonly percent: number; readonly everyMonths: 1 | 3 | 6 | 12 };
  readonly rules: readonly HubSpotRule[];
}
export interface HubSpotRule {
  readonly label: string;
  readonly points: number;
  readonly match?: "all" | "any";
  readonly criteria?: readonly HubSpotCriterion[];
  readonly event?: { readonly property: string; readonly withinDays: number };
}
export interface HubSpotCriterion {
  readonly property: string;
  readonly operator: string;
  readonly value?: unknown;
}

/** Days in a month, for decay periods. */
export const DAYS_PER_MONTH = 30;

// The schema's ajv standalone validator, generated at build time
// (scripts/generate-hubspot-validator.mjs): importing never compiles code from
// strings, so every command stays CSP-safe.
const validate = (document: unknown): document is HubSpotScore => validateHubSpot(document);

/**
 * Imports a HubSpot-style lead score: each group becomes a points group
 * capped at its limit, the total a computed score capped at the total
 * limit, engagement rules count when their date falls in the time frame
 * (`within N days`) with their points decayed by age, thresholds become tiers.
 */
export function importHubSpot(document: unknown, options: ImportOptions = {}): ImportResult {
  const from = "hubspot";
  const report = new ReportBuilder();
  if (!validate(document)) {
    for (const error of validateHubSpot.errors ?? []) {
      report.add("refused", error.instancePath, error.instancePath === "" ? "document" : error.instancePath, `not a HubSpot-style score: ${error.message ?? "invalid"}${error.params && "allowedValues" in error.params ? ` (${JSON.stringify(error.params["allowedValues"])})` : ""}${error.params && "additionalProperty" in error.params ? ` ("${String(error.params["additionalProperty"])}")` : ""}`);
    }
    return { diagnostics: [], report: { from, entries: report.entries } };
  }
  const score = document;
  let inputs = new InputFields();
  const groupIds = new Map<HubSpotGroup, string>();
  const declarations: string[] = [];
  const groupTexts: { group: HubSpotGroup; lines: string[] }[] = [];
  score.groups.forEach((group, g) => {
    const lines: string[] = [];
    group.rules.forEach((rule, r) => {
      const at = pointer(pointer(pointer(pointer("", "groups"), g), "rules"), r);
      const trial = inputs.clone();
      try {
        lines.push(ruleLine(rule, group, at, trial, report));
        inputs = trial;
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        report.add("refused", error.at, error.construct, error.reason);
      }
    });
    if (group.decay !== undefined) {
      report.add(
        "changed",
        pointer(pointer(pointer("", "groups"), g), "decay"),
        group.decay,
        `HubSpot lowers engagement points in a step every ${group.decay.everyMonths} month(s); Qual's decay is the smooth curve with the same rate (${group.decay.percent}% per ${group.decay.everyMonths * DAYS_PER_MONTH} days, a month being ${DAYS_PER_MONTH} days), so between steps the points are a little lower`,
      );
    }
    groupTexts.push({ group, lines });
  });
  for (const field of inputs.all()) {
    report.add("review", field.at ?? "", `property "${field.path.join(".")}"`, `declared ${field.type}? (optional: a contact without it gets no points from its rules): ${field.evidence}`);
  }
  const ids = new IdAllocator(inputs.all().map((f) => f.path[0]!));
  for (const { group, lines } of groupTexts) {
    const id = ids.claim(toQualId(group.name));
    groupIds.set(group, id);
    const cap = group.limit === undefined ? "" : ` max ${numberLiteral(group.limit)}`;
    const body = lines.length === 0 ? `  "No rule translated": 0` : lines.map((l) => `  ${l}`).join("\n");
    declarations.push(`score ${id} ${JSON.stringify(group.name)}${cap} {\n${body}\n}`);
  }
  const sum = [...groupIds.values()].join(" + ");
  const totalId = ids.claim("total");
  const total = score.totalLimit === undefined ? sum : `min(${sum}, ${numberLiteral(score.totalLimit)})`;
  declarations.push(`score ${totalId} "Total" = ${total}`);
  for (const threshold of [...(score.thresholds ?? [])].sort((a, b) => b.min - a.min)) {
    declarations.push(`tier ${ids.claim(toQualId(threshold.tier))} ${JSON.stringify(threshold.label ?? labelOf(threshold.tier))} when ${totalId} >= ${numberLiteral(threshold.min)}`);
  }
  declarations.push(`tier ${ids.claim("other")} "Other" otherwise`);
  return buildModel(
    {
      id: toQualId(options.id ?? score.name),
      title: options.title ?? score.name,
      header: [
        `Imported from a HubSpot-style score${options.sourceName === undefined ? "" : ` (${options.sourceName})`} by qualify import.`,
        "The import report lists what was not translated or changes meaning.",
      ],
      inputs,
      declarations,
    },
    { from, entries: report.entries },
  );
}

/** The half-life, in days, of a decay of `percent` every `everyMonths` months: 0.5^(d/h) = (1 - p)^(d/period). */
export function halfLifeDays(decay: { percent: number; everyMonths: number }): number {
  return (decay.everyMonths * DAYS_PER_MONTH * Math.log(0.5)) / Math.log(1 - decay.percent / 100);
}

function ruleLine(rule: HubSpotRule, group: HubSpotGroup, at: string, inputs: InputFields, report: ReportBuilder): string {
  const tests = (rule.criteria ?? []).map((c, i) => criterionText(c, pointer(pointer(at, "criteria"), i), inputs));
  const pointsText = numberLiteral(rule.points);
  if (pointsText === undefined) throw new Refusal(pointer(at, "points"), rule.points, "Qual cannot write this number");
  let points = `${rule.points >= 0 ? "+" : ""}${pointsText}`;
  let when = tests.length === 0 ? undefined : tests.join(rule.match === "any" ? " or " : " and ");
  if (rule.event !== undefined) {
    const date = declare(inputs, rule.event.property, "date", "the date of an engagement", at);
    const within = `${date} within ${rule.event.withinDays} days`;
    when = when === undefined ? within : `(${when}) and ${within}`;
    if (group.decay !== undefined) points = `${pointsText} * decay(days_since(${date}), ${numberLiteral(halfLifeDays(group.decay))})`;
  } else if (group.decay !== undefined) {
    report.add("review", at, rule.label, "decay applies to engagements (rules with an event date); this rule has none, so its points do not decay");
  }
  if (group.kind === "fit" && rule.event !== undefined) {
    report.add("review", at, rule.label, "a fit group rule with an engagement event: translated like an engagement");
  }
  if (when === undefined) throw new Refusal(at, rule, "a rule needs criteria or an event; a rule that always applies is a constant");
  return `${JSON.stringify(rule.label)}: ${points} when ${when}`;
}

function declare(inputs: InputFields, property: string, type: ImportType, evidence: string, at: string): string {
  const path = property.split(".");
  const field = inputs.use(path);
  if (field.type !== undefined && field.type !== type) {
    throw new Refusal(at, property, `"${property}" is used as a ${field.type} elsewhere and as a ${type} here; a Qual field has one type`);
  }
  field.type = type;
  field.evidence ??= evidence;
  field.at ??= at;
  field.optional = true;
  return property;
}

const ORDER: Readonly<Record<string, string>> = { gt: ">", gte: ">=", lt: "<", lte: "<=" };

function criterionText(c: HubSpotCriterion, at: string, inputs: InputFields): string {
  const { property, operator, value } = c;
  const order = ORDER[operator];
  if (order !== undefined) {
    const lit = typeof value === "number" ? literal(value) : undefined;
    if (lit === undefined) throw new Refusal(at, c, `${operator} compares with a number`);
    return `${declare(inputs, property, "number", `compared by ${operator} with a number`, at)} ${order} ${operand(lit)}`;
  }
  switch (operator) {
    case "between": {
      if (!Array.isArray(value) || value.length !== 2 || value.some((v) => typeof v !== "number")) throw new Refusal(at, c, "between takes [low, high] numbers");
      const [low, high] = (value as number[]).map((v) => operand(literal(v)!));
      return `${declare(inputs, property, "number", "tested by between", at)} between ${low} and ${high}`;
    }
    case "is":
    case "is_not": {
      const lit = typeof value === "object" ? undefined : literal(value);
      if (lit === undefined) throw new Refusal(at, c, `${operator} compares with a number, a text or true/false`);
      return `${declare(inputs, property, lit.type, `compared by ${operator} with a ${lit.type}`, at)} ${operator === "is" ? "=" : "!="} ${operand(lit)}`;
    }
    case "is_any_of":
    case "is_none_of": {
      const list = Array.isArray(value) && value.length > 0 ? listLiteral(value) : undefined;
      if (list === undefined) throw new Refusal(at, c, `${operator} takes a non-empty list of values of one type`);
      const element = list.type.slice(8) as ImportType;
      return `${declare(inputs, property, element, `looked up by ${operator} in a list of ${element}`, at)} ${operator === "is_any_of" ? "in" : "not in"} ${list.text}`;
    }
    case "contains":
    case "starts_with":
    case "ends_with": {
      const lit = typeof value === "string" ? literal(value) : undefined;
      if (lit === undefined) throw new Refusal(at, c, `${operator} takes a text`);
      const word = operator === "contains" ? "contains" : operator === "starts_with" ? "starts with" : "ends with";
      return `${declare(inputs, property, "text", `tested by ${operator}`, at)} ${word} ${lit.text}`;
    }
    case "is_true":
    case "is_false":
      return `${declare(inputs, property, "bool", `tested by ${operator}`, at)} = ${operator === "is_true"}`;
    case "is_known":
    case "is_unknown": {
      const field = inputs.use(property.split("."));
      const type = field.type ?? "text";
      return `${declare(inputs, property, type, field.evidence ?? "only tested for presence; text is a guess", at)} is ${operator === "is_known" ? "present" : "missing"}`;
    }
    default:
      throw new Refusal(at, c, `the operator "${operator}" is not translated`);
  }
}
