// The qualify CLI as a library: the program, for embedding or testing in-process.
export { createProgram, runProgram, VERSION } from "./program.js";
export { main } from "./main.js";
export { ExitCode, ReportedFailure, UsageError } from "./exit-codes.js";
export type { ExitCodeValue } from "./exit-codes.js";
export { processOutput } from "./output.js";
export type { Output } from "./output.js";
// The DuckDB relation `qualify score --engine duckdb` reads a CSV file through (its dialect, every column as text, no sniffing).
export { csvRelation } from "./score/duckdb-csv-cell.js";
