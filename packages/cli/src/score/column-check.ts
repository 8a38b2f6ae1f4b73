import { closestName } from "@qualify/compiler";
import { UsageError } from "../exit-codes.js";
import type { FieldMap, FieldSource } from "./field-sources.js";

/** What a CSV header means for a model, before any row is scored. */
export interface ColumnReport {
  /** Model fields that no column feeds: every row reads them as missing. */
  readonly unfed: readonly FieldSource[];
}

/**
 * Checks a CSV header against the model's field sources before any row is
 * scored, because a wrong column is not a wrong row: it silently turns a
 * field into missing data for every lead.
 * @throws UsageError when a column the map names is not in the header (with
 *   "did you mean" against the header), or when no column feeds any field.
 */
export function checkColumns(header: readonly string[], sources: readonly FieldSource[], map: FieldMap | undefined, input: string): ColumnReport {
  const present = new Set(header);
  const problems: string[] = [];
  for (const source of sources) {
    const dotted = source.path.join(".");
    if (!map?.fields.has(dotted) || present.has(source.column)) continue;
    const guess = closestName(source.column, header);
    problems.push(`the map reads \`${dotted}\` from the column "${source.column}", which is not in the header of ${input}${guess === undefined ? "" : `; did you mean "${guess}"?`}`);
  }
  if (problems.length > 0) throw new UsageError(problems.join("\n"));
  const fed = sources.filter((s) => present.has(s.column));
  if (fed.length === 0 && sources.length > 0) {
    const hint = map === undefined ? "did you mean to pass --map?" : "check the map's column names";
    throw new UsageError(
      `no column of ${input} matches a field of the model: ${hint}\n  columns: ${preview(header)}\n  fields:  ${preview(sources.map((s) => s.path.join(".")))}`,
    );
  }
  return { unfed: sources.filter((s) => !present.has(s.column)) };
}

function preview(names: readonly string[]): string {
  const shown = names.slice(0, 8).join(", ");
  return names.length > 8 ? `${shown}, … (${names.length} in all)` : shown;
}
