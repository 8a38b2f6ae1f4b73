import { createTwoFilesPatch } from "diff";
import type { Output } from "./output.js";

/**
 * A unified diff from a file as it is to the file as `qualify fmt` would
 * write it, in the layout `git diff` and `patch` read, coloured on a terminal.
 */
export function layoutDiff(file: string, before: string, after: string, output: Output): string {
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3 });
  // jsdiff starts with an `Index:`-less "===" banner line; git's layout has neither.
  const lines = patch.split("\n").filter((line) => !/^={3,}$/.test(line));
  if (!output.useColor) return lines.join("\n");
  return lines
    .map((line) => {
      if (line.startsWith("+++") || line.startsWith("---")) return output.color.bold(line);
      if (line.startsWith("@@")) return output.color.cyan(line);
      if (line.startsWith("+")) return output.color.green(line);
      if (line.startsWith("-")) return output.color.red(line);
      return line;
    })
    .join("\n");
}
