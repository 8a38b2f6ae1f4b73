import { isSearchableModelFile, ModelFileError, modelFormatFor, readModelFile } from "qualify/node";
import {
  countSeverities,
  diagnosticJson,
  githubAnnotation,
  plural,
  printTextDiagnostics,
  problemSummary,
} from "../diagnostics-format.js";
import type { DiagnosticFormat, FileDiagnostics } from "../diagnostics-format.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { ExitCodeValue } from "../exit-codes.js";
import { findFiles } from "../find-files.js";
import type { Output } from "../output.js";

/** Options of `qualify check`. */
export interface CheckCommandOptions {
  readonly format: DiagnosticFormat;
  /** Warnings fail the run too. */
  readonly strict: boolean;
}

/**
 * `qualify check [paths...]`: parses and checks every model file found (a
 * directory is searched recursively). One line when all is well; otherwise the
 * diagnostics and a summary line. Exit 1 on errors (or warnings with --strict).
 */
export async function runCheck(paths: readonly string[], options: CheckCommandOptions, output: Output): Promise<ExitCodeValue> {
  // A file named explicitly may be any model form (a saved IR .json too); directories yield only searchable forms.
  const files = await findFiles(paths.length > 0 ? paths : ["."], (p) => isSearchableModelFile(p) || isExplicit(p, paths), { one: "a model file", many: "model files" });
  const results: FileDiagnostics[] = [];
  for (const file of files) {
    try {
      const model = await readModelFile(file);
      results.push({ file, source: model.source, diagnostics: model.diagnostics });
    } catch (error) {
      if (error instanceof ModelFileError) throw new UsageError(error.message);
      throw error;
    }
  }

  const all = results.flatMap((r) => r.diagnostics);
  const { errors, warnings } = countSeverities(all);
  if (options.format === "json") {
    output.line(
      JSON.stringify(
        {
          files: results.map((r) => ({ file: r.file, diagnostics: r.diagnostics.map((d) => diagnosticJson(d, r.file)) })),
          errors,
          warnings,
        },
        null,
        2,
      ),
    );
  } else if (options.format === "github") {
    for (const r of results) for (const d of r.diagnostics) output.line(githubAnnotation(d, r.file));
  } else {
    for (const r of results) printTextDiagnostics(output, r);
    if (errors + warnings > 0) {
      const withProblems = results.filter((r) => r.diagnostics.length > 0).length;
      const summary = `${problemSummary(errors, warnings)} in ${plural(withProblems, "file")} (${plural(files.length, "file")} checked)`;
      output.line(errors > 0 ? output.color.red(output.color.bold(`✖ ${summary}`)) : output.color.yellow(`⚠ ${summary}`));
    } else {
      const where = paths.length > 0 ? paths.join(" ") : ".";
      output.line(output.color.green(`✔ ${plural(files.length, "file")} checked: no problems. Next: qualify test ${where}`));
    }
  }
  return errors > 0 || (options.strict && warnings > 0) ? ExitCode.findings : ExitCode.ok;
}

function isExplicit(path: string, given: readonly string[]): boolean {
  return given.includes(path) && modelFormatFor(path) !== undefined;
}
