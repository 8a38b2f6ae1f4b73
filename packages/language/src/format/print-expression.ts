import type { AggregateExpr, BinaryExpr, BinaryOp, Comment, Expr, Node, StringLiteral } from "../ast.js";
import { comment, type Doc, flat, group, indent, line, softline } from "./doc.js";

/**
 * How tightly each form binds, loosest first, as in the grammar. `Open` is
 * for the forms that extend as far as possible: the `else` of `if` and the
 * `where` of an aggregate are whole expressions, so these forms need
 * parentheses anywhere but a whole-expression position.
 */
const enum Prec {
  Open = 0,
  Or = 1,
  And = 2,
  Not = 3,
  Compare = 4,
  Coalesce = 5,
  Additive = 6,
  Multiplicative = 7,
  Unary = 8,
  Primary = 9,
}

const BINARY_PREC: Record<BinaryOp, Prec> = {
  or: Prec.Or,
  and: Prec.And,
  "=": Prec.Compare,
  "!=": Prec.Compare,
  "<": Prec.Compare,
  "<=": Prec.Compare,
  ">": Prec.Compare,
  ">=": Prec.Compare,
  in: Prec.Compare,
  "not in": Prec.Compare,
  contains: Prec.Compare,
  "starts with": Prec.Compare,
  "ends with": Prec.Compare,
  "contains any of": Prec.Compare,
  "starts with any of": Prec.Compare,
  "ends with any of": Prec.Compare,
  "??": Prec.Coalesce,
  "+": Prec.Additive,
  "-": Prec.Additive,
  "*": Prec.Multiplicative,
  "/": Prec.Multiplicative,
};

/** The operators that `any of` would join when it follows them without a `(`. */
const TEXT_TESTS: ReadonlySet<BinaryOp> = new Set(["contains", "starts with", "ends with"]);

function isAnyOfOp(op: BinaryOp): boolean {
  return op === "contains any of" || op === "starts with any of" || op === "ends with any of";
}

function precedence(expr: Expr): Prec {
  switch (expr.kind) {
    case "BinaryExpr":
      return BINARY_PREC[expr.op];
    case "UnaryExpr":
      return expr.op === "not" ? Prec.Not : Prec.Unary;
    case "BetweenExpr":
    case "MatchesExpr":
    case "PresenceExpr":
    case "WithinExpr":
      return Prec.Compare;
    case "IfExpr":
      return Prec.Open;
    case "AggregateExpr":
      // Without `where` an aggregate is a primary: `sum of deals.amount > 1000` compares the sum.
      return expr.where === undefined ? Prec.Primary : Prec.Open;
    default:
      return Prec.Primary;
  }
}

/** A string literal's value re-escaped in canonical form. */
export function printString(value: string): string {
  return `"${value.replace(/[\\"\n\t]/g, (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : `\\${c}`))}"`;
}

function printLiteral(node: StringLiteral | undefined): string {
  return node === undefined ? '""' : printString(node.value);
}

/**
 * The comments of a model not yet placed. A node printer takes the ones in
 * the gaps between its children (never inside a child), so each comment is
 * placed once, by the innermost node around it, in source order.
 */
export class Comments {
  private readonly pending: Comment[];

  constructor(comments: readonly Comment[]) {
    this.pending = [...comments].sort((a, b) => a.range.start.offset - b.range.start.offset);
  }

  /** Comments that no printer placed. */
  rest(): Comment[] {
    return [...this.pending];
  }

  /**
   * The comments from `from` up to `to` as documents. One on the line where
   * the gap starts (the line of the code before it) stays at the end of that
   * line; the others keep a line of their own.
   */
  take(from: number, fromLine: number, to: number): Doc[] {
    if (to <= from) return [];
    const taken: Doc[] = [];
    for (let i = 0; i < this.pending.length; ) {
      const c = this.pending[i] as Comment;
      if (c.range.start.offset >= from && c.range.start.offset < to) {
        taken.push(comment(c.text.trimEnd(), c.range.start.line !== fromLine));
        this.pending.splice(i, 1);
      } else i++;
    }
    return taken;
  }

  /** The comments after node `after` (or, when it is undefined, from the start of `parent`) and before `before`. */
  between(parent: Node, after: Node | undefined, before: Node | undefined): Doc[] {
    const from = after === undefined ? parent.range.start : after.range.end;
    const to = before === undefined ? parent.range.end.offset : before.range.start.offset;
    return this.take(from.offset, from.line, to);
  }
}

const NO_COMMENTS = (): Comments => new Comments([]);

