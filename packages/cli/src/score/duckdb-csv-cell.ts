import type { QualType } from "@qualify/ir";
import { DIALECTS, textLiteral as sqlText } from "@qualify/sql";

const NUMBER_TEXT = sqlText("^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$");

/** The cell with the white space JavaScript's `trim()` removes taken off (DuckDB's one-argument `trim` removes spaces only). */
export function jsTrim(cell: string): string {
  return DIALECTS.duckdb.trim(cell);
}

/**
 * True when the text surely has something besides white space: its first
 * character is printable ASCII. Most cells pass this test, which costs far
 * less than trimming; the rest are trimmed.
 */
function startsPrintable(cell: string): string {
  return `ascii(${cell}) BETWEEN 33 AND 126`;
}

/**
 * One CSV cell read as `qualify score` reads it (score/coerce.ts): an empty
 * or all-white-space cell is missing; numbers, bools (true/false/yes/no/1/0/
 * y/n, any case), dates and choices are trimmed as JavaScript trims; lists are
 * `;`-separated. A cell that does not convert becomes NULL here and a problem
 * for its row. Numbers and bools try the untrimmed cell first: most cells
 * have no white space to remove, and trimming every cell was a fifth of the
 * query's time.
 */
export function cellValue(cell: string, type: QualType): string {
  const t = jsTrim(cell);
  switch (type.kind) {
    case "number":
      return `CASE WHEN regexp_full_match(${cell}, ${NUMBER_TEXT}) THEN CAST(${cell} AS DOUBLE) WHEN regexp_full_match(${t}, ${NUMBER_TEXT}) THEN CAST(${t} AS DOUBLE) END`;
    case "bool":
      return `CASE ${cell} WHEN 'true' THEN TRUE WHEN 'false' THEN FALSE ELSE CASE WHEN lower(${t}) IN ('true', 'yes', '1', 'y') THEN TRUE WHEN lower(${t}) IN ('false', 'no', '0', 'n') THEN FALSE END END`;
    case "text":
      return `CASE WHEN ${startsPrintable(cell)} OR ${t} <> '' THEN ${cell} END`;
    case "list":
      return `CASE WHEN ${t} <> '' THEN list_transform(list_filter(string_split(${t}, ';'), lambda p: ${jsTrim("p")} <> ''), lambda p: ${cellValue(jsTrim("p"), type.element)}) END`;
    default:
      return `nullif(${t}, '')`;
  }
}

/** Whether a present cell of the type can fail to convert (text, dates and choices never do: they are kept, or checked later). */
export function cellCanFail(type: QualType): boolean {
  return type.kind === "number" || type.kind === "bool" || (type.kind === "list" && cellCanFail(type.element));
}

/** True when the cell is empty or only white space (missing), with the cheap test first. */
export function cellMissing(cell: string): string {
  return `(${cell} IS NULL OR NOT (${startsPrintable(cell)} OR ${jsTrim(cell)} <> ''))`;
}

/**
 * A CSV file as DuckDB reads it with the dialect `qualify score` reads
 * (comma, double quotes doubled inside quotes, a header row) and every column
 * as text. The columns are named, so DuckDB's sniffer does not run over the
 * file: that sniffing cost more than reading the rows.
 */
export function csvRelation(path: string, columns: readonly string[]): string {
  const types = columns.map((name) => `${sqlText(name)}: 'VARCHAR'`).join(", ");
  return `read_csv(${sqlText(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${types}})`;
}

/** The header of a CSV file (its column names), for {@link csvRelation}. */
export function csvHeaderQuery(path: string): string {
  return `DESCRIBE SELECT * FROM read_csv(${sqlText(path)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
}
