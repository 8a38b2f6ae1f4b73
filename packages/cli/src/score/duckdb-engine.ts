import type { ModelIR, QualType } from "@qualify/ir";
import { typeToString } from "@qualify/ir";
import { compileToSql, DIALECTS, inputColumns } from "@qualify/sql";
import { DuckDBInstance } from "@duckdb/node-api";
import { UsageError } from "../exit-codes.js";

/** The file formats `score --engine duckdb` reads and writes. */
export type DuckFormat = "csv" | "jsonl" | "parquet";

/** What one run through DuckDB gave: the counts of the summary, and the rejected rows for `--errors`. */
export interface DuckRun {
  readonly read: number;
  readonly scored: number;
  readonly rejected: readonly { readonly row: number; readonly line?: number; readonly errors: readonly { path: string; expected: string; value: unknown; message: string }[] }[];
  readonly tiers: ReadonlyMap<string, number>;
}

const NUMBER_TEXT = "^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$";

function sqlText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * One CSV cell read as `qualify score` reads it (score/coerce.ts): an empty
 * cell is missing; numbers, bools (true/false/yes/no/1/0/y/n, any case),
 * dates and choices are trimmed; lists are `;`-separated. A cell that does
 * not convert becomes NULL here and a problem for its row.
 */
function cellValue(cell: string, type: QualType): string {
  const t = `trim(${cell})`;
  switch (type.kind) {
    case "number":
      return `CASE WHEN regexp_full_match(${t}, ${sqlText(NUMBER_TEXT)}) THEN CAST(${t} AS DOUBLE) END`;
    case "bool":
      return `CASE WHEN lower(${t}) IN ('true', 'yes', '1', 'y') THEN TRUE WHEN lower(${t}) IN ('false', 'no', '0', 'n') THEN FALSE END`;
    case "text":
      return `CASE WHEN ${t} <> '' THEN ${cell} END`;
    case "list":
      return `CASE WHEN ${t} <> '' THEN list_transform(list_filter(string_split(${t}, ';'), lambda p: trim(p) <> ''), lambda p: ${cellValue("p", type.element)}) END`;
    default:
      return `nullif(${t}, '')`;
  }
}

/** The rows of the input with, for CSV, each declared column typed beside its original text, and a row number. */
function sourceOf(ir: ModelIR, path: string, format: DuckFormat, csvColumns: readonly string[]): { sql: string; fieldColumns: Record<string, string>; problems: string } {
  const columns = inputColumns(ir.inputs);
  const checks: { when: string; problem: string }[] = [];
  const fieldColumns: Record<string, string> = {};
  if (format !== "csv") {
    const types = columns.map((c) => `${sqlText(c.name)}: ${sqlText(DIALECTS.duckdb.columnType(c.type))}`).join(", ");
    const read = format === "parquet" ? `read_parquet(${sqlText(path)})` : `read_json(${sqlText(path)}, format = 'newline_delimited', columns = {${types}})`;
    for (const c of columns) {
      if (!(c.field.optional || c.field.default !== undefined)) checks.push({ when: `${ident(c.name)} IS NULL`, problem: problem(c.name, c.type, "required", "null") });
    }
    return { sql: `(SELECT *, row_number() OVER () AS "__q_row_number" FROM ${read})`, fieldColumns, problems: problemsList(checks) };
  }
  const typed = columns.flatMap((c) => {
    if (!csvColumns.includes(c.name)) return [`NULL AS ${ident(`__q_typed:${c.name}`)}`];
    if (c.type.kind === "list" && c.type.element.kind === "record") throw new UsageError(`${c.name} is a list of records, which a CSV cell cannot hold; give JSON Lines or Parquet input`);
    fieldColumns[c.name] = `__q_typed:${c.name}`;
    const cell = ident(c.name);
    const value = cellValue(cell, c.type);
    checks.push({ when: `(trim(${cell}) <> '' AND ${ident(`__q_typed:${c.name}`)} IS NULL)`, problem: problem(c.name, c.type, "wrong", `to_json(${cell})`) });
    if (!(c.field.optional || c.field.default !== undefined)) checks.push({ when: `coalesce(trim(${cell}), '') = ''`, problem: problem(c.name, c.type, "required", "null") });
    return [`${value} AS ${ident(`__q_typed:${c.name}`)}`];
  });
  for (const c of columns) if (!csvColumns.includes(c.name)) fieldColumns[c.name] = `__q_typed:${c.name}`;
  const read = `read_csv(${sqlText(path)}, header = true, all_varchar = true)`;
  return { sql: `(SELECT *, ${typed.join(", ")}, row_number() OVER () AS "__q_row_number" FROM ${read})`, fieldColumns, problems: problemsList(checks) };
}

