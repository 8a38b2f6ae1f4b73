// "Nothing lost" in batch scoring, in-process through the CLI's scoring
// pipeline: random mixes of valid, invalid and malformed rows (CSV and JSON
// Lines, cut into random chunks) must each come out exactly once, in order,
// either as an output row or as a rejected row, and the counts must add up.
import { createRequire } from "node:module";
import { Writable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeModel } from "../../packages/qualify/src/index.js";
import type { ModelIR } from "../../packages/ir/src/index.js";
import { createBatchScorer } from "../../packages/cli/src/score/batch-scorer.js";
import { scoreRows } from "../../packages/cli/src/score/score-pipeline.js";
import type { RejectedRow, RowFormat, ScoreStats } from "../../packages/cli/src/score/score-pipeline.js";
import { BATCH_MODEL, chunked, csvFileArb, jsonlFileArb } from "./harness/batch-rows.js";
import type { GeneratedRow } from "./harness/batch-rows.js";
import { FUZZ_SEED, fuzzRuns, testTimeoutFor } from "./harness/settings.js";

const { parse: parseCsv } = createRequire(new URL("../../packages/cli/package.json", import.meta.url))("csv-parse/sync") as {
  parse(text: string, options: { columns?: boolean; relax_column_count?: boolean }): Array<Record<string, string>>;
};

const analysis = analyzeModel(BATCH_MODEL);
if (analysis.ir === undefined) throw new Error(`the batch model does not check: ${JSON.stringify(analysis.diagnostics)}`);
const IR: ModelIR = analysis.ir;

interface RunOutput {
  readonly stats: ScoreStats;
  readonly text: string;
  readonly rejected: RejectedRow[];
}

async function score(chunks: readonly string[], inputFormat: RowFormat, outputFormat: RowFormat): Promise<RunOutput> {
  let text = "";
  const output = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const rejected: RejectedRow[] = [];
  const scorer = createBatchScorer({ ir: IR, outputFormat, now: "2026-11-01T00:00:00Z" }, 1);
  async function* input(): AsyncGenerator<string> {
    yield* chunks;
  }
  try {
    const stats = await scoreRows({ ir: IR, input: input(), inputFormat, outputFormat, output, scorer, reject: (row) => void rejected.push(row) });
    return { stats, text, rejected };
  } finally {
    await scorer.close();
  }
}

/** The ids of the scored rows, in output order. */
function outputIds(text: string, format: RowFormat): string[] {
  if (format === "csv") return parseCsv(text, { columns: true }).map((row) => row["id"] ?? "(no id)");
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => String((JSON.parse(line) as { id?: unknown }).id));
}

/** The id of a rejected row: from its parsed input, else from its raw text. */
function rejectedId(row: RejectedRow): string {
  const fromInput = row.input?.["id"];
  if (typeof fromInput === "string") return fromInput;
  const match = /r\d+/.exec(row.text ?? "");
  return match ? match[0] : "(no id)";
}

function expectNothingLost(rows: readonly GeneratedRow[], run: RunOutput, outputFormat: RowFormat): void {
  const scored = rows.filter((r) => r.fate === "scored").map((r) => r.id);
  const rejected = rows.filter((r) => r.fate === "rejected").map((r) => r.id);
  // Counts add up, and match what was sent.
  expect(run.stats).toMatchObject({ read: rows.length, scored: scored.length, rejected: rejected.length });
  expect([...run.stats.tiers.values()].reduce((a, b) => a + b, 0)).toBe(scored.length);
  // Every row exactly once, in input order, on the side it belongs to.
  expect(outputIds(run.text, outputFormat)).toEqual(scored);
  expect(run.rejected.map(rejectedId)).toEqual(rejected);
  // `row` numbers the data rows from 1 in input order; each rejection says why.
  const position = new Map(rows.map((r, i) => [r.id, i + 1]));
  for (const row of run.rejected) {
    expect(row.row).toBe(position.get(rejectedId(row)));
    expect(row.errors.length).toBeGreaterThan(0);
    expect(row.errors.every((e) => typeof e.message === "string" && e.message.length > 0)).toBe(true);
  }
}

const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });

describe(`batch scoring loses nothing (seed ${FUZZ_SEED})`, () => {
  it("CSV: valid, invalid and malformed rows, any chunking, CSV or JSON Lines out", async () => {
    await fc.assert(
      fc.asyncProperty(csvFileArb, cutsArb, fc.constantFrom<RowFormat>("csv", "jsonl"), async (file, cuts, outputFormat) => {
        const run = await score(chunked(file.text, cuts), "csv", outputFormat);
        expectNothingLost(file.rows, run, outputFormat);
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(120) },
    );
  }, testTimeoutFor(fuzzRuns(120)));

  it("JSON Lines: objects, invalid leads, broken JSON, arrays and scalars, any chunking", async () => {
    await fc.assert(
      fc.asyncProperty(jsonlFileArb, cutsArb, fc.constantFrom<RowFormat>("csv", "jsonl"), async (file, cuts, outputFormat) => {
        const run = await score(chunked(file.text, cuts), "jsonl", outputFormat);
        expectNothingLost(file.rows, run, outputFormat);
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(120) },
    );
  }, testTimeoutFor(fuzzRuns(120)));

  it("more rows than one batch: 1,500 rows with every tenth rejected keep their order across batches", async () => {
    const rows: GeneratedRow[] = Array.from({ length: 1500 }, (_, i) => {
      const id = `r${i + 1}`;
      return i % 10 === 9 ? { id, fate: "rejected", text: `${id},lots,,,,` } : { id, fate: "scored", text: `${id},${i},CEO,churn,${i % 900},no` };
    });
    const text = `id,budget,role,pains,company.employees,opted_out\n${rows.map((r) => r.text).join("\n")}\n`;
    const run = await score(chunked(text, [0.1, 0.33, 0.5, 0.9]), "csv", "csv");
    expectNothingLost(rows, run, "csv");
  });

  it("a JSON Lines row nested 100,000 levels deep is rejected on its own, whether the deep value is a field or not", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const deepObject = `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`;
    const rows: GeneratedRow[] = [
      { id: "r1", fate: "scored", text: '{"id":"r1","budget":5,"pains":["churn"]}' },
      { id: "r2", fate: "rejected", text: `{"id":"r2","budget":${deep},"pains":["churn"]}` },
      { id: "r3", fate: "rejected", text: `{"id":"r3","budget":5,"pains":["churn"],"notes":${deepObject}}` },
      { id: "r4", fate: "scored", text: '{"id":"r4","budget":50000,"pains":["churn","cost"]}' },
    ];
    for (const outputFormat of ["jsonl", "csv"] as const) {
      const run = await score([rows.map((r) => r.text).join("\n")], "jsonl", outputFormat);
      expectNothingLost(rows, run, outputFormat);
      // The rejection must be writable as a line of the --errors file.
      for (const row of run.rejected) expect(() => JSON.stringify(row)).not.toThrow();
      expect(run.rejected[1]?.errors[0]?.message).toMatch(/nest/);
    }
  });
});
