import { MessageChannel, Worker } from "node:worker_threads";
import { QualWorkerClient } from "@qualify/editor/worker-client";
import type { MessageEndpoint } from "@qualify/editor/worker-client";
import { StdioLanguageClient } from "@qualify/language-server/testing";
import { generateLargeModel } from "@qualify/language-service/testing";
import type { Target } from "./targets.js";

/** Percentiles of keystroke-to-diagnostics times, in milliseconds. */
export interface LatencySummary {
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
}

/** Keystroke-to-diagnostics latency through the language server against the Monaco worker's path. */
export interface LspLatencyReport {
  readonly lines: number;
  readonly edits: number;
  /** The editor's worker (same service, same protocol) in a Node worker thread: full text in, diagnostics out. */
  readonly worker: LatencySummary;
  /** The language server as a child process over stdio: an incremental change in, publishDiagnostics out. */
  readonly server: LatencySummary;
  /** server / worker, at the median and at p95. */
  readonly ratio: { readonly p50: number; readonly p95: number };
}

const round = (n: number): number => Math.round(n * 100) / 100;

function summarise(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  return { p50: round(at(0.5)), p95: round(at(0.95)), mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length) };
}

/**
 * The edit the editor's latency script types: `=` after the first `>=`
 * (making `>==`, an error), then Backspace (repairing it), so every sample
 * changes the diagnostics.
 */
function editPlace(source: string): { offset: number; line: number; character: number } {
  const at = source.indexOf(">= ");
  if (at < 0) throw new Error("The generated model has no comparison to edit.");
  const line = source.slice(0, at).split("\n").length - 1;
  const character = at - (source.lastIndexOf("\n", at - 1) + 1);
  return { offset: at + 2, line, character: character + 2 };
}

/** The worker's path: what DocumentSync and the diagnostics adapter send per keystroke (the full text) and wait for. */
async function startWorkerPath(source: string): Promise<{ run(edits: number, warmup: number): Promise<number[]>; close(): Promise<void> }> {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL("./worker-path-thread.js", import.meta.url), { workerData: { port: port2 }, transferList: [port2] });
  const client = new QualWorkerClient(port1 as unknown as MessageEndpoint);
  const uri = "inmemory://bench/large.qual";
  const place = editPlace(source);
  const broken = source.slice(0, place.offset) + "=" + source.slice(place.offset);
  let version = 1;
  await client.call("update", uri, version, source);
  return {
    async run(edits, warmup) {
      const samples: number[] = [];
      for (let i = 0; i < warmup + edits; i++) {
        version++;
        const breaking = version % 2 === 0;
        const start = performance.now();
        const report = await client.call("update", uri, version, breaking ? broken : source);
        const elapsed = performance.now() - start;
        if (report.version !== version || breaking === (report.diagnostics.length === 0)) throw new Error(`Version ${version}: the worker's diagnostics do not match the edit.`);
        if (i >= warmup) samples.push(elapsed);
      }
      return samples;
    },
    async close() {
      client.dispose();
      port1.close();
      await worker.terminate();
    },
  };
}

/** The server's path: one incremental didChange per keystroke, timed to the publishDiagnostics of that version. */
async function serverPath(client: StdioLanguageClient, uri: string, source: string, edits: number, warmup: number, first: number): Promise<number[]> {
  const place = editPlace(source);
  let version = first;
  const samples: number[] = [];
  for (let i = 0; i < warmup + edits; i++) {
    version++;
    const breaking = (version - first) % 2 === 1;
    const change = breaking
      ? { range: { start: { line: place.line, character: place.character }, end: { line: place.line, character: place.character } }, text: "=" }
      : { range: { start: { line: place.line, character: place.character }, end: { line: place.line, character: place.character + 1 } }, text: "" };
    const start = performance.now();
    await client.change(uri, version, [change]);
    const published = await client.diagnostics(uri, version);
    const elapsed = performance.now() - start;
    if (breaking === (published.diagnostics.length === 0)) throw new Error(`Version ${version}: the server's diagnostics do not match the edit.`);
    if (i >= warmup) samples.push(elapsed);
  }
  return samples;
}

/**
 * Times keystroke-to-diagnostics on the 2,000-line model through the
 * language server (a real child process over stdio, driven by the real LSP
 * client library) and through the Monaco worker's path (the same language
 * service behind the editor's worker protocol, in a worker thread), in
 * alternating rounds so that load on the machine hits both alike.
 */
export async function measureLspLatency(log: (line: string) => void, options: { lines?: number; edits?: number; rounds?: number } = {}): Promise<LspLatencyReport> {
  const lines = options.lines ?? 2000;
  const rounds = options.rounds ?? 4;
  const perRound = Math.max(2, Math.round((options.edits ?? 60) / rounds / 2) * 2);
  const source = generateLargeModel(lines);
  const server = await StdioLanguageClient.start();
  const uri = "file:///bench/large.qual";
  await server.open(uri, source);
  await server.diagnostics(uri, 1);
  const viaWorker = await startWorkerPath(source);
  let version = 1;
  const worker: number[] = [];
  const lsp: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      log(`  lsp latency round ${round + 1}/${rounds}: ${perRound} edits each through the worker path and the server`);
      // Both paths start cold in the first round; the untimed edits warm them alike.
      const warmup = round === 0 ? 20 : 2;
      worker.push(...(await viaWorker.run(perRound, warmup)));
      lsp.push(...(await serverPath(server, uri, source, perRound, warmup, version)));
      version += perRound + warmup;
    }
  } finally {
    await viaWorker.close();
    await server.stop();
  }
  const workerSummary = summarise(worker);
  const serverSummary = summarise(lsp);
  return {
    lines: source.split("\n").length - 1,
    edits: lsp.length,
    worker: workerSummary,
    server: serverSummary,
    ratio: { p50: round(serverSummary.p50 / workerSummary.p50), p95: round(serverSummary.p95 / workerSummary.p95) },
  };
}

/** The section printed by `pnpm bench`. */
export function lspLatencySection(report: LspLatencyReport): string {
  const row = (name: string, s: LatencySummary) => `| ${name} | ${s.p50} | ${s.p95} | ${s.mean} |`;
  return [
    `### Language server latency: keystroke to diagnostics, ${report.lines.toLocaleString("en-US")}-line model, ${report.edits} edits, milliseconds`,
    "",
    "| path | p50 | p95 | mean |",
    "|---|---:|---:|---:|",
    row("Monaco worker's path (worker thread, full text per edit)", report.worker),
    row("language server (child process, stdio, incremental change)", report.server),
    "",
    `server / worker: ${report.ratio.p50}x at p50, ${report.ratio.p95}x at p95 (goal: within 1.5x)`,
  ].join("\n");
}

/** The goal: the server's median within 1.5x of the worker path's. */
export function lspLatencyTarget(report: LspLatencyReport): Target {
  return {
    name: "language server keystroke-to-diagnostics, 2,000-line model",
    goal: "within 1.5x of the Monaco worker's path (p50)",
    measured: `${report.ratio.p50}x at p50 (${report.server.p50} ms against ${report.worker.p50} ms), ${report.ratio.p95}x at p95`,
    pass: Number.isFinite(report.ratio.p50) ? report.ratio.p50 <= 1.5 : undefined,
  };
}
