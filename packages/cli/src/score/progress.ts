import cliProgress from "cli-progress";
import type { ScoreStats } from "./score-pipeline.js";

/** Shows rows scored and rows per second while a batch run goes. */
export interface Progress {
  update(stats: Readonly<Pick<ScoreStats, "read" | "rejected">>): void;
  stop(): void;
}

/** A progress line on stderr when enabled (a terminal, not CI); otherwise it does nothing. */
export function createProgress(enabled: boolean): Progress {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      format: "scoring | {value} rows | {speed} rows/s | {rejected} rejected",
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
      noTTYOutput: false,
    },
    cliProgress.Presets.shades_classic,
  );
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
