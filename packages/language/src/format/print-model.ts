import type {
  Comment,
  Declaration,
  FieldDecl,
  InputBlock,
  Model,
  Node,
  RecordType,
  ScoreGroupDecl,
  ScoreRule,
  StringLiteral,
  TypeNode,
} from "../ast.js";
import { type Doc, hardline, indent, render } from "./doc.js";
import { type BracketItem, brackets, Comments, expressionDoc, printAdditive, printExpression, printString } from "./print-expression.js";

/** The line width the layout keeps to, where tokens allow. */
export const LINE_WIDTH = 100;

/*
 * The canonical layout of a Qual model:
 * - the `model` line first, then the `input` block, then the declarations in
 *   source order; two-space indentation; one item per line; a final newline;
 * - a blank line between declarations of different kinds and around every
 *   block (`input`, score groups); blank lines the author left between items
 *   of the same kind are kept (at most one);
 * - runs of consecutive sets, criteria, tiers or computed scores align their names
 *   and labels in columns; input fields align their doc strings; score rules
 *   align their points after the labels;
 * - strings are re-escaped (`\"`, `\\`, `\n`, `\t`), numbers keep their
 *   spelling (`10_000`), parentheses stay as written;
 * - a comment on a line of its own stays above the item that follows it (the
 *   header comment stays at the top); a comment after code stays on its line;
 * - expressions keep to LINE_WIDTH columns where tokens allow (see
 *   print-expression.ts for the break points, outermost `and`/`or` first,
 *   then brackets); a rule's `when` moves to its own line when breaking its
 *   condition is not enough or would break brackets; comments inside an
 *   expression stay in their gap between its parts, at the end of the line
 *   or on their own line as written.
 */

/** One output line before alignment: its cells are joined by spaces. */
interface Line {
  readonly indent: number;
  readonly cells: string[];
  /** Lines with the same key, consecutive and not separated by a blank line, align their first `alignCells` cells. */
  readonly alignKey?: string;
  readonly alignCells: number;
  /**
   * The expression part after the cells, laid out to the line width; when
   * `tailAlternative` is set and the tail cannot keep within the width, it
   * is used instead if it does better (a rule's `when` on its own line).
   */
  readonly tail?: Doc;
  readonly tailAlternative?: Doc;
  /** Where the tail starts in the source: comments of the item before it go above the item. */
  readonly tailFrom?: number;
  /** Source lines this output line came from (0 when the tree has no real ranges). */
  readonly from: number;
  readonly to: number;
  /** `{` lines: no blank line after them. `}` lines: no blank line before them. */
  readonly role: "open" | "close" | "item";
  /** Top-level unit this line starts (for blank lines between declarations). */
  readonly unitKind?: string;
  leading: Comment[];
  trailing: Comment[];
  blankBefore: boolean;
}

function line(indent: number, cells: string[], from: number, to: number, extra: Partial<Line> = {}): Line {
  return { indent, cells, from, to, role: "item", alignCells: 0, leading: [], trailing: [], blankBefore: false, ...extra };
}

const startLine = (node: Node): number => node.range.start.line;
const endLine = (node: Node): number => node.range.end.line;

function label(node: StringLiteral | undefined): string {
  return node === undefined ? "" : printString(node.value);
}

function typeText(type: TypeNode | undefined): string {
  if (type === undefined) return "";
  switch (type.kind) {
    case "PrimitiveType":
      return type.name;
    case "ListType":
      return `list of ${typeText(type.element)}`;
    case "OneOfType":
      return `one of (${type.options.map((o) => printString(o.value)).join(", ")})`;
    case "RecordType":
      return "{";
  }
}

/** The record a type ends in (`{ ... }` or `list of { ... }`), printed over several lines. */
function recordOf(type: TypeNode | undefined): RecordType | undefined {
  if (type?.kind === "RecordType") return type;
  if (type?.kind === "ListType") return recordOf(type.element);
  return undefined;
}

