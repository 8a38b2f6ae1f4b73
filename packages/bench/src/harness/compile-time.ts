import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type CompileSample, compileOnce, largeModelSource } from "./compile-step.js";
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
  /** Warm total of the largest size over the smallest (target: within 150x for 10,000 vs 100 rules). */
  readonly growth: { readonly from: number; readonly to: number; readonly ratio: number } | undefined;
}

const COLD_ENTRY = fileURLToPath(new URL("../cold-compile.js", import.meta.url));

/** Fresh processes per size; each first compile is one sample, so take the median of a few. */
const COLD_RUNS = 3;

function coldOnce(rules: number): CompileSample & { sourceBytes: number } {
  const output = execFileSync(process.execPath, [COLD_ENTRY, String(rules)], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(output.trim()) as CompileSample & { sourceBytes: number };
}

function medianSample(samples: readonly CompileSample[]): CompileSample {
  return {
    analyzeMs: median(samples.map((s) => s.analyzeMs)),
    compileMs: median(samples.map((s) => s.compileMs)),
    totalMs: median(samples.map((s) => s.totalMs)),
  };
}

/** Enough repeats for a stable median without spending minutes on the largest model. */
function repeatsFor(rules: number): number {
  if (rules <= 100) return 40;
  if (rules <= 1_000) return 12;
  return 5;
}

/** Times parse + check + compile of generated points models of each size. */
export function measureCompile(sizes: readonly number[], log: (line: string) => void): CompileReport {
  const results: CompileResult[] = [];
  for (const rules of sizes) {
    const colds = Array.from({ length: COLD_RUNS }, () => coldOnce(rules));
    const source = largeModelSource(rules);
    const repeats = repeatsFor(rules);
    // Warm-up: the compiler's own code gets optimised before the measured repeats.
    for (let i = 0; i < Math.min(repeats, 10); i++) compileOnce(source);
    const samples: CompileSample[] = [];
    for (let i = 0; i < repeats; i++) {
      (globalThis as { gc?: () => void }).gc?.();
      samples.push(compileOnce(source));
    }
    const warm = medianSample(samples);
    const cold = medianSample(colds);
    const warmBestMs = Math.min(...samples.map((s) => s.totalMs));
    results.push({ rules, sourceBytes: Buffer.byteLength(source), cold, coldRuns: COLD_RUNS, warm, warmBestMs, repeats });
    log(`  ${rules} rules: cold ${cold.totalMs.toFixed(1)} ms, warm ${warm.totalMs.toFixed(2)} ms (best ${warmBestMs.toFixed(2)} ms)`);
  }
  const first = results[0];
  const last = results[results.length - 1];
  const growth = first && last && first !== last ? { from: first.rules, to: last.rules, ratio: last.warm.totalMs / first.warm.totalMs } : undefined;
  return { sizes: results, growth };
}
