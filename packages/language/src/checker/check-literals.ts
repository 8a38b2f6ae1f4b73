import type { JsonValue, QualType } from "@qualify/ir";
import type { DateLiteral, Expr, FieldDecl } from "../ast.js";
import type { Report } from "./context.js";
import { closestMatch, didYouMean } from "../diagnostics/suggest.js";
import { describeType, isError } from "./types.js";

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a `YYYY-MM-DD` date that exists on the calendar (no 2026-02-30). */
export function isRealDate(text: string): boolean {
  const match = DATE_SHAPE.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  // Date.UTC rolls day 30 of February over into March, so a round trip tells real dates apart.
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Reports a date literal that is not a real date. */
export function checkDateLiteral(node: DateLiteral, report: Report): boolean {
  if (isRealDate(node.value)) return true;
  report("invalidDate", node.range, [node.value]);
  return false;
}

/**
 * The option of a `one of` that `value` names, ignoring case, or undefined.
 * Case is ignored because Qual's text matching ignores case everywhere.
 */
export function findOption(options: readonly string[], value: string): string | undefined {
  const lower = value.toLowerCase();
  return options.find((option) => option.toLowerCase() === lower);
}

/** Reports a text literal that is not one of a `one of`'s choices, with the closest choice as a fix. */
export function reportNotAnOption(
  node: Expr & { kind: "StringLiteral" },
  options: readonly string[],
  subject: string,
  report: Report,
): void {
  const closest = closestMatch(node.value, options);
  const suggestion = closest === undefined ? undefined : didYouMean(node.range, JSON.stringify(closest), `"${closest}"`);
  report("notAnOption", node.range, [node.value, subject, options.map((o) => `"${o}"`).join(", ")], suggestion);
}

/**
 * Checks a field's `= LITERAL` default against the field's type and returns it
 * as a JSON value (dates as ISO strings, choices in their declared spelling),
 * or undefined after reporting why it cannot be used.
 */
export function checkDefault(field: FieldDecl, type: QualType, report: Report): JsonValue | undefined {
  const node = field.default;
  if (node === undefined || isError(type)) return undefined;
  return literalAs(node, type, field.name.name, report);
}

function literalAs(node: Expr, type: QualType, field: string, report: Report): JsonValue | undefined {
  const wrong = (got: string): undefined => {
    report("defaultType", node.range, [field, describeType(type), got]);
    return undefined;
  };
  switch (node.kind) {
    case "ParenExpr":
      return node.inner === undefined ? undefined : literalAs(node.inner, type, field, report);
    case "NumberLiteral":
      return type.kind === "number" ? node.value : wrong("a number");
    case "UnaryExpr":
      if ((node.op === "-" || node.op === "+") && node.operand?.kind === "NumberLiteral") {
        if (type.kind !== "number") return wrong("a number");
        return node.op === "-" ? -node.operand.value : node.operand.value;
      }
      break;
    case "StringLiteral":
      if (type.kind === "text") return node.value;
      if (type.kind === "choice") {
        const option = findOption(type.options, node.value);
        if (option === undefined) reportNotAnOption(node, type.options, `\`${field}\``, report);
        return option;
      }
      return wrong("text");
    case "BoolLiteral":
      return type.kind === "bool" ? node.value : wrong("yes/no (bool)");
    case "DateLiteral":
      if (type.kind !== "date") return wrong("a date");
      return checkDateLiteral(node, report) ? node.value : undefined;
    case "ListLiteral": {
      if (type.kind !== "list") return wrong("a list");
      const items: JsonValue[] = [];
      let ok = true;
      for (const item of node.items) {
        const value = literalAs(item, type.element, field, report);
        if (value === undefined) ok = false;
        else items.push(value);
      }
      return ok ? items : undefined;
    }
    default:
      break;
  }
  report("defaultNotLiteral", node.range, [field]);
  return undefined;
}
