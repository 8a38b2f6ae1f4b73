import type { SourceRange } from "@qualify/ir";

/** One reason a model cannot be compiled to a dialect's SQL. */
export interface SqlDiagnostic {
  /** Stable code: `SQL001` a `matches` pattern the dialect cannot run identically, `SQL002` a construct the SQL back end does not translate. */
  readonly code: "SQL001" | "SQL002";
  readonly message: string;
  /** Where in the model source, when the IR carries ranges. */
  readonly range?: SourceRange;
}

/** Thrown by {@link compileToSql} when the model uses something the dialect cannot run with the same meaning. */
export class SqlCompileError extends Error {
  constructor(readonly diagnostics: readonly SqlDiagnostic[]) {
    super(diagnostics.map((d) => `${d.code}: ${d.message}`).join("\n"));
    this.name = "SqlCompileError";
  }
}
