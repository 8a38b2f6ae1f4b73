/**
 * The parts of JavaScript regex syntax that a linear-time engine cannot run:
 * backreferences (`\1`, `\k<name>`) and lookaround (`(?=`, `(?!`, `(?<=`,
 * `(?<!`). Both the checker (to report them at the pattern) and the
 * evaluator (to refuse a saved IR carrying one) ask this one scanner, so they
 * agree on what a `matches` pattern may use.
 */
export type UnsupportedRegexFeature = {
  readonly kind: "backreference" | "lookaround";
  /** The construct as written, e.g. `\1` or `(?=`. */
  readonly text: string;
  /** Where it sits in the pattern: characters `[start, end)`. */
  readonly start: number;
  readonly end: number;
};

const LOOKAROUND = ["(?=", "(?!", "(?<=", "(?<!"] as const;

/** The first backreference or lookaround in the pattern, or undefined. Escapes and character classes are skipped as JavaScript reads them. */
export function findUnsupportedRegexFeature(pattern: string): UnsupportedRegexFeature | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      // Inside a class, `\1` is an octal escape and `\k` a letter, not references.
      if (!inClass && next >= "1" && next <= "9") {
        let end = i + 2;
        while (end < pattern.length && pattern[end]! >= "0" && pattern[end]! <= "9") end++;
        return { kind: "backreference", text: pattern.slice(i, end), start: i, end };
      }
      if (!inClass && next === "k" && pattern[i + 2] === "<") {
        const close = pattern.indexOf(">", i + 3);
        const end = close === -1 ? i + 3 : close + 1;
        return { kind: "backreference", text: pattern.slice(i, end), start: i, end };
      }
      i++;
    } else if (inClass) {
      if (c === "]") inClass = false;
    } else if (c === "[") {
      inClass = true;
      // `[]...` and `[^]...`: JavaScript reads a `]` right after as the end of an empty class.
    } else if (c === "(") {
      const look = LOOKAROUND.find((l) => pattern.startsWith(l, i));
      if (look !== undefined) return { kind: "lookaround", text: look, start: i, end: i + look.length };
    }
  }
  return undefined;
}
