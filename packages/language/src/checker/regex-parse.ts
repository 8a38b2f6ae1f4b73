/**
 * A small parser for JavaScript regular expressions, just detailed enough for
 * the backtracking analysis in check-regex.ts. It runs only on patterns the
 * RegExp constructor has already accepted, so it is lenient about errors.
 */

/** A node of a parsed pattern; `source` is the pattern text it came from. */
export type RegexNode =
  | { readonly t: "alt"; readonly branches: readonly RegexNode[]; readonly source: string }
  | { readonly t: "seq"; readonly items: readonly RegexNode[]; readonly source: string }
  /** `start`/`end`: where the repetition sits in the pattern, to point diagnostics at it. */
  | { readonly t: "repeat"; readonly body: RegexNode; readonly min: number; readonly max: number; readonly source: string; readonly start: number; readonly end: number }
  | { readonly t: "group"; readonly body: RegexNode; readonly zeroWidth: boolean; readonly source: string }
  /** One character from a set: a literal, an escape such as `\w`, `.` or a `[...]` class. */
  | { readonly t: "char"; readonly source: string }
  /** `^`, `$`, `\b`, `\B`: match no characters. */
  | { readonly t: "assert"; readonly source: string }
  | { readonly t: "backref"; readonly source: string };

/** Parses a pattern that the RegExp constructor accepts. */
export function parseRegex(pattern: string): RegexNode {
  let pos = 0;
  const peek = (): string | undefined => pattern[pos];

  const parseAlternation = (): RegexNode => {
    const start = pos;
    const branches: RegexNode[] = [parseSequence()];
    while (peek() === "|") {
      pos++;
      branches.push(parseSequence());
    }
    return branches.length === 1 ? branches[0]! : { t: "alt", branches, source: pattern.slice(start, pos) };
  };

  const parseSequence = (): RegexNode => {
    const start = pos;
    const items: RegexNode[] = [];
    while (pos < pattern.length && peek() !== "|" && peek() !== ")") {
      items.push(parseQuantified());
    }
    return items.length === 1 ? items[0]! : { t: "seq", items, source: pattern.slice(start, pos) };
  };

  const parseQuantified = (): RegexNode => {
    const start = pos;
    const atom = parseAtom();
    let min: number;
    let max: number;
    const c = peek();
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(pos));
      if (braces === null) return atom;
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] === "" ? Infinity : Number(braces[3]);
      pos += braces[0].length - 1;
    } else return atom;
    pos++;
    if (peek() === "?") pos++;
    return { t: "repeat", body: atom, min, max, source: pattern.slice(start, pos), start, end: pos };
  };

  const parseAtom = (): RegexNode => {
    const start = pos;
    const c = pattern[pos++];
    switch (c) {
      case "(": {
        let zeroWidth = false;
        if (pattern.startsWith("?:", pos)) pos += 2;
        else if (pattern.startsWith("?=", pos) || pattern.startsWith("?!", pos)) {
          pos += 2;
          zeroWidth = true;
        } else if (pattern.startsWith("?<=", pos) || pattern.startsWith("?<!", pos)) {
          pos += 3;
          zeroWidth = true;
        } else if (pattern.startsWith("?<", pos)) {
          pos = pattern.indexOf(">", pos) + 1;
        }
        const body = parseAlternation();
        if (peek() === ")") pos++;
        return { t: "group", body, zeroWidth, source: pattern.slice(start, pos) };
      }
      case "[": {
        while (pos < pattern.length && pattern[pos] !== "]") pos += pattern[pos] === "\\" ? 2 : 1;
        pos++;
        return { t: "char", source: pattern.slice(start, pos) };
      }
      case "^":
      case "$":
        return { t: "assert", source: c };
      case "\\":
        return parseEscape(start);
      default:
        return { t: "char", source: pattern.slice(start, pos) };
    }
  };

  const parseEscape = (start: number): RegexNode => {
    const c = pattern[pos++] ?? "";
    if (c === "b" || c === "B") return { t: "assert", source: pattern.slice(start, pos) };
    if (/[1-9]/.test(c)) {
      while (/[0-9]/.test(peek() ?? "")) pos++;
      return { t: "backref", source: pattern.slice(start, pos) };
    }
    if (c === "k" && peek() === "<") {
      pos = pattern.indexOf(">", pos) + 1;
      return { t: "backref", source: pattern.slice(start, pos) };
    }
    const fixed = c === "u" ? (peek() === "{" ? pattern.indexOf("}", pos) + 1 - pos : 4) : c === "x" ? 2 : c === "c" ? 1 : 0;
    pos += Math.max(0, fixed);
    return { t: "char", source: pattern.slice(start, pos) };
  };

  const root = parseAlternation();
  return root;
}
