import { processOutput } from "./output.js";
import { runProgram } from "./program.js";

/** The entry point of bin/qualify.js: runs the CLI on the process's arguments and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  return runProgram(argv, processOutput());
}
