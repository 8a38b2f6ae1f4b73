import { backtestHtml, BacktestCollector } from "@qualify/backtest";
import type { Observation } from "@qualify/backtest";
import type { EvaluationResult } from "@qualify/ir";
import { writeFileAtomic } from "../atomic-writer.js";
import { backtestSummary } from "../backtest/backtest-summary.js";
import { readMapOption, runHistory } from "../backtest/history-run.js";
import type { HistoryOptions } from "../backtest/history-run.js";
import type { HistoryRun } from "../backtest/history-rows.js";
import { readJoinedLabel } from "../backtest/joined-label.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { ExitCodeValue } from "../exit-codes.js";
import { parseNowOption } from "../lead-input.js";
import { loadModelForCommand } from "../load-model.js";
import type { Output } from "../output.js";
import { planFieldSources } from "../score/field-sources.js";
import { RowScorer } from "../score/row-scorer.js";

/** Options of `qualify backtest`. */
export interface BacktestCommandOptions extends HistoryOptions {
  /** The outcome column; or `join` and `on`. */
  readonly label?: string;
  /** A file of converted leads (closed deals): a lead converted when its `on` value appears in it. */
  readonly join?: string;
  readonly on?: string;
  readonly positive?: string;
  readonly now?: string;
  readonly nowColumn?: string;
  readonly periodColumn?: string;
  readonly splitAt?: string;
  readonly json?: boolean;
  readonly html?: string;
}

/** The rule ids of a result: points rules that gave points, then knockouts that fired. */
export function firedRules(result: EvaluationResult): string[] {
  return [...result.reasons.map((r) => `${r.score}/${r.rule}`), ...result.disqualified.map((d) => `disqualify/${d}`)];
}

/**
 * `qualify backtest model.qual --data history.csv --label Converted`: scores
 * every row of a history whose outcome is known and reports how well the
 * model's tiers, scores and rules match it.
 */
export async function runBacktest(modelPath: string, options: BacktestCommandOptions, output: Output): Promise<ExitCodeValue> {
  if (options.now !== undefined && options.nowColumn !== undefined) throw new UsageError("give --now or --now-column, not both");
  if (options.splitAt !== undefined && options.periodColumn === undefined) throw new UsageError("--split-at needs --period-column");
  const outcome = await outcomeOption(options);
  const now = parseNowOption(options.now) ?? new Date().toISOString();
  const map = await readMapOption(options);
  const model = await loadModelForCommand(modelPath, output);
  if (map) planFieldSources(model.ir.inputs, map, options.map);
  const scorer = new RowScorer({ ir: model.ir, ...(map ? { map: [...map.fields] } : {}), now });
  const collector = new BacktestCollector(model.ir);
  const scoreIds = model.ir.scores.map((s) => s.id);
  const stats = await runHistory(
    options,
    {
      scorers: [scorer],
      ...outcome,
      ...(options.nowColumn === undefined ? {} : { nowColumn: options.nowColumn }),
      ...(options.periodColumn === undefined ? {} : { periodColumn: options.periodColumn }),
    },
    output,
    (rows) => {
      for (const row of rows) {
        const result = row.results[0] as EvaluationResult;
        const observation: Observation = { tier: result.tier, scores: scoreIds.map((id) => result.scores[id] ?? null), fired: firedRules(result), positive: row.positive === true, period: row.period };
        collector.add(observation);
      }
    },
  );
  const report = collector.report(options.splitAt === undefined ? {} : { splitAt: options.splitAt });
  if (options.json === true) output.out.write(`${JSON.stringify({ ...report, rows: stats }, null, 2)}\n`);
  else for (const line of backtestSummary(report)) output.line(line);
  if (options.html !== undefined) {
    await writeFileAtomic(options.html, backtestHtml(report));
    output.note(`HTML report written to ${options.html}; open it in a browser (it needs no network).`);
  }
  if (report.leads === 0) output.note(`No lead was scored: check ${options.join === undefined ? "--label" : "--on"} and --map against the file's columns.`);
  else if (options.html === undefined && options.json !== true) output.note("Next: add --html report.html for the charts, or --json for the figures in a stable shape; `qualify diff` compares two versions on the same data.");
  return ExitCode.ok;
}

/** Where the outcome comes from: `--label COLUMN [--positive VALUE]`, or `--join FILE --on COLUMN`. */
export async function outcomeOption(options: { readonly label?: string; readonly positive?: string; readonly join?: string; readonly on?: string }): Promise<Pick<HistoryRun, "label" | "join">> {
  if (options.join !== undefined || options.on !== undefined) {
    if (options.label !== undefined) throw new UsageError("give --label or --join, not both: with --join a lead converted when its --on value appears in the joined file");
    if (options.positive !== undefined) throw new UsageError("--positive goes with --label, not --join");
    if (options.join === undefined || options.on === undefined) throw new UsageError("--join FILE and --on COLUMN go together: the column names each lead's key in both files");
    return { join: await readJoinedLabel(options.join, options.on) };
  }
  if (options.label === undefined) throw new UsageError("say how a lead's outcome is known: --label COLUMN (1/0, yes/no, ...), or --join FILE --on COLUMN (converted when its key is in FILE)");
  return { label: { column: options.label, positive: options.positive } };
}
