import { saveIR } from "@qualify/compiler";
import { writeFileAtomic } from "../atomic-writer.js";
import { ExitCode } from "../exit-codes.js";
import type { ExitCodeValue } from "../exit-codes.js";
import { loadModelForCommand } from "../load-model.js";
import type { Output } from "../output.js";
import { runCompileJs } from "./compile-js.js";

/** Options of `qualify compile`. */
export interface CompileCommandOptions {
  /** Where to write the saved IR; `-` or absent writes to stdout. */
  readonly output?: string;
  /** `ir` (default): the saved IR as JSON; `js`: an ES module with its .d.ts (compile-js.ts). */
  readonly target?: string;
}

/**
 * `qualify compile model.qual -o model.json`: writes the versioned IR
 * (saveIR). Refuses, writing nothing, when the model has errors (exit 1).
 */
export async function runCompile(modelPath: string, options: CompileCommandOptions, output: Output): Promise<ExitCodeValue> {
  const model = await loadModelForCommand(modelPath, output);
  if (options.target === "js") return runCompileJs(model.ir, options.output, output);
  const text = saveIR(model.ir);
  if (options.output === undefined || options.output === "-") {
    output.out.write(text.endsWith("\n") ? text : `${text}\n`);
  } else {
    await writeFileAtomic(options.output, text.endsWith("\n") ? text : `${text}\n`);
  }
  return ExitCode.ok;
}
