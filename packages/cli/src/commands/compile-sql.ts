import { parseDateText } from "@qualify/compiler";
import type { ModelIR } from "@qualify/ir";
import { compileToSql, relationName, SqlCompileError } from "@qualify/sql";
import type { DialectName } from "@qualify/sql";
import { writeFileAtomic } from "../atomic-writer.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { ExitCodeValue } from "../exit-codes.js";
import { parseNowOption } from "../lead-input.js";
import type { Output } from "../output.js";

/** Options of `qualify compile --target sql`. */
export interface CompileSqlOptions {
  readonly output?: string;
  readonly dialect?: string;
  /** The table (or view) the leads are in; `leads` when absent. */
  readonly table?: string;
  /** Write `CREATE VIEW V AS ...` instead of the bare query. */
  readonly view?: string;
  /** Fix the evaluation time in the query (default: the engine's clock when it runs). */
  readonly now?: string;
}

const DIALECT_NAMES: readonly DialectName[] = ["duckdb", "postgres"];

/**
 * `qualify compile model.qual --target sql --dialect duckdb --table leads`:
 * prints (or writes with -o) one SELECT that scores every row of the table,
 * or with `--view V` a `CREATE VIEW V AS` of it. A model using something the
 * dialect cannot run with the same meaning (a `matches` pattern its regular
 * expressions read differently) is refused with the reason and where it is.
 */
export async function runCompileSql(ir: ModelIR, modelPath: string, options: CompileSqlOptions, output: Output): Promise<ExitCodeValue> {
  const dialect = (options.dialect ?? "duckdb") as DialectName;
  if (!DIALECT_NAMES.includes(dialect)) throw new UsageError(`--dialect must be duckdb or postgres, not ${JSON.stringify(options.dialect)}`);
  const now = parseNowOption(options.now);
  const table = options.table ?? "leads";
  let sql: string;
  try {
    sql = compileToSql(ir, { dialect, source: relationName(table), ...(now !== undefined ? { now: parseDateText(now) as number } : {}) }).sql;
  } catch (error) {
    if (!(error instanceof SqlCompileError)) throw error;
    for (const d of error.diagnostics) {
      const where = d.range ? `${modelPath}:${d.range.start.line}:${d.range.start.column}` : modelPath;
      output.note(`${where}: error ${d.code}: ${d.message}`);
    }
    output.note(`${modelPath}: cannot be compiled to ${dialect} SQL; nothing was written. Change the pattern, or score with the JS engine.`);
    return ExitCode.findings;
  }
  const text = options.view === undefined ? `${sql};\n` : `CREATE VIEW ${relationName(options.view)} AS\n${sql};\n`;
  if (options.output === undefined || options.output === "-") {
    output.out.write(text);
    output.note(`Next: run it in ${dialect === "duckdb" ? "DuckDB" : "PostgreSQL"} over a table "${table}" with one column per input field (see the SQL section of the README).`);
  } else {
    await writeFileAtomic(options.output, text);
    output.note(`wrote ${options.output} (${dialect} SQL of the model "${ir.id}" over ${table}${options.view ? `, as the view ${options.view}` : ""})`);
    output.note(`Next: run it in ${dialect === "duckdb" ? "DuckDB (duckdb < " + options.output + ")" : "PostgreSQL (psql -f " + options.output + ")"}.`);
  }
  return ExitCode.ok;
}
