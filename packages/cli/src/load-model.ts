import { compile } from "@qualify/compiler";
import type { CompiledModel } from "@qualify/compiler";
import { hasErrors } from "@qualify/ir";
import type { ModelIR } from "@qualify/ir";
import { printDiagnostic } from "@qualify/language";
import { MODEL_FORMATS, ModelFileError, modelFormatFor, readModelFile } from "qualify/node";
import type { ModelFile } from "qualify/node";
import { ReportedFailure, UsageError } from "./exit-codes.js";
import type { Output } from "./output.js";

/** A model file that checked without errors. */
export interface LoadedModel {
  readonly file: ModelFile;
  readonly ir: ModelIR;
  readonly compiled: CompiledModel;
}

/**
 * Reads the model a command works on. Diagnostics go to stderr (so `--out -`
 * and `schema` output stay clean); a model with errors stops the command with
 * exit 1, and an unreadable file with exit 2.
 */
export async function loadModelForCommand(path: string, output: Output): Promise<LoadedModel> {
  let file: ModelFile;
  try {
    file = await readModelFile(path);
  } catch (error) {
    if (error instanceof ModelFileError) throw new UsageError(error.message);
    throw error;
  }
  return checkedModel(file, path, output);
}

/**
 * Checks model text that did not come from a file of its own (a git
 * revision, say), as {@link loadModelForCommand} checks a file; `name` is how
 * messages call it (`models/inbound.qual@HEAD~1`) and `formatPath` the file
 * name whose ending says its form.
 */
export function loadModelTextForCommand(source: string, name: string, formatPath: string, output: Output): LoadedModel {
  const format = modelFormatFor(formatPath);
  if (format === undefined) {
    const known = MODEL_FORMATS.flatMap((f) => f.extensions).join(", ");
    throw new UsageError(`${name}: not a model file (expected a name ending in ${known})`);
  }
  const analysis = format.analyze(source, name);
  const file: ModelFile = analysis.ir === undefined ? { file: name, source, format, diagnostics: analysis.diagnostics } : { file: name, source, format, diagnostics: analysis.diagnostics, ir: analysis.ir };
  return checkedModel(file, name, output);
}

function checkedModel(file: ModelFile, path: string, output: Output): LoadedModel {
  const useColor = output.useColor && (output.err as { isTTY?: boolean }).isTTY === true;
  for (const d of file.diagnostics) {
    output.note(printDiagnostic(d, file.source, { file: d.file ?? path, color: useColor }));
  }
  if (file.ir === undefined || hasErrors(file.diagnostics)) {
    const errors = file.diagnostics.filter((d) => d.severity === "error").length;
    output.note(`${path}: the model has ${errors} error${errors === 1 ? "" : "s"}; nothing was done.`);
    throw new ReportedFailure();
  }
  return { file, ir: file.ir, compiled: compile(file.ir) };
}
