import { saveIR } from "@qualify/compiler";
import { writeFileAtomic } from "../atomic-writer.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { ExitCodeValue } from "../exit-codes.js";
import { loadModelForCommand } from "../load-model.js";
import type { Output } from "../output.js";
import { runCompileJs } from "./compile-js.js";
import { runCompileSql } from "./compile-sql.js";
import type { CompileSqlOptions } from "./compile-sql.js";

/** Options of `qualify compile`. */
export interface CompileCommandOptions extends Omit<CompileSqlOptions, "output"> {
  /** Where to write the saved IR; `-` or absent writes to stdout. */
  readonly output?: string;
  /** `ir` (default): the saved IR as JSON; `js`: an ES module with its .d.ts (compile-js.ts); `sql`: one SELECT (compile-sql.ts). */
  readonly target?: string;
}

/**
 * `qualify compile model.qual -o model.json`: writes the versioned IR
 * (saveIR). Refuses, writing nothing, when the model has errors (exit 1).
 */
export async function runCompile(modelPath: string, options: CompileCommandOptions, output: Output): Promise<ExitCodeValue> {
  const model = await loadModelForCommand(modelPath, output);
  if (options.target === "js") return runCompileJs(model.ir, options.output, output);
  if (options.target === "sql") return runCompileSql(model.ir, modelPath, options, output);
  for (const [flag, value] of [["--dialect", options.dialect], ["--table", options.table], ["--view", options.view], ["--now", options.now]] as const) {
    if (value !== undefined) throw new UsageError(`${flag} is for --target sql`);
  }
  const text = saveIR(model.ir);
  if (options.output === undefined || options.output === "-") {
    output.out.write(text.endsWith("\n") ? text : `${text}\n`);
  } else {
    await writeFileAtomic(options.output, text.endsWith("\n") ? text : `${text}\n`);
  }
  return ExitCode.ok;
}
