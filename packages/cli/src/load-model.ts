import { compile } from "@qualify/compiler";
import type { CompiledModel } from "@qualify/compiler";
import { hasErrors } from "@qualify/ir";
import type { ModelIR } from "@qualify/ir";
import { printDiagnostic } from "@qualify/language";
import { ModelFileError, readModelFile } from "qualify/node";
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
