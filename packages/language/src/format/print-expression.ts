import type { AggregateExpr, BinaryOp, Expr, StringLiteral } from "../ast.js";

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
 * The canonical text of an expression: single spaces around operators, `, `
 * between items, parentheses kept where written and added where the tree
 * needs them to read back the same (a tree built by a program may have none).
 */
export function printExpression(expr: Expr): string {
  return print(expr, Prec.Open, true);
}

/**
 * The text of an expression where the grammar takes an additive expression:
 * a score bound (`max fit_cap + 5`), which `min`, `max` or `{` follows.
 */
export function printAdditive(expr: Expr): string {
  return print(expr, Prec.Additive, false);
}

/**
 * `min` is the loosest the context allows. `last` says that nothing the
 * form could take in follows it up to the end of the enclosing whole
 * expression (a `)`, `then`, the end of the declaration...), so that a form
 * ending in an open `if` or `where` may stay bare there.
 */
function print(expr: Expr | undefined, min: Prec, last: boolean): string {
  if (expr === undefined) return "";
  const bracket = precedence(expr) < min || (!last && endsOpen(expr));
  const text = printBare(expr, bracket || last);
  return bracket ? `(${text})` : text;
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

function printList(items: readonly Expr[]): string {
  return items.map((item) => print(item, Prec.Open, true)).join(", ");
}

function printBare(expr: Expr, last: boolean): string {
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
      return `[${printList(expr.items)}]`;
    case "NameRef":
      return expr.parts.map((p) => p.name).join(".");
    case "UnaryExpr":
      return expr.op === "not" ? `not ${print(expr.operand, Prec.Not, last)}` : `${expr.op}${print(expr.operand, Prec.Unary, last)}`;
    case "BinaryExpr":
      return printBinary(expr.op, expr.left, expr.right, last);
    case "BetweenExpr":
      return `${print(expr.operand, Prec.Coalesce, false)} between ${print(expr.low, Prec.Coalesce, false)} and ${print(expr.high, Prec.Coalesce, last)}`;
    case "MatchesExpr": {
      const operand = print(expr.operand, Prec.Coalesce, false);
      // The grammar takes only a list literal or a name after `matches any of`, both primaries.
      if (expr.anyOf !== undefined) return `${operand} matches any of ${print(expr.anyOf, Prec.Primary, last)}`;
      return `${operand} matches ${printLiteral(expr.pattern)}`;
    }
    case "PresenceExpr":
      return `${print(expr.operand, Prec.Coalesce, false)} is ${expr.test}`;
    case "WithinExpr":
      return `${print(expr.operand, Prec.Coalesce, false)} within ${print(expr.days, Prec.Coalesce, false)} days`;
    case "CallExpr":
      return `${expr.callee.name}(${printList(expr.args)})`;
    case "IfExpr":
      return `if ${print(expr.condition, Prec.Open, true)} then ${print(expr.then, Prec.Open, true)} else ${print(expr.else, Prec.Open, true)}`;
    case "QuantifierExpr": {
      const head = expr.quantifier === "atLeast" ? `at least ${printCount(expr.n, QUANTIFIER_WORD_END)}` : expr.quantifier;
      return `${head} of (${printList(expr.items)})`;
    }
    case "AggregateExpr":
      return printAggregate(expr);
    case "ParenExpr":
      return `(${print(expr.inner, Prec.Open, true)})`;
  }
}

function printBinary(op: BinaryOp, left: Expr, right: Expr | undefined, last: boolean): string {
  const prec = BINARY_PREC[op];
  // Comparisons do not chain, so neither side may be a comparison;
  // the other operators are left-associative.
  const leftText = print(left, prec === Prec.Compare ? Prec.Coalesce : prec, false);
  if (isAnyOfOp(op)) return `${leftText} ${op} ${printAnyOfList(right, last)}`;
  let rightText = print(right, prec === Prec.Compare ? Prec.Coalesce : prec + 1, last);
  // `x contains any of tags` would read `any of` as part of the operator: keep the aggregate apart.
  if (TEXT_TESTS.has(op) && /^any of (?!\()/.test(rightText)) rightText = `(${rightText})`;
  return `${leftText} ${op} ${rightText}`;
}

/**
 * The list after `contains any of`, `starts with any of` or `ends with any of`.
 * It cannot start with `(` (that would be the quantifier `any of (...)`), so
 * parentheses written around it are dropped and an open form stays bare;
 * `print` brackets the whole test instead where something follows it.
 */
function printAnyOfList(right: Expr | undefined, last: boolean): string {
  if (right === undefined) return "";
  const inner = unwrap(right);
  return precedence(inner) === Prec.Open ? printBare(inner, true) : print(inner, Prec.Coalesce, last);
}

function printAggregate(expr: AggregateExpr): string {
  const head = expr.aggregate === "atLeast" ? `at least ${printCount(expr.n, AGGREGATE_WORD_END)}` : expr.aggregate;
  const source = expr.source === undefined ? "" : printBare(expr.source, false);
  return expr.where === undefined ? `${head} of ${source}` : `${head} of ${source} where ${print(expr.where, Prec.Open, true)}`;
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
function printCount(n: Expr | undefined, wordEnd: RegExp): string {
  const text = print(n, Prec.Additive, false);
  return wordEnd.test(text) ? `(${text})` : text;
}
