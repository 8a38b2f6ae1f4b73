import { Scalar } from "yaml";

/**
 * The text of a scalar together with where each of its characters sits in
 * the file. An expression inside YAML is parsed from the scalar's *value*,
 * which can differ from the file's text: quotes, escapes (`\"`, `\u00e9`),
 * indentation of block scalars and folded line breaks. `starts[i]` and
 * `ends[i]` are the file offsets covered by the value's character `i`;
 * `starts[text.length]` is where the value ends.
 */
export interface ScalarText {
  readonly text: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** True when the value is a verbatim, single-line copy of the file from `starts[0]` (then an origin shift is exact). */
  readonly verbatim: boolean;
}

const isBlank = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\n" || c === "\r";

/**
 * The expression text of a scalar and its offset map. Strings give their
 * value; numbers and booleans give their text as written in a plain scalar
 * (`+20` stays `+20`; YAML's `True` reads as `true`).
 */
export function scalarText(source: string, scalar: Scalar): ScalarText {
  const [start, valueEnd] = scalar.range ?? [0, 0];
  if (typeof scalar.value !== "string") {
    const written = scalar.type === Scalar.PLAIN || scalar.type === undefined ? source.slice(start, valueEnd) : String(scalar.value);
    const text = typeof scalar.value === "boolean" ? written.toLowerCase() : written;
    return identity(text, start);
  }
  const value = scalar.value;
  switch (scalar.type) {
    case Scalar.QUOTE_DOUBLE:
      return align(source, value, start + 1, valueEnd - 1, "double");
    case Scalar.QUOTE_SINGLE:
      return align(source, value, start + 1, valueEnd - 1, "single");
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL: {
      // The value starts on the line after the `|`/`>` header (which may carry a comment).
      const lineEnd = source.indexOf("\n", start);
      return align(source, value, lineEnd < 0 ? valueEnd : lineEnd + 1, valueEnd, "block");
    }
    default:
      return align(source, value, start, valueEnd, "plain");
  }
}

function identity(text: string, start: number): ScalarText {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    starts.push(start + i);
    ends.push(start + i + 1);
  }
  starts.push(start + text.length);
  return { text, starts, ends, verbatim: !text.includes("\n") };
}

/** The length of a double-quoted escape starting at `at` (the backslash), per YAML 1.2. */
function escapeLength(source: string, at: number): number {
  const kind = source[at + 1];
  if (kind === "x") return 4;
  if (kind === "u") return 6;
  if (kind === "U") return 10;
  return 2;
}

/**
 * Aligns a scalar's value with its source text, character by character.
 * Characters that match map to themselves; a space or line break of the value
 * may stand for any run of blanks in the file (folding); indentation and
 * other blanks the value dropped are skipped; a double-quoted escape maps
 * wholly to its backslash. When the two disagree in a way these rules do not
 * explain, the rest of the value maps to the last known position: a range
 * may then be too short, but it never points past the scalar.
 */
function align(source: string, value: string, contentStart: number, contentEnd: number, style: "double" | "single" | "plain" | "block"): ScalarText {
  const starts: number[] = [];
  const ends: number[] = [];
  let p = contentStart;
  let exact = true;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    for (;;) {
      if (p >= contentEnd) {
        starts.push(contentEnd);
        ends.push(contentEnd);
        exact = false;
        break;
      }
      const s = source[p];
      if (style === "double" && s === "\\") {
        if (source[p + 1] === "\n" || source[p + 1] === "\r") {
          // An escaped line break joins lines and produces no character.
          p += source[p + 1] === "\r" && source[p + 2] === "\n" ? 3 : 2;
          exact = false;
          continue;
        }
        const length = escapeLength(source, p);
        starts.push(p);
        ends.push(p + length);
        // A \U escape beyond the BMP is two UTF-16 units in the value.
        const next = value.charCodeAt(i);
        if (next >= 0xd800 && next <= 0xdbff && i + 1 < value.length) {
          starts.push(p);
          ends.push(p + length);
          i++;
        }
        p += length;
        exact = false;
        break;
      }
      if (style === "single" && s === "'" && source[p + 1] === "'") {
        starts.push(p);
        ends.push(p + 2);
        p += 2;
        exact = false;
        break;
      }
      if (s === c) {
        starts.push(p);
        ends.push(p + 1);
        p++;
        break;
      }
      if (isBlank(c) && isBlank(s)) {
        starts.push(p);
        ends.push(p + 1);
        p++;
        exact = false;
        break;
      }
      if (isBlank(s)) {
        p++;
        exact = false;
        continue;
      }
      starts.push(p);
      ends.push(p);
      exact = false;
      break;
    }
  }
  starts.push(Math.min(p, contentEnd));
  const verbatim = exact && !value.includes("\n") && starts[0] === contentStart;
  return { text: value, starts, ends, verbatim };
}
