import type { QualType } from "@qualify/ir";
import { DIALECTS, JS_WHITESPACE, textLiteral as sqlText } from "@qualify/sql";

/**
 * Reading CSV cells in DuckDB as `qualify score` reads them (score/coerce.ts).
 *
 * Cost shaped the spelling. Trimming (`trim(x, chars)` with JavaScript's
 * white space) was the dearest function in the query, and DuckDB's
 * common-subexpression pass hoists a repeated `trim(cell)` out of the CASE
 * that guards it, so every cell paid for it. The cells here are tested by
 * RE2 patterns that allow the white space around the value instead, with a
 * cheaper test of the untrimmed cell first: most cells have nothing to trim.
 */

/** JavaScript's `trim()` white space as an RE2 class. */
const WS = `[${[...JS_WHITESPACE].map((ch) => `\\x{${ch.codePointAt(0)?.toString(16)}}`).join("")}]`;
const NUMBER = "[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?";
/** A word in any ASCII case: `[Tt][Rr][Uu][Ee]` (RE2's `(?i)` would also fold `ſ` to `s`, which JavaScript's toLowerCase does not). */
const anyCase = (word: string): string => [...word].map((ch) => (/[a-z]/.test(ch) ? `[${ch.toUpperCase()}${ch}]` : ch)).join("");
const padded = (core: string): string => sqlText(`^${WS}*(${core})${WS}*$`);

/** The cell with the white space JavaScript's `trim()` removes taken off (DuckDB's one-argument `trim` removes spaces only). */
export function jsTrim(cell: string): string {
  return DIALECTS.duckdb.trim(cell);
}

/** True when the text surely has something besides white space: its first character is printable ASCII (most cells). */
function startsPrintable(cell: string): string {
  return `ascii(${cell}) BETWEEN 33 AND 126`;
}

/**
 * One CSV cell as its type: an empty or all-white-space cell is missing
 * (NULL); numbers, bools (true/false/yes/no/1/0/y/n, any case), dates and
 * choices are trimmed; lists are `;`-separated. A cell that does not convert
 * becomes NULL here and a problem for its row.
 */
export function cellValue(cell: string, type: QualType): string {
  switch (type.kind) {
    case "number": {
      // DuckDB's own number parser reads a cell in a third of the time the
      // patterns take, but it also reads `inf`, `nan` and `1_000`, which
      // JavaScript does not: it is trusted only with a finite result and no
      // `_`, and every other cell (padding beyond ASCII, a bad number) meets
      // the patterns.
      const parsed = `TRY_CAST(${cell} AS DOUBLE)`;
      return `CASE WHEN isfinite(${parsed}) AND NOT contains(${cell}, '_') THEN ${parsed} WHEN regexp_full_match(${cell}, ${sqlText(NUMBER)}) THEN CAST(${cell} AS DOUBLE) WHEN regexp_full_match(${cell}, ${padded(NUMBER)}) THEN CAST(regexp_extract(${cell}, ${padded(NUMBER)}, 1) AS DOUBLE) END`;
    }
    case "bool": {
      const yes = anyCase("true|yes|1|y");
      const no = anyCase("false|no|0|n");
      return `CASE ${cell} WHEN 'true' THEN TRUE WHEN 'false' THEN FALSE ELSE CASE WHEN regexp_full_match(${cell}, ${padded(yes)}) THEN TRUE WHEN regexp_full_match(${cell}, ${padded(no)}) THEN FALSE END END`;
    }
    case "text":
      return `CASE WHEN NOT ${cellMissing(cell)} THEN ${cell} END`;
    case "list":
      return `CASE WHEN ${jsTrim(cell)} <> '' THEN list_transform(${csvListItems(cell)}, lambda p: ${cellValue(jsTrim("p"), type.element)}) END`;
    default:
      return `nullif(${jsTrim(cell)}, '')`;
  }
}

/**
 * Whether a present cell of the type can fail to convert as a whole (text,
 * dates and choices never do here: they are kept, or checked later; a list's
 * items are checked one by one, duckdb-csv-list.ts).
 */
export function cellCanFail(type: QualType): boolean {
  return type.kind === "number" || type.kind === "bool";
}

/**
 * The items of a list written in one CSV cell (`a; b;c`, score/coerce.ts):
 * the parts between `;` that are not blank, untrimmed. The JS path numbers
 * items from 0 in this list, so `pains[1]` is the second part that is not blank.
 */
export function csvListItems(cell: string): string {
  return `list_filter(string_split(${jsTrim(cell)}, ';'), lambda p: ${jsTrim("p")} <> '')`;
}

/** True when the cell is empty or only white space (missing), with the cheap tests first. */
export function cellMissing(cell: string): string {
  return `(${cell} IS NULL OR (NOT ${startsPrintable(cell)} AND regexp_full_match(${cell}, ${sqlText(`${WS}*`)})))`;
}

/** The CSV dialect `qualify score` reads: comma, double quotes doubled inside quotes, a header row. */
const CSV_DIALECT = `header = true, delim = ',', quote = '"', escape = '"'`;

/**
 * A CSV file as DuckDB reads it with the dialect `qualify score` reads
 * (comma, double quotes doubled inside quotes, a header row) and every column
 * as text. The columns are named, so DuckDB's sniffer does not run over the
 * file: that sniffing cost more than reading the rows.
 */
export function csvRelation(path: string, columns: readonly string[]): string {
  const types = columns.map((name) => `${sqlText(name)}: 'VARCHAR'`).join(", ");
  return `read_csv(${sqlText(path)}, ${CSV_DIALECT}, auto_detect = false, columns = {${types}})`;
}

/** The header of a CSV file (its column names), for {@link csvRelation}. */
export function csvHeaderQuery(path: string): string {
  return `DESCRIBE SELECT * FROM read_csv(${sqlText(path)}, ${CSV_DIALECT}, all_varchar = true)`;
}
