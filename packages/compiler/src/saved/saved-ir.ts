import type { ModelIR } from "@qualify/ir";
import { IRFormatError } from "../errors.js";
import { checkIRStructure } from "./ir-structure.js";

/**
 * The saved form of a model IR: pretty JSON that starts with its `format`
 * tag and `version`, so a loader can refuse documents it does not know.
 */
export function saveIR(ir: ModelIR): string {
  checkIRStructure(ir);
  const { format, version, ...rest } = ir;
  return `${JSON.stringify({ format, version, ...rest }, null, 2)}\n`;
}

/**
 * Reads a saved IR (JSON text, or the already-parsed value) and checks its
 * format tag, version and structure.
 * @throws IRFormatError when it is not valid JSON, not a qualify IR, of another version, or malformed.
 */
export function loadIR(json: string | unknown): ModelIR {
  let value: unknown = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new IRFormatError(`The saved IR is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  try {
    checkIRStructure(value);
  } catch (error) {
    // The structure check recurses along expressions; a hand-made IR nested
    // thousands deep would otherwise escape as a RangeError (stack overflow).
    if (error instanceof RangeError) throw new IRFormatError("The saved IR nests too deeply to be a model (the checker never writes one this deep).");
    throw error;
  }
  return value;
}
