import type { SourcePosition, SourceRange } from "@qualify/ir";
import type { StringLiteral } from "../ast.js";
import type { Report } from "./context.js";
import { parseRegex } from "./regex-parse.js";
import type { RegexNode } from "./regex-parse.js";

/**
 * Characters that stand for "every character" when comparing character sets:
 * ASCII, and a few letters, spaces and symbols beyond it. Two sets overlap when
 * some sample is in both; sampling keeps the analysis small and conservative
 * for the patterns people write (words, digits, punctuation, spaces).
 */
const SAMPLES: readonly string[] = [
  ...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)),
  "é", "ß", "ü", "Ω", "я", "中", "\u00a0", "\u2028", "\u2019", "€",
];

type CharSet = readonly boolean[];

const setCache = new Map<string, CharSet>();

/** The samples a one-character atom (`a`, `\w`, `.`, `[a-z]`) matches, ignoring case as Qual does. */
function charSet(source: string): CharSet {
  const cached = setCache.get(source);
  if (cached !== undefined) return cached;
  let set: CharSet;
  try {
    const re = new RegExp(`^(?:${source})$`, "i");
    set = SAMPLES.map((c) => re.test(c));
  } catch {
    set = SAMPLES.map(() => true);
  }
  // Bounded, since an editor checks many versions of a model in one long-lived worker.
  if (setCache.size > 1000) setCache.clear();
  setCache.set(source, set);
  return set;
}

function overlaps(a: CharSet, b: CharSet): boolean {
  return a.some((inA, i) => inA && b[i] === true);
}

function union(a: CharSet, b: CharSet): CharSet {
  return a.map((inA, i) => inA || b[i] === true);
}

const NOTHING: CharSet = SAMPLES.map(() => false);

/** True when the node can match the empty string. */
function nullable(node: RegexNode): boolean {
  switch (node.t) {
    case "alt":
      return node.branches.some(nullable);
    case "seq":
      return node.items.every(nullable);
    case "repeat":
      return node.min === 0 || nullable(node.body);
    case "group":
      return node.zeroWidth || nullable(node.body);
    case "char":
      return false;
    default:
      return true;
  }
}

/** The characters a match of the node can start with. */
function firstSet(node: RegexNode): CharSet {
  switch (node.t) {
    case "alt":
      return node.branches.map(firstSet).reduce(union, NOTHING);
    case "seq": {
      let set = NOTHING;
      for (const item of node.items) {
        set = union(set, firstSet(item));
        if (!nullable(item)) break;
      }
      return set;
    }
    case "repeat":
      return firstSet(node.body);
    case "group":
      return node.zeroWidth ? NOTHING : firstSet(node.body);
    case "char":
      return charSet(node.source);
    default:
      return NOTHING;
  }
}

/** True when the node can match some non-empty text made only of characters in `set`. */
function canStayWithin(node: RegexNode, set: CharSet): boolean {
  switch (node.t) {
    case "alt":
      return node.branches.some((b) => canStayWithin(b, set));
    case "seq":
      return node.items.every((item) => canStayWithin(item, set));
    case "repeat":
      return node.min === 0 || canStayWithin(node.body, set);
    case "group":
      return node.zeroWidth || canStayWithin(node.body, set);
    case "char":
      return overlaps(charSet(node.source), set);
    default:
      return true;
  }
}

/** Every unbounded repetition inside a node (not counting the node itself). */
function innerRepeats(node: RegexNode, out: Array<RegexNode & { t: "repeat" }>): void {
  const children: readonly RegexNode[] =
    node.t === "alt" ? node.branches : node.t === "seq" ? node.items : node.t === "repeat" || node.t === "group" ? [node.body] : [];
  for (const child of children) {
    if (child.t === "repeat" && child.max === Infinity) out.push(child);
    innerRepeats(child, out);
  }
}

