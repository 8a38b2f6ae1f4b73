import type { QualType } from "@qualify/ir";
import { textPatternError } from "@qualify/ir";
import type { Dialect } from "../dialect.js";
import { ident, textLiteral } from "../sql-text.js";
import { JS_WHITESPACE } from "./js-whitespace.js";
import { translateForPostgres } from "./postgres-regex.js";

const DOUBLE = "DOUBLE PRECISION";

function columnType(type: QualType): string {
  switch (type.kind) {
    case "number":
      return DOUBLE;
    case "bool":
      return "boolean";
    case "list":
    case "record":
      return "jsonb";
    default:
      return "text";
  }
}

/** A path into a jsonb value, as a text array: `ARRAY['company', 'size']`. */
function jsonPath(path: readonly string[]): string {
  return path.length === 0 ? "ARRAY[]::text[]" : `ARRAY[${path.map(textLiteral).join(", ")}]`;
}

/** A runtime value of a type read from jsonb text or jsonb. */
function fromJson(json: string, path: readonly string[], type: QualType): string {
  const text = `(${json} #>> ${jsonPath(path)})`;
  switch (type.kind) {
    case "number":
    case "date":
      return `CAST(${text} AS ${DOUBLE})`;
    case "bool":
      return `CAST(${text} AS boolean)`;
    case "list":
    case "record":
      return `nullif(${json} #> ${jsonPath(path)}, 'null'::jsonb)`;
    default:
      return text;
  }
}

/**
 * PostgreSQL: lists (and the records inside them) are jsonb, text compares
 * by code point through `COLLATE "C"`, `matches` runs as an advanced regular
 * expression translated from the RE2 subset the two agree on, and arithmetic
 * that overflows a double stops the query with an error (PostgreSQL raises
 * one where the closures would read unknown).
 */
export const postgres: Dialect = {
  name: "postgres",
  double: DOUBLE,
  // Inlined, a chain of CTEs becomes one expression tree in which every use of a column repeats its definition.
  cteAs: "AS MATERIALIZED",
  notes: ["Run it with SET jit = off: PostgreSQL's JIT spends seconds compiling these long expressions."],
  columnType,
  // PostgreSQL never yields ±Infinity or NaN from arithmetic on finite doubles: it raises an error instead.
  finite: (x) => x,
  codePointOrder: (x) => `(${x} COLLATE "C")`,
  translatePattern(pattern) {
    const error = textPatternError(pattern);
    if (error !== undefined) return { error };
    return translateForPostgres(pattern);
  },
  matches: (text, pattern) => `(${text} ~* ${textLiteral(pattern)})`,
  listOf: (items) => (items.length === 0 ? "'[]'::jsonb" : `jsonb_build_array(${items.join(", ")})`),
  listLength: (list) => `CAST(jsonb_array_length(${list}) AS ${DOUBLE})`,
  elements: (list, alias) => `jsonb_array_elements(${list}) AS ${alias}_rows(${alias})`,
  elementField: (alias, path, type) => fromJson(alias, path, type),
  elementSelf: (alias, type) => fromJson(alias, [], type),
  textList: (items) => (items.length === 0 ? "ARRAY[]::text[]" : `array_remove(ARRAY[${items.join(", ")}]::text[], NULL)`),
  // JavaScript prints integers in full below 1e21 and other numbers (rounded to 12 digits for `reasons`) in plain decimals from 1e-6.
  numberToText: (x) =>
    `CASE WHEN ${x} = trunc(${x}) AND abs(${x}) < 1e21 THEN CAST(CAST(${x} AS numeric) AS text) ` +
    `WHEN abs(${x}) >= 1e-6 AND abs(${x}) < 1e11 THEN rtrim(rtrim(CAST(round(CAST(${x} AS numeric), CAST(11 - floor(log(abs(${x}))) AS integer)) AS text), '0'), '.') ` +
    `ELSE CAST(${x} AS text) END`,
  nowMs: () => `CAST(floor(extract(epoch FROM now()) * 1000) AS ${DOUBLE})`,
  trim: (t) => `btrim(${t}, ${textLiteral(JS_WHITESPACE)})`,
  afterLastAt: (t) => `substring(${t} FROM '@([^@]*)$')`,
  letIn: (value, name, body) => `(SELECT ${body} FROM (SELECT ${value} AS ${name}) AS ${name}_let)`,
  captures: (t, pattern) => `regexp_match(${t}, ${textLiteral(pattern)})`,
  capture: (captured, i) => `nullif((${captured})[${i}], '')`,
  asText: (x) => `CAST(${x} AS text)`,
  mapList: (list, alias, converted) =>
    `CASE WHEN ${list} IS NULL OR ${list} = 'null'::jsonb THEN NULL ELSE (SELECT coalesce(jsonb_agg(${converted} ORDER BY ${alias}_i), '[]'::jsonb) FROM jsonb_array_elements(${list}) WITH ORDINALITY AS ${alias}_rows(${alias}, ${alias}_i)) END`,
  rawField: (alias, name, type) => fromJson(alias, [name], type.kind === "date" || type.kind === "choice" ? { kind: "text" } : type),
  rawSelf: (alias, type) => fromJson(alias, [], type.kind === "date" || type.kind === "choice" ? { kind: "text" } : type),
  recordOf: (fields) => (fields.length === 0 ? "'{}'::jsonb" : `jsonb_build_object(${fields.map(([name, value]) => `${textLiteral(name)}, ${value}`).join(", ")})`),
  hasNullElement: (list) => `EXISTS (SELECT 1 FROM jsonb_array_elements(${list}) AS __q_n(x) WHERE x = 'null'::jsonb)`,
  carryRow: (source) => ({
    from: `${source} AS "__q_src"`,
    select: `"__q_src" AS "__q_row"`,
    expand: () => `("__q_row").*`,
    column: (name) => `("__q_row").${ident(name)}`,
  }),
};
