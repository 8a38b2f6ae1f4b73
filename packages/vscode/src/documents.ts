/**
 * The documents the Qual language server is given: Qual source, the YAML
 * and JSON data form of a model, and fixture files. The data forms keep
 * VS Code's own YAML and JSON languages (their colouring and any YAML or
 * JSON extension keep working); the server reads the format from the name.
 */

/** The VS Code language id of Qual source files. */
export const QUAL_LANGUAGE_ID = "qual";

/** One entry of a document selector, as `vscode-languageclient` takes it. */
export interface QualDocumentFilter {
  readonly language: string;
  readonly pattern?: string;
}

/** The data form of a model in YAML (`*.qual.yaml`, `*.qual.yml`). */
export const DATA_YAML_PATTERN = "**/*.qual.{yaml,yml}";
/** The data form of a model in JSON (`*.qual.json`). */
export const DATA_JSON_PATTERN = "**/*.qual.json";
/** Fixture files: cases with a lead and the expected result (`*.test.yaml`). */
export const FIXTURE_PATTERN = "**/*.test.{yaml,yml}";

/** Every document the server handles, for the client's `documentSelector`. */
export const QUAL_DOCUMENTS: readonly QualDocumentFilter[] = [
  { language: QUAL_LANGUAGE_ID },
  { language: "yaml", pattern: DATA_YAML_PATTERN },
  { language: "json", pattern: DATA_JSON_PATTERN },
  { language: "yaml", pattern: FIXTURE_PATTERN },
];

/** True when a file name is a fixture file, where `qualify.explainLead` applies. */
export function isFixtureFile(fileName: string): boolean {
  return /\.test\.ya?ml$/i.test(fileName);
}