/** Every alternation with overlapping branches inside a node. */
function overlappingAlternation(node: RegexNode): RegexNode | undefined {
  if (node.t === "alt") {
    const firsts = node.branches.map(firstSet);
    for (let i = 0; i < firsts.length; i++) {
      for (let j = i + 1; j < firsts.length; j++) {
        if (overlaps(firsts[i]!, firsts[j]!) || (nullable(node.branches[i]!) && nullable(node.branches[j]!))) return node;
      }
    }
  }
  const children: readonly RegexNode[] =
    node.t === "alt" ? node.branches : node.t === "seq" ? node.items : node.t === "repeat" || node.t === "group" ? [node.body] : [];
  for (const child of children) {
    const found = overlappingAlternation(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The one-character atom a repetition repeats, if it is that simple. */
function repeatedAtom(repeat: RegexNode & { t: "repeat" }): string | undefined {
  let body = repeat.body;
  while (body.t === "group" && !body.zeroWidth) body = body.body;
  return body.t === "char" ? body.source : undefined;
}

type Finding = { kind: "nestedQuantifier" | "overlappingAlternation" | "overlappingRepeats"; part: string; start: number; end: number };

/**
 * A bounded repetition of this many rounds or more counts as repeated too:
 * `(.*a){12}` tries every way to cut the text into 12 pieces, which grows with
 * the text's length to the 12th power.
 */
const NESTED_ROUNDS = 3;

/**
 * Looks for the shapes that make a backtracking engine take exponential time:
 * an unbounded repetition whose body can split the same run of characters in
 * many ways — because it holds another unbounded repetition that can consume
 * the whole body's text (`(a+)+`, `(\w+\s?)*`, but not `(\w+\.)+`), or
 * alternatives that can start with the same character (`(a|a)*`, `(\w|\d)+`).
 */
function findBacktracking(node: RegexNode): Finding | undefined {
  if (node.t === "repeat" && node.max >= NESTED_ROUNDS) {
    const inner: Array<RegexNode & { t: "repeat" }> = [];
    innerRepeats(node.body, inner);
    for (const repeat of inner) {
      const atom = repeatedAtom(repeat);
      if (atom === undefined || canStayWithin(node.body, charSet(atom))) {
        return { kind: "nestedQuantifier", part: `\`${node.source}\``, start: node.start, end: node.end };
      }
    }
    if (node.max === Infinity && overlappingAlternation(node.body) !== undefined) {
      return { kind: "overlappingAlternation", part: `\`${node.source}\``, start: node.start, end: node.end };
    }
  }
  const children: readonly RegexNode[] =
    node.t === "alt" ? node.branches : node.t === "seq" ? node.items : node.t === "repeat" || node.t === "group" ? [node.body] : [];
  for (const child of children) {
    const found = findBacktracking(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Two unbounded repetitions in a row over shared characters, with nothing
 * between them that must match something else (`a*a*b`, `\d+\d+x`,
 * `x.*y.*z`): at each start of the (unanchored) search the engine tries every
 * way to split a run between the two, so the time grows with the cube of the
 * text's length (minutes for a few thousand characters). Reported only when
 * something follows the second repetition in the same sequence (else the
 * first way to split already matches) and the pattern does not start with
 * `^` (one start only: quadratic, like any single repetition).
 */
function findOverlappingRepeats(node: RegexNode, pattern: string, anchored: boolean): Finding | undefined {
  if (node.t === "seq" && !anchored) {
    const items = node.items;
    for (let i = 0; i < items.length; i++) {
      const first = items[i] as RegexNode;
      const firstAtom = first.t === "repeat" && first.max === Infinity ? repeatedAtom(first) : undefined;
      if (first.t !== "repeat" || firstAtom === undefined) continue;
      const firstSet = charSet(firstAtom);
      for (let j = i + 1; j < items.length - 1; j++) {
        const second = items[j] as RegexNode;
        const secondAtom = second.t === "repeat" && second.max === Infinity ? repeatedAtom(second) : undefined;
        if (second.t === "repeat" && secondAtom !== undefined) {
          const shared = charSet(secondAtom).map((inSecond, k) => inSecond && firstSet[k] === true);
          const between = items.slice(i + 1, j);
          if (shared.some(Boolean) && between.every((item) => nullable(item) || canStayWithin(item, shared))) {
            return { kind: "overlappingRepeats", part: `\`${pattern.slice(first.start, second.end)}\``, start: first.start, end: second.end };
          }
        }
        // Past an item the first repetition cannot run through, the two no longer compete for characters.
        if (!nullable(second) && !canStayWithin(second, firstSet)) break;
      }
    }
  }
  const children: readonly RegexNode[] =
    node.t === "alt" ? node.branches : node.t === "seq" ? node.items : node.t === "repeat" || node.t === "group" ? [node.body] : [];
  for (const child of children) {
    const found = findOverlappingRepeats(child, pattern, anchored);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Checks the pattern of `matches`: valid JavaScript regex syntax (as compiled
 * with the `i` flag, since text matching ignores case), and free of
 * catastrophic backtracking. Reports at the pattern's string literal.
 */
export function checkRegex(pattern: StringLiteral, report: Report): boolean {
  try {
    new RegExp(pattern.value, "i");
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "") : String(error);
    report("invalidRegex", pattern.range, [detail]);
    return false;
  }
  const tree = parseRegex(pattern.value);
  const anchored = tree.t === "seq" && tree.items[0]?.t === "assert" && tree.items[0].source === "^";
  const finding = findBacktracking(tree) ?? findOverlappingRepeats(tree, pattern.value, anchored);
  if (finding === undefined) return true;
  report(finding.kind, rangeInString(pattern, finding.start, finding.end), [finding.part]);
  return false;
}

/**
 * The source range of characters `[from, to)` of a string literal's value.
 * The tree keeps only the unescaped value, so the written form is inferred
 * from the literal's length: `"` and `\` are always escaped, and newlines and
 * tabs are either all escaped or all written as is. When that does not add
 * up, or the literal spans lines, the whole literal is the range.
 */
export function rangeInString(literal: StringLiteral, from: number, to: number): SourceRange {
  const { start, end } = literal.range;
  const value = literal.value;
  if (start.line !== end.line) return literal.range;
  const writtenLength = end.offset - start.offset - 2;
  const alwaysEscaped = (value.match(/["\\]/g) ?? []).length;
  const controls = (value.match(/[\n\t]/g) ?? []).length;
  const escapesControls = value.length + alwaysEscaped + controls === writtenLength;
  if (!escapesControls && value.length + alwaysEscaped !== writtenLength) return literal.range;
  const widthOf = (c: string): number => (c === '"' || c === "\\" || (escapesControls && (c === "\n" || c === "\t")) ? 2 : 1);
  let column = 1;
  let fromColumn = 1;
  for (let i = 0; i < to; i++) {
    if (i === from) fromColumn = column;
    column += widthOf(value[i] ?? "");
  }
  const at = (delta: number): SourcePosition => ({ offset: start.offset + delta, line: start.line, column: start.column + delta });
  return { start: at(fromColumn), end: at(column) };
}
