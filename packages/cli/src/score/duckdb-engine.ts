import type { ModelIR } from "@qualify/ir";
import { DISQUALIFIED_TIER } from "@qualify/ir";
import { compileToSql, ident, textLiteral as sqlText } from "@qualify/sql";
import { DuckDBInstance } from "@duckdb/node-api";
import type { DuckDBConnection } from "@duckdb/node-api";
import { stopOnInterrupt } from "../atomic-writer.js";
import type { FieldSource } from "./field-sources.js";
import { csvHeaderQuery } from "./duckdb-csv-cell.js";
import { csvSource } from "./duckdb-csv-source.js";
import { jsonlSource } from "./duckdb-json-source.js";
import { parquetSource } from "./duckdb-parquet-source.js";
import { jsNumberText } from "./duckdb-problem.js";
import type { DuckFormat, DuckSource } from "./duckdb-source.js";

export type { DuckFormat } from "./duckdb-source.js";

/** What one run through DuckDB gave: the counts of the summary, and the rejected rows for `--errors`. */
export interface DuckRun {
  readonly read: number;
  readonly scored: number;
  readonly rejected: readonly { readonly row: number; readonly line?: number; readonly input: Readonly<Record<string, unknown>>; readonly errors: readonly { path: string; expected: string; value: unknown; message: string }[] }[];
  readonly tiers: ReadonlyMap<string, number>;
}

/** A rejected row as `--errors` writes it, from a query's `row`, `input` (JSON text) and `problems` (JSON text). */
function rejectedRow(r: Record<string, unknown>, source: DuckSource): DuckRun["rejected"][number] {
  const row = Number(r["row"]);
  const line = source.line(row);
  return {
    row,
    ...(line === undefined ? {} : { line }),
    input: JSON.parse(String(r["input"])) as Record<string, unknown>,
    errors: JSON.parse(String(r["problems"])) as DuckRun["rejected"][number]["errors"],
  };
}

/**
 * Runs `work` on `c`, telling `onProgress` DuckDB's own estimate of how much
 * of the query is done (the share of the input read) every 200 ms.
 */
