import { existsSync } from "node:fs";
import { convertModelFile } from "@qualify/data/node";
import type { ConvertTarget } from "@qualify/data/node";
import { hasErrors } from "@qualify/ir";
import { printDiagnostic } from "@qualify/language";
import { Option } from "commander";
import type { Command } from "commander";
import { readText, ModelFileError } from "qualify/node";
import { writeFileAtomic } from "../atomic-writer.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { ExitCodeValue } from "../exit-codes.js";
import type { Output } from "../output.js";

/** Options of `qualify convert`. */
export interface ConvertCommandOptions {
  /** The form to write: `qual`, `yaml` or `json`. */
  readonly to: ConvertTarget;
  /** Where to write (`-` for stdout); default: beside the model (`bant.qual` -> `bant.qual.yaml`). */
  readonly output?: string;
  /** Replace an existing output file. */
  readonly force: boolean;
}

/**
 * `qualify convert <model> --to qual|yaml|json [-o file|-] [--force]`:
 * converts a model between its .qual source and its YAML/JSON data form.
 * Syntax or schema errors stop the conversion (exit 1); errors the checker
 * finds are printed but do not, since conversion keeps the model's meaning,
 * mistakes included. An existing output file is kept unless `--force`.
 */
export async function runConvert(model: string, options: ConvertCommandOptions, output: Output): Promise<ExitCodeValue> {
  if (!existsSync(model)) throw new UsageError(`${model}: no such file`);
  const target = options.output === "-" ? undefined : options.output;
  const result = convertModelFile(model, options.to, target === undefined ? {} : { outputPath: target });
  const source = await readText(model).catch((error: unknown) => {
    throw error instanceof ModelFileError ? new UsageError(error.message) : error;
  });
  // Every diagnostic points into the model file: a second step (YAML to JSON) starts from its canonical text only when the first had no syntax error.
  const useColor = output.useColor && (output.err as { isTTY?: boolean }).isTTY === true;
  for (const d of result.diagnostics) output.note(printDiagnostic(d, source, { file: d.file ?? model, color: useColor }));
  if (result.text === undefined) {
    output.note(`${model}: not converted because of the errors above`);
    return ExitCode.findings;
  }
  if (options.output === "-") {
    output.out.write(result.text);
    return ExitCode.ok;
  }
  if (existsSync(result.outputPath) && !options.force) {
    throw new UsageError(`${result.outputPath} already exists; use --force to replace it or -o to write elsewhere`);
  }
  await writeFileAtomic(result.outputPath, result.text);
  const problems = hasErrors(result.diagnostics) ? " (the model has errors, see above)" : "";
  output.note(`wrote ${result.outputPath}${problems}`);
  return ExitCode.ok;
}

/** Adds `convert` to the program; `set` records the exit code. */
export function registerConvertCommand(program: Command, output: Output, set: (code: ExitCodeValue) => void): void {
  program
    .command("convert")
    .description("convert a model between .qual and its YAML/JSON data form")
    .argument("<model>", "the model file (.qual, .qual.yaml or .qual.json)")
    .addOption(new Option("--to <form>", "the form to write").choices(["qual", "yaml", "json"]).makeOptionMandatory())
    .option("-o, --output <file>", "where to write, or - for stdout (default: beside the model)")
    .option("--force", "replace the output file if it exists", false)
    .action(async (model: string, opts: ConvertCommandOptions) => {
      set(await runConvert(model, opts, output));
    });
}
