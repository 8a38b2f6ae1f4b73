import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "@qualify/ir";
import { LineMap, hasErrors } from "@qualify/ir";
import { parse } from "@qualify/language";
import { fromData } from "../convert/from-data.js";
import { toData } from "../convert/to-data.js";
import { QUAL_MODEL_SCHEMA_ID } from "../schema/schema-id.js";
import { DataCode, dataError } from "../diagnostics/codes.js";

/** What a model file can be converted to. */
export type ConvertTarget = "qual" | "yaml" | "json";

/** What {@link convertModelFile} returns. It does not write anything. */
export interface ConvertFileResult {
  /** The converted text; absent when the source could not be read or has syntax errors. */
  text?: string;
  /** Where the converted model would naturally go: `bant.qual` <-> `bant.qual.yaml` / `bant.qual.json`. */
  outputPath: string;
  diagnostics: Diagnostic[];
}

/** Options of {@link convertModelFile}. */
export interface ConvertFileOptions {
  /** Where the result will be written (default: {@link ConvertFileResult.outputPath});  */
  readonly outputPath?: string;
}

/** The published JSON Schema file of the data form (the same place from src/node and dist/node). */
export const SCHEMA_FILE = fileURLToPath(new URL("../../schema/qual-model.schema.json", import.meta.url));

type SourceKind = "qual" | "yaml" | "json";

function sourceKind(path: string): SourceKind {
  if (/\.(ya?ml)$/i.test(path)) return "yaml";
  if (/\.json$/i.test(path)) return "json";
  return "qual";
}

/** The default output path of a conversion. */
export function defaultOutputPath(path: string, to: ConvertTarget): string {
  const base = path.replace(/\.qual\.(ya?ml|json)$/i, ".qual").replace(/\.(ya?ml|json)$/i, "");
  const qual = base.endsWith(".qual") ? base : `${base}.qual`;
  return to === "qual" ? qual : `${qual}.${to}`;
}

/**
 * Reads a model file (`.qual`, `.qual.yaml`/`.yml` or `.qual.json`) and
 * converts it to another form. A file that cannot be read gives a QUAL600
 * diagnostic; syntax errors stop the conversion; checker errors do not (a
 * conversion keeps the model's meaning, mistakes included). Never throws.
 */
export function convertModelFile(path: string, to: ConvertTarget, options: ConvertFileOptions = {}): ConvertFileResult {
  const outputPath = options.outputPath ?? defaultOutputPath(path, to);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "it does not exist" : (error as Error).message;
    return { outputPath, diagnostics: [dataError(DataCode.Syntax, `cannot read ${path}: ${reason}`, new LineMap("").range(0, 0), path)] };
  }
  const from = sourceKind(path);
  if (from === "qual") {
    const parsed = parse(text, { file: path });
    if (to === "qual") return { text, outputPath, diagnostics: parsed.diagnostics };
    if (hasErrors(parsed.diagnostics)) return { outputPath, diagnostics: parsed.diagnostics };
    return { text: toData(parsed.ast, to, { schema: QUAL_MODEL_SCHEMA_ID, source: text }), outputPath, diagnostics: parsed.diagnostics };
  }
  const converted = fromData(text, { file: path, format: from });
  if (to === "qual" || converted.text === undefined) {
    return { ...(converted.text === undefined ? {} : { text: converted.text }), outputPath, diagnostics: converted.diagnostics };
  }
  // Data to the other data form goes through the syntax tree of the canonical text, so it is normalised on the way.
  const reparsed = parse(converted.text, { file: outputPath });
  return { text: toData(reparsed.ast, to, { schema: QUAL_MODEL_SCHEMA_ID, source: converted.text }), outputPath, diagnostics: converted.diagnostics };
}
