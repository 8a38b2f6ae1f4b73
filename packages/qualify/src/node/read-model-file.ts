import { readFile } from "node:fs/promises";
import { compile } from "@qualify/compiler";
import type { CompileOptions } from "@qualify/compiler";
import { hasErrors } from "@qualify/ir";
import type { Diagnostic, ModelIR } from "@qualify/ir";
import type { QualModel } from "../compile-model.js";
import { ModelError } from "../model-error.js";
import { MODEL_FORMATS, modelFormatFor } from "./model-formats.js";
import type { ModelFormat } from "./model-formats.js";

/**
 * A model file could not be read at all: it does not exist, is unreadable, or
 * its name says no known model form. The message names the file.
 */
export class ModelFileError extends Error {
  /** The file as given. */
  readonly file: string;

  constructor(file: string, message: string) {
    super(message);
    this.name = "ModelFileError";
    this.file = file;
  }
}

/** A model file read and checked, whatever its form. */
export interface ModelFile {
  readonly file: string;
  readonly source: string;
  readonly format: ModelFormat;
  readonly diagnostics: readonly Diagnostic[];
  /** Present when the model has no error. */
  readonly ir?: ModelIR;
}

/**
 * Reads a model file and checks it; the form is chosen by the file name
 * (`.qual` source, `.json` saved IR, and the YAML/JSON data form once it plugs in).
 * Model errors are returned as diagnostics.
 * @throws ModelFileError when the file cannot be read or its form is unknown.
 */
export async function readModelFile(file: string): Promise<ModelFile> {
  const format = modelFormatFor(file);
  if (format === undefined) {
    const known = MODEL_FORMATS.flatMap((f) => f.extensions).join(", ");
    throw new ModelFileError(file, `${file}: not a model file (expected a name ending in ${known})`);
  }
  const source = await readText(file);
  const analysis = format.analyze(source, file);
  return analysis.ir === undefined
    ? { file, source, format, diagnostics: analysis.diagnostics }
    : { file, source, format, diagnostics: analysis.diagnostics, ir: analysis.ir };
}

/**
 * Reads, checks and compiles a model file.
 * @throws ModelFileError when the file cannot be read; ModelError when the model has errors.
 */
export async function loadModelFile(file: string, options: CompileOptions = {}): Promise<QualModel> {
  const model = await readModelFile(file);
  if (model.ir === undefined || hasErrors(model.diagnostics)) {
    throw new ModelError(model.diagnostics, model.source, file);
  }
  return compile(model.ir, options);
}

/** Reads a UTF-8 text file, turning I/O failures into a {@link ModelFileError} that names the file. */
export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new ModelFileError(file, `${file}: cannot read the file (${describeIoError(error)})`);
  }
}

/** A short, person-readable reason for a file system error. */
export function describeIoError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a directory";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
