import type { Diagnostic } from "@qualify/ir";
import type { SourceDocument } from "../document/parse-document.js";
import validateModel from "../generated/validate-model.js";
import { schemaDiagnostics } from "./schema-diagnostics.js";

/**
 * Checks a parsed data document against the published JSON Schema
 * (schema/qual-model.schema.json) and returns its problems as diagnostics.
 * It runs ajv's standalone validator generated at build time, never ajv's
 * compiler, so it works under a Content Security Policy without `unsafe-eval`.
 */
export function validateDocument(source: SourceDocument): Diagnostic[] {
  if (validateModel(source.value)) return [];
  return schemaDiagnostics(source, validateModel.errors ?? []);
}
