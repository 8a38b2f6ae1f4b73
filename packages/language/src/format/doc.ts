/**
 * A small layout document (after Wadler's "prettier printer" and Prettier's
 * doc builders): text, break points and groups that lay out flat when they
 * fit in the line width and break every break point of their own otherwise.
 * Outer groups break before inner ones, which gives the formatter's rule
 * "break at the outermost level first". Comments are part of the document
 * so that they stay next to the tokens they followed.
 */
export type Doc = string | readonly Doc[] | LineDoc | GroupDoc | IndentDoc | CommentDoc;

/** A break point: a space (or nothing when `soft`) when flat, a new line when broken; `hard` always breaks. */
export interface LineDoc {
  readonly kind: "line";
  readonly soft: boolean;
  readonly hard: boolean;
}

export interface GroupDoc {
  readonly kind: "group";
  readonly contents: Doc;
  /** A group holding a comment or a hard line can never be flat. */
  readonly broken: boolean;
}

/** New lines inside `contents` are indented one level (two spaces) more. */
export interface IndentDoc {
  readonly kind: "indent";
  readonly contents: Doc;
}

/**
 * A `#` comment. It ends its line: `ownLine` comments also start a new line,
 * the others go at the end of the current line.
 */
export interface CommentDoc {
  readonly kind: "comment";
  readonly text: string;
  readonly ownLine: boolean;
}

export const line: LineDoc = { kind: "line", soft: false, hard: false };
export const softline: LineDoc = { kind: "line", soft: true, hard: false };
export const hardline: LineDoc = { kind: "line", soft: false, hard: true };

export function indent(contents: Doc): IndentDoc {
  return { kind: "indent", contents };
}

export function comment(text: string, ownLine: boolean): CommentDoc {
  return { kind: "comment", text, ownLine };
}

export function group(contents: Doc): GroupDoc {
  return { kind: "group", contents, broken: forcesBreak(contents) };
}

function forcesBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return (doc as readonly Doc[]).some(forcesBreak);
  const d = doc as Exclude<Doc, string | readonly Doc[]>;
  switch (d.kind) {
    case "line":
      return d.hard;
    case "comment":
      return true;
    case "group":
      return d.broken;
    case "indent":
      return forcesBreak(d.contents);
  }
}

/** The text of a document on one line, without its comments (for tests on the printed text). */
export function flat(doc: Doc): string {
  if (typeof doc === "string") return doc;
  if (Array.isArray(doc)) return (doc as readonly Doc[]).map(flat).join("");
  const d = doc as Exclude<Doc, string | readonly Doc[]>;
  switch (d.kind) {
    case "line":
      return d.soft ? "" : " ";
    case "comment":
      return "";
    case "group":
    case "indent":
      return flat(d.contents);
  }
}

type Mode = "flat" | "break";

interface Command {
  readonly level: number;
  readonly mode: Mode;
  readonly doc: Doc;
}

/** Whether `next`, then what follows it up to the next new line, fits in `width` columns. */
function fits(next: Command, rest: readonly Command[], width: number): boolean {
  const todo: Command[] = [next];
  let restIndex = rest.length;
  let left = width;
  while (left >= 0) {
    const command = todo.pop() ?? (restIndex > 0 ? rest[--restIndex] : undefined);
    if (command === undefined) return true;
    const { mode, doc } = command;
    if (typeof doc === "string") {
      left -= doc.length;
    } else if (Array.isArray(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) todo.push({ level: 0, mode, doc: doc[i] as Doc });
    } else {
      const d = doc as Exclude<Doc, string | readonly Doc[]>;
      switch (d.kind) {
        case "line":
          if (mode === "break" || d.hard) return true;
          left -= d.soft ? 0 : 1;
          break;
        case "comment":
          return left - d.text.length - 2 >= 0;
        case "group":
          todo.push({ level: 0, mode: d.broken ? "break" : mode, doc: d.contents });
          break;
        case "indent":
          todo.push({ level: 0, mode, doc: d.contents });
          break;
      }
    }
  }
  return false;
}

/**
 * Lays a document out in `width` columns. The first line continues text
 * that already takes `startColumn` columns; later lines start with
 * `baseIndent` and two spaces per indentation level.
 */
export function render(doc: Doc, width: number, startColumn: number, baseIndent: string): Rendered {
  const lines: string[] = [""];
  let column = startColumn;
  let hasContent = startColumn > 0;
  let needNewline = false;
  const newline = (level: number): void => {
    lines[lines.length - 1] = (lines[lines.length - 1] as string).trimEnd();
    const pad = baseIndent + "  ".repeat(level);
    lines.push(pad);
    column = pad.length;
    hasContent = false;
    needNewline = false;
  };
  const write = (text: string): void => {
    lines[lines.length - 1] += text;
    column += text.length;
    if (text.trim() !== "") hasContent = true;
  };
  const stack: Command[] = [{ level: 0, mode: "break", doc }];
  for (let command = stack.pop(); command !== undefined; command = stack.pop()) {
    const { level, mode, doc: d } = command;
    if (typeof d === "string") {
      if (needNewline && d.trim() !== "") newline(level);
      write(hasContent ? d : d.trimStart());
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) stack.push({ level, mode, doc: d[i] as Doc });
      continue;
    }
    const node = d as Exclude<Doc, string | readonly Doc[]>;
    switch (node.kind) {
      case "line":
        if (node.hard || mode === "break" || needNewline) newline(level);
        else if (!node.soft) write(" ");
        break;
      case "comment":
        if (node.ownLine && hasContent) newline(level);
        write(hasContent ? ` #${node.text}` : `#${node.text}`);
        needNewline = true;
        break;
      case "indent":
        stack.push({ level: level + 1, mode, doc: node.contents });
        break;
      case "group": {
        const flatCommand: Command = { level, mode: "flat", doc: node.contents };
        const flatFits = !node.broken && (mode === "flat" || fits(flatCommand, stack, width - column));
        stack.push(flatFits ? flatCommand : { level, mode: "break", doc: node.contents });
        break;
      }
    }
  }
  lines[lines.length - 1] = (lines[lines.length - 1] as string).trimEnd();
  return { lines, endsInComment: needNewline };
}

/** Laid-out lines; `endsInComment` says the last one ends in a comment, so nothing may follow on it. */
export interface Rendered {
  readonly lines: string[];
  readonly endsInComment: boolean;
}
