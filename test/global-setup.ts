import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Builds every package once, so that tests running the real CLI as a process
 * use current code. Unit tests import TypeScript source and do not need it;
 * a failed build is reported here and the CLI tests then fail on their own.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const tsc = `${root}node_modules/typescript/bin/tsc`;
  try {
    execFileSync(process.execPath, [tsc, "-b"], { timeout: 300_000, killSignal: "SIGKILL", cwd: root, stdio: "pipe" });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    console.warn(`\n[global-setup] tsc -b failed; tests that run the built CLI will fail:\n${output.slice(0, 4000)}`);
  }
}
