/**
 * Reading the text around the cursor. Completion cannot rely on the syntax
 * tree alone: while the user types, the text is usually broken exactly where
 * the cursor is, so the immediate context is read from the characters.
 */

const WORD_CHAR = /[A-Za-z0-9_]/;

/** The start and end offsets of the name around `offset` (empty when there is none). */
export function wordAt(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && WORD_CHAR.test(text.charAt(start - 1))) start--;
  let end = offset;
  while (end < text.length && WORD_CHAR.test(text.charAt(end))) end++;
  return { start, end };
}

/**
 * The dotted path before a `.` that ends just before `wordStart`
 * (`company.` -> "company", `a.b.` -> "a.b"), or undefined when the word
 * does not follow a dot.
 */
export function dottedPathBefore(text: string, wordStart: number): string | undefined {
  if (text.charAt(wordStart - 1) !== ".") return undefined;
  let start = wordStart - 1;
  while (start > 0 && /[A-Za-z0-9_.]/.test(text.charAt(start - 1))) start--;
  const path = text.slice(start, wordStart - 1);
  return /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(path) ? path : undefined;
}

/** The text of the line that holds `offset`, up to `offset`. */
export function linePrefix(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return text.slice(lineStart, offset);
}

/** Whether `offset` is inside a string literal or a `#` comment on its line. */
export function isInCommentOrString(text: string, offset: number): boolean {
  const prefix = linePrefix(text, offset);
  let inString = false;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix.charAt(i);
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "#") return true;
  }
  return inString;
}

/**
 * Whether the cursor is where an input field's type goes: in Qual
 * `name: |` or `name: list of |`; in the YAML data form, where every line is
 * `key: value`, only after a `type:` key (`type: |`, `type: { list: |`).
 */
export function isTypePosition(text: string, offset: number, format: "qual" | "yaml" | "json" = "qual"): boolean {
  const prefix = linePrefix(text, offset);
  if (format !== "qual") return /(?:^|[\s{,])"?type"?\s*:\s*(?:\{\s*"?list"?\s*:\s*)*"?[A-Za-z_]*$/.test(prefix);
  return /^\s*[A-Za-z_]\w*\s*:\s*(?:list\s+of\s+)*[A-Za-z_]*$/.test(prefix);
}

/** Whether only whitespace precedes the current word on its line: a declaration may start here. */
export function isLineStart(text: string, wordStart: number): boolean {
  return linePrefix(text, wordStart).trim() === "";
}