/**
 * The canonical text of an expression on one line: single spaces around
 * operators, `, ` between items, parentheses kept where written and added
 * where the tree needs them to read back the same (a tree built by a
 * program may have none).
 */
export function printExpression(expr: Expr): string {
  return flat(expressionDoc(expr, NO_COMMENTS()));
}

/**
 * The layout document of an expression in a whole-expression position,
 * with the comments `ctx` holds in its gaps. Its break points: before
 * `and` and `or`, inside brackets (one item per line), before the other
 * operators, `then`, `else` and `where`.
 */
export function expressionDoc(expr: Expr, ctx: Comments): Doc {
  return print(ctx, expr, Prec.Open, true);
}

/**
 * The text of an expression where the grammar takes an additive expression:
 * a score bound (`max fit_cap + 5`), which `min`, `max` or `{` follows.
 */
export function printAdditive(expr: Expr): string {
  return flat(print(NO_COMMENTS(), expr, Prec.Additive, false));
}

/**
 * `min` is the loosest the context allows. `last` says that nothing the
 * form could take in follows it up to the end of the enclosing whole
 * expression (a `)`, `then`, the end of the declaration...), so that a form
 * ending in an open `if` or `where` may stay bare there.
 */
function print(ctx: Comments, expr: Expr | undefined, min: Prec, last: boolean): Doc {
  if (expr === undefined) return "";
  const bracket = precedence(expr) < min || (!last && endsOpen(expr));
  return bracket ? parenthesized(ctx, expr, [], []) : printBare(ctx, expr, last);
}

/**
 * Whether an expression's text ends in an open form that cannot be
 * bracketed where it stands: the list after `contains any of` (and the
 * other `... any of` tests) cannot start with `(`, which would make
 * `any of (` the quantifier, so an `if` or a `where` aggregate there stays
 * bare, and the whole test is bracketed unless it comes last.
 */
function endsOpen(expr: Expr): boolean {
  return expr.kind === "BinaryExpr" && isAnyOfOp(expr.op) && expr.right !== undefined && precedence(unwrap(expr.right)) === Prec.Open;
}

/** The expression inside any parentheses written around it. */
function unwrap(expr: Expr): Expr {
  let inner = expr;
  while (inner.kind === "ParenExpr" && inner.inner !== undefined) inner = inner.inner;
  return inner;
}

/** An item in brackets and the comments before it (after the comma or the opening bracket). */
export interface BracketItem {
  readonly before: readonly Doc[];
  readonly doc: Doc;
}

/**
 * Bracketed items: flat, or one item per line indented one level with the
 * closing bracket on a line of its own; `end` holds the comments after the
 * last item.
 */
export function brackets(open: string, items: readonly BracketItem[], close: string, end: readonly Doc[] = []): Doc {
  const body: Doc[] = [];
  items.forEach(({ before, doc }, i) => body.push(i === 0 ? [...before, softline, doc] : [",", ...before, line, doc]));
  const doc = group([open, indent([...body, ...end]), softline, close]);
  BRACKETED.add(doc);
  return doc;
}

/** The documents `brackets` made: an operand ending in one breaks inside it, not before its operator. */
const BRACKETED = new WeakSet<object>();

/** A comma list of whole expressions inside `node` (whose tokens before the first item `first` names), with its comments. */
function listDoc(ctx: Comments, node: Node, open: string, items: readonly Expr[], close: string, first?: Node): Doc {
  let previous = first;
  const docs = items.map((item) => {
    const before = ctx.between(node, previous, item);
    previous = item;
    return { before, doc: print(ctx, item, Prec.Open, true) };
  });
  return brackets(open, docs, close, ctx.between(node, previous, undefined));
}

/**
 * A binary operator between `left` and its right operand: the comments
 * between them come before the operator, and a break there puts the
 * operator at the start of the next line, one level in.
 */
function operator(ctx: Comments, node: Node, left: Node | undefined, right: Node | undefined, op: string, rightDoc: Doc, breakable: boolean): Doc {
  const comments = right === undefined ? [] : ctx.between(node, left, right);
  // Without a break point the right operand is bracketed: its items indent from this line, its closing bracket aligns with it.
  return breakable ? indent([...comments, line, `${op} `, rightDoc]) : [...comments, ` ${op} `, rightDoc];
}

/** Whether an operand's document ends in brackets (a list, call, quantifier or parentheses), which can break by themselves. */
function isBracketed(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return doc.length > 0 && isBracketed(doc[doc.length - 1] as Doc);
  return BRACKETED.has(doc as object);
}

