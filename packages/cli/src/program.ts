import { Command, CommanderError, Option } from "commander";
import { runBacktest } from "./commands/backtest.js";
import type { BacktestCommandOptions } from "./commands/backtest.js";
import { runCheck } from "./commands/check.js";
import { runCompile } from "./commands/compile.js";
import { registerConvertCommand } from "./commands/convert.js";
import { runDiff } from "./commands/diff.js";
import type { DiffCommandOptions } from "./commands/diff.js";
import { runExplain } from "./commands/explain.js";
import { runFmt } from "./commands/fmt.js";
import { runLsp } from "./commands/lsp.js";
import { registerExportCommand } from "./commands/export.js";
import { registerImportCommand } from "./commands/import.js";
import { runSchema } from "./commands/schema.js";
import { runScore } from "./commands/score.js";
import type { ScoreCommandOptions } from "./commands/score.js";
import { runTest } from "./commands/test.js";
import { DIAGNOSTIC_FORMATS } from "./diagnostics-format.js";
import type { DiagnosticFormat } from "./diagnostics-format.js";
import { ExitCode, ReportedFailure, UsageError } from "./exit-codes.js";
import { addHelpExamples } from "./help-examples.js";
import type { ExitCodeValue } from "./exit-codes.js";
import type { Output } from "./output.js";

/** The CLI's version, shown by `qualify --version`. */
export const VERSION = "0.1.0";

/**
 * Builds the `qualify` program. Each command's action stores its exit code in
 * `result.code`; commander's own errors (unknown option, missing argument)
 * surface as CommanderError, which {@link runProgram} maps to exit 2.
 */
