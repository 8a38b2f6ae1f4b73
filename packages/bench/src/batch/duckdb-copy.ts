import { DuckDBInstance } from "@duckdb/node-api";
import { csvRelation } from "@qualify/cli";
import { textLiteral } from "@qualify/sql";

/**
 * The floor `qualify score --engine duckdb` is compared with: DuckDB reading
 * the rows and writing them back, with no scoring, through the reader the
 * engine uses (CSV: its dialect, every column named as text, no sniffer;
 * Parquet: the file as it is) and the same writer. Its rate is the ceiling
 * of any scoring through DuckDB on this machine.
 * Usage: node dist/batch/duckdb-copy.js IN.(csv|parquet) OUT.(csv|parquet) [COLUMN...]
 */
const [input, output, ...columns] = process.argv.slice(2);
if (input === undefined || output === undefined) {
  console.error("usage: node dist/batch/duckdb-copy.js IN.(csv|parquet) OUT.(csv|parquet) [COLUMN...]");
  process.exit(2);
}
const read = input.endsWith(".parquet") ? `read_parquet(${textLiteral(input)})` : csvRelation(input, columns);
const format = output.endsWith(".parquet") ? "FORMAT parquet" : "FORMAT csv, HEADER true";
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
await connection.run("SET preserve_insertion_order = true");
await connection.run(`COPY (SELECT * FROM ${read}) TO ${textLiteral(output)} (${format})`);
connection.closeSync();
instance.closeSync();
