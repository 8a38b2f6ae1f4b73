import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type CompileSample, compileOnce, largeModelSource } from "./compile-step.js";
import { cpuNow } from "./cpu-clock.js";
import { median } from "./timing.js";

/** Compile times for one model size. */
export interface CompileResult {
  readonly rules: number;
  readonly sourceBytes: number;
  /** First compile in a fresh process: the median of `coldRuns` processes. */
  readonly cold: CompileSample;
  readonly coldRuns: number;
  /** Medians over `repeats` compiles after warm-up, in this process. */
  readonly warm: CompileSample;
  /** The fastest warm repeat: on a shared machine, the least disturbed one. */
  readonly warmBestMs: number;
  readonly repeats: number;
}

/** The compile benchmark: every size cold (fresh process) and warm (median of repeats). */
export interface CompileReport {
  readonly sizes: readonly CompileResult[];
  /**
   * Warm CPU time of the largest size over the smallest (target: within 150x
   * for 10,000 vs 100 rules), and the same on wall time.
   */
  readonly growth: { readonly from: number; readonly to: number; readonly ratio: number; readonly wallRatio: number } | undefined;
}

const COLD_ENTRY = fileURLToPath(new URL("../cold-compile.js", import.meta.url));

/** Fresh processes per size; each first compile is one sample, so take the median of a few. */
const COLD_RUNS = 3;

function coldOnce(rules: number): CompileSample & { sourceBytes: number } {
  const run = () => execFileSync(process.execPath, [COLD_ENTRY, String(rules)], { encoding: "utf8", maxBuffer: 1 << 20, stdio: ["ignore", "pipe", "pipe"] });
  let output: string;
  try {
    output = run();
  } catch {
    // Other engineers rebuild dist/ while this runs; a child that caught a half-written file gets one retry.
    output = run();
  }
  return JSON.parse(output.trim()) as CompileSample & { sourceBytes: number };
}

function medianSample(samples: readonly CompileSample[]): CompileSample {
  return {
    analyzeMs: median(samples.map((s) => s.analyzeMs)),
    compileMs: median(samples.map((s) => s.compileMs)),
    totalMs: median(samples.map((s) => s.totalMs)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
  };
}

/** Enough repeats for a stable median without spending minutes on the largest model. */
function repeatsFor(rules: number): number {
  if (rules <= 100) return 60;
  if (rules <= 1_000) return 15;
  return 5;
}

/** Warm-up by time, so the front end and compiler are optimised by the JIT whatever the model size. */
const WARMUP_MS = 1_500;
const MIN_WARMUP_RUNS = 2;

/** Times parse + check + compile of generated points models of each size. */
export function measureCompile(sizes: readonly number[], log: (line: string) => void): CompileReport {
  const results: CompileResult[] = [];
  for (const rules of sizes) {
    const colds = Array.from({ length: COLD_RUNS }, () => coldOnce(rules));
    const source = largeModelSource(rules);
    const repeats = repeatsFor(rules);
    const warmupStart = Date.now();
    for (let i = 0; i < MIN_WARMUP_RUNS || Date.now() - warmupStart < WARMUP_MS; i++) compileOnce(source);
    // Back to back with no forced collections: each compile pays for the garbage it leaves, as in an
    // editor that re-checks on every keystroke.
    const samples: CompileSample[] = [];
    const cpuBefore = cpuNow();
    for (let i = 0; i < repeats; i++) samples.push(compileOnce(source));
    // CPU time is the mean over all repeats: without schedstat it is process CPU time, which the
    // kernel may account in scheduler ticks, so a median of few-millisecond samples would be quantised.
    const warm = { ...medianSample(samples), cpuMs: (cpuNow() - cpuBefore) / 1e6 / repeats };
    const cold = medianSample(colds);
    const warmBestMs = Math.min(...samples.map((s) => s.totalMs));
    results.push({ rules, sourceBytes: Buffer.byteLength(source), cold, coldRuns: COLD_RUNS, warm, warmBestMs, repeats });
    log(`  ${rules} rules: cold ${cold.totalMs.toFixed(1)} ms, warm ${warm.totalMs.toFixed(2)} ms wall, ${warm.cpuMs.toFixed(2)} ms CPU (best wall ${warmBestMs.toFixed(2)} ms)`);
  }
  const first = results[0];
  const last = results[results.length - 1];
  const growth =
    first && last && first !== last
      ? { from: first.rules, to: last.rules, ratio: last.warm.cpuMs / first.warm.cpuMs, wallRatio: last.warm.totalMs / first.warm.totalMs }
      : undefined;
  return { sizes: results, growth };
}
