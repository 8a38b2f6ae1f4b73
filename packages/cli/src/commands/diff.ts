import { DiffCollector, diffHtml, movedLimit } from "@qualify/backtest";
import type { VersionOutcome } from "@qualify/backtest";
import { DISQUALIFIED_TIER } from "@qualify/ir";
import type { EvaluationResult, ModelIR } from "@qualify/ir";
import { writeFileAtomic } from "../atomic-writer.js";
import { outcomeOption } from "./backtest.js";
import { readMapOption, runHistory } from "../backtest/history-run.js";
import type { HistoryOptions } from "../backtest/history-run.js";
import { diffSummary } from "../diff/diff-summary.js";
import { loadModelSpec, parseModelSpec, specName } from "../diff/model-revision.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { ExitCodeValue } from "../exit-codes.js";
import { parseNowOption } from "../lead-input.js";
import type { Output } from "../output.js";
import { mapsForModels } from "../score/model-maps.js";
import { RowScorer } from "../score/row-scorer.js";

/** Options of `qualify diff`. */
export interface DiffCommandOptions extends HistoryOptions {
  readonly label?: string;
  readonly positive?: string;
  readonly join?: string;
  readonly on?: string;
  readonly now?: string;
  readonly nowColumn?: string;
  readonly failIfMoved?: string;
  readonly json?: boolean;
  readonly html?: string;
}

/** The tiers of a model in rank order, best first; `disqualified` last when the model can disqualify. */
function rankedTiers(ir: ModelIR): string[] {
  return [...ir.tiers.map((t) => t.id), ...(ir.disqualify.length > 0 ? [DISQUALIFIED_TIER] : [])];
}

/** One version's outcome of a lead: tier, scores, and the points each rule gave (knockouts 0). */
function versionOutcome(result: EvaluationResult): VersionOutcome {
  const fired = new Map<string, number>();
  for (const r of result.reasons) fired.set(`${r.score}/${r.rule}`, r.points);
  for (const d of result.disqualified) fired.set(`disqualify/${d}`, 0);
  return { tier: result.tier, scores: result.scores, fired };
}

/**
 * `qualify diff OLD NEW --data leads.csv`: scores the same leads with two
 * versions of a model and reports which leads change tier, how scores moved,
 * which rules moved them, and (with `--label`) how the moved leads converted.
 * `--fail-if-moved` turns the diff into a CI check: exit 1 past the limit.
 */
export async function runDiff(oldText: string, newText: string, options: DiffCommandOptions, output: Output): Promise<ExitCodeValue> {
  if (options.now !== undefined && options.nowColumn !== undefined) throw new UsageError("give --now or --now-column, not both");
  if (options.positive !== undefined && options.label === undefined) throw new UsageError("--positive needs --label");
  const outcome = options.label === undefined && options.join === undefined && options.on === undefined ? {} : await outcomeOption(options);
  // Parsed before any work, so a typo fails in a second and not after scoring the file.
  const exceeds = options.failIfMoved === undefined ? undefined : parseLimit(options.failIfMoved);
  const now = parseNowOption(options.now) ?? new Date().toISOString();
  const map = await readMapOption(options);
  const oldSpec = parseModelSpec(oldText);
  const newSpec = parseModelSpec(newText);
  const names = { old: specName(oldSpec), new: specName(newSpec) };
  const before = await loadModelSpec(oldSpec, output);
  const after = await loadModelSpec(newSpec, output);
  const maps = mapsForModels(map, [before.ir, after.ir], options.map);
  const scorers = [before.ir, after.ir].map((ir, i) => {
    const own = maps[i];
    return new RowScorer({ ir, ...(own ? { map: [...own.fields] } : {}), now });
  });
  const oldScores = before.ir.scores.map((s) => s.id);
  const scoreIds = [...oldScores, ...after.ir.scores.map((s) => s.id).filter((id) => !oldScores.includes(id))];
  const collector = new DiffCollector(rankedTiers(before.ir), rankedTiers(after.ir), scoreIds);
  const stats = await runHistory(
    options,
    {
      scorers,
      ...outcome,
      ...(options.nowColumn === undefined ? {} : { nowColumn: options.nowColumn }),
    },
    output,
    (rows) => {
      for (const row of rows) collector.add(versionOutcome(row.results[0] as EvaluationResult), versionOutcome(row.results[1] as EvaluationResult), row.positive);
    },
  );
  const report = collector.report();
  const models = { old: { source: names.old, id: before.ir.id, title: before.ir.title }, new: { source: names.new, id: after.ir.id, title: after.ir.title } };
  if (options.json === true) output.out.write(`${JSON.stringify({ ...report, models, rows: stats }, null, 2)}\n`);
  else for (const line of diffSummary(report, names)) output.line(line);
  if (options.html !== undefined) {
    await writeFileAtomic(options.html, diffHtml(report, `Diff: ${names.old} -> ${names.new}`));
    output.note(`HTML report written to ${options.html}; open it in a browser (it needs no network).`);
  }
  if (report.leads === 0) {
    output.note("No lead was scored by both versions: check --map against the file's columns.");
    return ExitCode.findings;
  }
  if (exceeds && options.failIfMoved !== undefined && exceeds(report.moved, report.leads)) {
    output.note(`qualify diff: ${report.moved} of ${report.leads} leads (${((100 * report.moved) / report.leads).toFixed(1)}%) change tier, more than --fail-if-moved ${options.failIfMoved} allows; exit 1`);
    return ExitCode.findings;
  }
  if (options.failIfMoved !== undefined) output.note(`${report.moved} of ${report.leads} leads change tier: within --fail-if-moved ${options.failIfMoved}.`);
  else {
    const next = [...(options.label === undefined && options.join === undefined ? ["--label COLUMN for the conversion of the moved leads"] : []), ...(options.html === undefined ? ["--html diff.html for the charts"] : []), "--fail-if-moved 5% to fail CI when too many leads move"];
    output.note(`Next: add ${next.join(", or ")}.`);
  }
  return ExitCode.ok;
}

function parseLimit(text: string): (moved: number, total: number) => boolean {
  try {
    return movedLimit(text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
