/**
 * Spelling SQL tokens. Both dialects follow the standard here: identifiers in
 * double quotes (a quote doubled inside), text in single quotes (doubled), and
 * backslashes are plain characters in both (PostgreSQL's
 * `standard_conforming_strings` is on by default since 9.1).
 */

/** A quoted identifier: `"company.size"`. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A text literal: `'it''s'`. NUL cannot be stored in either engine's text, so it is refused. */
export function textLiteral(text: string): string {
  if (text.includes("\u0000")) throw new RangeError("A text holding the NUL character cannot be written as SQL text.");
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * A finite number as a literal the engine reads to the same double:
 * JavaScript prints the shortest text that round-trips, and both engines
 * parse decimal text correctly rounded.
 */
export function numberText(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`${x} is not a finite number.`);
  const text = String(x + 0);
  return text.startsWith("-") ? `(${text})` : text;
}

/** A SQL comment line (`-- text`), with line breaks in the text flattened so it cannot end the comment early. */
export function comment(text: string): string {
  return `-- ${text.replace(/[\r\n\u2028\u2029]+/g, " ")}`;
}

/** Indents every line of a block by `n` spaces. */
export function indent(block: string, n = 2): string {
  const pad = " ".repeat(n);
  return block
    .split("\n")
    .map((line) => (line === "" ? line : pad + line))
    .join("\n");
}
