import type { ImportType, QualExpr, ScalarType } from "../model/qual-expr.js";
import { compound, isQualName, listLiteral, literal, operand } from "../model/qual-expr.js";
import type { InputFields } from "../model/input-fields.js";
import type { ReportBuilder } from "../model/report.js";
import { pointer } from "../model/report.js";
import { Refusal } from "../jsonlogic/refusal.js";

/**
 * json-rules-engine's default operators (engine-default-operators.js): the
 * comparison, and what the fact's value must be for the operator to run at
 * all (its validator; a failed validator makes the condition false).
 */
const ORDER: Readonly<Record<string, string>> = {
  lessThan: "<",
  lessThanInclusive: "<=",
  greaterThan: ">",
  greaterThanInclusive: ">=",
};

/** Translates json-rules-engine conditions (all/any/not, fact conditions) into a Qual yes/no expression. */
export class ConditionTranslator {
  constructor(
    private readonly fields: InputFields,
    private readonly report: ReportBuilder,
  ) {}

  translate(node: unknown, at: string): QualExpr {
    if (typeof node !== "object" || node === null || Array.isArray(node)) {
      throw new Refusal(at, node, "a condition is an object with all, any, not, or fact and operator");
    }
    const c = node as Record<string, unknown>;
    if ("condition" in c) throw new Refusal(at, node, "shared conditions (condition references) are not translated; inline the condition");
    for (const key of ["all", "any"] as const) {
      if (key in c) {
        const items = c[key];
        if (!Array.isArray(items)) throw new Refusal(at, node, `${key} takes a list of conditions`);
        if (items.length === 0) {
          // json-rules-engine's prioritizeAndRun resolves true for an empty list, for any as for all.
          this.report.add("review", at, node, `an empty ${key} holds in json-rules-engine, so it is translated as true`);
          return compound("true", "bool");
        }
        const parts = items.map((item, i) => this.translate(item, pointer(pointer(at, key), i)));
        return parts.length === 1 ? parts[0]! : compound(parts.map(operand).join(key === "all" ? " and " : " or "), "bool");
      }
    }
    if ("not" in c) return compound(`not ${operand(this.translate(c["not"], pointer(at, "not")))}`, "bool");
    return this.factCondition(c, at);
  }

  private factCondition(c: Record<string, unknown>, at: string): QualExpr {
    const { fact, operator, value, path, params } = c;
    if (typeof fact !== "string") throw new Refusal(at, c, "a condition needs a fact name");
    if (params !== undefined) throw new Refusal(at, c, "fact params pass arguments to a dynamic fact; Qual reads stored lead fields only");
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      throw new Refusal(at, c, "a value that is another fact ({\"fact\": ...}) is not translated; compare with a literal");
    }
    const fieldPath = this.fieldPath(fact, path, c, at);
    const name = fieldPath.join(".");
    if (typeof operator !== "string") throw new Refusal(at, c, "a condition needs an operator");
    const order = ORDER[operator];
    if (order !== undefined) {
      if (typeof value !== "number") throw new Refusal(at, c, `${operator} with a ${typeof value} value compares with JavaScript's conversions; Qual orders numbers`);
      const field = this.field(fieldPath, "number", `compared by ${operator} with a number`, c, at);
      return compound(`${field.text} ${order} ${literalText(value, at, c)}`, "bool");
    }
    switch (operator) {
      case "equal":
      case "notEqual": {
        const lit = scalar(value, at, c);
        const field = this.field(fieldPath, lit.type, `compared by ${operator} with a ${lit.type}`, c, at);
        if (lit.type === "text") this.caseNote(at, c, `${name} = ${lit.text}`);
        return compound(`${field.text} ${operator === "equal" ? "=" : "!="} ${lit.text}`, "bool");
      }
      case "in":
      case "notIn": {
        if (!Array.isArray(value)) throw new Refusal(at, c, `${operator} takes a list value`);
        const list = listLiteral(value);
        if (list === undefined || value.length === 0) throw new Refusal(at, c, `${operator} needs a non-empty list of numbers, texts or yes/no values of one type`);
        const element = list.type.slice(8) as ScalarType;
        const field = this.field(fieldPath, element, `looked up by ${operator} in a list of ${element}`, c, at);
        if (element === "text") this.caseNote(at, c, `${name} in ${list.text}`);
        return compound(`${field.text} ${operator === "in" ? "in" : "not in"} ${list.text}`, "bool");
      }
      case "contains":
      case "doesNotContain": {
        const lit = scalar(value, at, c);
        const field = this.field(fieldPath, `list of ${lit.type as ScalarType}`, `searched by ${operator} for a ${lit.type}`, c, at);
        if (lit.type === "text") this.caseNote(at, c, `${name} contains ${lit.text}`);
        const test = `${field.text} contains ${lit.text}`;
        return compound(operator === "contains" ? test : `not (${test})`, "bool");
      }
      default:
        throw new Refusal(at, c, `the operator "${operator}" is not one of json-rules-engine's default operators this import translates`);
    }
  }

  private fieldPath(fact: string, path: unknown, c: unknown, at: string): string[] {
    const segments = [fact];
    if (path !== undefined) {
      if (typeof path !== "string" || !/^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(path)) {
        throw new Refusal(at, c, "only simple JSONPath paths ($.a.b) are translated; filters, wildcards and indexes select values Qual reads differently");
      }
      segments.push(...path.slice(2).split("."));
    }
    const bad = segments.find((s) => !isQualName(s));
    if (bad !== undefined) throw new Refusal(at, c, `"${bad}" is not a Qual field name`);
    return segments;
  }

  private field(path: readonly string[], type: ImportType, evidence: string, c: unknown, at: string): QualExpr {
    const field = this.fields.use(path);
    if (field.type !== undefined && field.type !== type) {
      throw new Refusal(at, c, `"${path.join(".")}" is used as a ${field.type} elsewhere and as a ${type} here; a Qual field has one type`);
    }
    if (field.type === undefined) {
      field.type = type;
      field.evidence = evidence;
      field.at = at;
    }
    return { text: path.join("."), type, atom: true };
  }

  private caseNote(at: string, c: unknown, test: string): void {
    this.report.add("changed", at, c, `Qual compares text ignoring case (${test} also holds when only the case differs), where json-rules-engine compares exactly`);
  }
}

function scalar(value: unknown, at: string, c: unknown): QualExpr {
  if (value === null || value === undefined) {
    throw new Refusal(at, c, "a comparison with null: Qual has no null value; an absent optional field is unknown, tested with `is missing`");
  }
  const lit = literal(value);
  if (lit === undefined || Array.isArray(value)) throw new Refusal(at, c, "the value must be a number, a text or true/false that Qual can write");
  return lit;
}

function literalText(value: number, at: string, c: unknown): string {
  const lit = literal(value);
  if (lit === undefined) throw new Refusal(at, c, "Qual cannot write this number");
  return lit.text;
}
