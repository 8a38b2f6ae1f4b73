import { once } from "node:events";
import { createReadStream } from "node:fs";
import { describeIoError } from "qualify/node";
import { createAtomicFile } from "../atomic-writer.js";
import type { AtomicFile } from "../atomic-writer.js";
import { assertReadable, describeRejected, rowFormat } from "../commands/score.js";
import { UsageError } from "../exit-codes.js";
import type { Output } from "../output.js";
import { CsvHeaderError } from "../score/csv-records.js";
import { readFieldMap } from "../score/field-map.js";
import type { FieldMap } from "../score/field-sources.js";
import { createProgress } from "../score/progress.js";
import type { RejectedRow } from "../score/score-pipeline.js";
import { scoreHistory } from "./history-rows.js";
import type { HistoryRun, HistoryStats, ScoredHistoryRow } from "./history-rows.js";

/** The reading options `backtest` and `diff` share with `score`. */
export interface HistoryOptions {
  readonly data: string;
  readonly inFormat?: string;
  readonly map?: string;
  readonly errors?: string;
}

/** Reads `--map` when given. */
export async function readMapOption(options: HistoryOptions): Promise<FieldMap | undefined> {
  return options.map === undefined ? undefined : readFieldMap(options.map);
}

/**
 * Streams `--data` through `scoreHistory`, handing each batch of scored rows
 * to `take`. Rejected rows go to `--errors` (JSON Lines; the file appears only
 * when the run completes) or to stderr, as with `qualify score`.
 */
export async function runHistory(
  options: HistoryOptions,
  run: Omit<HistoryRun, "input" | "format" | "reject" | "progress">,
  output: Output,
  take: (rows: readonly ScoredHistoryRow[]) => void,
): Promise<HistoryStats> {
  const format = rowFormat(options.inFormat, options.data, "--in-format", options.data === "-" ? "csv" : undefined);
  if (options.data !== "-") await assertReadable(options.data);
  const files: AtomicFile[] = [];
  const progress = createProgress(output.showProgress);
  const stats: HistoryStats = { read: 0, scored: 0, rejected: 0 };
  try {
    const errorsToStderr = options.errors === "-";
    const errorsFile = options.errors === undefined || errorsToStderr ? undefined : await createAtomicFile(options.errors);
    if (errorsFile) files.push(errorsFile);
    const reject = async (row: RejectedRow): Promise<void> => {
      if (errorsFile) {
        if (!errorsFile.stream.write(`${JSON.stringify(row)}\n`)) await once(errorsFile.stream, "drain");
      } else if (errorsToStderr) output.err.write(`${JSON.stringify(row)}\n`);
      else output.note(describeRejected(row));
    };
    const input = options.data === "-" ? process.stdin : createReadStream(options.data);
    input.setEncoding("utf8");
    for await (const rows of scoreHistory({ ...run, input: input as AsyncIterable<string>, format, reject, progress: (s) => progress.update(s) }, stats)) take(rows);
    progress.stop();
    for (const file of files) await file.commit();
    const where = stats.rejected > 0 ? (errorsFile ? ` (see ${options.errors})` : " (listed above)") : "";
    output.note(`${stats.read} rows read: ${stats.scored} scored, ${stats.rejected} rejected${where}`);
    return stats;
  } catch (error) {
    progress.stop();
    for (const file of files) await file.abort();
    if (error instanceof CsvHeaderError) throw new UsageError(`${options.data}: ${error.message}`);
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: string }).code;
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) throw new UsageError(`${(error as { path?: string }).path ?? options.data}: ${describeIoError(error)}`);
    throw error;
  }
}