function printBare(ctx: Comments, expr: Expr, last: boolean): Doc {
  switch (expr.kind) {
    case "NumberLiteral":
      return expr.raw !== "" ? expr.raw : String(expr.value);
    case "StringLiteral":
      return printString(expr.value);
    case "BoolLiteral":
      return expr.value ? "true" : "false";
    case "DateLiteral":
      return expr.value;
    case "ListLiteral":
      return listDoc(ctx, expr, "[", expr.items, "]");
    case "NameRef":
      return expr.parts.map((p, i) => [...(i === 0 ? [] : ctx.between(expr, expr.parts[i - 1], p)), i === 0 ? p.name : `.${p.name}`]);
    case "UnaryExpr": {
      const before = ctx.between(expr, undefined, expr.operand);
      const operand = print(ctx, expr.operand, expr.op === "not" ? Prec.Not : Prec.Unary, last);
      return expr.op === "not" ? ["not", indent([...before, " ", operand])] : [expr.op, indent([...before, operand])];
    }
    case "BinaryExpr":
      return expr.op === "and" || expr.op === "or" ? group(chain(ctx, expr, last, true)) : printBinary(ctx, expr, last);
    case "BetweenExpr": {
      const operand = print(ctx, expr.operand, Prec.Coalesce, false);
      const low = operator(ctx, expr, expr.operand, expr.low, "between", print(ctx, expr.low, Prec.Coalesce, false), true);
      const high = operator(ctx, expr, expr.low, expr.high, "and", print(ctx, expr.high, Prec.Coalesce, last), true);
      return group([operand, low, high]);
    }
    case "MatchesExpr": {
      const operand = print(ctx, expr.operand, Prec.Coalesce, false);
      // The grammar takes only a list literal or a name after `matches any of`, both primaries.
      if (expr.anyOf !== undefined) {
        const list = print(ctx, expr.anyOf, Prec.Primary, last);
        return group([operand, operator(ctx, expr, expr.operand, expr.anyOf, "matches any of", list, !isBracketed(list))]);
      }
      return group([operand, operator(ctx, expr, expr.operand, expr.pattern, "matches", printLiteral(expr.pattern), true)]);
    }
    case "PresenceExpr": {
      const operand = print(ctx, expr.operand, Prec.Coalesce, false);
      return [operand, indent([...ctx.between(expr, expr.operand, undefined), ` is ${expr.test}`])];
    }
    case "WithinExpr": {
      const operand = print(ctx, expr.operand, Prec.Coalesce, false);
      const days = print(ctx, expr.days, Prec.Coalesce, false);
      const within = operator(ctx, expr, expr.operand, expr.days, "within", [days, ...ctx.between(expr, expr.days, undefined), " days"], true);
      return group([operand, within]);
    }
    case "CallExpr":
      return [expr.callee.name, listDoc(ctx, expr, "(", expr.args, ")", expr.callee)];
    case "IfExpr": {
      const condition = [...ctx.between(expr, undefined, expr.condition), " ", print(ctx, expr.condition, Prec.Open, true)];
      const then = operator(ctx, expr, expr.condition, expr.then, "then", print(ctx, expr.then, Prec.Open, true), true);
      const otherwise = operator(ctx, expr, expr.then, expr.else, "else", print(ctx, expr.else, Prec.Open, true), true);
      return group(["if", indent(condition), then, otherwise]);
    }
    case "QuantifierExpr": {
      const head = expr.quantifier === "atLeast" ? ["at least", ...ctx.between(expr, undefined, expr.n), " ", printCount(ctx, expr.n, QUANTIFIER_WORD_END)] : [expr.quantifier];
      return [...head, " of ", listDoc(ctx, expr, "(", expr.items, ")", expr.n)];
    }
    case "AggregateExpr":
      return printAggregate(ctx, expr);
    case "ParenExpr": {
      const before = ctx.between(expr, undefined, expr.inner);
      return parenthesized(ctx, expr.inner, before, expr.inner === undefined ? [] : ctx.between(expr, expr.inner, undefined));
    }
  }
}

/** An expression in parentheses, written or needed; an `and`/`or` chain in them breaks with them, one operand per line inside. */
function parenthesized(ctx: Comments, inner: Expr | undefined, before: readonly Doc[], after: readonly Doc[]): Doc {
  const body = inner !== undefined && inner.kind === "BinaryExpr" && (inner.op === "and" || inner.op === "or") ? chain(ctx, inner, true, false) : print(ctx, inner, Prec.Open, true);
  return brackets("(", [{ before, doc: body }], ")", after);
}

