import type { ModelIR } from "@qualify/ir";
import { mayBeAbsent } from "@qualify/ir";
import { ident, inputColumns, textLiteral as sqlText } from "@qualify/sql";
import { UsageError } from "../exit-codes.js";
import type { RowCheck } from "./duckdb-checks.js";
import { invalidValue, problemsList, singleCheck } from "./duckdb-checks.js";
import { cellCanFail, cellMissing, cellValue, csvRelation } from "./duckdb-csv-cell.js";
import { listItemsCheck } from "./duckdb-csv-list.js";
import { mappedCell } from "./duckdb-mapped-cell.js";
import { requiredProblem, wrongText } from "./duckdb-problem.js";
import type { DuckSource } from "./duckdb-source.js";
import type { FieldSource } from "./field-sources.js";

/**
 * A CSV file's rows: every cell as text, and each declared field typed
 * beside it (`__q_typed:NAME`) from its column (or its `--map` column, with
 * the map's value table), as score/coerce.ts reads cells.
 */
export function csvSource(ir: ModelIR, path: string, csvColumns: readonly string[], sources: readonly FieldSource[] = []): DuckSource {
  const checks: RowCheck[] = [];
  const fieldColumns: Record<string, string> = {};
  const sourceOfField = new Map(sources.map((src) => [src.path.join("."), src]));
  const typed = inputColumns(ir.inputs).flatMap((c) => {
    const typedName = `__q_typed:${c.name}`;
    fieldColumns[c.name] = typedName;
    const mapped = sourceOfField.get(c.name);
    const columnName = mapped?.column ?? c.name;
    if (!csvColumns.includes(columnName)) return [`NULL AS ${ident(typedName)}`];
    if (c.type.kind === "list" && c.type.element.kind === "record") throw new UsageError(`${c.name} is a list of records, which a CSV cell cannot hold; give JSON Lines or Parquet input`);
    const typedColumn = ident(typedName);
    const cell = ident(columnName);
    // A --map value table: a cell that is one of its keys (exactly, or trimmed) takes the mapped value, as the JS path does.
    const map = mapped?.values === undefined ? undefined : mappedCell(cell, c.name, c.type, mapped.values, cellValue(cell, c.type));
    // The cheap test first: most cells convert, and the rest of the test is skipped for them.
    const unmapped = map === undefined ? "" : ` AND NOT ${map.hit}`;
    // The JS path shows the cell as it is, white space and all, when it does not convert.
    if (cellCanFail(c.type)) checks.push(singleCheck(`(${typedColumn} IS NULL${unmapped} AND NOT ${cellMissing(cell)})`, wrongText(sqlText(c.name), c.type, cell)));
    if (c.type.kind === "list") {
      const items = listItemsCheck(cell, typedColumn, c.name, c.type);
      if (items) checks.push(items);
    }
    const invalid = invalidValue(typedColumn, c.type, sqlText(c.name));
    if (invalid) checks.push(invalid);
    if (!mayBeAbsent(c.field)) {
      const absent = map === undefined ? cellMissing(cell) : `((NOT ${map.hit} AND ${cellMissing(cell)}) OR (${map.hit} AND ${typedColumn} IS NULL))`;
      checks.push(singleCheck(absent, requiredProblem(sqlText(c.name), c.type)));
    }
    return [`${map?.value ?? cellValue(cell, c.type)} AS ${typedColumn}`];
  });
  const read = csvRelation(path, csvColumns);
  const input = csvColumns.length === 0 ? "'{}'" : `CAST(json_object(${csvColumns.map((name) => `${sqlText(name)}, coalesce(${ident(name)}, '')`).join(", ")}) AS VARCHAR)`;
  return { read, sql: `(SELECT ${["*", ...typed].join(", ")} FROM ${read})`, fieldColumns, problems: problemsList(checks), columns: csvColumns, input, line: (row) => row + 1 };
}