function fieldLines(field: FieldDecl, indent: number, out: Line[]): void {
  const suffix = `${field.optional ? "?" : ""}${field.default === undefined ? "" : ` = ${printExpression(field.default)}`}`;
  const doc = field.doc === undefined ? [] : [label(field.doc)];
  const record = recordOf(field.type);
  if (record !== undefined) {
    out.push(line(indent, [`${field.name.name}: ${typeText(field.type)}`], startLine(field), startLine(field), { role: "open" }));
    for (const inner of record.fields) fieldLines(inner, indent + 1, out);
    out.push(line(indent, [`}${suffix}`, ...doc], endLine(record), endLine(field), { role: "close" }));
    return;
  }
  const head = `${field.name.name}: ${typeText(field.type)}${suffix}`;
  out.push(line(indent, [head, ...doc], startLine(field), endLine(field), doc.length > 0 ? { alignKey: "field", alignCells: 1 } : {}));
}

function inputLines(input: InputBlock, out: Line[]): void {
  out.push(line(0, ["input {"], startLine(input), startLine(input), { role: "open", unitKind: "InputBlock" }));
  for (const field of input.fields) fieldLines(field, 1, out);
  out.push(line(0, ["}"], endLine(input), endLine(input), { role: "close" }));
}

function ruleLine(rule: ScoreRule, ctx: Comments): Line {
  const points = expressionDoc(rule.points ?? missingPoints, ctx);
  const extra: Partial<Line> = { alignKey: "rule", alignCells: 1, tail: points, ...tailFrom(rule.points) };
  if (rule.when === undefined) return line(1, [`${label(rule.label)}:`], startLine(rule), endLine(rule), extra);
  const before = ctx.between(rule, rule.points, rule.when);
  const when = expressionDoc(rule.when, ctx);
  return line(1, [`${label(rule.label)}:`], startLine(rule), endLine(rule), {
    ...extra,
    tail: [points, indent([...before, " when ", when])],
    tailAlternative: [points, indent([...before, hardline, "when ", when])],
  });
}

function tailFrom(node: Node | undefined): Partial<Line> {
  return node === undefined || node.range.end.offset === 0 ? {} : { tailFrom: node.range.start.offset };
}

const missingPoints = { kind: "NumberLiteral", value: 0, raw: "0", range: { start: { offset: 0, line: 0, column: 0 }, end: { offset: 0, line: 0, column: 0 } } } as const;

function scoreGroupLines(decl: ScoreGroupDecl, out: Line[], ctx: Comments): void {
  const head = [`score ${decl.name.name}`];
  if (decl.label !== undefined) head.push(label(decl.label));
  for (const bound of decl.bounds) head.push(bound.value === undefined ? bound.which : `${bound.which} ${printAdditive(bound.value)}`);
  head.push("{");
  out.push(line(0, [head.join(" ")], startLine(decl), startLine(decl), { role: "open", unitKind: "ScoreGroupDecl" }));
  for (const rule of decl.rules) out.push(ruleLine(rule, ctx));
  out.push(line(0, ["}"], endLine(decl), endLine(decl), { role: "close" }));
}

function declarationLines(decl: Declaration, out: Line[], ctx: Comments): void {
  const from = startLine(decl);
  const to = endLine(decl);
  const unit = { unitKind: decl.kind };
  const tail = (prefix: string, e: Parameters<typeof expressionDoc>[0] | undefined): Partial<Line> => ({
    tail: [prefix, e === undefined ? "" : expressionDoc(e, ctx)],
    ...tailFrom(e),
  });
  switch (decl.kind) {
    case "SetDecl": {
      const open = decl.label ?? decl.name;
      const items: BracketItem[] = [];
      let previous: Node = open;
      for (const item of decl.items) {
        items.push({ before: ctx.between(decl, previous, item), doc: expressionDoc(item, ctx) });
        previous = item;
      }
      const list = brackets("(", items, ")", ctx.between(decl, previous, undefined));
      out.push(line(0, [`set ${decl.name.name}`, label(decl.label)], from, to, { ...unit, alignKey: "set", alignCells: 2, tail: ["= ", list], ...tailFrom(decl.items[0]) }));
      return;
    }
    case "ConstDecl":
    case "LetDecl": {
      const keyword = decl.kind === "ConstDecl" ? "const" : "let";
      out.push(line(0, [`${keyword} ${decl.name.name}`], from, to, { ...unit, ...tail("= ", decl.value) }));
      return;
    }
    case "CriterionDecl":
      out.push(line(0, [`criterion ${decl.name.name}`, label(decl.label)], from, to, { ...unit, alignKey: "criterion", alignCells: 2, ...tail("= ", decl.condition) }));
      return;
    case "ComputedScoreDecl":
      out.push(line(0, [`score ${decl.name.name}`, label(decl.label)], from, to, { ...unit, alignKey: "score", alignCells: 2, ...tail("= ", decl.value) }));
      return;
    case "ScoreGroupDecl":
      scoreGroupLines(decl, out, ctx);
      return;
    case "DisqualifyDecl":
      out.push(line(0, [`disqualify ${label(decl.reason)}`], from, to, { ...unit, alignKey: "disqualify", alignCells: 1, ...tail("when ", decl.condition) }));
      return;
    case "TierDecl": {
      if (decl.otherwise || decl.condition === undefined) {
        out.push(line(0, [`tier ${decl.name.name}`, label(decl.label), "otherwise"], from, to, { ...unit, alignKey: "tier", alignCells: 2 }));
        return;
      }
      out.push(line(0, [`tier ${decl.name.name}`, label(decl.label)], from, to, { ...unit, alignKey: "tier", alignCells: 2, ...tail("when ", decl.condition) }));
      return;
    }
  }
}

