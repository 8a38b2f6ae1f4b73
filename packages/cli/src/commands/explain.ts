import { InvalidLeadError } from "@qualify/compiler";
import type { EvaluationResult } from "@qualify/ir";
import { renderExplanation } from "qualify";
import { ExitCode, UsageError } from "../exit-codes.js";
import { leadFromRow } from "./lead-from-row.js";
import type { ExitCodeValue } from "../exit-codes.js";
import { parseNowOption, readLeadOption } from "../lead-input.js";
import { loadModelForCommand } from "../load-model.js";
import type { Output } from "../output.js";

/** Options of `qualify explain`. */
export interface ExplainCommandOptions {
  /** Inline JSON, `-` or a JSON file. */
  readonly lead?: string;
  /** A CSV or JSON Lines file to take the lead from, with `row` (and `map`, as `score` reads it). */
  readonly in?: string;
  readonly row?: string;
  readonly map?: string;
  readonly now?: string;
  /** Print the raw result JSON instead of the breakdown. */
  readonly json: boolean;
}

/**
 * `qualify explain model.qual --lead ...`: evaluates one lead and prints a
 * readable breakdown (tier, scores with the rules that fired, caps, criteria,
 * knockouts, and the questions that would settle what is unknown), or the raw
 * result with `--json`. An invalid lead prints its issues and exits 1.
 */
export async function runExplain(modelPath: string, options: ExplainCommandOptions, output: Output): Promise<ExitCodeValue> {
  const now = parseNowOption(options.now);
  if ((options.lead === undefined) === (options.in === undefined)) throw new UsageError("give the lead with --lead JSON|file|-, or a row of a file with --in FILE --row N");
  if (options.in === undefined && (options.row !== undefined || options.map !== undefined)) throw new UsageError("--row and --map go with --in FILE");
  const row = options.in === undefined ? undefined : parseRow(options.row);
  const inline = options.lead === undefined ? undefined : await readLeadOption(options.lead);
  const model = await loadModelForCommand(modelPath, output);
  const lead = options.in === undefined ? inline : await leadFromRow(model.ir, { file: options.in, row: row as number, ...(options.map === undefined ? {} : { map: options.map }) });
  if (options.in !== undefined) output.note(`row ${row} of ${options.in}${options.map === undefined ? "" : `, read through ${options.map}`}: ${JSON.stringify(lead)}`);
  let result: EvaluationResult;
  try {
    result = model.compiled.evaluate(lead, now === undefined ? {} : { now });
  } catch (error) {
    if (!(error instanceof InvalidLeadError)) throw error;
    output.note(`The lead is not valid for ${model.ir.id}:`);
    for (const issue of error.issues) output.note(`  ${issue.path || "(lead)"}: ${issue.message}`);
    return ExitCode.findings;
  }
  if (options.json) output.line(JSON.stringify(result, null, 2));
  else output.line(renderExplanation(model.ir, result, output.color));
  return ExitCode.ok;
}

function parseRow(text: string | undefined): number {
  if (text === undefined) throw new UsageError("--in needs --row N: the data row to explain (1 is the first row after the header)");
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--row must be a whole number from 1, not ${JSON.stringify(text)}`);
  return n;
}
