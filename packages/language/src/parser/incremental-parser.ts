import type { Diagnostic } from "@qualify/ir";
import type { IToken } from "chevrotain";
import { IncrementalLexer } from "../lexer/incremental-lexer.js";
import type { PositionMapper } from "../lexer/positions.js";
import { resolveLimits, type Limits } from "../limits.js";
import { CstToAst } from "./cst-to-ast.js";
import { parseModel, type ParseOptions, type ParseResult } from "./parse.js";
import { parseTokens, type PieceParser } from "./parse-pieces.js";
import type { EntryRule } from "./parser.js";
import { movePositions, positionsWithin, shiftPositions } from "./shift-positions.js";

/** Options of {@link createIncrementalParser}: fixed for its lifetime, because cached trees depend on them. */
export interface IncrementalParserOptions {
  /** Limits to apply instead of DEFAULT_LIMITS (unknown keys throw a TypeError). */
  limits?: Partial<Limits>;
}

/**
 * A parser for successive versions of one text, as an editor sees them.
 * Each `parse` returns exactly what `parse(text)` returns (deeply equal
 * tree and diagnostics); it is faster because declarations and score rules
 * whose text did not change are not parsed again.
 *
 * The trees of a result are shared with the parser's cache, and a later
 * `parse` moves the positions of the pieces it re-uses in place (copying
 * every piece after an edit on each keystroke cost more than parsing).
 * So a result describes its text until the next `parse`: use it, or copy
 * what must outlive it, before parsing the next version. Diagnostics are
 * never shared.
 */
export interface IncrementalParser {
  /** Parses `text`; `file` is put on every diagnostic, as with `parse`. Never throws on any text. */
  parse(text: string, options?: Pick<ParseOptions, "file">): ParseResult;
  /** Forgets every cached piece (memory is otherwise bounded by the last few versions' pieces). */
  reset(): void;
}

/** A piece's tree, now at `offset`/`line` (the position of its first token), and the parse that last used it. */
interface Entry {
  readonly tree: object;
  offset: number;
  line: number;
  used: number;
}

/**
 * Parses a cached piece survives unused: at least this many, at most about
 * twice as many (the sweep runs every this many parses). Keeping a few (not
 * one) means that undoing an edit, or toggling a character while typing,
 * finds the pieces of the version before; memory stays near a few
 * versions' pieces.
 */
const GENERATIONS = 3;

/**
 * The cache: by rule and first column (a short key), then by the piece's
 * source text. The text is a slice of the parsed text, so it is hashed
 * where it lies; one long key joining all three would be copied first.
 */
type PieceCache = Map<string, Map<string, Entry>>;

/**
 * Creates an {@link IncrementalParser}.
 *
 * Every piece the parser cuts a model into (a declaration, or one rule of
 * a score group) is parsed on its own, so its tree depends only on its own
 * tokens. The cache key is the piece's entry rule, the column of its first
 * token and its source text: equal keys mean equal tokens at the same
 * columns. A hit is moved (in place) to where the piece is now: offsets and
 * lines change, columns cannot. A piece that occurs twice in one text gets
 * a copy the second time. Pieces with any diagnostic are always parsed
 * afresh, since messages may name lines (an unclosed bracket's opener).
 *
 * @throws TypeError for unknown or invalid limits, as `parse` does.
 */
export function createIncrementalParser(options: IncrementalParserOptions = {}): IncrementalParser {
  const limits = resolveLimits(options.limits);
  let cache: PieceCache = new Map();
  let lexer = new IncrementalLexer();
  let parses = 0;
  let size = 0;

  const piecesFor = (text: string, parse: number) => (positions: PositionMapper, diagnostics: Diagnostic[]): PieceParser => {
    const own: Diagnostic[] = [];
    const builder = new CstToAst(positions, limits, own);
    const parseAfresh = <R>(piece: IToken[], rule: EntryRule): R | undefined => {
      own.length = 0;
      const tree = parseTokens<R>(piece, rule, limits, positions, builder, own);
      for (const d of own) diagnostics.push(d);
      return tree;
    };
    return <R>(piece: IToken[], rule: EntryRule, contiguous: boolean): R | undefined => {
      const first = piece[0];
      const last = piece[piece.length - 1];
      if (!contiguous || first === undefined || last === undefined) return parseAfresh<R>(piece, rule);
      const start = first.startOffset;
      const end = (last.endOffset ?? last.startOffset) + 1;
      const line = first.startLine ?? 1;
      const group = `${rule}:${first.startColumn ?? 1}`;
      let pieces = cache.get(group);
      if (pieces === undefined) cache.set(group, (pieces = new Map()));
      const source = text.slice(start, end);
      const entry = pieces.get(source);
      if (entry !== undefined) {
        const shift = { offset: start - entry.offset, line: line - entry.line };
        // A piece seen earlier in this same text keeps its tree; this occurrence gets a moved copy.
        if (entry.used === parse) return shift.offset === 0 && shift.line === 0 ? (entry.tree as R) : shiftPositions(entry.tree as R, shift);
        entry.used = parse;
        if (shift.offset !== 0 || shift.line !== 0) {
          movePositions(entry.tree, shift);
          entry.offset = start;
          entry.line = line;
        }
        return entry.tree as R;
      }
      const tree = parseAfresh<R>(piece, rule);
      if (own.length === 0 && typeof tree === "object" && tree !== null && positionsWithin(tree, start, end)) {
        // A copy shares no position object between nodes, so moving it in place later moves each once.
        const unshared = shiftPositions(tree, { offset: 0, line: 0 });
        pieces.set(source, { tree: unshared, offset: start, line, used: parse });
        size++;
        return unshared;
      }
      return tree;
    };
  };

  return {
    parse(text, parseOptions = {}) {
      const parse = ++parses;
      const result = parseModel(text, limits, parseOptions, piecesFor(text, parse), (source) => lexer.tokenize(source));
      size = evictUnused(cache, parse - GENERATIONS, size);
      return result;
    },
    reset() {
      cache = new Map();
      lexer = new IncrementalLexer();
      size = 0;
    },
  };
}

/**
 * Drops the pieces no parse since `before` used, once they could be a
 * good share of the cache (a sweep is linear, so it is not done on every
 * keystroke). Returns the new size.
 */
function evictUnused(cache: PieceCache, before: number, size: number): number {
  if (size < 256 || before % GENERATIONS !== 0) return size;
  let kept = 0;
  for (const [group, pieces] of cache) {
    for (const [source, entry] of pieces) {
      if (entry.used <= before) pieces.delete(source);
      else kept++;
    }
    if (pieces.size === 0) cache.delete(group);
  }
  return kept;
}
