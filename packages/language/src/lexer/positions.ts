import type { SourcePosition, SourceRange } from "@qualify/ir";
import type { IToken } from "chevrotain";

/** The position of the first character of a text that is not embedded in another. */
export const START_OF_TEXT: SourcePosition = Object.freeze({ offset: 0, line: 1, column: 1 });

/**
 * Turns chevrotain token positions into SourceRanges. An expression embedded
 * in a YAML file starts at `origin`, so every position is shifted by it:
 * offsets always, columns on the first line only (later lines start afresh).
 */
export class PositionMapper {
  constructor(private readonly origin: SourcePosition = START_OF_TEXT) {}

  /** A position from a 0-based offset and 1-based line and column of the text itself. */
  at(offset: number, line: number, column: number): SourcePosition {
    const o = this.origin;
    return {
      offset: offset + o.offset,
      line: line + o.line - 1,
      column: line === 1 ? column + o.column - 1 : column,
    };
  }

  /** Where a token starts. */
  startOf(token: IToken): SourcePosition {
    return this.at(token.startOffset, token.startLine ?? 1, token.startColumn ?? 1);
  }

  /** Just past a token's last character (tokens never span lines except whitespace, which is skipped). */
  endOf(token: IToken): SourcePosition {
    return this.at((token.endOffset ?? token.startOffset) + 1, token.endLine ?? 1, (token.endColumn ?? 1) + 1);
  }

  /** The range of one token. */
  tokenRange(token: IToken): SourceRange {
    return { start: this.startOf(token), end: this.endOf(token) };
  }

  /** From the start of `first` to the end of `last`. */
  span(first: IToken, last: IToken): SourceRange {
    return { start: this.startOf(first), end: this.endOf(last) };
  }

  /** An empty range at a position. */
  point(position: SourcePosition): SourceRange {
    return { start: position, end: position };
  }
}

/** True for tokens with a real position (chevrotain's EOF and inserted tokens have NaN offsets). */
export function isRealToken(token: IToken | undefined): token is IToken {
  return token !== undefined && Number.isFinite(token.startOffset) && token.tokenType.name !== "EOF";
}
