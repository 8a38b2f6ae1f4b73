import type { ILexingError, IToken } from "chevrotain";
import { tokenize, type RawLex } from "./lexer.js";

/**
 * Lexes successive versions of one text, re-lexing only the lines an edit
 * touched. In Qual no token spans a line break (strings and comments end at
 * the line's end; only skipped whitespace crosses lines), so lexing from the
 * start of a line gives the same tokens as lexing from the start of the
 * text, and the tokens of the untouched lines are those of the last
 * version: the ones after the edit are moved in place by its length and
 * line count. The tokens are private to the parser (no syntax tree or
 * diagnostic refers to one), which is what makes moving them safe.
 */
export class IncrementalLexer {
  private text: string | undefined;
  private raw: RawLex | undefined;

  /** The raw lex of `text`, equal to `tokenize(text)`. */
  tokenize(text: string): RawLex {
    const previous = this.text;
    const raw = this.raw;
    const next = previous === undefined || raw === undefined ? tokenize(text) : relex(previous, raw, text);
    this.text = text;
    this.raw = next;
    return next;
  }
}

function relex(previous: string, raw: RawLex, text: string): RawLex {
  if (previous === text) return raw;
  let prefix = 0;
  const shorter = Math.min(previous.length, text.length);
  while (prefix < shorter && previous.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && previous.charCodeAt(previous.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  // Whole lines: from the start of the first changed line to just past the end of the last one.
  const start = prefix === 0 ? 0 : text.lastIndexOf("\n", prefix - 1) + 1;
  const lineBreak = previous.indexOf("\n", previous.length - suffix);
  const oldEnd = lineBreak < 0 ? previous.length : lineBreak + 1;
  const delta = text.length - previous.length;
  const newEnd = oldEnd + delta;
  const lineDelta = countLineBreaks(text, start, newEnd) - countLineBreaks(previous, start, oldEnd);
  const firstLine = countLineBreaks(text, 0, start) + 1;
  const middle = tokenize(text.slice(start, newEnd));
  return {
    tokens: splice(raw.tokens, middle.tokens, start, oldEnd, firstLine, delta, lineDelta),
    comments: splice(raw.comments, middle.comments, start, oldEnd, firstLine, delta, lineDelta),
    errors: spliceErrors(raw.errors, middle.errors, start, oldEnd, firstLine, delta, lineDelta),
  };
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/** The tokens before `start`, the re-lexed ones placed at `start`, and the ones from `oldEnd` on, moved. */
function splice(old: readonly IToken[], middle: readonly IToken[], start: number, oldEnd: number, firstLine: number, delta: number, lineDelta: number): IToken[] {
  const out: IToken[] = [];
  let i = 0;
  while (i < old.length && (old[i] as IToken).startOffset < start) out.push(old[i++] as IToken);
  for (const token of middle) out.push(place(token, start, firstLine - 1));
  while (i < old.length && (old[i] as IToken).startOffset < oldEnd) i++;
  for (; i < old.length; i++) out.push(place(old[i] as IToken, delta, lineDelta));
  return out;
}

function place(token: IToken, offset: number, lines: number): IToken {
  if (offset === 0 && lines === 0) return token;
  token.startOffset += offset;
  if (token.endOffset !== undefined) token.endOffset += offset;
  if (token.startLine !== undefined) token.startLine += lines;
  if (token.endLine !== undefined) token.endLine += lines;
  return token;
}

function spliceErrors(old: readonly ILexingError[], middle: readonly ILexingError[], start: number, oldEnd: number, firstLine: number, delta: number, lineDelta: number): ILexingError[] {
  const out: ILexingError[] = [];
  let i = 0;
  while (i < old.length && (old[i] as ILexingError).offset < start) out.push(old[i++] as ILexingError);
  for (const error of middle) out.push({ ...error, offset: error.offset + start, line: (error.line ?? 1) + firstLine - 1 });
  while (i < old.length && (old[i] as ILexingError).offset < oldEnd) i++;
  for (; i < old.length; i++) {
    const error = old[i] as ILexingError;
    out.push({ ...error, offset: error.offset + delta, line: (error.line ?? 1) + lineDelta });
  }
  return out;
}
