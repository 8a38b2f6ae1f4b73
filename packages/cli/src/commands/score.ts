import { once } from "node:events";
import { createReadStream, existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { readsEvaluationTime } from "@qualify/ir";
import { describeIoError } from "qualify/node";
import { createAtomicFile } from "../atomic-writer.js";
import type { AtomicFile } from "../atomic-writer.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { ExitCodeValue } from "../exit-codes.js";
import { parseNowOption } from "../lead-input.js";
import { loadModelForCommand } from "../load-model.js";
import type { Output } from "../output.js";
import { loadModelSpec, parseModelSpec } from "../diff/model-revision.js";
import { parseSplit } from "../score/assignment-hash.js";
import { createBatchScorer } from "../score/batch-scorer.js";
import type { BatchScorer } from "../score/batch-scorer.js";
import { checkColumns } from "../score/column-check.js";
import { CsvHeaderError } from "../score/csv-records.js";
import { readFieldMap } from "../score/field-map.js";
import { planFieldSources } from "../score/field-sources.js";
import type { FieldMap, FieldSource } from "../score/field-sources.js";
import { mapsForModels } from "../score/model-maps.js";
import { createPercentProgress, createProgress } from "../score/progress.js";
import { scoreRows } from "../score/score-pipeline.js";
import type { DuckFormat } from "../score/duckdb-engine.js";
import { parseDateText } from "@qualify/compiler";
import { rename, rm } from "node:fs/promises";
import { removeOnInterrupt, writeFileAtomic } from "../atomic-writer.js";
import type { RejectedRow, RowFormat } from "../score/score-pipeline.js";
import type { ShadowConfig } from "../score/shadow-scorer.js";

/** Options of `qualify score`. */
export interface ScoreCommandOptions {
  readonly in: string;
  readonly out?: string;
  readonly inFormat?: string;
  readonly outFormat?: string;
  readonly map?: string;
  readonly errors?: string;
  readonly now?: string;
  readonly workers?: string;
  /** Exit 1 when any row was rejected. */
  readonly strict?: boolean;
  /** Replace an existing `--out` file. */
  readonly force?: boolean;
  /** A second model scored beside the live one (`shadow_*` columns). */
  readonly shadow?: string;
  /** With `--shadow`: the share of leads the shadow model (the challenger) decides. */
  readonly split?: string;
  /** With `--split`: the column holding each lead's id. */
  readonly idColumn?: string;
  /** `js` (default): the closures, streaming; `duckdb`: one query in embedded DuckDB (score/duckdb-engine.ts). */
  readonly engine?: string;
  /** With `--engine duckdb`: rows may leave in any order (DuckDB's preserve_insertion_order off). */
  readonly anyOrder?: boolean;
}

/**
 * `qualify score model.qual --in leads.csv --out scored.csv`: streams rows
 * through the model, writing each input row plus `tier`, one column per score
 * and `reasons`. Invalid rows go to `--errors` (or stderr) and scoring goes
 * on; a summary on stderr counts rows read, scored and rejected. Output files
 * appear only when the run succeeds. A completed run exits 0 even when rows
 * were rejected (they are counted and listed; batch jobs go on), or 1 with
 * `--strict`; usage and I/O errors exit 2.
 */
export async function runScore(modelPath: string, options: ScoreCommandOptions, output: Output): Promise<ExitCodeValue> {
  if (options.engine === "duckdb") return runScoreDuckDb(modelPath, options, output);
  if (options.engine !== undefined && options.engine !== "js") throw new UsageError(`--engine must be js or duckdb, not ${JSON.stringify(options.engine)}`);
  if (options.anyOrder === true) throw new UsageError("--any-order is for --engine duckdb: the JS path always writes rows in the input's order");
  const inputFormat = rowFormat(options.inFormat, options.in, "--in-format", options.in === "-" ? "csv" : undefined);
  const outPath = options.out ?? "-";
  const outputFormat = rowFormat(options.outFormat, outPath, "--out-format", outPath === "-" ? inputFormat : undefined);
  const workers = parseWorkers(options.workers);
  const buckets = parseSplitOptions(options);
  if (options.errors !== undefined && options.errors !== "-" && resolve(options.errors) === resolve(outPath)) {
    throw new UsageError(`--errors and --out name the same file (${options.errors}); give them different names`);
  }
  // One evaluation time for the whole run, so rows scored a second apart agree.
  const now = parseNowOption(options.now) ?? new Date().toISOString();
  const nowNote = options.now === undefined ? `${now} (now: pass --now to fix it)` : String(now);
  if (options.in !== "-") await assertReadable(options.in);
  if (outPath !== "-" && options.force !== true && existsSync(outPath)) {
    throw new UsageError(`${outPath} already exists; pass --force to replace it, or --out another file`);
  }
  const map: FieldMap | undefined = options.map === undefined ? undefined : await readFieldMap(options.map);
  const model = await loadModelForCommand(modelPath, output);
  const shadowModel = options.shadow === undefined ? undefined : await loadModelSpec(parseModelSpec(options.shadow), output);
  const [liveMap, shadowMap] = shadowModel ? mapsForModels(map, [model.ir, shadowModel.ir], options.map) : [map];
  const sources = planFieldSources(model.ir.inputs, liveMap, options.map);
  const shadow: ShadowConfig | undefined = shadowModel
    ? { ir: shadowModel.ir, ...(shadowMap ? { map: [...shadowMap.fields] } : {}), ...(buckets === undefined ? {} : { split: { buckets, idColumn: options.idColumn as string } }) }
    : undefined;
  const inputName = options.in === "-" ? "the input" : options.in;
  const readsTime = readsEvaluationTime(model.ir);
  let undated: string[] = [];

  const files: AtomicFile[] = [];
  let scorer: BatchScorer | undefined;
  const progress = createProgress(output.showProgress);
  try {
    const outFile = outPath === "-" ? undefined : await createAtomicFile(outPath);
    if (outFile) files.push(outFile);
    const errorsToStderr = options.errors === "-";
    const errorsFile = options.errors === undefined || errorsToStderr ? undefined : await createAtomicFile(options.errors);
    if (errorsFile) files.push(errorsFile);
    scorer = createBatchScorer({ ir: model.ir, outputFormat, ...(liveMap ? { map: [...liveMap.fields] } : {}), now, ...(shadow ? { shadow } : {}) }, workers);

    const terminalErrors = new RejectedSummary();
    const reject = async (row: RejectedRow): Promise<void> => {
      if (errorsFile) {
        if (!errorsFile.stream.write(`${JSON.stringify(row)}\n`)) await once(errorsFile.stream, "drain");
      } else if (errorsToStderr) {
        output.err.write(`${JSON.stringify(row)}\n`);
      } else if (terminalErrors.add(row)) {
        output.note(describeRejected(row));
      }
    };
    const checkHeader = (columns: readonly string[]): void => {
      if (options.idColumn !== undefined && !columns.includes(options.idColumn)) {
        throw new UsageError(`--id-column ${JSON.stringify(options.idColumn)} is not a column of ${inputName}; its columns are ${columns.map((c) => JSON.stringify(c)).join(", ")}`);
      }
      // The shadow model's mapped columns are checked too, so a misspelt one stops the run rather than reading as missing.
      if (shadowModel) checkColumns(columns, planFieldSources(shadowModel.ir.inputs, shadowMap, options.map), shadowMap, inputName);
      const { unfed } = checkColumns(columns, sources, liveMap, inputName);
      if (unfed.length > 0) output.note(unfedNote(unfed));
      // Date tests on a field that no column feeds are unknown for every row: worth saying once.
      if (readsTime) undated = unfed.filter((s) => s.type.kind === "date").map(dotted);
    };
    const input = options.in === "-" ? process.stdin : createReadStream(options.in);
    input.setEncoding("utf8");
    const stats = await scoreRows({
      ir: model.ir,
      input: input as AsyncIterable<string>,
      inputFormat,
      outputFormat,
      output: outFile?.stream ?? process.stdout,
      scorer,
      ...(shadow ? { shadow } : {}),
      reject,
      progress: (s) => progress.update(s),
      checkHeader,
    });
    progress.stop();
    for (const file of files) await file.commit();
    for (const line of terminalErrors.summary()) output.note(line);
    const where = stats.rejected > 0 ? (errorsFile ? ` (see ${options.errors})` : errorsToStderr ? " (listed above)" : terminalErrors.where()) : "";
    output.note(`${stats.read} rows read: ${stats.scored} scored, ${stats.rejected} rejected${where}`);
    if (stats.scored > 0) output.note(`tiers: ${tierOrder(model.ir, stats.tiers).map(([tier, n]) => `${tier} ${n} (${share(n, stats.scored)})`).join(", ")}`);
    if (shadowModel && stats.shadow && stats.scored > 0) {
      const s = stats.shadow;
      output.note(`shadow tiers (${options.shadow}): ${tierOrder(shadowModel.ir, s.tiers).map(([tier, n]) => `${tier} ${n} (${share(n, stats.scored)})`).join(", ")}${s.rejected > 0 ? `; ${s.rejected} rows the shadow model rejected (their shadow columns are empty, the reason in shadow_reasons)` : ""}`);
      if (shadow?.split) output.note(`assigned to the challenger: ${s.challenger} of ${stats.scored} leads (${share(s.challenger, stats.scored)}; --split ${options.split} by the hash of ${shadow.split.idColumn}); the assigned and assigned_tier columns say which model decides`);
    }
    if (readsTime) output.note(`evaluation time: ${nowNote}`);
    if (undated.length > 0) output.note(`no dates at all for: ${undated.join(", ")} (not in the input), so the date tests on them are unknown for every row`);
    output.note(outPath === "-" ? "scored rows went to stdout" : `scored rows: ${outPath}`);
    // Nothing scored is a failed run whatever --strict says: a job that scores nothing must not look green.
    if (stats.read > 0 && stats.scored === 0) {
      output.note(`no row could be scored: fix the rows' problems above${map === undefined ? " (or pass --map to read your columns)" : ""}`);
      return ExitCode.findings;
    }
    return options.strict === true && stats.rejected > 0 ? ExitCode.findings : ExitCode.ok;
  } catch (error) {
    progress.stop();
    for (const file of files) await file.abort();
    if (error instanceof CsvHeaderError) throw new UsageError(`${options.in}: ${error.message}`);
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: string }).code;
    // The reader of stdout went away (`| head`): stop quietly, as Unix tools do.
    if (code === "EPIPE" && outPath === "-") return ExitCode.ok;
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) throw new UsageError(`${describeFailedPath(error, options)}: ${describeIoError(error)}`);
    throw error;
  } finally {
    await scorer?.close();
  }
}

