import type { Diagnostic, SourceRange, Suggestion } from "@qualify/ir";

/**
 * The stable codes of the data form (QUAL6xx). Expression and checker
 * diagnostics inside a data file keep their own codes (QUAL1xx-5xx).
 */
export const DataCode = {
  /** The text is not well-formed YAML or JSON. */
  Syntax: "QUAL600",
  /** A key that the schema does not know (usually a typo). */
  UnknownKey: "QUAL601",
  /** A value of the wrong kind: text where a number belongs, a list where a mapping belongs. */
  WrongType: "QUAL602",
  /** A required key is missing. */
  MissingKey: "QUAL603",
  /** A value of the right kind that is still not allowed: an unknown type name, a reserved word, an empty expression. */
  InvalidValue: "QUAL604",
  /** A declaration without a kind key (`criterion`, `tier`, ...) or with more than one. */
  DeclarationKind: "QUAL605",
  /** Keys that exclude each other, such as `when` and `otherwise` on one tier. */
  ConflictingKeys: "QUAL606",
  /** The file holds no document, or more than one. */
  DocumentShape: "QUAL607",
  /** The same key twice in one mapping. */
  DuplicateKey: "QUAL608",
  /** The file is larger, or nested deeper, than the limits allow. */
  TooLarge: "QUAL609",
  /** A bug in the data form's reader, reported instead of thrown. */
  Internal: "QUAL699",
} as const;

/** One of the data form's diagnostic codes. */
export type DataCode = (typeof DataCode)[keyof typeof DataCode];

/** Builds an error diagnostic of the data form. */
export function dataError(
  code: DataCode,
  message: string,
  range: SourceRange,
  file: string | undefined,
  suggestion?: Suggestion,
): Diagnostic {
  return {
    code,
    severity: "error",
    message,
    range,
    ...(file === undefined ? {} : { file }),
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

/** Orders diagnostics by position, then by code, so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.code.localeCompare(b.code),
  );
}
