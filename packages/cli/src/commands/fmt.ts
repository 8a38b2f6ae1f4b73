import { format, printDiagnostic } from "@qualify/language";
import { readText, ModelFileError } from "qualify/node";
import { writeFileAtomic } from "../atomic-writer.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { ExitCodeValue } from "../exit-codes.js";
import { findFiles } from "../find-files.js";
import { layoutDiff } from "../layout-diff.js";
import type { Output } from "../output.js";

/** Options of `qualify fmt`. */
export interface FmtCommandOptions {
  /** List files whose layout differs and exit 1, without writing. */
  readonly check: boolean;
  /** With check: also print a unified diff of what `fmt` would change. */
  readonly diff?: boolean;
}

/** True for Qual source files, the ones `fmt` lays out. */
export function isQualSource(path: string): boolean {
  return path.toLowerCase().endsWith(".qual");
}

/**
 * `qualify fmt [paths...]`: rewrites Qual files in the canonical layout and
 * lists the files it changed. With `--check` it only lists the files that
 * differ and exits 1 when there are any; `--diff` also shows how. A file with syntax errors is left
 * alone; its errors are printed and the run exits 1. `-` formats stdin to stdout.
 */
export async function runFmt(paths: readonly string[], options: FmtCommandOptions, output: Output): Promise<ExitCodeValue> {
  // --diff alone means "show me", never "rewrite my files".
  if (options.diff === true) options = { ...options, check: true };
  if (paths.length === 1 && paths[0] === "-") return formatStdin(options, output);
  const files = await findFiles(paths.length > 0 ? paths : ["."], isQualSource, { one: "a Qual file (*.qual)", many: "Qual files (*.qual)" });
  let differing = 0;
  let broken = 0;
  for (const file of files) {
    let source: string;
    try {
      source = await readText(file);
    } catch (error) {
      throw error instanceof ModelFileError ? new UsageError(error.message) : error;
    }
    const result = format(source);
    if (result.text === undefined) {
      broken++;
      for (const d of result.diagnostics) {
        output.line(printDiagnostic(d, source, { file: d.file ?? file, color: output.useColor }));
      }
      continue;
    }
    if (result.text === source) continue;
    differing++;
    if (!options.check) await writeFileAtomic(file, result.text);
    output.line(options.diff === true ? layoutDiff(file, source, result.text, output) : file);
  }
  if (broken > 0) output.note(`${broken} file${broken === 1 ? "" : "s"} could not be formatted because of syntax errors`);
  if (options.check && differing > 0) {
    output.note(`${differing} file${differing === 1 ? " is" : "s are"} not formatted; run \`qualify fmt\` to fix`);
  }
  return broken > 0 || (options.check && differing > 0) ? ExitCode.findings : ExitCode.ok;
}

/** `qualify fmt -`: formats stdin to stdout (for editors and pipes); with --check, prints nothing and exits 1 if it differs. */
async function formatStdin(options: FmtCommandOptions, output: Output): Promise<ExitCodeValue> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const source = Buffer.concat(chunks).toString("utf8");
  const result = format(source);
  if (result.text === undefined) {
    for (const d of result.diagnostics) output.note(printDiagnostic(d, source, { file: "<stdin>", color: false }));
    return ExitCode.findings;
  }
  if (options.check) {
    if (options.diff === true && result.text !== source) output.line(layoutDiff("<stdin>", source, result.text, output));
    return result.text === source ? ExitCode.ok : ExitCode.findings;
  }
  output.out.write(result.text);
  return ExitCode.ok;
}
