import cliProgress from "cli-progress";
import type { ScoreStats } from "./score-pipeline.js";

/** A bar on stderr, redrawn five times a second and cleared when it stops. */
function stderrBar(format: string): cliProgress.SingleBar {
  return new cliProgress.SingleBar(
    { format, stream: process.stderr, hideCursor: true, clearOnComplete: true, fps: 5, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
}

/** Shows rows scored and rows per second while a batch run goes. */
export interface Progress {
  update(stats: Readonly<Pick<ScoreStats, "read" | "rejected">>): void;
  stop(): void;
}

/** A progress line on stderr when enabled (a terminal, not CI); otherwise it does nothing. */
export function createProgress(enabled: boolean): Progress {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  const bar = stderrBar("scoring | {value} rows | {speed} rows/s | {rejected} rejected");
  bar.start(0, 0, { speed: 0, rejected: 0 });
  return {
    update(stats) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.setTotal(stats.read);
      bar.update(stats.read, { speed: Math.round(stats.read / seconds), rejected: stats.rejected });
    },
    stop() {
      bar.stop();
    },
  };
}

/** Shows how much of a DuckDB run is done, as DuckDB estimates it. */
export interface PercentProgress {
  update(percent: number): void;
  stop(): void;
}

/** A percentage bar on stderr when enabled (a terminal, not CI); otherwise it does nothing. */
export function createPercentProgress(enabled: boolean): PercentProgress {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const bar = stderrBar("scoring with DuckDB | {bar} | {percentage}% | {duration_formatted}");
  // Drawn from the first update on, so that notes written before the scoring starts stay above it.
  let started = false;
  return {
    update(percent) {
      if (!started) bar.start(100, 0);
      started = true;
      bar.update(Math.min(100, Math.floor(percent)));
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