/** Every source line on which some node starts or ends: a comment on such a line follows code. */
function codeLines(model: Model): Set<number> {
  const lines = new Set<number>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const node = value as Partial<Node> & Record<string, unknown>;
    // The Model's own range spans the whole file, so it says nothing about a line.
    if (node.range !== undefined && typeof node.kind === "string" && node.kind !== "Model") {
      lines.add(node.range.start.line);
      lines.add(node.range.end.line);
    }
    for (const [key, child] of Object.entries(node)) if (key !== "range" && key !== "comments") visit(child);
  };
  visit(model);
  return lines;
}

function attachComments(lines: Line[], comments: readonly Comment[], model: Model): Comment[] {
  const code = codeLines(model);
  const dangling: Comment[] = [];
  const sorted = [...comments].sort((a, b) => a.range.start.offset - b.range.start.offset);
  for (const comment of sorted) {
    const at = comment.range.start.line;
    if (code.has(at)) {
      let owner: Line | undefined;
      for (const l of lines) if (l.from <= at && at <= l.to) owner = l;
      if (owner === undefined) for (const l of lines) if (l.from <= at) owner = l;
      if (owner !== undefined) {
        // Before the expression, whose own comments stay inside it, a comment goes above the item to keep the order.
        if (owner.tailFrom !== undefined && comment.range.start.offset < owner.tailFrom) owner.leading.push(comment);
        else owner.trailing.push(comment);
        continue;
      }
    }
    const next = lines.find((l) => l.to >= at);
    if (next === undefined) dangling.push(comment);
    else next.leading.push(comment);
  }
  return dangling;
}

/** Blank lines: forced between different top-level kinds and around blocks, kept where the author left one. */
function markBlankLines(lines: Line[]): void {
  let previous: Line | undefined;
  let previousUnit: string | undefined;
  let previousEnd = 0;
  for (const l of lines) {
    const firstLine = l.leading[0]?.range.start.line ?? l.from;
    const authorBlank = previous !== undefined && previous.role !== "open" && l.role !== "close" && firstLine - previousEnd > 1;
    let forced = false;
    if (l.unitKind !== undefined) {
      forced =
        previousUnit !== undefined &&
        (previousUnit !== l.unitKind || BLOCKS.has(l.unitKind) || BLOCKS.has(previousUnit));
      previousUnit = l.unitKind;
    }
    l.blankBefore = authorBlank || forced;
    previous = l;
    previousEnd = l.to;
  }
}

const BLOCKS = new Set(["ModelHeader", "InputBlock", "ScoreGroupDecl"]);

/** Pads the aligned cells of each run of lines that share an alignment key. */
function align(lines: Line[]): void {
  let i = 0;
  while (i < lines.length) {
    const first = lines[i] as Line;
    let j = i + 1;
    if (first.alignKey !== undefined) {
      while (j < lines.length) {
        const l = lines[j] as Line;
        if (l.alignKey !== first.alignKey || l.indent !== first.indent || l.blankBefore) break;
        j++;
      }
      const run = lines.slice(i, j);
      for (let c = 0; c < first.alignCells; c++) {
        const width = Math.max(...run.map((l) => (l.cells[c] ?? "").length));
        for (const l of run) if (c < l.cells.length - 1 || (l.tail !== undefined && c < l.cells.length)) l.cells[c] = (l.cells[c] ?? "").padEnd(width);
      }
    }
    i = j;
  }
}

