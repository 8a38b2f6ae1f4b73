import { findUnsupportedRegexFeature } from "./regex-features.js";
import { RE2JS } from "re2js";

/**
 * A compiled `matches` pattern. It runs on RE2JS, a pure JavaScript port of
 * RE2: matching takes time linear in the text's length whatever the pattern
 * (no backtracking), and nothing is generated from strings, so it runs under
 * a CSP without unsafe-eval.
 */
export type TextPattern = { readonly test: (text: string) => boolean };

/**
 * Compiles a pattern written in JavaScript regex syntax, ignoring case as
 * Qual does. Throws an Error saying what is wrong for a pattern the engine
 * cannot run (invalid, or a backreference or lookaround).
 */
export function compileTextPattern(pattern: string): TextPattern {
  const unsupported = findUnsupportedRegexFeature(pattern);
  if (unsupported !== undefined) {
    throw new Error(`${unsupported.kind === "backreference" ? "a backreference" : "a lookaround"} (\`${unsupported.text}\`) cannot run in linear time`);
  }
  // translateRegExp rewrites the JavaScript-only spellings (`\u00e9`, `\cJ`, `[^]`) into RE2's.
  const re = RE2JS.compile(RE2JS.translateRegExp(pattern), RE2JS.CASE_INSENSITIVE);
  return { test: (text) => re.test(text) };
}

/** Why the engine cannot run the pattern, or undefined when it can. */
export function textPatternError(pattern: string): string | undefined {
  try {
    compileTextPattern(pattern);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : String(error);
  }
}
