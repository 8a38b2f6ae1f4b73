// Keeps the user-facing language reference (grammar/) honest: its examples
// must parse (and whole models check clean), and its lists of words,
// functions and diagnostic codes must match what the tools implement.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// Internal tables of the language package: the reference documents them.
import { analyze, parse } from "../packages/language/src/index.js";
import { contextualWords, reservedWords } from "../packages/language/src/lexer/tokens.js";
import { FUNCTIONS } from "../packages/language/src/checker/functions.js";
import { CATALOG } from "../packages/language/src/diagnostics/messages.js";
import { SyntaxCode } from "../packages/language/src/parser/syntax-codes.js";

const grammarDir = fileURLToPath(new URL("../grammar/", import.meta.url));
const reference = readFileSync(join(grammarDir, "reference.md"), "utf8");
const ebnf = readFileSync(join(grammarDir, "qual.ebnf"), "utf8");
const readme = readFileSync(join(grammarDir, "README.md"), "utf8");

const words = (tokens: readonly { PATTERN?: unknown }[]): string[] =>
  tokens.map((t) => (t.PATTERN instanceof RegExp ? t.PATTERN.source : String(t.PATTERN)));

/** The ```qual blocks of the reference, with the line each starts on. */
function qualBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== "```qual") continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]?.trim() !== "```") end++;
    blocks.push({ line: start + 1, code: lines.slice(start, end).join("\n") });
    i = end;
  }
  return blocks;
}

const syntaxErrors = (text: string): string[] =>
  parse(text)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => `${d.code} at ${d.range.start.line}:${d.range.start.column}: ${d.message}`);

describe("the language reference (grammar/reference.md)", () => {
  const blocks = qualBlocks(reference);

  it("has examples", () => {
    expect(blocks.length).toBeGreaterThan(15);
  });

  for (const block of blocks) {
    // A whole model has its model line, an input block and tiers; anything less is a fragment.
    const isModel = /^\s*(#.*\n\s*)*model\b/.test(block.code) && /\binput\s*\{/.test(block.code) && /\btier\b/.test(block.code);
    it(`example at line ${block.line} ${isModel ? "checks clean" : "parses"}`, () => {
      if (isModel) {
        expect(analyze(block.code).diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
        return;
      }
      // A fragment is either declarations, or rules of a points group.
      const header = /^\s*(#.*\n\s*)*model\b/.test(block.code) ? "" : 'model m "M"\n';
      const asDeclarations = syntaxErrors(`${header}${block.code}\n`);
      const asRules = syntaxErrors(`model m "M"\nscore g "G" {\n${block.code}\n}\n`);
      expect(asDeclarations.length === 0 || asRules.length === 0, asDeclarations.join("\n")).toBe(true);
    });
  }

  it("lists every reserved and every contextual word of the lexer", () => {
    const reservedList = /reserved and can never be names:\s*\n\s*\n> ([^]*?)\n\n/.exec(reference)?.[1] ?? "";
    const contextualList = /ordinary names\s*\nelsewhere[^]*?\n\s*\n> ([^]*?)\n\n/.exec(reference)?.[1] ?? "";
    const split = (text: string) => text.replace(/[`>\n]/g, " ").split(/\s+/).filter(Boolean).sort();
    expect(split(reservedList)).toEqual(words(reservedWords).sort());
    expect(split(contextualList)).toEqual(words(contextualWords).sort());
  });

  it("documents every built-in function", () => {
    for (const name of Object.keys(FUNCTIONS)) expect(reference, name).toContain(`| \`${name}(`);
  });

  it("cites only diagnostic codes that exist, and checker codes explained in diagnostics.md", () => {
    const checkerCodes = new Set<string>(Object.values(CATALOG).map((e) => e.code));
    const known = new Set<string>([...checkerCodes, ...Object.values(SyntaxCode)]);
    const diagnosticsPath = join(grammarDir, "diagnostics.md");
    const explained = existsSync(diagnosticsPath) ? readFileSync(diagnosticsPath, "utf8") : "";
    const cited = new Set([...reference.matchAll(/QUAL\d{3}/g), ...ebnf.matchAll(/QUAL\d{3}/g)].map((m) => m[0]));
    expect(cited.size).toBeGreaterThan(20);
    for (const code of cited) {
      expect(known.has(code), `${code} is not a code the tools report`).toBe(true);
      if (checkerCodes.has(code)) expect(explained, `${code} is missing from diagnostics.md`).toContain(code);
    }
  });
});

describe("the EBNF (grammar/qual.ebnf)", () => {
  it("spells every keyword as a terminal", () => {
    for (const word of [...words(reservedWords), ...words(contextualWords)]) {
      expect(ebnf, word).toContain(`'${word}'`);
    }
  });

  it("names every operator of the language", () => {
    for (const op of ["'='", "'!='", "'<'", "'<='", "'>'", "'>='", "'??'", "'+'", "'-'", "'*'", "'/'", "'.'", "'?'"]) {
      expect(ebnf).toContain(op);
    }
  });
});

describe("the grammar index (grammar/README.md)", () => {
  it("links the reference, the EBNF, the railroad diagrams and the diagnostics", () => {
    for (const target of ["reference.md", "qual.ebnf", "diagrams/qual.html", "diagnostics.md"]) {
      expect(readme).toContain(`](${target})`);
    }
    for (const target of ["reference.md", "qual.ebnf"]) expect(existsSync(join(grammarDir, target))).toBe(true);
  });
});
