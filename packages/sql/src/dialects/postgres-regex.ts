/**
 * Translates a `matches` pattern (JavaScript syntax, run by the closures on
 * RE2) into a PostgreSQL advanced regular expression with the same matches,
 * for the subset where the two engines agree once spelled right: literal
 * ASCII characters, `.` (RE2: any character but a line feed; PostgreSQL's
 * `.` takes line feeds too, so it becomes `[^\n]`), `\d \w \s` and their
 * negations (`\s` spelled out: PostgreSQL's also takes vertical tab), `\b`
 * (PostgreSQL `\y`), bracket classes of literal characters and ranges,
 * groups, alternation, anchors and the quantifiers. Anything else is refused
 * with the reason, so a model never runs with another meaning.
 */
export function translateForPostgres(pattern: string): { readonly pattern: string } | { readonly error: string } {
  let out = "";
  let i = 0;
  const fail = (what: string): { error: string } => ({ error: `${what} (at character ${i + 1}) has no identical PostgreSQL spelling` });
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c.charCodeAt(0) > 0x7e || c.charCodeAt(0) < 0x20) return fail(`the character ${JSON.stringify(c)} (case folding differs outside ASCII)`);
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      const escape = ESCAPES[next];
      if (escape !== undefined) out += escape;
      else if (/[^A-Za-z0-9]/.test(next) && next !== "") out += `\\${next}`;
      else return fail(`the escape \\${next}`);
      i += 2;
    } else if (c === ".") {
      out += "[^\\n]";
      i++;
    } else if (c === "[") {
      const end = bracketEnd(pattern, i);
      if (typeof end !== "number") return fail(end.error);
      out += translateClass(pattern.slice(i, end + 1));
      i = end + 1;
    } else if (c === "(") {
      if (pattern[i + 1] === "?") {
        if (pattern[i + 2] !== ":") return fail("a group flag or name `(?`");
        out += "(?:";
        i += 3;
      } else {
        out += "(";
        i++;
      }
    } else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (m === null || out === "" || /[(|]$/.test(out)) return fail("a `{` that is not a repetition");
      out += m[0];
      i += m[0].length;
    } else {
      out += c;
      i++;
    }
  }
  return { pattern: out };
}

const SPACE = "\\t\\n\\f\\r ";
const ESCAPES: Readonly<Record<string, string>> = {
  d: "\\d",
  D: "\\D",
  w: "\\w",
  W: "\\W",
  s: `[${SPACE}]`,
  S: `[^${SPACE}]`,
  b: "\\y",
  B: "\\Y",
  n: "\\n",
  t: "\\t",
  r: "\\r",
  f: "\\f",
  v: "\\v",
};

/** The index of the `]` closing the class that opens at `start`, or why it cannot be translated. */
function bracketEnd(pattern: string, start: number): number | { error: string } {
  let i = start + 1;
  if (pattern[i] === "^") i++;
  if (pattern[i] === "]") return { error: "an empty or `]`-first class" };
  for (; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c.charCodeAt(0) > 0x7e || c.charCodeAt(0) < 0x20) return { error: `the character ${JSON.stringify(c)} in a class` };
    if (c === "[") return { error: "a `[` inside a class" };
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      if (!/^[dws\\\]\[\-^.ntrf]$/.test(next)) return { error: `the escape \\${next} inside a class` };
      i++;
    } else if (c === "]") {
      return i;
    }
  }
  return { error: "an unclosed class" };
}

function translateClass(text: string): string {
  return text.replace(/\\s/g, SPACE);
}