export function createProgram(output: Output, result: { code: ExitCodeValue }): Command {
  const program = new Command("qualify")
    .description("Check, test, format, compile and run Qual lead-qualification models.")
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void output.out.write(text),
      writeErr: (text) => void output.err.write(text),
    });
  const set = (code: ExitCodeValue) => {
    result.code = code;
  };

  program
    .command("check")
    .description("parse and check models; directories are searched recursively")
    .argument("[paths...]", "model files or directories (default: .)")
    .addOption(new Option("--format <format>", "output format").choices([...DIAGNOSTIC_FORMATS]).default("text"))
    .option("--strict", "fail on warnings too", false)
    .action(async (paths: string[], opts: { format: DiagnosticFormat; strict: boolean }) => {
      set(await runCheck(paths, opts, output));
    });

  program
    .command("test")
    .description("run every *.test.yaml fixture found and report failing cases")
    .argument("[paths...]", "fixture files or directories (default: .)")
    .option("--coverage", "report criteria, rules, knockouts and tiers whose outcomes no case exercised", false)
    .action(async (paths: string[], opts: { coverage: boolean }) => {
      set(await runTest(paths, opts, output));
    });

  program
    .command("fmt")
    .description("rewrite .qual files in the canonical layout")
    .argument("[paths...]", "files or directories (default: .), or - for stdin to stdout")
    .option("--check", "list files that are not formatted and exit 1, writing nothing", false)
    .option("--diff", "with --check (implied): show a unified diff of what fmt would change", false)
    .action(async (paths: string[], opts: { check: boolean; diff: boolean }) => {
      set(await runFmt(paths, opts, output));
    });

  program
    .command("compile")
    .description("write the compiled model (versioned IR) as JSON; refuses models with errors")
    .argument("<model>", "the model file")
    .option("-o, --output <file>", "where to write the IR (default: stdout)")
    .addOption(
      new Option("--target <target>", "ir: the saved IR as JSON; js: a standalone ES module and its .d.ts (needs -o); sql: one SELECT scoring a table")
        .choices(["ir", "js", "sql"])
        .default("ir"),
    )
    .addOption(new Option("--dialect <dialect>", "with --target sql: the SQL dialect (default: duckdb)").choices(["duckdb", "postgres"]))
    .option("--table <name>", "with --target sql: the table or view holding the leads (default: leads)")
    .option("--view <name>", "with --target sql: write CREATE VIEW <name> AS the query")
    .option("--now <iso>", "with --target sql: fix the evaluation time in the query (default: the database clock when it runs)")
    .action(async (model: string, opts: { output?: string; target?: string; dialect?: string; table?: string; view?: string; now?: string }) => {
      set(await runCompile(model, opts, output));
    });

  program
    .command("schema")
    .description("print the JSON Schema of the model's leads")
    .argument("<model>", "the model file")
    .action(async (model: string) => {
      set(await runSchema(model, output));
    });

  program
    .command("explain")
    .description("evaluate one lead and explain the result")
    .argument("<model>", "the model file")
    .option("--lead <json|file|->", "the lead: inline JSON, a JSON file, or - for stdin")
    .option("--in <file>", "take the lead from a CSV or JSON Lines file instead (with --row)")
    .option("--row <n>", "the data row of --in to explain (1 = first row after the header, as score's --errors numbers them)")
    .option("--map <file>", "with --in: the column map, as score reads it")
    .option("--now <iso>", "evaluation time (default: now)")
    .option("--json", "print the raw result JSON", false)
    .action(async (model: string, opts: { lead?: string; in?: string; row?: string; map?: string; now?: string; json: boolean }) => {
      set(await runExplain(model, opts, output));
    });

  program
    .command("score")
    .description("score a CSV or JSON Lines file of leads, streaming")
    .argument("<model>", "the model file")
    .requiredOption("--in <file|->", "leads: .csv or .jsonl, or - for stdin")
    .option("--out <file|->", "scored rows: .csv or .jsonl, or - for stdout (default: -)")
    .addOption(new Option("--in-format <format>", "input format when the name does not say").choices(["csv", "jsonl"]))
    .addOption(new Option("--out-format <format>", "output format when the name does not say").choices(["csv", "jsonl"]))
    .option("--map <file>", "YAML file mapping input columns and values to model fields")
    .option("--errors <file>", "write rejected rows here as JSON Lines (- for JSON Lines on stderr; default: readable text on stderr)")
    .option("--now <iso>", "evaluation time (default: the start of the run)")
    .option("--workers <n>", "score on N worker threads", "1")
    .option("--strict", "exit 1 when any row was rejected", false)
    .option("--force", "replace the --out file if it exists", false)
    .option("--shadow <model>", "also score with this model (a file or FILE@REVISION): shadow_tier, shadow_<score> and shadow_reasons columns beside the live ones")
    .option("--split <p%>", "with --shadow and --id-column: the shadow model decides this share of the leads (assigned, assigned_tier columns)")
    .option("--id-column <column>", "with --split: the lead id whose stable hash assigns each lead to a model")
    .addOption(new Option("--engine <engine>", "js: the closures, streaming (default); duckdb: one SQL query in embedded DuckDB, for large .csv/.jsonl/.parquet files (with --map; rejects the same rows with the same problems)").choices(["js", "duckdb"]))
    .option("--any-order", "with --engine duckdb: write the scored rows in whatever order DuckDB finishes them (faster, and memory stays flat on large files; the default keeps the input's order)", false)
    .action(async (model: string, opts: ScoreCommandOptions) => {
      set(await runScore(model, opts, output));
    });

  program
    .command("backtest")
    .description("score a history of leads whose outcome is known and report how well tiers, scores and rules predict it")
    .argument("<model>", "the model file")
    .requiredOption("--data <file|->", "the history: .csv or .jsonl, or - for CSV on stdin")
    .option("--label <column>", "the column that says whether the lead converted")
    .option("--positive <value>", "the label value that means converted (default: 1, true, yes or won)")
    .option("--join <file>", "instead of --label: a file of converted leads (closed deals, .csv or .jsonl); a lead converted when its --on value is in it")
    .option("--on <column>", "with --join: the key column, named the same in both files")
    .addOption(new Option("--in-format <format>", "input format when the name does not say").choices(["csv", "jsonl"]))
    .option("--map <file>", "YAML file mapping input columns and values to model fields")
    .option("--errors <file>", "write rejected rows here as JSON Lines (- for stderr)")
    .option("--now <iso>", "evaluation time for every row (default: the start of the run)")
    .option("--now-column <column>", "evaluate each row at the date in this column (when the lead was created)")
    .option("--period-column <column>", "a date column: compare score and tier populations before and after --split-at (PSI)")
    .option("--split-at <value>", "where the periods split (default: the median value of --period-column)")
    .option("--json", "print the report as JSON (shape: grammar/backtest.md)", false)
    .option("--html <file>", "also write a self-contained HTML report with charts")
    .action(async (model: string, opts: BacktestCommandOptions) => {
      set(await runBacktest(model, opts, output));
    });

  program
    .command("lsp")
    .description("run the Qual language server on stdin/stdout, for any editor (diagnostics, completion, hover, rename, formatting...)")
    .option("--stdio", "talk LSP over stdin/stdout (the default; accepted because some clients always pass it)", false)
    .action(async () => {
      set(await runLsp(output));
    });

  program
    .command("diff")
    .description("score the same leads with two versions of a model: tier transitions, score changes, the rules that moved leads")
    .argument("<old>", "the old version: a model file, or FILE@REVISION to read it from git (models/inbound.qual@HEAD~1)")
    .argument("<new>", "the new version: a model file or FILE@REVISION")
    .requiredOption("--data <file|->", "the leads: .csv or .jsonl, or - for CSV on stdin")
    .option("--label <column>", "a column saying whether the lead converted: adds the conversion of the moved leads")
    .option("--positive <value>", "the label value that means converted (default: 1, true, yes or won)")
    .option("--join <file>", "instead of --label: a file of converted leads; a lead converted when its --on value is in it")
    .option("--on <column>", "with --join: the key column, named the same in both files")
    .addOption(new Option("--in-format <format>", "input format when the name does not say").choices(["csv", "jsonl"]))
    .option("--map <file>", "YAML file mapping input columns and values to model fields (either version's)")
    .option("--errors <file>", "write rejected rows here as JSON Lines (- for stderr)")
    .option("--now <iso>", "evaluation time for every row (default: the start of the run)")
    .option("--now-column <column>", "evaluate each row at the date in this column")
    .option("--fail-if-moved <n|p%>", "exit 1 when more than N leads (or P% of them) change tier")
    .option("--json", "print the report as JSON (shape: grammar/backtest.md)", false)
    .option("--html <file>", "also write a self-contained HTML report with charts")
    .action(async (oldModel: string, newModel: string, opts: DiffCommandOptions) => {
      set(await runDiff(oldModel, newModel, opts, output));
    });

  registerConvertCommand(program, output, set);
  registerImportCommand(program, output, set);
  registerExportCommand(program, output, set);
  addHelpExamples(program);
  return program;
}

/**
 * Runs the program on `argv` (process.argv shape) and returns the exit code:
 * 0 ok, 1 findings, 2 usage or I/O errors. Never throws for user errors.
 */
export async function runProgram(argv: readonly string[], output: Output): Promise<ExitCodeValue> {
  const result: { code: ExitCodeValue } = { code: ExitCode.ok };
  const program = createProgram(output, result);
  if (argv.length <= 2) {
    program.outputHelp();
    return ExitCode.usage;
  }
  try {
    await program.parseAsync([...argv]);
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage problem.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof UsageError) {
      output.note(`qualify: ${error.message}`);
      return ExitCode.usage;
    }
    if (error instanceof ReportedFailure) return ExitCode.findings;
    throw error;
  }
}
