import type { ModelIR, QualType } from "@qualify/ir";
import { typeToString } from "@qualify/ir";
import { compileToSql, DIALECTS, ident, InputReader, inputColumns, textLiteral as sqlText } from "@qualify/sql";
import { DuckDBInstance } from "@duckdb/node-api";
import { UsageError } from "../exit-codes.js";
import type { FieldSource } from "./field-sources.js";
import { cellCanFail, cellMissing, cellValue, csvHeaderQuery, csvRelation } from "./duckdb-csv-cell.js";
import { mappedCell } from "./duckdb-mapped-cell.js";

/** The file formats `score --engine duckdb` reads and writes. */
export type DuckFormat = "csv" | "jsonl" | "parquet";

/** What one run through DuckDB gave: the counts of the summary, and the rejected rows for `--errors`. */
export interface DuckRun {
  readonly read: number;
  readonly scored: number;
  readonly rejected: readonly { readonly row: number; readonly line?: number; readonly input: Readonly<Record<string, unknown>>; readonly errors: readonly { path: string; expected: string; value: unknown; message: string }[] }[];
  readonly tiers: ReadonlyMap<string, number>;
}

/** The input as read (`read`), and its rows with, for CSV, each declared column typed beside its original text (`sql`), with the SQL of a row's problems. */
function sourceOf(ir: ModelIR, path: string, format: DuckFormat, csvColumns: readonly string[], sources?: readonly FieldSource[]): { read: string; sql: string; fieldColumns: Record<string, string>; problems: string } {
  const columns = inputColumns(ir.inputs);
  const checks: { when: string; problem: string }[] = [];
  const fieldColumns: Record<string, string> = {};
  if (format !== "csv") {
    const types = columns.map((c) => `${sqlText(c.name)}: ${sqlText(DIALECTS.duckdb.columnType(c.type))}`).join(", ");
    const read = format === "parquet" ? `read_parquet(${sqlText(path)})` : `read_json(${sqlText(path)}, format = 'newline_delimited', columns = {${types}})`;
    for (const c of columns) {
      if (!(c.field.optional || c.field.default !== undefined)) checks.push({ when: `${ident(c.name)} IS NULL`, problem: problem(c.name, c.type, "required", "null") });
      const invalid = invalidValue(ident(c.name), c.type);
      if (invalid) checks.push(invalid(c.name));
    }
    return { read, sql: `(SELECT * FROM ${read})`, fieldColumns, problems: problemsList(checks) };
  }
  const sourceOfField = new Map((sources ?? []).map((src) => [src.path.join("."), src]));
  const typed = columns.flatMap((c) => {
    const mapped = sourceOfField.get(c.name);
    const columnName = mapped?.column ?? c.name;
    if (!csvColumns.includes(columnName)) return [`NULL AS ${ident(`__q_typed:${c.name}`)}`];
    if (c.type.kind === "list" && c.type.element.kind === "record") throw new UsageError(`${c.name} is a list of records, which a CSV cell cannot hold; give JSON Lines or Parquet input`);
    fieldColumns[c.name] = `__q_typed:${c.name}`;
    const typedColumn = ident(`__q_typed:${c.name}`);
    const cell = ident(columnName);
    // A --map value table: a cell that is one of its keys (exactly, or trimmed) takes the mapped value, as the JS path does.
    const map = mapped?.values === undefined ? undefined : mappedCell(cell, c.name, c.type, mapped.values, cellValue(cell, c.type));
    // The cheap test first: most cells convert, and the rest of the test is skipped for them.
    const unmapped = map === undefined ? "" : ` AND NOT ${map.hit}`;
    if (cellCanFail(c.type)) {
      checks.push({ when: `(${typedColumn} IS NULL${unmapped} AND NOT ${cellMissing(cell)})`, problem: problem(c.name, c.type, "wrong", `to_json(${cell})`) });
    }
    const invalid = invalidValue(typedColumn, c.type);
    if (invalid) checks.push(invalid(c.name));
    if (!(c.field.optional || c.field.default !== undefined)) {
      const absent = map === undefined ? cellMissing(cell) : `((NOT ${map.hit} AND ${cellMissing(cell)}) OR (${map.hit} AND ${typedColumn} IS NULL))`;
      checks.push({ when: absent, problem: problem(c.name, c.type, "required", "null") });
    }
    return [`${map?.value ?? cellValue(cell, c.type)} AS ${typedColumn}`];
  });
  for (const c of columns) if (!csvColumns.includes(sourceOfField.get(c.name)?.column ?? c.name)) fieldColumns[c.name] = `__q_typed:${c.name}`;
  const read = csvRelation(path, csvColumns);
  return { read, sql: `(SELECT *, ${typed.join(", ")} FROM ${read})`, fieldColumns, problems: problemsList(checks) };
}

