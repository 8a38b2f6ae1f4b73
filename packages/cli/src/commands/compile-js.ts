import { writeModule, writeModuleTypes } from "@qualify/compiler";
import type { ModelIR } from "@qualify/ir";
import { writeFileAtomic } from "../atomic-writer.js";
import { ExitCode, UsageError } from "../exit-codes.js";
import type { ExitCodeValue } from "../exit-codes.js";
import type { Output } from "../output.js";

/** The declarations file beside a module: `model.js` → `model.d.ts`, `model.mjs` → `model.d.mts`. */
export function declarationsPath(modulePath: string): string {
  if (modulePath.endsWith(".mjs")) return `${modulePath.slice(0, -4)}.d.mts`;
  if (modulePath.endsWith(".js")) return `${modulePath.slice(0, -3)}.d.ts`;
  return `${modulePath}.d.ts`;
}

/**
 * `qualify compile model.qual --target js -o model.js`: writes the model as a
 * standalone ES module (generated `score`; `evaluate`/`validate` through the
 * closures of the embedded IR; imports only `@qualify/compiler/runtime`) and
 * its TypeScript declarations beside it.
 */
export async function runCompileJs(ir: ModelIR, modulePath: string | undefined, output: Output): Promise<ExitCodeValue> {
  if (modulePath === undefined || modulePath === "-") {
    throw new UsageError("--target js writes a module and its .d.ts file: give the module's path with -o, e.g. -o model.js");
  }
  const typesPath = declarationsPath(modulePath);
  await writeFileAtomic(modulePath, writeModule(ir));
  await writeFileAtomic(typesPath, writeModuleTypes(ir));
  output.note(`wrote ${modulePath} (ES module of the model "${ir.id}") and its types ${typesPath}`);
  output.note(
    `Next: import { score, evaluate, validate } from "./${modulePath.split(/[\\/]/).pop() ?? modulePath}"; it needs @qualify/compiler (its runtime) installed beside it.`,
  );
  return ExitCode.ok;
}
