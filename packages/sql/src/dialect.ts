import type { QualType } from "@qualify/ir";

/** The SQL dialects the back end writes. */
export type DialectName = "duckdb" | "postgres";

/**
 * Everything that differs between SQL engines, in one place per engine
 * (dialects/duckdb.ts, dialects/postgres.ts). The expression compiler writes
 * standard SQL (CASE, COALESCE, Kleene AND/OR, aggregates with FILTER) and
 * asks the dialect only for what the standard leaves open: list values,
 * regular expressions, text order, finiteness, how a row is carried through.
 *
 * Runtime forms: numbers are doubles, dates are epoch milliseconds (doubles,
 * as the closures hold them), text is text, choices are their declared
 * spelling. Lists are the engine's list type (DuckDB `LIST`, PostgreSQL
 * `jsonb` arrays) holding runtime-form elements.
 */
export interface Dialect {
  readonly name: DialectName;
  /** The type name of a double. */
  readonly double: string;
  /** Lines for the query's header comment: what to know before running it on this engine. */
  readonly notes: readonly string[];
  /** How a CTE is introduced: `AS`, or PostgreSQL's `AS MATERIALIZED` (inlined CTEs would copy each column's expression into every use). */
  readonly cteAs: string;
  /** The column type the input relation holds for a field of this type (lists, records inside lists included). */
  columnType(type: QualType): string;
  /** `x` when it is a finite number, else NULL (overflow, NaN). */
  finite(x: string): string;
  /** `x` (text) made to compare by code point whatever the database's collation. */
  codePointOrder(x: string): string;
  /** A `matches` pattern in this engine's spelling, or why it cannot run identically. */
  translatePattern(pattern: string): { readonly pattern: string } | { readonly error: string };
  /** True when `text` has a match of the (translated) pattern, ignoring case; NULL text gives NULL. */
  matches(text: string, pattern: string): string;
  /** A list value from runtime-form items (none of them NULL). */
  listOf(items: readonly string[], element: QualType): string;
  /** The number of elements of a list, as a double. */
  listLength(list: string): string;
  /** A FROM item with one row per element, in order, the element in column `alias`. */
  elements(list: string, alias: string): string;
  /** A field (path relative to the element) of a record element, in runtime form. */
  elementField(alias: string, path: readonly string[], type: QualType): string;
  /** The element itself, for lists of numbers, dates or text. */
  elementSelf(alias: string, type: QualType): string;
  /** A list of text from items, NULL items left out (for `disqualified`). */
  textList(items: readonly string[]): string;
  /** A double as text the way JavaScript prints it, for the `reasons` column. */
  numberToText(x: string): string;
  /** The current time in epoch milliseconds, when no evaluation time is given. */
  nowMs(): string;
  /** The text `t` with the white space JavaScript's `trim()` removes taken off both ends. */
  trim(t: string): string;
  /** The part of `t` after its last `@` ('' when `@` ends it), or NULL when it has none. */
  afterLastAt(t: string): string;
  /** Binds `value` to the name `name` inside `body` (evaluated once). */
  letIn(value: string, name: string, body: string): string;
  /** The captures of a regular expression over `t` as one value; NULL or empty groups when it does not match. */
  captures(t: string, pattern: string, groups: number): string;
  /** Group `i` (from 1) of a {@link captures} value, as text, NULL when it did not take part. */
  capture(captured: string, i: number): string;
  /** `text` as text (for a date column that may be DATE, TIMESTAMP or text). */
  asText(x: string): string;
  /**
   * Converts a list column to runtime form, element by element: `convert`
   * writes the runtime form of one element given the SQL of the raw element
   * and its type; the element's raw fields are read with {@link rawField}.
   */
  mapList(list: string, alias: string, converted: string): string;
  /** A field of a raw (input-form) record element. */
  rawField(alias: string, name: string, type: QualType): string;
  /** A raw list element of a scalar type. */
  rawSelf(alias: string, type: QualType): string;
  /** A record (runtime form) from named runtime-form values. */
  recordOf(fields: readonly (readonly [string, string])[]): string;
  /** Whether any element of the raw list is NULL (such a list is not a valid value). */
  hasNullElement(list: string): string;
  /**
   * How the input row is carried to the output: `select` goes in the first
   * CTE's select list, `expand` in the final one (the input columns, in order).
   */
  carryRow(source: string): {
    readonly from: string;
    readonly select: string;
    readonly expand: (internal: readonly string[]) => string;
    /** One input column by name, in the final select. */
    readonly column: (name: string) => string;
  };
}
