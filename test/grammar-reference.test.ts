// Keeps the user-facing language reference (grammar/) honest: its examples
// must parse (and whole models check clean), and its lists of words,
// functions and diagnostic codes must match what the tools implement.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
// Internal tables of the language package: the reference documents them.
import { analyze, parse } from "../packages/language/src/index.js";
import { compile } from "../packages/compiler/src/index.js";
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

  it("gives the result it describes for its first model", () => {
    const first = blocks[0];
    const { ir } = analyze(first?.code ?? "");
    if (ir === undefined) throw new Error("the first example does not check");
    expect(reference).toContain('Given the lead `{ "role": "VP", "pains": ["churn"], "timeline_days": 30 }`');
    const result = compile(ir).evaluate({ role: "VP", pains: ["churn"], timeline_days: 30 });
    expect(result.tier).toBe("sql");
    expect(result.criteria).toEqual({ budget: null, authority: true, need: true, timing: true, qualified: true });
    expect(result.scores).toEqual({ met: 3 });
    expect(result.unknown).toEqual([{ id: "budget", missing: ["budget_usd"] }]);
  });

  it("lists every reserved and every contextual word of the lexer", () => {
    const reservedList = /reserved and can never be names:\s*\n\s*\n> ([^]*?)\n\n/.exec(reference)?.[1] ?? "";
    const contextualList = /ordinary names\s*\nelsewhere[^]*?\n\s*\n> ([^]*?)\n\n/.exec(reference)?.[1] ?? "";
    const split = (text: string) => text.replace(/[`>\n]/g, " ").split(/\s+/).filter(Boolean).sort();
    expect(split(reservedList)).toEqual(words(reservedWords).sort());
    expect(split(contextualList)).toEqual(words(contextualWords).sort());
  });

  it("links only to headings it has", () => {
    // GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens.
    const slug = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9 _-]/g, "").replace(/ /g, "-");
    const anchors = new Set([...reference.matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1] as string)));
    const links = [...reference.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] as string);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((link) => !anchors.has(link))).toEqual([]);
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

/** A node of an EBNF right-hand side. */
type Ebnf =
  | { t: "alt"; items: Ebnf[] }
  | { t: "seq"; items: Ebnf[] }
  | { t: "rep"; min: number; max: number; item: Ebnf }
  | { t: "lit"; v: string }
  | { t: "ref"; name: string }
  | { t: "class"; v: string };

/** Reads the productions of qual.ebnf (W3C notation: `::=`, `|`, `?`, `*`, `+`, quoted terminals). */
function readEbnf(source: string): Map<string, Ebnf> {
  const text = source.replace(/\(\*[^]*?\*\)/g, " ");
  const starts = [...text.matchAll(/^([A-Za-z]+)\s*::=/gm)];
  const productions = new Map<string, Ebnf>();
  starts.forEach((match, i) => {
    const end = starts[i + 1]?.index ?? text.length;
    const tokens = text.slice((match.index ?? 0) + match[0].length, end).match(/'[^']*'|"[^"]*"|\[[^\]]*\]|#x[0-9A-Fa-f]+|[A-Za-z]+|[()|?*+]/g) ?? [];
    let pos = 0;
    const alternatives = (): Ebnf => {
      const items = [sequence()];
      while (tokens[pos] === "|") {
        pos++;
        items.push(sequence());
      }
      return items.length === 1 ? (items[0] as Ebnf) : { t: "alt", items };
    };
    const sequence = (): Ebnf => {
      const items: Ebnf[] = [];
      while (pos < tokens.length && tokens[pos] !== "|" && tokens[pos] !== ")") items.push(repeated());
      return { t: "seq", items };
    };
    const repeated = (): Ebnf => {
      let node = primary();
      for (let op = tokens[pos]; op === "?" || op === "*" || op === "+"; op = tokens[pos]) {
        pos++;
        node = { t: "rep", min: op === "+" ? 1 : 0, max: op === "?" ? 1 : 3, item: node };
      }
      return node;
    };
    const primary = (): Ebnf => {
      const token = tokens[pos++] ?? "";
      if (token === "(") {
        const inner = alternatives();
        pos++;
        return inner;
      }
      if (/^['"]/.test(token)) return { t: "lit", v: token.slice(1, -1) };
      if (/^[A-Za-z]/.test(token)) return { t: "ref", name: token };
      return { t: "class", v: token };
    };
    productions.set(match[1] as string, alternatives());
  });
  return productions;
}

// Token productions are generated from samples rather than their character
// classes. Names avoid the contextual words, which the grammar lets stand
// for names only where no construct of theirs could start.
const TOKEN_SAMPLES: Record<string, readonly string[]> = {
  Name: ["a", "lead_b", "x2", "_c"],
  Number: ["0", "7", "10_000", "2.5"],
  Date: ["2026-01-31", "2024-02-29"],
  String: ['"s"', '"Mid \\"market\\""', '"a\\\\b\\n"'],
};

/**
 * A random sentence of `start`, as space-separated tokens. Past `depth`
 * nested productions it takes the least deep way out; an expression is ten
 * productions deep before it reaches a primary, so depth 30 still allows
 * brackets, calls and `if` inside one another.
 */
function sentence(productions: Map<string, Ebnf>, start: string, random: () => number, depth = 30): string {
  const out: string[] = [];
  // The least number of nested productions each production needs to end,
  // found by iterating to a fixed point (token productions need none).
  const height = new Map<string, number>([...productions.keys()].map((name) => [name, Number.POSITIVE_INFINITY]));
  const heightOf = (node: Ebnf): number => {
    switch (node.t) {
      case "lit":
      case "class":
        return 0;
      case "ref":
        if (node.name in TOKEN_SAMPLES) return 0;
        if (!productions.has(node.name)) throw new Error(`qual.ebnf uses ${node.name} but never defines it`);
        return height.get(node.name) as number;
      case "rep":
        return node.min === 0 ? 0 : heightOf(node.item);
      case "seq":
        return Math.max(0, ...node.items.map(heightOf));
      case "alt":
        return Math.min(...node.items.map(heightOf));
    }
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, rhs] of productions) {
      const next = 1 + heightOf(rhs);
      if (next < (height.get(name) as number)) {
        height.set(name, next);
        changed = true;
      }
    }
  }
  const emit = (node: Ebnf, level: number): void => {
    switch (node.t) {
      case "lit":
        out.push(node.v);
        return;
      case "class":
        return;
      case "ref": {
        const samples = TOKEN_SAMPLES[node.name];
        // An aggregate's `where` condition extends as far as possible too (see `if` below).
        const greedy = node.name === "Quantifier" || node.name === "Aggregate";
        if (greedy) out.push("(");
        if (samples !== undefined) out.push(samples[Math.floor(random() * samples.length)] as string);
        else emit(productions.get(node.name) as Ebnf, level + 1);
        if (greedy) out.push(")");
        return;
      }
      case "rep": {
        // Repeat less the deeper we are, so sentences stay small but reach every form.
        let count = node.min;
        while (count < node.max && random() < 0.6 * (1 - level / depth)) count++;
        for (let i = 0; i < count; i++) emit(node.item, level);
        return;
      }
      case "seq": {
        // The EBNF cannot say that an `if`'s else branch extends as far as
        // possible (it says so in a comment): a generated `if` followed by
        // more text, such as `between if c then 1 else 2 and 3`, would be
        // read greedily by the parser. Bracketing every `if` keeps the
        // generated sentences unambiguous.
        const isIf = node.items[0]?.t === "lit" && node.items[0].v === "if";
        if (isIf) out.push("(");
        node.items.forEach((item) => emit(item, level));
        if (isIf) out.push(")");
        return;
      }
      case "alt": {
        const pick =
          level > depth
            ? ([...node.items].sort((a, b) => heightOf(a) - heightOf(b))[0] as Ebnf)
            : (node.items[Math.floor(random() * node.items.length)] as Ebnf);
        emit(pick, level);
        return;
      }
    }
  };
  emit({ t: "ref", name: start }, 0);
  return out.join(" ");
}

/** A small deterministic generator of numbers in [0, 1) from a seed (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("the EBNF describes the language the parser reads", () => {
  const productions = readEbnf(ebnf);
  const syntaxProblems = (text: string): string[] =>
    parse(text)
      .diagnostics.filter((d) => d.code.startsWith("QUAL1") || d.code.startsWith("QUAL50"))
      .map((d) => `${d.code}: ${d.message}`);

  it("defines every name it uses", () => {
    expect(() => sentence(productions, "Model", seeded(1))).not.toThrow();
  });

  it("every expression it generates parses without a syntax error", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const expression = sentence(productions, "Expression", seeded(seed));
        expect(syntaxProblems(`model m "M"\ncriterion c = ${expression}\n`), expression).toEqual([]);
      }),
      { numRuns: 200, seed: 20261122 },
    );
  });

  it("every model it generates parses without a syntax error", () => {
    // The model line and the input block come first, once each (QUAL115, QUAL119).
    const rest = ["ConstDecl", "LetDecl", "CriterionDecl", "ScoreDecl", "DisqualifyDecl", "TierDecl"];
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.constantFrom(...rest), { maxLength: 6 }), (seed, kinds) => {
        const random = seeded(seed);
        const parts = ["ModelHeader", "InputBlock", ...kinds].map((kind) => sentence(productions, kind, random));
        const model = parts.join("\n");
        expect(syntaxProblems(model), model).toEqual([]);
      }),
      { numRuns: 100, seed: 20261122 },
    );
  });
});

describe("the grammar index (grammar/README.md)", () => {
  it("links the reference, the EBNF, the railroad diagrams and the diagnostics", () => {
    for (const target of ["reference.md", "qual.ebnf", "diagrams/qual.html", "diagnostics.md"]) {
      expect(readme).toContain(`](${target})`);
    }
    for (const target of ["reference.md", "qual.ebnf", "diagrams/qual.html", "diagnostics.md"]) {
      expect(existsSync(join(grammarDir, target)), target).toBe(true);
    }
  });
});
