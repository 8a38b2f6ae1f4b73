import { printDiagnostic } from "@qualify/language";
import type { EvaluationResult, ModelIR } from "@qualify/ir";
import { computeCoverage, runFixtureFile } from "qualify/node";
import type { CaseResult, CoverageReport, FixtureRun, ModelFile } from "qualify/node";
import { ExitCode } from "../exit-codes.js";
import type { ExitCodeValue } from "../exit-codes.js";
import { findFiles } from "../find-files.js";
import type { Output } from "../output.js";

/** Options of `qualify test`. */
export interface TestCommandOptions {
  /** Report the outcomes no case exercised. */
  readonly coverage: boolean;
}

/** True for fixture files (`*.test.yaml`, `*.test.yml`). */
export function isFixtureFile(path: string): boolean {
  return /\.test\.ya?ml$/i.test(path);
}

/**
 * `qualify test [paths...]`: runs every fixture file found; prints each
 * failing case with expected against actual, the fixture and model problems,
 * optionally coverage, and ends with the line `N passed, M failed`.
 * A fixture file with errors of its own (bad YAML, a misspelled key, a `now:`
 * that is not a date) and no failing case counts as one failure, so it never
 * passes silently; a case whose lead has a key the model does not declare
 * fails, with the key's line and the field it probably meant.
 */
export async function runTest(paths: readonly string[], options: TestCommandOptions, output: Output): Promise<ExitCodeValue> {
  const files = await findFiles(paths.length > 0 ? paths : ["."], isFixtureFile, { one: "a test file (*.test.yaml)", many: "test files (*.test.yaml)" });
  const models = new Map<string, Promise<ModelFile>>();
  const runs: FixtureRun[] = [];
  let passed = 0;
  let failed = 0;
  for (const file of files) {
    const run = await runFixtureFile(file, { models });
    runs.push(run);
    printRunProblems(run, output);
    for (const result of run.cases) {
      if (result.passed) passed++;
      else {
        failed++;
        printFailure(run.file, result, output);
      }
    }
    // A fixture with errors (bad YAML, a misspelled key) must not pass just because no case failed.
    const fileErrors = run.diagnostics.some((d) => d.severity === "error");
    if (fileErrors && run.cases.every((c) => c.passed)) {
      failed++;
      const why = run.cases.length === 0 ? "the test file could not run" : "the test file has errors";
      output.line(`${output.color.red("FAIL")} ${run.file}: ${why}`);
    }
  }
  if (options.coverage) printCoverage(runs, output);
  // Plain, even on a terminal: scripts match this last line exactly.
  output.line(`${passed} passed, ${failed} failed`);
  return failed > 0 ? ExitCode.findings : ExitCode.ok;
}

function printRunProblems(run: FixtureRun, output: Output): void {
  for (const d of run.diagnostics) {
    output.line(printDiagnostic(d, run.source, { file: d.file ?? run.file, color: output.useColor }));
  }
  if (run.modelDiagnostics && run.modelFile) {
    for (const d of run.modelDiagnostics.diagnostics) {
      output.line(printDiagnostic(d, run.modelDiagnostics.source, { file: d.file ?? run.modelFile, color: output.useColor }));
    }
  }
}

function printFailure(file: string, result: CaseResult, output: Output): void {
  const where = `${file}:${result.range.start.line}`;
  output.line(`${output.color.red("FAIL")} ${where} ${output.color.bold(result.name)}`);
  if (result.error !== undefined) for (const line of result.error.split("\n")) output.line(`  ${line}`);
  for (const d of result.differences) {
    output.line(`  ${d.path}: expected ${output.color.green(show(d.expected))}, got ${output.color.red(show(d.actual))}`);
  }
}

/** Values as a person reads them in a diff: JSON, with absent and unknown spelled out. */
function show(value: unknown): string {
  if (value === undefined) return "(absent)";
  if (value === null) return "null (unknown)";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ")}]`;
  return JSON.stringify(value);
}

function printCoverage(runs: readonly FixtureRun[], output: Output): void {
  // Several fixture files may test one model: coverage is per model, over all their cases.
  const byModel = new Map<string, { ir: ModelIR; results: EvaluationResult[] }>();
  for (const run of runs) {
    if (run.ir === undefined || run.modelFile === undefined) continue;
    const entry = byModel.get(run.modelFile) ?? { ir: run.ir, results: [] };
    for (const c of run.cases) if (c.result) entry.results.push(c.result);
    byModel.set(run.modelFile, entry);
  }
  for (const [modelFile, { ir, results }] of byModel) printModelCoverage(modelFile, computeCoverage(ir, results), output);
}

function printModelCoverage(modelFile: string, report: CoverageReport, output: Output): void {
  const percent = report.total === 0 ? 100 : (100 * report.covered) / report.total;
  output.line(`coverage ${modelFile}: ${report.covered}/${report.total} outcomes (${percent.toFixed(1)}%)`);
  for (const item of report.items) {
    if (item.missing.length === 0) continue;
    const never = item.missing.map((o) => (o === "true" ? (item.kind === "tier" ? "chosen" : "true") : o)).join(", ");
    output.line(`  ${item.kind} ${item.id}: never ${never}`);
  }
}