/** The tiers seen, in the model's order, `disqualified` last. */
function tierOrder(ir: { readonly tiers: readonly { readonly id: string }[] }, counts: ReadonlyMap<string, number>): [string, number][] {
  const order = [...ir.tiers.map((t) => t.id), "disqualified"];
  return [...counts].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
}

/** The once-per-run note naming the model fields no input column feeds. */
function unfedNote(unfed: readonly FieldSource[]): string {
  return `not in the input: ${unfed.map(dotted).join(", ")} — read as missing`;
}

function dotted(source: FieldSource): string {
  return source.path.join(".");
}

/** `22.7%` */
function share(n: number, total: number): string {
  return `${((100 * n) / total).toFixed(1)}%`;
}

/**
 * Rejected rows on the terminal (no `--errors`): the first few in full, then
 * counts by field and problem, so a file of bad rows does not flood the
 * screen; `--errors FILE` keeps every one.
 */
class RejectedSummary {
  static readonly SHOWN = 5;
  private count = 0;
  private readonly problems = new Map<string, number>();

  /** Counts a row; true when it should be shown in full. */
  add(row: RejectedRow): boolean {
    this.count++;
    if (this.count <= RejectedSummary.SHOWN) return true;
    for (const e of row.errors) {
      const key = e.path ? `${e.path}: expected ${e.expected}` : e.message;
      this.problems.set(key, (this.problems.get(key) ?? 0) + 1);
    }
    return false;
  }

