import type { Diagnostic } from "@qualify/ir";
import type { IToken } from "chevrotain";
import type { PositionMapper } from "../lexer/positions.js";
import { resolveLimits, type Limits } from "../limits.js";
import { CstToAst } from "./cst-to-ast.js";
import { parseModel, type ParseOptions, type ParseResult } from "./parse.js";
import { parseTokens, type PieceParser } from "./parse-pieces.js";
import type { EntryRule } from "./parser.js";
import { positionsWithin, shiftPositions } from "./shift-positions.js";

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
 */
export interface IncrementalParser {
  /** Parses `text`; `file` is put on every diagnostic, as with `parse`. Never throws on any text. */
  parse(text: string, options?: Pick<ParseOptions, "file">): ParseResult;
  /** Forgets every cached piece (memory is otherwise bounded by the last few versions' pieces). */
  reset(): void;
}

/** A piece's tree as parsed at `offset`/`line` (the position of its first token then). */
interface Entry {
  readonly tree: unknown;
  readonly offset: number;
  readonly line: number;
}

/**
 * Versions a cached piece survives unused. Keeping a few (not one) means
 * that undoing an edit, or toggling a character while typing, finds the
 * pieces of the version before; a piece is carried forward whenever it is
 * used, so memory stays near one version's pieces.
 */
const GENERATIONS = 3;

/**
 * Creates an {@link IncrementalParser}.
 *
 * Every piece the parser cuts a model into (a declaration, or one rule of
 * a score group) is parsed on its own, so its tree depends only on its own
 * tokens. The cache key is the piece's entry rule, the column of its first
 * token and its source text: equal keys mean equal tokens at the same
 * columns. A hit is copied with its offsets and lines moved to where the
 * piece is now. Pieces with any diagnostic are always parsed afresh, since
 * messages may name lines (an unclosed bracket's opener).
 *
 * @throws TypeError for unknown or invalid limits, as `parse` does.
 */
export function createIncrementalParser(options: IncrementalParserOptions = {}): IncrementalParser {
  const limits = resolveLimits(options.limits);
  let generations: Map<string, Entry>[] = [new Map()];

  const piecesFor = (text: string) => (positions: PositionMapper, diagnostics: Diagnostic[]): PieceParser => {
    const own: Diagnostic[] = [];
    const builder = new CstToAst(positions, limits, own);
    const current = generations[0] as Map<string, Entry>;
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
      const key = `${rule}\u0000${first.startColumn ?? 1}\u0000${text.slice(start, end)}`;
      const found = lookup(generations, key);
      if (found !== undefined) {
        const moved: Entry =
          found.offset === start && found.line === line
            ? found
            : { tree: shiftPositions(found.tree, { offset: start - found.offset, line: line - found.line }), offset: start, line };
        current.set(key, moved);
        return moved.tree as R;
      }
      const tree = parseAfresh<R>(piece, rule);
      if (own.length === 0 && tree !== undefined && positionsWithin(tree, start, end)) current.set(key, { tree, offset: start, line });
      return tree;
    };
  };

  return {
    parse(text, parseOptions = {}) {
      generations = [new Map(), ...generations.slice(0, GENERATIONS - 1)];
      return parseModel(text, limits, parseOptions, piecesFor(text));
    },
    reset() {
      generations = [new Map()];
    },
  };
}

/** The newest entry under `key`, removed from the older generation it was found in (the caller re-files it). */
function lookup(generations: readonly Map<string, Entry>[], key: string): Entry | undefined {
  for (let i = 0; i < generations.length; i++) {
    const generation = generations[i] as Map<string, Entry>;
    const entry = generation.get(key);
    if (entry === undefined) continue;
    if (i > 0) generation.delete(key);
    return entry;
  }
  return undefined;
}
