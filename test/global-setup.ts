import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Builds every package once, so that tests running the real CLI use current code. */
export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  execFileSync(process.execPath, [require_tsc(root), "-b"], { cwd: root, stdio: "inherit" });
}

function require_tsc(root: string): string {
  return `${root}node_modules/typescript/bin/tsc`;
}
