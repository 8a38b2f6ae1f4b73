// Prints the editor's keystroke-to-markers latency as JSON (used by `pnpm bench`).
// Usage: node dist/testing/latency-cli.js [--lines 2000] [--edits 50] [--skip-build]
import { measureEditorLatency } from "./latency.js";

function option(name: string): number | undefined {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

const lines = option("--lines");
const edits = option("--edits");
measureEditorLatency({
  ...(lines === undefined ? {} : { lines }),
  ...(edits === undefined ? {} : { edits }),
  skipBuild: process.argv.includes("--skip-build"),
}).then(
  (report) => console.log(JSON.stringify(report, null, 2)),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
