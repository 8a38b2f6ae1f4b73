import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as oniguruma from "vscode-oniguruma";
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from "vscode-textmate";

/** The committed grammar file. */
export const GRAMMAR_PATH = fileURLToPath(new URL("../syntaxes/qual.tmLanguage.json", import.meta.url));

/** A stretch of text and the TextMate scopes over it, root scope first. */
export interface ScopedSpan {
  readonly start: number;
  readonly end: number;
  readonly scopes: readonly string[];
}

let loaded: Promise<IGrammar> | undefined;

/**
 * The committed Qual grammar, loaded in the real engine: vscode-textmate on
 * the Oniguruma regular expressions of vscode-oniguruma's WebAssembly build,
 * as VS Code runs it.
 */
export function loadQualGrammar(): Promise<IGrammar> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(join(dirname(require.resolve("vscode-oniguruma")), "onig.wasm"));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName) =>
        scopeName === "source.qual" ? parseRawGrammar(readFileSync(GRAMMAR_PATH, "utf8"), GRAMMAR_PATH) : null,
    });
    const grammar = await registry.loadGrammar("source.qual");
    if (grammar === null) throw new Error(`vscode-textmate could not load ${GRAMMAR_PATH}`);
    return grammar;
  })();
  return loaded;
}

/**
 * Tokenises a whole text line by line, carrying the rule stack across lines
 * as an editor does, and returns spans with offsets into the text. Lines end
 * at `\n` only, as in the Qual lexer.
 */
export function tokenizeText(grammar: IGrammar, text: string): ScopedSpan[] {
  const spans: ScopedSpan[] = [];
  let stack = INITIAL;
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const result = grammar.tokenizeLine(line, stack);
    for (const token of result.tokens) {
      const end = Math.min(token.endIndex, line.length);
      if (end > token.startIndex) spans.push({ start: lineStart + token.startIndex, end: lineStart + end, scopes: token.scopes });
    }
    stack = result.ruleStack;
    lineStart += line.length + 1;
  }
  return spans;
}

/** The scopes of every character of a text (whitespace between tokens included), by offset. */
export function scopesByOffset(grammar: IGrammar, text: string): (readonly string[])[] {
  const byOffset: (readonly string[])[] = Array.from({ length: text.length }, () => ["source.qual"]);
  for (const span of tokenizeText(grammar, text)) {
    for (let offset = span.start; offset < span.end; offset++) byOffset[offset] = span.scopes;
  }
  return byOffset;
}