function commentText(comment: Comment): string {
  return `#${comment.text.trimEnd()}`;
}

/**
 * A line's tail laid out from `column`. The alternative (a rule's `when` on
 * a line of its own) is taken when the tail overruns the width and the
 * alternative runs over less, or when the tail had to break brackets and
 * the alternative fits without.
 */
function layoutTail(l: Line, column: number, pad: string): ReturnType<typeof render> {
  const first = render(l.tail ?? "", LINE_WIDTH, column, pad);
  if (l.tailAlternative === undefined) return first;
  const over = (lines: readonly string[]): number => Math.max(...lines.map((text, i) => (i === 0 ? column : 0) + text.length)) - LINE_WIDTH;
  const bracketsBroken = (lines: readonly string[]): boolean => lines.some((text) => /^\s*[)\]]/.test(text));
  if (over(first.lines) <= 0 && !bracketsBroken(first.lines)) return first;
  const second = render(l.tailAlternative, LINE_WIDTH, column, pad);
  if (over(first.lines) <= 0) return over(second.lines) <= 0 && !bracketsBroken(second.lines) ? second : first;
  return over(second.lines) < over(first.lines) ? second : first;
}

/**
 * The canonical text of a syntax tree (see the layout above). Comments in
 * `model.comments` are placed by their ranges; a tree built by a program
 * (with no real ranges) prints without comments' placement concerns.
 */
export function printModel(model: Model): string {
  const lines: Line[] = [];
  if (model.id !== undefined) {
    const head = [`model ${model.id.name}`];
    if (model.title !== undefined) head.push(label(model.title));
    lines.push(line(0, [head.join(" ")], startLine(model.id), endLine(model.title ?? model.id), { unitKind: "ModelHeader" }));
  }
  if (model.input !== undefined) inputLines(model.input, lines);
  const ctx = new Comments(model.comments);
  for (const decl of model.declarations) declarationLines(decl, lines, ctx);
  const dangling = attachComments(lines, ctx.rest(), model);
  markBlankLines(lines);
  align(lines);

  const out: string[] = [];
  let lastLine = 0;
  for (const l of lines) {
    if (l.blankBefore && out.length > 0) out.push("");
    const pad = "  ".repeat(l.indent);
    // Comments before a closing brace belong inside the block.
    const commentPad = l.role === "close" ? "  ".repeat(l.indent + 1) : pad;
    let previousEnd = -1;
    for (const c of l.leading) {
      // A comment from inside a multi-line item moves above it, without the item's lines as a gap.
      const gap = c.range.start.line < l.from && c.range.start.line - previousEnd > 1;
      if (previousEnd >= 0 && gap) out.push("");
      out.push(commentPad + commentText(c));
      previousEnd = c.range.end.line;
    }
    if (previousEnd >= 0 && l.from - previousEnd > 1) out.push("");
    const cells = pad + l.cells.filter((c) => c !== "").join(" ");
    let text = cells.trimEnd().replace(/ {2,}$/, "");
    let endsInComment = false;
    if (l.tail !== undefined) {
      const tail = layoutTail(l, cells.length + 1, pad);
      out.push(`${cells} ${tail.lines[0] ?? ""}`.trimEnd(), ...tail.lines.slice(1));
      endsInComment = tail.endsInComment;
      text = out.pop() as string;
    }
    // A comment runs to the end of its line, so a second one needs a line of its own.
    for (const c of l.trailing) {
      if (endsInComment) {
        out.push(text);
        text = `${pad}  ${commentText(c)}`;
      } else text += ` ${commentText(c)}`;
      endsInComment = true;
    }
    out.push(text);
    lastLine = l.to;
  }
  for (const c of dangling) {
    if (out.length > 0 && c.range.start.line - lastLine > 1) out.push("");
    out.push(commentText(c));
    lastLine = c.range.end.line;
  }
  return out.length === 0 ? "" : `${out.join("\n")}\n`;
}
