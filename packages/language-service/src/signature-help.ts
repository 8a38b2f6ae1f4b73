import { BUILTIN_FUNCTIONS } from "./keywords.js";
import type { SignatureInfo } from "./types.js";

/**
 * The call the cursor is inside of, found by scanning back to the nearest
 * unclosed `name(` on the text before the cursor (skipping strings and
 * comments), and which argument the cursor is in, counted by commas at that
 * depth. Works on broken text, which is what a half-typed call is.
 */
export function signatureAt(text: string, offset: number): SignatureInfo | undefined {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  // Calls rarely span lines; scanning a bounded window keeps this cheap on large models.
  const windowStart = Math.max(0, text.lastIndexOf("\n", Math.max(0, lineStart - 2)) + 1);
  const before = stripStringsAndComments(text.slice(windowStart, offset));
  let depth = 0;
  let commas = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before.charAt(i);
    if (c === ")" || c === "]") depth++;
    else if (c === "[") depth--;
    else if (c === "(") {
      if (depth > 0) {
        depth--;
        continue;
      }
      const name = /([A-Za-z_]\w*)\s*$/.exec(before.slice(0, i))?.[1];
      const fn = BUILTIN_FUNCTIONS.find((f) => f.name === name);
      if (!fn) return undefined;
      const parameters = parametersOf(fn.signature);
      const variadic = fn.signature.includes("...");
      const active = variadic ? Math.min(commas, parameters.length - 1) : commas;
      return { label: fn.signature, documentation: fn.doc, parameters, activeParameter: Math.max(0, active) };
    } else if (c === "," && depth === 0) commas++;
  }
  return undefined;
}

/** The parameter names of a signature such as `decay(days, half_life) -> number`. */
function parametersOf(signature: string): string[] {
  const inside = /\(([^)]*)\)/.exec(signature)?.[1] ?? "";
  return inside.split(",").map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Replaces string and comment contents with spaces, so their brackets and commas do not count. */
function stripStringsAndComments(text: string): string {
  let out = "";
  let inString = false;
  let inComment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (inComment) {
      if (c === "\n") inComment = false;
      out += c === "\n" ? c : " ";
    } else if (inString) {
      if (c === "\\") {
        out += "  ";
        i++;
        continue;
      }
      if (c === '"') inString = false;
      out += " ";
    } else if (c === '"') {
      inString = true;
      out += " ";
    } else if (c === "#") {
      inComment = true;
      out += " ";
    } else out += c;
  }
  return out;
}