/** A rejected row as `--errors` writes it, from a query's `row`, `input` (JSON text) and `problems` (JSON text). */
function rejectedRow(r: Record<string, unknown>, format: DuckFormat): DuckRun["rejected"][number] {
  const row = Number(r["row"]);
  return {
    row,
    // A CSV row's line counts the header.
    ...(format === "csv" ? { line: row + 1 } : {}),
    input: JSON.parse(String(r["input"])) as Record<string, unknown>,
    errors: JSON.parse(String(r["problems"])) as DuckRun["rejected"][number]["errors"],
  };
}

/**
 * A rejected row's input as JSON, so the error output keeps the row itself:
 * a CSV row as its cells (an empty cell as ""), as the JS path writes it; a
 * JSON Lines or Parquet row as its declared columns by dotted name.
 */
function inputJson(format: DuckFormat, csvColumns: readonly string[], ir: ModelIR): string {
  const names = format === "csv" ? csvColumns : inputColumns(ir.inputs).map((c) => c.name);
  if (names.length === 0) return "CAST('{}' AS JSON)";
  const value = (name: string): string => (format === "csv" ? `coalesce(${ident(name)}, '')` : ident(name));
  return `CAST(json_object(${names.map((name) => `${sqlText(name)}, ${value(name)}`).join(", ")}) AS VARCHAR)`;
}

/**
 * A date or choice that is present but not valid (an impossible date, a value
 * none of the choices match): the query would read it as unknown, while the JS
 * path rejects the row, so it is a problem of the row here too, with the JS
 * path's message. Only top-level values; items of lists are not checked.
 */
function invalidValue(value: string, type: QualType): ((path: string) => { when: string; problem: string }) | undefined {
  if (type.kind !== "date" && type.kind !== "choice") return undefined;
  const read = new InputReader(DIALECTS.duckdb).read(`CAST(${value} AS VARCHAR)`, type);
  const expected = type.kind === "date" ? "date (YYYY-MM-DD or ISO timestamp)" : typeToString(type);
  const phrase = type.kind === "date" ? "a date (YYYY-MM-DD or ISO timestamp)" : expected;
  const why = type.kind === "date" ? "which is not a valid date" : "which matches none of the choices";
  return (path) => ({
    when: `(${value} IS NOT NULL AND ${read} IS NULL)`,
    problem: `json_object('path', ${sqlText(path)}, 'expected', ${sqlText(expected)}, 'value', CAST(${value} AS VARCHAR), 'message', ${sqlText(`${JSON.stringify(path)} should be ${phrase}, but is the text `)} || CAST(to_json(CAST(${value} AS VARCHAR)) AS VARCHAR) || ${sqlText(`, ${why}.`)})`,
  });
}

/** The type as the JS path's "should be ..." sentences name it (compiler/src/lead/issues.ts): "a number", "true or false". */
function expectedPhrase(type: QualType): string {
  if (type.kind === "number") return "a number";
  if (type.kind === "bool") return "true or false";
  return typeToString(type);
}

function problem(path: string, type: QualType, kind: "required" | "wrong", value: string): string {
  const expected = typeToString(type);
  const message = kind === "required" ? `${JSON.stringify(path)} is required (${expected}) but is missing.` : `${JSON.stringify(path)} should be ${expectedPhrase(type)}, but is the text `;
  if (kind === "wrong") return `json_object('path', ${sqlText(path)}, 'expected', ${sqlText(expected)}, 'value', ${value}, 'message', ${sqlText(message)} || CAST(${value} AS VARCHAR) || '.')`;
  return `json_object('path', ${sqlText(path)}, 'expected', ${sqlText(expected)}, 'value', ${value}, 'message', ${sqlText(message)})`;
}

/** The row's problems; the list is built only for a row that has one (most rows have none). */
function problemsList(checks: readonly { when: string; problem: string }[]): string {
  if (checks.length === 0) return "CAST([] AS JSON[])";
  const list = `list_filter([${checks.map((c) => `CASE WHEN ${c.when} THEN ${c.problem} END`).join(", ")}], lambda x: x IS NOT NULL)`;
  return `CASE WHEN ${checks.map((c) => c.when).join(" OR ")} THEN ${list} ELSE CAST([] AS JSON[]) END`;
}

/**
 * Scores a CSV, JSON Lines or Parquet file in embedded DuckDB and writes the
 * scored rows (the input columns, `tier`, each score and `reasons`, as the JS
 * path writes them) to `out`. Pass 1 reads, types, checks and scores every
 * row and writes the rows without problems straight into `out`; pass 2
 * counts the input's rows and, only when some were left out, reads the input
 * again for their problems; pass 3 counts the tiers in `out`. No file is
 * written besides `out`, so nothing is left behind when the process is killed.
 * A row has a problem when a required field is empty, a cell is not its
 * type, a date is impossible or a choice matches none; the rejected ones are
 * listed with their row number, input and the JS path's messages, so every
 * input row is accounted for and the counts add up. Items of lists are not
 * checked.
 */
