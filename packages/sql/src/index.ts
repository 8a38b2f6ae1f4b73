/**
 * @qualify/sql: compiles a checked Qual model (its IR) to one SQL SELECT for
 * DuckDB or PostgreSQL that yields, for every input row, the tier, scores,
 * criteria, knockouts, raw sums and reasons the closures give.
 */
export { compileToSql, DIALECTS, rawColumn, relationName } from "./compile-model.js";
export type { SqlOptions, SqlQuery } from "./compile-model.js";
export type { Dialect, DialectName } from "./dialect.js";
export { SqlCompileError } from "./errors.js";
export type { SqlDiagnostic } from "./errors.js";
export { InputReader, inputColumns } from "./input-columns.js";
export type { InputColumn } from "./input-columns.js";
export { DATE_PATTERN } from "./date-text.js";
export { ident, numberText, textLiteral } from "./sql-text.js";
export { JS_WHITESPACE } from "./dialects/js-whitespace.js";
