import type { JsonValue, QualType } from "@qualify/ir";
import { numberText, textLiteral as sqlText } from "@qualify/sql";
import { UsageError } from "../exit-codes.js";
import { jsTrim } from "./duckdb-csv-cell.js";

/** A mapped JSON value as a SQL value of the field's runtime column form (as CSV cells are typed), or undefined when it does not fit the type. */
function literal(value: JsonValue, type: QualType): string | undefined {
  if (value === null) return "NULL";
  switch (type.kind) {
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? `CAST(${numberText(value)} AS DOUBLE)` : undefined;
    case "bool":
      return typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : undefined;
    case "text":
    case "choice":
    case "date":
      return typeof value === "string" ? sqlText(value) : undefined;
    default:
      return undefined;
  }
}

/**
 * A `--map` value table in SQL for one CSV cell: `hit` says the cell is one
 * of the table's keys (the exact text first, then the trimmed text, as the JS
 * path looks them up), `value` is the mapped value or else `otherwise` (the
 * cell read as its type). A mapped value the field's type cannot hold would
 * be a problem of every such row in the JS path; here it is refused before
 * any row is read, since it is a mistake of the map.
 */
export function mappedCell(cell: string, field: string, type: QualType, values: Readonly<Record<string, JsonValue>>, otherwise: string): { hit: string; value: string } {
  const entries = Object.entries(values).filter(([key]) => key !== "");
  if (entries.length === 0) return { hit: "FALSE", value: otherwise };
  const keys = entries.map(([key]) => sqlText(key)).join(", ");
  const exact = entries.map(([key, value]) => {
    const sql = literal(value, type);
    if (sql === undefined) {
      throw new UsageError(`--map: the value ${JSON.stringify(value)} that "${key}" maps to does not fit ${field} (${type.kind}); --engine duckdb needs mapped values of the field's type (or score with --engine js)`);
    }
    return [key, sql] as const;
  });
  const byExact = exact.map(([key, sql]) => `WHEN ${cell} = ${sqlText(key)} THEN ${sql}`).join(" ");
  const byTrimmed = exact.map(([key, sql]) => `WHEN ${jsTrim(cell)} = ${sqlText(key)} THEN ${sql}`).join(" ");
  return {
    // coalesce: an empty cell (NULL) is no key, and must not make the checks NULL.
    hit: `coalesce(${cell} IN (${keys}) OR ${jsTrim(cell)} IN (${keys}), FALSE)`,
    value: `CASE ${byExact} ${byTrimmed} ELSE ${otherwise} END`,
  };
}