export async function scoreWithDuckDb(
  ir: ModelIR,
  input: { path: string; format: DuckFormat },
  out: { path: string; format: DuckFormat },
  now: number,
  mapping?: { readonly sources: readonly FieldSource[]; readonly checkHeader: (columns: readonly string[]) => void },
): Promise<DuckRun> {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  try {
    // The default, said here because pass 1 relies on it: rows leave in the input's order.
    await c.run("SET preserve_insertion_order = true");
    // Pushed down, the filter that drops rejected rows re-types every cell for
    // the checks below the projection that types them for scoring: each cell
    // was typed twice. Left where it is, it reads the checks' column.
    await c.run("SET disabled_optimizers = 'filter_pushdown'");
    let csvColumns: string[] = [];
    if (input.format === "csv") {
      csvColumns = (await c.runAndReadAll(csvHeaderQuery(input.path))).getRowObjectsJS().map((r) => String(r["column_name"]));
      mapping?.checkHeader(csvColumns);
    } else if (mapping !== undefined) {
      throw new UsageError("--map with --engine duckdb reads CSV input; name the JSON Lines or Parquet columns as the model's fields, or score with --engine js");
    }
    const source = sourceOf(ir, input.path, input.format, csvColumns, mapping?.sources);
    const query = compileToSql(ir, { dialect: "duckdb", source: `(SELECT *, ${source.problems} AS "__q_problems" FROM ${source.sql})`, now, output: "score", fieldColumns: source.fieldColumns });
    const inputCols = input.format === "csv" ? csvColumns : inputColumns(ir.inputs).map((col) => col.name);
    const columns = [...inputCols.filter((name) => !query.added.includes(name)), ...query.added];
    const scoreIds = new Set(ir.scores.map((sc) => sc.id));
    // CSV cells as the JS path writes them: numbers as JavaScript prints them, no reasons as an empty cell.
    const cellOf = (name: string): string => {
      const col = ident(name);
      if (out.format !== "csv") return col;
      if (scoreIds.has(name)) return `CASE WHEN ${col} = trunc(${col}) AND abs(${col}) < 1e21 THEN CAST(CAST(${col} AS HUGEINT) AS VARCHAR) ELSE CAST(${col} AS VARCHAR) END AS ${col}`;
      if (name === "reasons") return `nullif(${col}, '') AS ${col}`;
      return col;
    };
    const copyFormat = out.format === "csv" ? "FORMAT csv, HEADER true" : out.format === "jsonl" ? "FORMAT json" : "FORMAT parquet";
    // Pass 1 scores and writes in one streaming, parallel pipeline: no
    // temporary table, no staging file, no sort, no row number (a window over
    // all rows would hold them all and run on one thread). DuckDB keeps the
    // input's order (preserve_insertion_order), so rows come out as they went in.
    const copied = await c.runAndReadAll(`COPY (SELECT ${columns.map(cellOf).join(", ")} FROM (${query.sql}) WHERE len("__q_problems") = 0) TO ${sqlText(out.path)} (${copyFormat})`);
    const scored = Number(copied.getRows()[0]?.[0] ?? 0);
    // Pass 2 counts the input's rows (no cell is typed; a Parquet file's
    // count is in its footer). Only when some were left out does it read the
    // input again for their problems: the numbering of the rejected rows is a
    // window over every row, on one thread.
    const read = Number((await c.runAndReadAll(`SELECT count(*) AS n FROM ${source.read}`)).getRows()[0]?.[0] ?? 0);
    const rejected =
      read === scored
        ? []
        : (await c.runAndReadAll(`SELECT row, input, CAST(problems AS VARCHAR) AS problems FROM (SELECT row_number() OVER () AS row, ${inputJson(input.format, csvColumns, ir)} AS input, ${source.problems} AS problems FROM ${source.sql}) WHERE len(problems) > 0 ORDER BY row`))
            .getRowObjectsJS()
            .map((r) => rejectedRow(r, input.format));
    // Pass 3: the tier counts of the summary, from the file just written (its columns are known, so a CSV is not sniffed).
    const written = out.format === "csv" ? csvRelation(out.path, columns) : out.format === "jsonl" ? `read_json(${sqlText(out.path)}, format = 'newline_delimited')` : `read_parquet(${sqlText(out.path)})`;
    const tiers = new Map<string, number>();
    if (scored > 0) {
      for (const r of (await c.runAndReadAll(`SELECT tier, count(*) AS n FROM ${written} GROUP BY tier`)).getRowObjectsJS()) tiers.set(String(r["tier"]), Number(r["n"]));
    }
    return { read, scored, rejected, tiers };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
