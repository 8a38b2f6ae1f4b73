import { existsSync } from "node:fs";
import { exportJsonLogic } from "@qualify/import";
import { Option } from "commander";
import type { Command } from "commander";
import { writeFileAtomic } from "../atomic-writer.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { ExitCodeValue } from "../exit-codes.js";
import { loadModelForCommand } from "../load-model.js";
import type { Output } from "../output.js";

/** Options of `qualify export`. */
export interface ExportCommandOptions {
  readonly to: "jsonlogic";
  /** Where to write (`-` or absent: stdout). */
  readonly output?: string;
  /** Write the declarations that export and list the others, instead of writing nothing. */
  readonly skipRefused: boolean;
  readonly force: boolean;
}

const EXAMPLE = `
Example:
  $ qualify export --to jsonlogic bant.qual -o bant.jsonlogic.json

The output is one JsonLogic rule per criterion and score, by id, and "tier".
A declaration whose meaning would change in JsonLogic (optional fields,
text tests, dates, division by a field) is refused with its position.`;

/**
 * `qualify export --to jsonlogic MODEL [-o file]`: writes the model's
 * criteria, scores and tier as named JsonLogic rules. Any declaration that
 * cannot keep its meaning is listed as `file:line:column: reason`; then
 * nothing is written (exit 1) unless `--skip-refused`.
 */
export async function runExport(modelPath: string, options: ExportCommandOptions, output: Output): Promise<ExitCodeValue> {
  const model = await loadModelForCommand(modelPath, output);
  const result = exportJsonLogic(model.ir);
  for (const r of result.refused) {
    const where = r.range === undefined ? modelPath : `${modelPath}:${r.range.start.line}:${r.range.start.column}`;
    output.note(`${where}: ${r.declaration} not exported: ${r.reason}`);
  }
  if (result.refused.length > 0 && !options.skipRefused) {
    output.note(`${modelPath}: nothing written; rewrite the declarations above, or pass --skip-refused to export the others`);
    return ExitCode.findings;
  }
  const text = `${JSON.stringify(result.rules, null, 2)}\n`;
  const count = Object.keys(result.rules).length;
  if (options.output === undefined || options.output === "-") {
    output.out.write(text);
    output.note(`exported ${count} rule(s) to stdout`);
  } else {
    if (existsSync(options.output) && !options.force) throw new UsageError(`${options.output} already exists; use --force to replace it`);
    await writeFileAtomic(options.output, text);
    output.note(`wrote ${count} rule(s) to ${options.output}`);
  }
  output.note("next: run the rules with any JsonLogic engine, e.g. jsonLogic.apply(rules.qualified, lead), or import them back with qualify import --from jsonlogic");
  return ExitCode.ok;
}

/** Adds `export` to the program; `set` records the exit code. */
export function registerExportCommand(program: Command, output: Output, set: (code: ExitCodeValue) => void): void {
  program
    .command("export")
    .description("write a model's criteria, scores and tier as JsonLogic rules, where the meaning survives")
    .argument("<model>", "the model file")
    .addOption(new Option("--to <format>", "the format to write").choices(["jsonlogic"]).makeOptionMandatory())
    .option("-o, --output <file>", "where to write, or - for stdout (default: stdout)")
    .option("--skip-refused", "export the declarations that keep their meaning and list the others", false)
    .option("--force", "replace the output file if it exists", false)
    .addHelpText("after", EXAMPLE)
    .action(async (model: string, opts: ExportCommandOptions) => {
      set(await runExport(model, opts, output));
    });
}
