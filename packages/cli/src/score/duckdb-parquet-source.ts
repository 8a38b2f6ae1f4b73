import type { ModelIR } from "@qualify/ir";
import { ident, inputColumns, textLiteral as sqlText } from "@qualify/sql";
import type { RowCheck } from "./duckdb-checks.js";
import { invalidValue, problemsList, singleCheck } from "./duckdb-checks.js";
import { requiredProblem } from "./duckdb-problem.js";
import type { DuckSource } from "./duckdb-source.js";

/**
 * A Parquet file's rows, its columns named by the fields' dotted names (as
 * `score --engine duckdb` writes them). The file's schema types the values,
 * so only what a typed column can still get wrong is checked: a required
 * field that is NULL, an impossible date or a choice none matches. Items of
 * lists are typed by the schema and not checked one by one.
 */
export function parquetSource(ir: ModelIR, path: string): DuckSource {
  const columns = inputColumns(ir.inputs);
  const checks: RowCheck[] = [];
  for (const c of columns) {
    if (!(c.field.optional || c.field.default !== undefined)) checks.push(singleCheck(`${ident(c.name)} IS NULL`, requiredProblem(sqlText(c.name), c.type)));
    const invalid = invalidValue(ident(c.name), c.type, sqlText(c.name));
    if (invalid) checks.push(invalid);
  }
  const read = `read_parquet(${sqlText(path)})`;
  const names = columns.map((c) => c.name);
  const input = names.length === 0 ? "'{}'" : `CAST(json_object(${names.map((name) => `${sqlText(name)}, ${ident(name)}`).join(", ")}) AS VARCHAR)`;
  return { read, sql: `(SELECT * FROM ${read})`, fieldColumns: {}, problems: problemsList(checks), columns: names, input, line: () => undefined };
}
