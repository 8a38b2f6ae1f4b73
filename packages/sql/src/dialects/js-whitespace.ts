/**
 * The characters JavaScript's `String.prototype.trim` removes (ECMAScript
 * WhiteSpace and LineTerminator), spelled out for SQL `trim`/`btrim`, whose
 * default removes spaces only.
 */
export const JS_WHITESPACE =
  " \t\n\u000b\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/**
 * JavaScript-only spellings in a `matches` pattern that RE2 reads
 * differently or not at all (the closures rewrite them before running RE2);
 * a pattern using one is refused for SQL rather than run with another meaning.
 */
export function jsOnlyRegexSpelling(pattern: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      if ("ucpPkK".includes(next) && next !== "") return `\\${next}`;
      i++;
    } else if (inClass) {
      if (c === "]") inClass = false;
    } else if (c === "[") {
      if (pattern.startsWith("[^]", i) || pattern.startsWith("[]", i)) return pattern.startsWith("[^]", i) ? "[^]" : "[]";
      inClass = true;
      if (pattern[i + 1] === "^") i++;
      if (pattern[i + 1] === "]") i++;
    } else if (c === "(" && pattern.startsWith("(?<", i)) {
      return "(?<";
    }
  }
  return undefined;
}
