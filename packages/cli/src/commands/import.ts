import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { IMPORT_SOURCES, importRules, reportToMarkdown } from "@qualify/import";
import type { ImportSource } from "@qualify/import";
import { Option } from "commander";
import type { Command } from "commander";
import { readText, ModelFileError } from "qualify/node";
import { writeFileAtomic } from "../atomic-writer.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { ExitCodeValue } from "../exit-codes.js";
import type { Output } from "../output.js";

/** Options of `qualify import`. */
export interface ImportCommandOptions {
  readonly from: ImportSource;
  /** Where to write the model (`-` for stdout); default: beside the input (`rules.json` -> `rules.qual`). */
  readonly output?: string;
  readonly force: boolean;
}

const EXAMPLE = `
Example:
  $ qualify import --from jsonlogic rules.json -o rules.qual
  wrote rules.qual and its report rules.import-report.md

The report (Markdown, beside the model) lists every construct not translated
or whose meaning changes, with the reason and its JSON Pointer in the input.`;

/** Where the report of a model goes: `rules.qual` -> `rules.import-report.md`. */
export function reportPathOf(modelPath: string): string {
  return join(dirname(modelPath), `${basename(modelPath).replace(/\.qual$/i, "")}.import-report.md`);
}

/**
 * `qualify import --from jsonlogic|... FILE [-o model.qual]`: translates rules
 * from another engine into a formatted Qual model and writes the import
 * report beside it (also printed on stderr). Exits 1 when nothing could be
 * translated (the report still says why), 0 otherwise.
 */
export async function runImport(file: string, options: ImportCommandOptions, output: Output): Promise<ExitCodeValue> {
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  const text = await readText(file).catch((error: unknown) => {
    throw error instanceof ModelFileError ? new UsageError(error.message) : error;
  });
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const stem = basename(file).replace(/\.json$/i, "");
  const modelPath = options.output ?? join(dirname(file), `${stem}.qual`);
  const result = importRules(options.from, document, { id: stem, sourceName: basename(file) });
  const report = reportToMarkdown(result.report, basename(file));
  const reportPath = reportPathOf(options.output === "-" || options.output === undefined ? join(dirname(file), `${stem}.qual`) : modelPath);
  for (const path of options.output === "-" ? [reportPath] : [modelPath, reportPath]) {
    if (existsSync(path) && !options.force) throw new UsageError(`${path} already exists; use --force to replace it or -o to write elsewhere`);
  }
  output.note(report.trimEnd());
  await writeFileAtomic(reportPath, report);
  if (result.model === undefined) {
    output.note(`\nnothing in ${file} could be translated; wrote the report ${reportPath}`);
    return ExitCode.findings;
  }
  if (options.output === "-") output.out.write(result.model);
  else await writeFileAtomic(modelPath, result.model);
  const where = options.output === "-" ? "the model to stdout" : modelPath;
  output.note(`\nwrote ${where} and its report ${reportPath}`);
  if (result.diagnostics.length > 0) output.note(`the model has ${result.diagnostics.length} finding(s); qualify check shows them`);
  const shown = options.output === "-" ? "the model" : modelPath;
  output.note(
    `next: read the report, then run \`qualify check ${shown}\`, and write fixtures (${shown.replace(/\.qual$/, "")}.test.yaml, see examples/) with cases from the old engine; \`qualify test\` runs them`,
  );
  return ExitCode.ok;
}

/** Adds `import` to the program; `set` records the exit code. */
export function registerImportCommand(program: Command, output: Output, set: (code: ExitCodeValue) => void): void {
  program
    .command("import")
    .description("translate rules from another engine into a Qual model, with a report of what changes")
    .argument("<file>", "the rules, as JSON")
    .addOption(new Option("--from <format>", "the rules' format").choices([...IMPORT_SOURCES]).makeOptionMandatory())
    .option("-o, --output <file>", "where to write the model, or - for stdout (default: beside the input, .qual)")
    .option("--force", "replace the model and report if they exist", false)
    .addHelpText("after", EXAMPLE)
    .action(async (file: string, opts: ImportCommandOptions) => {
      set(await runImport(file, opts, output));
    });
}
