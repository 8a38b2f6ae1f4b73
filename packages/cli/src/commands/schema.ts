import { toInputSchema } from "@qualify/compiler";
import { ExitCode } from "../exit-codes.js";
import type { ExitCodeValue } from "../exit-codes.js";
import { loadModelForCommand } from "../load-model.js";
import type { Output } from "../output.js";

/** `qualify schema model.qual`: prints the JSON Schema (2020-12) of the model's leads. */
export async function runSchema(modelPath: string, output: Output): Promise<ExitCodeValue> {
  const model = await loadModelForCommand(modelPath, output);
  output.line(JSON.stringify(toInputSchema(model.ir), null, 2));
  return ExitCode.ok;
}