function problem(path: string, type: QualType, kind: "required" | "wrong", value: string): string {
  const expected = typeToString(type);
  const message = kind === "required" ? `${JSON.stringify(path)} is required (${expected}) but is missing.` : `${JSON.stringify(path)} should be ${expected}, but is the text `;
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
 * path writes them) to `out`. Two steps over one scored temporary table:
 * rows with problems (a required field empty, a cell that is not its type)
 * go to the rejected list with their row number, the others to `out`, so
 * every input row is accounted for and the counts add up. Choice and date
 * values that are not valid read as unknown here (the JS path rejects them).
 */
export async function scoreWithDuckDb(ir: ModelIR, input: { path: string; format: DuckFormat }, out: { path: string; format: DuckFormat }, now: number): Promise<DuckRun> {
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  try {
    let csvColumns: string[] = [];
    if (input.format === "csv") {
      const described = await c.runAndReadAll(`DESCRIBE SELECT * FROM read_csv(${sqlText(input.path)}, header = true, all_varchar = true)`);
      csvColumns = described.getRowObjectsJS().map((r) => String(r["column_name"]));
    }
    const source = sourceOf(ir, input.path, input.format, csvColumns);
    const query = compileToSql(ir, { dialect: "duckdb", source: `(SELECT *, ${source.problems} AS "__q_problems" FROM ${source.sql})`, now, output: "score", fieldColumns: source.fieldColumns });
    await c.run(`CREATE TEMP TABLE scored AS ${query.sql}`);
    const inputCols = input.format === "csv" ? csvColumns : inputColumns(ir.inputs).map((col) => col.name);
    const keep = inputCols.filter((name) => !query.added.includes(name));
    const scoreIds = new Set(ir.scores.map((sc) => sc.id));
    // CSV cells as the JS path writes them: numbers as JavaScript prints them, no reasons as an empty cell.
    const cellOf = (name: string): string => {
      const col = ident(name);
      if (out.format !== "csv") return col;
      if (scoreIds.has(name)) return `CASE WHEN ${col} = trunc(${col}) AND abs(${col}) < 1e21 THEN CAST(CAST(${col} AS HUGEINT) AS VARCHAR) ELSE CAST(${col} AS VARCHAR) END AS ${col}`;
      if (name === "reasons") return `nullif(${col}, '') AS ${col}`;
      return col;
    };
    const select = [...keep, ...query.added].map(cellOf).join(", ");
    const copyFormat = out.format === "csv" ? "FORMAT csv, HEADER true" : out.format === "jsonl" ? "FORMAT json" : "FORMAT parquet";
    await c.run(`COPY (SELECT ${select} FROM scored WHERE len("__q_problems") = 0 ORDER BY "__q_row_number") TO ${sqlText(out.path)} (${copyFormat})`);
    const counts = (await c.runAndReadAll(`SELECT count(*) AS n, count(*) FILTER (WHERE len("__q_problems") = 0) AS ok FROM scored`)).getRowObjectsJS()[0] ?? {};
    const tiers = new Map<string, number>();
    for (const r of (await c.runAndReadAll(`SELECT tier, count(*) AS n FROM scored WHERE len("__q_problems") = 0 GROUP BY tier`)).getRowObjectsJS()) tiers.set(String(r["tier"]), Number(r["n"]));
    const rejected = (await c.runAndReadAll(`SELECT "__q_row_number" AS row, CAST("__q_problems" AS VARCHAR) AS problems FROM scored WHERE len("__q_problems") > 0 ORDER BY row`))
      .getRowObjectsJS()
      .map((r) => ({ row: Number(r["row"]), ...(input.format === "csv" ? { line: Number(r["row"]) + 1 } : {}), errors: JSON.parse(String(r["problems"])) as DuckRun["rejected"][number]["errors"] }));
    return { read: Number(counts["n"] ?? 0), scored: Number(counts["ok"] ?? 0), rejected, tiers };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
