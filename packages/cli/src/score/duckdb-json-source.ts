import type { InputField, JsonValue, ModelIR, QualType } from "@qualify/ir";
import { ident, inputColumns, textLiteral as sqlText } from "@qualify/sql";
import { jsTrim } from "./duckdb-csv-cell.js";
import type { FieldRaw } from "./duckdb-json-lead.js";
import { jsonCell, jsonKey, JsonLeadSql } from "./duckdb-json-lead.js";
import { jsNumberText, JSON_NUMBER } from "./duckdb-problem.js";
import type { DuckFormat, DuckSource } from "./duckdb-source.js";
import type { FieldSource } from "./field-sources.js";

/** The column holding each JSON Lines row as DuckDB JSON. */
const ROW = ident("__q_json");

/**
 * A `--map` value table over a JSON value, as the JS path applies it
 * (row-scorer.ts `mapValue`): a text, number or bool whose text (numbers as
 * JavaScript prints them) is a key, exactly or trimmed, takes the mapped
 * value (null: the field is absent); any other value is kept as it is.
 */
export function mappedJson(raw: string, values: Readonly<Record<string, JsonValue>> | undefined): string {
  const t = `json_type(${raw})`;
  const entries = Object.entries(values ?? {});
  // A null in the row is no value: the JS path drops the field, so it is missing.
  const kept = `CASE WHEN ${t} <> 'NULL' THEN ${raw} END`;
  if (entries.length === 0) return kept;
  const key = `CASE WHEN ${t} = 'VARCHAR' THEN json_extract_string(${raw}, '$') WHEN ${t} IN ${JSON_NUMBER} THEN ${jsNumberText(`CAST(${raw} AS DOUBLE)`)} WHEN ${t} = 'BOOLEAN' THEN CAST(${raw} AS VARCHAR) END`;
  const to = (value: JsonValue): string => (value === null ? "NULL" : `CAST(${sqlText(JSON.stringify(value))} AS JSON)`);
  const exact = entries.map(([from, value]) => `WHEN ${key} = ${sqlText(from)} THEN ${to(value)}`);
  const trimmed = entries.map(([from, value]) => `WHEN ${jsTrim(key)} = ${sqlText(from)} THEN ${to(value)}`);
  return `CASE ${exact.join(" ")} ${trimmed.join(" ")} ELSE ${kept} END`;
}

/**
 * Where the row's own fields are read from with a `--map`: a mapped field
 * from its column (a key of the row) through its value table; a record
 * holding a mapped field as an object even when the row has none there (the
 * JS path builds it to set the mapped field); the rest from their own keys.
 */
function fieldRawOf(sources: readonly FieldSource[]): FieldRaw {
  const mapped = new Map(sources.map((s) => [s.path.join("."), s]));
  return (parent, field, path) => {
    const own = jsonKey(parent, field.name);
    if (path === undefined || sources.length === 0) return own;
    const dotted = path.join(".");
    const source = mapped.get(dotted);
    if (source !== undefined) return mappedJson(jsonKey(ROW, source.column), source.values);
    if (field.type.kind === "record" && [...mapped.keys()].some((k) => k.startsWith(`${dotted}.`))) {
      return `CASE WHEN json_type(${own}) = 'OBJECT' THEN ${own} ELSE CAST('{}' AS JSON) END`;
    }
    return own;
  };
}

/** The raw JSON of a leaf field, its records read on the way down through `fieldRaw`. */
function leafRaw(inputs: readonly InputField[], path: readonly string[], fieldRaw: FieldRaw): string {
  let raw = ROW;
  let fields = inputs;
  for (let i = 0; i < path.length; i++) {
    const field = fields.find((f) => f.name === path[i]) as InputField;
    raw = fieldRaw(raw, field, path.slice(0, i + 1));
    fields = field.type.kind === "record" ? field.type.fields : [];
  }
  return raw;
}

/**
 * A JSON Lines file's rows: each line as DuckDB JSON, each declared field
 * checked and typed from it as the JS path reads the parsed object, and the
 * input columns the JS path writes out (for CSV output, the cells it writes:
 * lists `;`-separated, numbers as JavaScript prints them).
 *
 * Known differences: a rejected row's `line` is its row number (DuckDB skips
 * blank lines without saying where they were); its `input` is the line
 * minified by DuckDB, which is JSON.stringify's text except for numbers
 * written unlike JavaScript (`1.0`) and `\u` escapes; a line that is not a
 * JSON object is read as one without the fields, and one that is not JSON
 * stops the run.
 */
export function jsonlSource(ir: ModelIR, path: string, outFormat: DuckFormat, sources: readonly FieldSource[] = []): DuckSource {
  const fieldRaw = fieldRawOf(sources);
  const lead = new JsonLeadSql(fieldRaw);
  const plain = new JsonLeadSql();
  const leadType: QualType & { kind: "record" } = { kind: "record", fields: ir.inputs };
  const columns = inputColumns(ir.inputs);
  const fieldColumns: Record<string, string> = {};
  const typed = columns.map((c) => {
    fieldColumns[c.name] = `__q_typed:${c.name}`;
    return `${lead.value(leafRaw(ir.inputs, c.path, fieldRaw), c.type)} AS ${ident(`__q_typed:${c.name}`)}`;
  });
  // The input columns written out are read from the row itself, by their dotted names, as the JS path writes them.
  const written = columns.map((c) => {
    const raw = c.path.reduce((parent, name) => jsonKey(parent, name), ROW);
    return `${outFormat === "csv" ? jsonCell(raw) : plain.value(raw, c.type)} AS ${ident(c.name)}`;
  });
  const read = `read_json_objects(${sqlText(path)}, format = 'newline_delimited')`;
  const problems = `CASE WHEN NOT ${lead.fieldsOk(ROW, leadType, [])} THEN ${lead.fieldProblems(ROW, leadType, "''", [])} ELSE CAST([] AS JSON[]) END`;
  return {
    read,
    sql: `(SELECT ${[ROW, ...written, ...typed].join(", ")} FROM (SELECT json AS ${ROW} FROM ${read}))`,
    fieldColumns,
    problems,
    columns: columns.map((c) => c.name),
    input: `CAST(json(${ROW}) AS VARCHAR)`,
    line: (row) => row,
  };
}