  summary(): string[] {
    if (this.count <= RejectedSummary.SHOWN) return [];
    const lines = [`… and ${this.count - RejectedSummary.SHOWN} more rejected rows, by problem:`];
    const sorted = [...this.problems].sort((a, b) => b[1] - a[1]);
    for (const [problem, n] of sorted.slice(0, 10)) lines.push(`  ${n} × ${problem}`);
    if (sorted.length > 10) lines.push(`  … ${sorted.length - 10} other problems`);
    return lines;
  }

  where(): string {
    return this.count <= RejectedSummary.SHOWN ? " (listed above)" : " (the first above; pass --errors FILE to keep them all)";
  }
}

/** A rejected row for stderr, when there is no `--errors` file. */
export function describeRejected(row: RejectedRow): string {
  const head = `row ${row.row} (line ${row.line}) rejected:`;
  const issues = row.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  return [head, ...issues.map((i) => `  ${i}`)].join("\n");
}

/** The row format from an explicit option or the file name. */
export function rowFormat(explicit: string | undefined, path: string, option: string, fallback: RowFormat | undefined): RowFormat {
  if (explicit !== undefined) {
    if (explicit === "csv" || explicit === "jsonl") return explicit;
    throw new UsageError(`${option} must be csv or jsonl, not ${JSON.stringify(explicit)}`);
  }
  const lower = path.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  if (fallback) return fallback;
  throw new UsageError(`${path}: cannot tell the format from the name; use a .csv or .jsonl name, or ${option} csv|jsonl`);
}

