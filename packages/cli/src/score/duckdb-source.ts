/** The file formats `score --engine duckdb` reads and writes. */
export type DuckFormat = "csv" | "jsonl" | "parquet";

/**
 * The input rows as `score --engine duckdb` reads them, for one file format:
 * each declared field typed into the column the compiled query reads, and
 * the SQL of each row's problems (with the JS path's paths and messages).
 */
export interface DuckSource {
  /** The input as read, to count its rows. */
  readonly read: string;
  /** The rows (a subquery): the input columns to write out, the typed columns, and what the problems read. */
  readonly sql: string;
  /** The typed column of each field, by dotted name, for `compileToSql`'s `fieldColumns`. */
  readonly fieldColumns: Readonly<Record<string, string>>;
  /** The row's problems, a JSON[] (empty for a row that is scored). */
  readonly problems: string;
  /** The columns of `sql` written out before the scores, in order (the JS path's input columns). */
  readonly columns: readonly string[];
  /** How an input column is written out when not as it is (SQL over the scored row, by column name). */
  readonly written?: Readonly<Record<string, string>>;
  /** A rejected row's input as JSON text, as the JS path writes it in `--errors`. */
  readonly input: string;
  /** Whether the rejected rows carry a line number (a CSV row's counts the header). */
  readonly line: (row: number) => number | undefined;
}