async function withProgress<T>(c: DuckDBConnection, onProgress: ((percent: number) => void) | undefined, work: () => Promise<T>): Promise<T> {
  if (onProgress === undefined) return work();
  // DuckDB tracks a query's progress only with its progress bar on; it must not draw one itself.
  await c.run("SET enable_progress_bar = true");
  await c.run("SET enable_progress_bar_print = false");
  const timer = setInterval(() => {
    const { percentage } = c.progress;
    if (percentage >= 0) onProgress(percentage);
  }, 200);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/**
 * Scores a CSV, JSON Lines or Parquet file in embedded DuckDB and writes the
 * scored rows (the input columns, `tier`, each score and `reasons`, as the JS
 * path writes them) to `out`. Pass 1 reads, types, checks and scores every
 * row, writes the rows without problems straight into `out`, and counts the
 * rows read and the tiers written on the way; only when some rows were left
 * out does pass 2 read the input again for their problems. No file is
 * written besides `out`, so nothing is left behind when the process is killed.
 * A row has a problem when a required field is empty, a value (or an item
 * of a list, or a field of a record in a list) is not its type, a date is
 * impossible or a choice matches none; the rejected ones are listed with
 * their row number, input and the JS path's messages, so every input row is
 * accounted for and the counts add up. `mapping` is the `--map`: CSV columns,
 * JSON Lines keys and Parquet columns renamed, value tables applied.
 */
export async function scoreWithDuckDb(
  ir: ModelIR,
  input: { path: string; format: DuckFormat },
  out: { path: string; format: DuckFormat },
  now: number,
  mapping?: {
    /** Where every field is read from (CSV). */
    readonly sources: readonly FieldSource[];
    /** The fields the map names (JSON Lines and Parquet read only these from other keys or through value tables, as the JS path does). */
    readonly mapped: readonly FieldSource[];
    readonly checkHeader: (columns: readonly string[]) => void;
  },
  run: {
    /** Keep the input's order in `out` (the default); false lets DuckDB write rows as its threads finish them. */
    readonly ordered?: boolean;
    /** Told how far the scoring pass has read, in percent, a few times a second. */
    readonly onProgress?: (percent: number) => void;
  } = {},
): Promise<DuckRun> {
  const ordered = run.ordered ?? true;
  const instance = await DuckDBInstance.create(":memory:");
  const c = await instance.connect();
  const released = stopOnInterrupt(() => c.interrupt());
  try {
    // Rows leave in the input's order unless the caller lets them go in any
    // order: keeping it, DuckDB holds every finished batch that is ahead of
    // the next one to write, and on a large file that grows with the rows
    // (about 0.4 GiB per million rows of the 100-rule model, CSV to CSV).
    await c.run(`SET preserve_insertion_order = ${ordered}`);
    // Pushed down, the filter that drops rejected rows re-types every cell for
    // the checks below the projection that types them for scoring: each cell
    // was typed twice. Left where it is, it reads the checks' column.
    // An `in` over five or more literals is rewritten into a join against the
    // list, and a query with that join reports no progress: the bar would sit
    // at 0% for the whole run. Unrewritten, it scores as fast.
    await c.run("SET disabled_optimizers = 'filter_pushdown,in_clause'");
    let csvColumns: string[] = [];
    if (input.format === "csv") {
      csvColumns = (await c.runAndReadAll(csvHeaderQuery(input.path))).getRowObjectsJS().map((r) => String(r["column_name"]));
      mapping?.checkHeader(csvColumns);
    }
    const parquetColumns = input.format === "parquet" ? (await c.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sqlText(input.path)})`)).getRowObjectsJS().map((r) => String(r["column_name"])) : [];
    const source =
      input.format === "csv"
        ? csvSource(ir, input.path, csvColumns, mapping?.sources)
        : input.format === "jsonl"
          ? jsonlSource(ir, input.path, out.format, mapping?.mapped)
          : parquetSource(ir, input.path, out.format, parquetColumns, mapping?.mapped);
    // Pass 1 also counts the rows it reads and the rows of each tier it
    // writes, each in a sequence that a row advances as it goes by: counting
    // them afterwards read the input and the output once more (1.4 s of 9 s
    // per million rows of the 100-rule model, CSV to CSV).
    const tierIds = [...ir.tiers.map((t) => t.id), DISQUALIFIED_TIER];
    const tierCounters = tierIds.map((_, i) => `__q_tier_${i}`);
    for (const counter of ["__q_read", ...tierCounters]) await c.run(`CREATE TEMP SEQUENCE ${ident(counter)} START 1`);
    const advance = (counter: string): string => `nextval(${sqlText(ident(counter))}) > 0`;
    const counted = `(SELECT * FROM ${source.sql} WHERE ${advance("__q_read")})`;
    const query = compileToSql(ir, { dialect: "duckdb", source: `(SELECT *, ${source.problems} AS "__q_problems" FROM ${counted})`, now, output: "score", fieldColumns: source.fieldColumns });
    const columns = [...source.columns.filter((name) => !query.added.includes(name)), ...query.added];
    const scoreIds = new Set(ir.scores.map((sc) => sc.id));
    // CSV cells as the JS path writes them: numbers as JavaScript prints them, no reasons as an empty cell.
    const cellOf = (name: string): string => {
      const col = ident(name);
      const written = source.written?.[name];
      if (written !== undefined) return `${written} AS ${col}`;
      // The written rows' tiers counted on the way out: above the filter, so only rows without problems.
      if (name === "tier") return `CASE ${col} ${tierIds.map((id, i) => `WHEN ${sqlText(id)} THEN CASE WHEN ${advance(tierCounters[i] as string)} THEN ${col} END`).join(" ")} ELSE ${col} END AS ${col}`;
      if (out.format !== "csv") return col;
      if (scoreIds.has(name)) return `${jsNumberText(col)} AS ${col}`;
      if (name === "reasons") return `nullif(${col}, '') AS ${col}`;
      return col;
    };
    const copyFormat = out.format === "csv" ? "FORMAT csv, HEADER true" : out.format === "jsonl" ? "FORMAT json" : "FORMAT parquet";
    // Pass 1 scores and writes in one streaming, parallel pipeline: no
    // temporary table, no staging file, no sort, no row number (a window over
    // all rows would hold them all and run on one thread). Unless `ordered` is
    // false, DuckDB keeps the input's order, so rows come out as they went in.
    const copied = await withProgress(c, run.onProgress, () => c.runAndReadAll(`COPY (SELECT ${columns.map(cellOf).join(", ")} FROM (${query.sql}) WHERE len("__q_problems") = 0) TO ${sqlText(out.path)} (${copyFormat})`));
    const scored = Number(copied.getRows()[0]?.[0] ?? 0);
    // The rejected rows' numbers below count rows in the input's order.
    if (!ordered) await c.run("SET preserve_insertion_order = true");
    const counts = new Map(
      (await c.runAndReadAll("SELECT sequence_name AS name, last_value AS n FROM duckdb_sequences()")).getRowObjectsJS().map((r) => [String(r["name"]), r["n"] === null ? 0 : Number(r["n"])] as const),
    );
    const read = counts.get("__q_read") ?? 0;
    const tiers = new Map<string, number>();
    tierIds.forEach((id, i) => {
      const n = counts.get(tierCounters[i] as string) ?? 0;
      if (n > 0) tiers.set(id, n);
    });
    // Pass 2, only when some rows were left out, reads the input again for
    // their problems: the numbering of the rejected rows is a window over
    // every row, on one thread.
    const rejected =
      read === scored
        ? []
        : (await c.runAndReadAll(`SELECT row, input, CAST(problems AS VARCHAR) AS problems FROM (SELECT row_number() OVER () AS row, ${source.input} AS input, ${source.problems} AS problems FROM ${source.sql}) WHERE len(problems) > 0 ORDER BY row`))
            .getRowObjectsJS()
            .map((r) => rejectedRow(r, source));
    return { read, scored, rejected, tiers };
  } finally {
    released();
    c.closeSync();
    instance.closeSync();
  }
}
