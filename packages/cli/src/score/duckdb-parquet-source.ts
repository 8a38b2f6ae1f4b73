import type { ModelIR } from "@qualify/ir";
import { mayBeAbsent } from "@qualify/ir";
import { ident, inputColumns, textLiteral as sqlText } from "@qualify/sql";
import type { RowCheck } from "./duckdb-checks.js";
import { invalidValue, problemsList, singleCheck } from "./duckdb-checks.js";
import { jsonCell, JsonLeadSql } from "./duckdb-json-lead.js";
import { mappedJson } from "./duckdb-json-source.js";
import { requiredProblem } from "./duckdb-problem.js";
import type { DuckFormat, DuckSource } from "./duckdb-source.js";
import type { FieldSource } from "./field-sources.js";

/**
 * A Parquet file's rows, its columns named by the fields' dotted names (as
 * `score --engine duckdb` writes them) or by a `--map`. The file's schema
 * types the values, so only what a typed column can still get wrong is
 * checked: a required field that is NULL, an impossible date or a choice
 * none matches. Items of lists are typed by the schema and not checked one
 * by one. A mapped column with a value table is read as JSON (`to_json`),
 * as the JS path reads a JSON Lines key, so the table applies to the same
 * texts and a mapped value of the wrong type is a problem of its row.
 * `fileColumns`: the file's columns, so a model field it lacks is written
 * out empty. Into CSV, the values are written as the JS path writes a JSON
 * Lines row's (numbers as JavaScript prints them, lists `;`-separated).
 */
export function parquetSource(ir: ModelIR, path: string, outFormat: DuckFormat, fileColumns: readonly string[], mapped: readonly FieldSource[] = []): DuckSource {
  const columns = inputColumns(ir.inputs);
  const byField = new Map(mapped.map((s) => [s.path.join("."), s]));
  const checks: RowCheck[] = [];
  const fieldColumns: Record<string, string> = {};
  const typed: string[] = [];
  for (const c of columns) {
    const source = byField.get(c.name);
    const column = source?.column ?? c.name;
    if (!fileColumns.includes(column)) {
      fieldColumns[c.name] = `__q_typed:${c.name}`;
      typed.push(`NULL AS ${ident(`__q_typed:${c.name}`)}`);
      if (!mayBeAbsent(c.field)) checks.push(singleCheck("TRUE", requiredProblem(sqlText(c.name), c.type)));
      continue;
    }
    if (source?.values !== undefined) {
      const raw = mappedJson(`to_json(${ident(column)})`, source.values);
      // One field as the only field of a record, so the JSON reader's field checks apply with the field's dotted name as its path.
      const field = { ...c.field, name: c.name };
      const lead = new JsonLeadSql(() => raw);
      const record = { kind: "record" as const, fields: [field] };
      fieldColumns[c.name] = `__q_typed:${c.name}`;
      typed.push(`${lead.value(raw, c.type)} AS ${ident(`__q_typed:${c.name}`)}`);
      checks.push({ when: `NOT ${lead.fieldsOk("NULL", record, [])}`, problems: lead.fieldProblems("NULL", record, "''", []) });
      continue;
    }
    if (column !== c.name) fieldColumns[c.name] = column;
    if (!mayBeAbsent(c.field)) checks.push(singleCheck(`${ident(column)} IS NULL`, requiredProblem(sqlText(c.name), c.type)));
    const invalid = invalidValue(ident(column), c.type, sqlText(c.name));
    if (invalid) checks.push(invalid);
  }
  const read = `read_parquet(${sqlText(path)})`;
  const names = columns.map((c) => c.name);
  // Written out: the model's columns as the file has them, by exact name (DuckDB would match `pains` to a column `Pains`; the JS path's keys are exact).
  const cellOf = (name: string): string => (!fileColumns.includes(name) ? "NULL" : outFormat === "csv" ? jsonCell(`to_json(${ident(name)})`) : ident(name));
  const written = Object.fromEntries(names.map((name) => [name, cellOf(name)]));
  const input = names.length === 0 ? "'{}'" : `CAST(json_object(${names.map((name) => `${sqlText(name)}, ${fileColumns.includes(name) ? ident(name) : "NULL"}`).join(", ")}) AS VARCHAR)`;
  const select = ["*", ...typed].join(", ");
  return { read, sql: `(SELECT ${select} FROM ${read})`, fieldColumns, problems: problemsList(checks), columns: names, written, input, line: () => undefined };
}