/**
 * An `and` or `or` chain (`a and b and c`, read left to right) as one
 * breakable run: each operator starts a line, one level in (`nested`) or,
 * inside parentheses, at the level of the first operand.
 */
function chain(ctx: Comments, expr: BinaryExpr, last: boolean, nested: boolean): Doc {
  const operands: Expr[] = [];
  let node: Expr = expr;
  while (node.kind === "BinaryExpr" && node.op === expr.op && node.right !== undefined) {
    operands.unshift(node.right);
    node = node.left;
  }
  operands.unshift(node);
  const prec = BINARY_PREC[expr.op];
  const parts: Doc[] = [];
  operands.forEach((operand, i) => {
    if (i === 0) return;
    const comments = ctx.between(expr, operands[i - 1], operand);
    parts.push([...comments, line, `${expr.op} `, print(ctx, operand, prec + 1, last && i === operands.length - 1)]);
  });
  const first = print(ctx, operands[0], prec, false);
  return nested ? [first, indent(parts)] : [first, ...parts];
}

function printBinary(ctx: Comments, expr: BinaryExpr, last: boolean): Doc {
  const { op, left, right } = expr;
  const prec = BINARY_PREC[op];
  // Comparisons do not chain, so neither side may be a comparison;
  // the other operators are left-associative.
  const leftDoc = print(ctx, left, prec === Prec.Compare ? Prec.Coalesce : prec, false);
  if (isAnyOfOp(op)) {
    const list = printAnyOfList(ctx, right, last);
    return group([leftDoc, operator(ctx, expr, left, right, op, list, !isBracketed(list))]);
  }
  let rightDoc = print(ctx, right, prec === Prec.Compare ? Prec.Coalesce : prec + 1, last);
  // `x contains any of tags` would read `any of` as part of the operator: keep the aggregate apart.
  if (TEXT_TESTS.has(op) && /^any of (?!\()/.test(flat(rightDoc))) rightDoc = brackets("(", [{ before: [], doc: rightDoc }], ")");
  // A bracketed operand breaks inside its brackets rather than before the operator.
  return group([leftDoc, operator(ctx, expr, left, right, op, rightDoc, !isBracketed(rightDoc) && !isBracketed(leftDoc))]);
}

/**
 * The list after `contains any of`, `starts with any of` or `ends with any of`.
 * It cannot start with `(` (that would be the quantifier `any of (...)`), so
 * parentheses written around it are dropped and an open form stays bare;
 * `print` brackets the whole test instead where something follows it.
 */
function printAnyOfList(ctx: Comments, right: Expr | undefined, last: boolean): Doc {
  if (right === undefined) return "";
  const inner = unwrap(right);
  return precedence(inner) === Prec.Open ? printBare(ctx, inner, true) : print(ctx, inner, Prec.Coalesce, last);
}

function printAggregate(ctx: Comments, expr: AggregateExpr): Doc {
  const head: Doc = expr.aggregate === "atLeast" ? ["at least", ...ctx.between(expr, undefined, expr.n), " ", printCount(ctx, expr.n, AGGREGATE_WORD_END)] : expr.aggregate;
  const of = expr.source === undefined ? [] : ctx.between(expr, expr.aggregate === "atLeast" ? expr.n : undefined, expr.source);
  const source = expr.source === undefined ? "" : printBare(ctx, expr.source, false);
  if (expr.where === undefined) return [head, ...of, " of ", source];
  return group([head, ...of, " of ", source, operator(ctx, expr, expr.source, expr.where, "where", print(ctx, expr.where, Prec.Open, true), true)]);
}

/**
 * A bare name `all`, `any`, `none` or `count` at the end of N in `at least N of (`
 * would read, with the `of` that follows, as another quantifier. Before an
 * aggregate's `of SOURCE`, `sum`, `avg`, `min`, `max`, `latest` and `earliest`
 * would too.
 */
const QUANTIFIER_WORD_END = /(?:^|[^.\w])(?:all|any|none|count)$/;
const AGGREGATE_WORD_END = /(?:^|[^.\w])(?:all|any|none|count|sum|avg|min|max|latest|earliest)$/;

/** N of `at least N of`, bracketed where its last word would start a quantifier or an aggregate. */
function printCount(ctx: Comments, n: Expr | undefined, wordEnd: RegExp): Doc {
  const doc = print(ctx, n, Prec.Additive, false);
  return wordEnd.test(flat(doc)) ? ["(", doc, ")"] : doc;
}
