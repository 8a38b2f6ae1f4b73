import type { QualType } from "@qualify/ir";
import { expectedPhrase, expectedType } from "@qualify/compiler";
import { textLiteral as sqlText } from "@qualify/sql";

/**
 * A rejected row's problems written in DuckDB SQL with the JS path's words
 * (compiler/src/lead/issues.ts, runtime/text.ts `describeValue`), so both
 * engines write the same `--errors` lines. Paths are SQL text expressions,
 * since the index of a list item is known only per row.
 *
 * Known difference: a text over 60 characters is shown as its first 57 and
 * "..."; JavaScript counts UTF-16 code units and DuckDB code points, so a
 * long text with characters outside the Basic Multilingual Plane (emoji) is
 * cut at another place.
 */

/** One problem as a JSON object (`path`, `expected`, `value`, `message`); `value` is SQL of any type json_object takes. */
export function problemSql(path: string, type: QualType, value: string, message: string): string {
  return `json_object('path', ${path}, 'expected', ${sqlText(expectedType(type))}, 'value', ${value}, 'message', ${message})`;
}

/** `"path"` as the messages quote it. */
function quoted(path: string): string {
  return `'"' || ${path} || '"'`;
}

/** How the JS path's messages show a text: `the text "…"`, cut to 57 characters and "..." past 60. */
export function describeText(text: string): string {
  const shown = `CASE WHEN length(${text}) > 60 THEN left(${text}, 57) || '...' ELSE ${text} END`;
  return `'the text ' || CAST(to_json(${shown}) AS VARCHAR)`;
}

/** A number (DOUBLE) as JavaScript's `String(n)` prints it (integers in full below 1e21). */
export function jsNumberText(x: string): string {
  return `CASE WHEN ${x} = trunc(${x}) AND abs(${x}) < 1e21 THEN CAST(CAST(${x} AS HUGEINT) AS VARCHAR) ELSE CAST(${x} AS VARCHAR) END`;
}

/** JSON number types as `json_type` names them. */
export const JSON_NUMBER = "('UBIGINT', 'BIGINT', 'DOUBLE', 'HUGEINT')";

/** How the JS path's messages show a JSON value (`describeValue`): the text, the number, the value true, a list of 2 items, an object, null. */
export function describeJson(raw: string): string {
  const t = `json_type(${raw})`;
  const n = `json_array_length(${raw})`;
  return (
    `CASE WHEN ${raw} IS NULL OR ${t} = 'NULL' THEN 'null' ` +
    `WHEN ${t} = 'VARCHAR' THEN ${describeText(`json_extract_string(${raw}, '$')`)} ` +
    `WHEN ${t} IN ${JSON_NUMBER} THEN 'the number ' || ${jsNumberText(`CAST(${raw} AS DOUBLE)`)} ` +
    `WHEN ${t} = 'BOOLEAN' THEN 'the value ' || CAST(${raw} AS VARCHAR) ` +
    `WHEN ${t} = 'ARRAY' THEN 'a list of ' || CAST(${n} AS VARCHAR) || CASE WHEN ${n} = 1 THEN ' item' ELSE ' items' END ` +
    `ELSE 'an object' END`
  );
}

/**
 * A JSON value as the JS path writes it back in `value` (JSON.stringify of
 * the parsed value): numbers as JavaScript prints them (`1.0` is `1`); other
 * values minified by DuckDB, which keeps `\u` escapes that JSON.stringify
 * would write as the characters.
 */
export function jsonValue(raw: string): string {
  return `CASE WHEN ${raw} IS NULL THEN CAST('null' AS JSON) WHEN json_type(${raw}) IN ${JSON_NUMBER} THEN CAST(${jsNumberText(`CAST(${raw} AS DOUBLE)`)} AS JSON) ELSE json(${raw}) END`;
}

/** Why a text is not a value of the type, after "but is the text ...": dates and choices say why. */
function textReason(type: QualType): string {
  if (type.kind === "date") return ", which is not a valid date";
  if (type.kind === "choice") return ", which matches none of the choices";
  return "";
}

/** A text (SQL VARCHAR) that is not a value of the type: `"path" should be a number, but is the text "x".` */
export function wrongText(path: string, type: QualType, text: string): string {
  return problemSql(path, type, text, `${quoted(path)} || ${sqlText(` should be ${expectedPhrase(type)}, but is `)} || ${describeText(text)} || ${sqlText(`${textReason(type)}.`)}`);
}

/** A JSON value that is not a value of the type (JSON null for a list item: "list elements are never null"). */
export function wrongJson(path: string, type: QualType, raw: string): string {
  const t = `json_type(${raw})`;
  const detail = `CASE WHEN ${t} = 'VARCHAR' THEN ${sqlText(textReason(type))} WHEN ${raw} IS NULL OR ${t} = 'NULL' THEN CASE WHEN regexp_full_match(${path}, '.*\\[[0-9]+\\]') THEN ' (list elements are never null)' ELSE '' END ELSE '' END`;
  return problemSql(path, type, jsonValue(raw), `${quoted(path)} || ${sqlText(` should be ${expectedPhrase(type)}, but is `)} || ${describeJson(raw)} || ${detail} || '.'`);
}

/**
 * A required value that is absent or null; `state` is SQL text, 'missing'
 * or 'null' (a JSON null). `value` is null either way, as the JS path writes it.
 */
export function requiredProblem(path: string, type: QualType, state = "'missing'"): string {
  return problemSql(path, type, "CAST('null' AS JSON)", `${quoted(path)} || ${sqlText(` is required (${expectedType(type)}) but is `)} || ${state} || '.'`);
}
