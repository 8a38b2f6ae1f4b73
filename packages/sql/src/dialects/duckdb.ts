import type { QualType } from "@qualify/ir";
import { textPatternError } from "@qualify/ir";
import type { Dialect } from "../dialect.js";
import { ident, textLiteral } from "../sql-text.js";
import { JS_WHITESPACE, jsOnlyRegexSpelling } from "./js-whitespace.js";

function columnType(type: QualType): string {
  switch (type.kind) {
    case "number":
      return "DOUBLE";
    case "bool":
      return "BOOLEAN";
    case "list":
      return `${columnType(type.element)}[]`;
    case "record":
      return type.fields.length === 0 ? "STRUCT(\"__q_empty\" BOOLEAN)" : `STRUCT(${type.fields.map((f) => `${ident(f.name)} ${columnType(f.type)}`).join(", ")})`;
    default:
      // text, choice, and dates (ISO text; DATE and TIMESTAMP columns are read through their text).
      return "VARCHAR";
  }
}

function runtimeType(type: QualType): string {
  switch (type.kind) {
    case "number":
    case "date":
      return "DOUBLE";
    case "bool":
      return "BOOLEAN";
    case "list":
      return `${runtimeType(type.element)}[]`;
    case "record":
      return type.fields.length === 0 ? "STRUCT(\"__q_empty\" BOOLEAN)" : `STRUCT(${type.fields.map((f) => `${ident(f.name)} ${runtimeType(f.type)}`).join(", ")})`;
    default:
      return "VARCHAR";
  }
}

/**
 * DuckDB: native LIST and STRUCT values, RE2 regular expressions (the engine
 * the closures run, through RE2JS), lambdas for per-element conversion.
 */
export const duckdb: Dialect = {
  name: "duckdb",
  double: "DOUBLE",
  cteAs: "AS",
  notes: [],
  columnType,
  finite: (x) => `CASE WHEN isfinite(${x}) THEN ${x} END`,
  // DuckDB compares VARCHAR byte-wise (UTF-8), which is code point order.
  codePointOrder: (x) => x,
  translatePattern(pattern) {
    const error = textPatternError(pattern);
    if (error !== undefined) return { error };
    const spelling = jsOnlyRegexSpelling(pattern);
    if (spelling !== undefined) return { error: `\`${spelling}\` is JavaScript-only spelling that RE2 in DuckDB reads differently; write the characters out` };
    return { pattern };
  },
  matches: (text, pattern) => `regexp_matches(${text}, ${textLiteral(pattern)}, 'i')`,
  listOf: (items, element) => (items.length === 0 ? `CAST([] AS ${runtimeType(element)}[])` : `[${items.join(", ")}]`),
  listLength: (list) => `CAST(len(${list}) AS DOUBLE)`,
  elements: (list, alias) => `unnest(${list}) AS ${alias}_rows(${alias})`,
  elementField: (alias, path) => path.reduce((sql, name) => `struct_extract(${sql}, ${textLiteral(name)})`, alias),
  elementSelf: (alias) => alias,
  textList: (items) => (items.length === 0 ? "CAST([] AS VARCHAR[])" : `list_filter([${items.join(", ")}], lambda __q_x: __q_x IS NOT NULL)`),
  // JavaScript prints integers in full below 1e21 and other numbers (rounded to 12 digits for `reasons`) in plain decimals from 1e-6.
  numberToText: (x) =>
    `CASE WHEN ${x} = trunc(${x}) AND abs(${x}) < 1e21 THEN CAST(CAST(${x} AS HUGEINT) AS VARCHAR) ` +
    `WHEN abs(${x}) >= 1e-6 AND abs(${x}) < 1e11 THEN rtrim(rtrim(printf('%.*f', CAST(11 - floor(log10(abs(${x}))) AS INTEGER), ${x}), '0'), '.') ` +
    `ELSE CAST(${x} AS VARCHAR) END`,
  nowMs: () => "CAST(epoch_ms(get_current_timestamp()) AS DOUBLE)",
  trim: (t) => `trim(${t}, ${textLiteral(JS_WHITESPACE)})`,
  afterLastAt: (t) => `CASE WHEN strpos(${t}, '@') > 0 THEN regexp_extract(${t}, '@([^@]*)$', 1) END`,
  letIn: (value, name, body) => `list_transform([${value}], lambda ${name}: ${body})[1]`,
  captures: (t, pattern, groups) =>
    `regexp_extract(${t}, ${textLiteral(pattern)}, [${Array.from({ length: groups }, (_, i) => `'g${i + 1}'`).join(", ")}])`,
  capture: (captured, i) => `nullif(struct_extract(${captured}, 'g${i}'), '')`,
  asText: (x) => `CAST(${x} AS VARCHAR)`,
  mapList: (list, alias, converted) => `list_transform(${list}, lambda ${alias}: ${converted})`,
  rawField: (alias, name) => `struct_extract(${alias}, ${textLiteral(name)})`,
  rawSelf: (alias) => alias,
  recordOf: (fields) =>
    fields.length === 0 ? "struct_pack(\"__q_empty\" := NULL::BOOLEAN)" : `struct_pack(${fields.map(([name, value]) => `${ident(name)} := ${value}`).join(", ")})`,
  hasNullElement: (list) => `len(list_filter(${list}, lambda __q_x: __q_x IS NULL)) > 0`,
  carryRow: (source) => ({
    from: `${source} AS "__q_src"`,
    select: `"__q_src".*`,
    expand: (internal) => `* EXCLUDE (${internal.join(", ")})`,
    column: (name) => ident(name),
  }),
};