/** Checks `--shadow`, `--split` and `--id-column` together; the challenger's share in buckets of 10,000, with `--split`. */
function parseSplitOptions(options: ScoreCommandOptions): number | undefined {
  if (options.split === undefined) {
    if (options.idColumn !== undefined) throw new UsageError("--id-column goes with --split (it names the column whose hash assigns each lead)");
    return undefined;
  }
  if (options.shadow === undefined) throw new UsageError("--split needs --shadow NEW.qual: the shadow model is the challenger that decides the split-off leads");
  if (options.idColumn === undefined) throw new UsageError("--split needs --id-column COLUMN: each lead is assigned by the hash of its id, so the same lead always goes to the same model");
  const buckets = parseSplit(options.split);
  if (typeof buckets === "string") throw new UsageError(buckets);
  return buckets;
}

function parseWorkers(text: string | undefined): number {
  if (text === undefined) return 1;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--workers must be a whole number from 1 to 64, not ${JSON.stringify(text)}`);
  return n;
}

/** Fails with a clear usage error when the input file cannot be read. */
export async function assertReadable(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UsageError(`${path}: cannot read the input (it is a directory)`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: cannot read the input (${describeIoError(error)})`);
  }
}

// Read errors carry the input's path; write errors on the temporary file's descriptor carry none, so name the output.
function describeFailedPath(error: unknown, options: ScoreCommandOptions): string {
  const path = (error as { path?: string }).path;
  return path ?? (options.out !== undefined && options.out !== "-" ? options.out : "stdout");
}

function duckFormat(path: string, option: string): DuckFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl";
  if (lower.endsWith(".parquet")) return "parquet";
  throw new UsageError(`${path}: --engine duckdb reads and writes .csv, .jsonl or .parquet files; name ${option} so`);
}

/**
 * `qualify score --engine duckdb`: the model compiled to SQL and run in
 * embedded DuckDB over the whole file, for large files. Files only (no
 * stdin/stdout); --map for CSV, JSON Lines and Parquet; rejected rows are
 * listed as on the JS path.
 */
