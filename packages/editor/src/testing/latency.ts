import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { DEFAULT_VALIDATION_DELAY_MS } from "../monaco/validation-schedule.js";
import { launchChromium } from "./chromium.js";
import { buildDemo, serveDemo } from "./demo-server.js";
import { openDemo } from "./demo-page.js";
import type { DemoWindow } from "./demo-page.js";
import { generateLargeModel } from "@qualify/language-service/testing";

/** Options of {@link measureEditorLatency}. */
export interface LatencyOptions {
  /** Lines of the generated model. Default 2000. */
  readonly lines?: number;
  /** Edits to time. Default 50. */
  readonly edits?: number;
  /** Reuse an already built demo instead of building it (faster when tests built it). */
  readonly skipBuild?: boolean;
}

/** Percentiles of a set of timings, in milliseconds. */
export interface TimingSummary {
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
}

/** Keystroke-to-markers latency in milliseconds, measured in headless Chromium. */
export interface LatencyReport {
  readonly name: "editor keystroke-to-markers latency";
  readonly lines: number;
  readonly edits: number;
  /** The editor's validation debounce, included in every sample (0: validation starts when the worker is free). */
  readonly debounceMs: number;
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly samples: readonly number[];
  /**
   * The same edits validated at once through the editor's `validate()`:
   * the worker round trip, parse and check, and applying the markers.
   */
  readonly withoutDebounce: TimingSummary;
  /** Parse and check alone, as timed inside the worker, for the samples above. */
  readonly validationOnly: TimingSummary;
  /** The machine's load average (1, 5 and 15 minutes) before and after measuring, where /proc/loadavg exists. */
  readonly loadAverage?: { readonly before: string; readonly after: string };
}

/** The `q`-quantile (0..1) of sorted numbers, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/**
 * Times edits on a large model in the demo: each sample runs from a typed
 * character (through the editor's own `type` command, as a keystroke does)
 * to the moment the markers for that text are applied. Edits alternate
 * between breaking and repairing a comparison, so every sample really
 * changes the markers. Timing happens inside the page (performance.now), so
 * the browser-control round trip is not counted.
 */
export async function measureEditorLatency(options: LatencyOptions = {}): Promise<LatencyReport> {
  const lines = options.lines ?? 2000;
  const edits = options.edits ?? 50;
  if (!options.skipBuild) await buildDemo();
  const server = await serveDemo();
  const browser = await launchChromium();
  try {
    const { page } = await openDemo(browser, server.url);
    const source = generateLargeModel(lines);
    const before = loadAverage();
    const typed = await timeEdits(page, source, edits, false);
    const direct = await timeEdits(page, source, edits, true);
    const after = loadAverage();
    const samples = typed.samples;
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      name: "editor keystroke-to-markers latency",
      lines: source.split("\n").length - 1,
      edits,
      debounceMs: DEFAULT_VALIDATION_DELAY_MS,
      p50: round(quantile(sorted, 0.5)),
      p95: round(quantile(sorted, 0.95)),
      mean: round(samples.reduce((a, b) => a + b, 0) / samples.length),
      min: round(sorted[0] ?? Number.NaN),
      max: round(sorted[sorted.length - 1] ?? Number.NaN),
      samples: samples.map(round),
      withoutDebounce: summarise(direct.samples),
      validationOnly: summarise(typed.analysis),
      ...(before !== undefined && after !== undefined ? { loadAverage: { before, after } } : {}),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function summarise(timings: readonly number[]): TimingSummary {
  const sorted = [...timings].sort((a, b) => a - b);
  return { p50: round(quantile(sorted, 0.5)), p95: round(quantile(sorted, 0.95)), mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length) };
}

/** The first three fields of /proc/loadavg, or undefined where there is none. */
function loadAverage(): string | undefined {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return undefined;
  }
}

function timeEdits(page: Page, source: string, edits: number, direct: boolean): Promise<{ samples: number[]; analysis: number[] }> {
  return page.evaluate(
    async ({ source, edits, direct }) => {
      const demo = (window as unknown as DemoWindow).qualDemo;
      const qual = demo.editor();
      if (!qual) throw new Error("The demo has no editor.");
      qual.setValue(source);
      await qual.validate();
      const editor = qual.editor;
      const model = editor.getModel();
      if (!model) throw new Error("The editor has no model.");
      // The `>=` of the first rule: typing `=` after it makes `>==` (an error); Backspace repairs it.
      const match = model.findMatches(">= ", false, false, true, null, false)[0];
      if (!match) throw new Error("No comparison to edit in the generated model.");
      const at = match.range.getStartPosition();
      const samples: number[] = [];
      const analysis: number[] = [];
      for (let i = 0; i < edits; i++) {
        const applied = new Promise<void>((done) => {
          const subscription = qual.onDidUpdateDiagnostics((report) => {
            if (report.version === model.getVersionId()) {
              subscription.dispose();
              analysis.push(report.analysisMs);
              done();
            }
          });
        });
        const start = performance.now();
        if (i % 2 === 0) {
          editor.setPosition({ lineNumber: at.lineNumber, column: at.column + 2 });
          editor.trigger("keyboard", "type", { text: "=" });
        } else {
          editor.setPosition({ lineNumber: at.lineNumber, column: at.column + 3 });
          editor.trigger("keyboard", "deleteLeft", null);
        }
        if (direct) await qual.validate();
        await applied;
        samples.push(performance.now() - start);
      }
      return { samples, analysis };
    },
    { source, edits, direct },
  );
}
