import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { startQualify, workspace } from "./run-cli.js";

/** A model whose compiled IR is far larger than a pipe's buffer (64 KiB), so writing it outlives the reader. */
function largeModel(): string {
  const rules = Array.from({ length: 3000 }, (_, i) => `  "Rule ${i}": +${(i % 7) + 1} when budget >= ${i}`);
  return `model big "Big"\ninput {\n  budget: number?\n}\nscore s "S" {\n${rules.join("\n")}\n}\ntier a "A" when s >= 10\ntier b "B" otherwise\n`;
}

/** Runs `qualify ...args`, reads its first chunk of stdout and closes the pipe, as `| head -1` does. */
async function readFirstChunkAndClose(args: readonly string[], cwd: string) {
  const child = startQualify(args, cwd);
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => (stderr += chunk));
  const [first] = (await once(child.stdout, "data")) as [Buffer];
  child.stdout.destroy();
  const [code] = (await once(child, "close")) as [number | null];
  return { first: first.toString("utf8"), stderr, code };
}

describe("a reader that closes the pipe early (qualify compile model.qual | head -1)", () => {
  it("ends quietly: no unhandled EPIPE stack trace, exit 0", async () => {
    const ws = workspace({ "big.qual": largeModel() });
    try {
      const run = await readFirstChunkAndClose(["compile", "big.qual"], ws.dir);
      expect(run.first.startsWith("{")).toBe(true);
      expect(run.stderr).not.toMatch(/EPIPE|Unhandled|node:events/);
      expect(run.code).toBe(0);
    } finally {
      ws.cleanup();
    }
  }, 60_000);
});
