import type { QualType } from "@qualify/ir";
import { DIALECTS, InputReader } from "@qualify/sql";
import { wrongText } from "./duckdb-problem.js";

/**
 * One test of a row: `when` (SQL, true when the row has the problem, cheap:
 * it runs on every row) and the problems it gives then (SQL JSON[]).
 */
export interface RowCheck {
  readonly when: string;
  readonly problems: string;
}

/** A check that gives one problem (SQL JSON object). */
export function singleCheck(when: string, problem: string): RowCheck {
  return { when, problems: `[${problem}]` };
}

/** The row's problems in the checks' order; the list is built only for a row that has one (most rows have none). */
export function problemsList(checks: readonly RowCheck[]): string {
  if (checks.length === 0) return "CAST([] AS JSON[])";
  const list = `flatten([${checks.map((c) => `CASE WHEN ${c.when} THEN ${c.problems} ELSE CAST([] AS JSON[]) END`).join(", ")}])`;
  return `CASE WHEN ${checks.map((c) => c.when).join(" OR ")} THEN ${list} ELSE CAST([] AS JSON[]) END`;
}

/** Whether the type's text values can be invalid: dates (impossible ones) and choices (none matches). */
export function textCanBeInvalid(type: QualType): boolean {
  return type.kind === "date" || type.kind === "choice";
}

/** SQL true when a text (trimmed) is not a value of a date or choice type: the query would read it as unknown. */
export function invalidText(text: string, type: QualType): string {
  return `${new InputReader(DIALECTS.duckdb).read(text, type)} IS NULL`;
}

/**
 * A date or choice that is present but not valid (an impossible date, a value
 * none of the choices match): the query would read it as unknown, while the JS
 * path rejects the row, so it is a problem of the row here too, with the JS
 * path's message.
 */
export function invalidValue(value: string, type: QualType, path: string): RowCheck | undefined {
  if (!textCanBeInvalid(type)) return undefined;
  const text = `CAST(${value} AS VARCHAR)`;
  return singleCheck(`(${value} IS NOT NULL AND ${invalidText(text, type)})`, wrongText(path, type, text));
}