async function runScoreDuckDb(modelPath: string, options: ScoreCommandOptions, output: Output): Promise<ExitCodeValue> {
  if (options.in === "-" || options.out === undefined || options.out === "-") throw new UsageError("--engine duckdb reads and writes files: give --in FILE and --out FILE");
  if (options.shadow !== undefined) throw new UsageError("--engine duckdb scores one model: run --shadow with --engine js");
  const inFormat = duckFormat(options.in, "--in");
  const outFormat = duckFormat(options.out, "--out");
  if (options.errors !== undefined && options.errors !== "-" && resolve(options.errors) === resolve(options.out)) {
    throw new UsageError(`--errors and --out name the same file (${options.errors}); give them different names`);
  }
  const now = parseNowOption(options.now) ?? new Date().toISOString();
  await assertReadable(options.in);
  if (options.force !== true && existsSync(options.out)) throw new UsageError(`${options.out} already exists; pass --force to replace it, or --out another file`);
  const model = await loadModelForCommand(modelPath, output);
  const partial = `${options.out}.partial-${process.pid}${outFormat === "csv" ? ".csv" : outFormat === "jsonl" ? ".jsonl" : ".parquet"}`;
  let run;
  const progress = createPercentProgress(output.showProgress);
  // DuckDB writes the partial file from its own threads; on Ctrl-C or SIGTERM it is removed before the process exits.
  const keep = removeOnInterrupt(partial);
  try {
    const map: FieldMap | undefined = options.map === undefined ? undefined : await readFieldMap(options.map);
    const sources = planFieldSources(model.ir.inputs, map, options.map);
    const checkHeader = (columns: readonly string[]): void => {
      const { unfed } = checkColumns(columns, sources, map, options.in as string);
      if (unfed.length > 0) output.note(unfedNote(unfed));
    };
    // Loaded here, not at the top: DuckDB's bindings cost every other command about 175 ms of start-up.
    const { scoreWithDuckDb } = await import("../score/duckdb-engine.js");
    run = await scoreWithDuckDb(model.ir, { path: options.in, format: inFormat }, { path: partial, format: outFormat }, parseDateText(now) as number, inFormat === "csv" || map !== undefined ? { sources, mapped: sources.filter((src) => map?.fields.has(src.path.join(".")) === true), checkHeader } : undefined, {
      ordered: options.anyOrder !== true,
      onProgress: (percent) => progress.update(percent),
    });
    progress.stop();
    await rename(partial, options.out);
    keep();
  } catch (error) {
    progress.stop();
    await rm(partial, { force: true });
    keep();
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${options.in}: DuckDB could not score it: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
  const lines = run.rejected.map((r) => JSON.stringify(r));
  if (options.errors !== undefined && options.errors !== "-") await writeFileAtomic(options.errors, lines.length === 0 ? "" : `${lines.join("\n")}\n`);
  else if (options.errors === "-") for (const line of lines) output.err.write(`${line}\n`);
  else for (const r of run.rejected.slice(0, 5)) output.note([`row ${r.row} rejected:`, ...r.errors.map((e) => `  ${e.path}: ${e.message}`)].join("\n"));
  const where = run.rejected.length > 0 ? (options.errors !== undefined && options.errors !== "-" ? ` (see ${options.errors})` : options.errors === "-" || run.rejected.length <= 5 ? " (listed above)" : " (the first above; pass --errors FILE to keep them all)") : "";
  output.note(`${run.read} rows read: ${run.scored} scored, ${run.rejected.length} rejected${where} (engine: duckdb)`);
  if (run.scored > 0) output.note(`tiers: ${tierOrder(model.ir, run.tiers).map(([tier, n]) => `${tier} ${n} (${share(n, run.scored)})`).join(", ")}`);
  if (readsEvaluationTime(model.ir)) output.note(`evaluation time: ${options.now === undefined ? `${now} (now: pass --now to fix it)` : now}`);
  output.note(`scored rows: ${options.out}${options.anyOrder === true ? " (in any order: --any-order)" : ""}`);
  if (run.read > 0 && run.scored === 0) {
    output.note("no row could be scored: fix the rows' problems above");
    return ExitCode.findings;
  }
  return options.strict === true && run.rejected.length > 0 ? ExitCode.findings : ExitCode.ok;
}
