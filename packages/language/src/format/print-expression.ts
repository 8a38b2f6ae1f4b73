import type { BinaryOp, Expr, StringLiteral } from "../ast.js";

/**
 * How tightly each form binds, loosest first, as in the grammar: `if` is 0
 * because its `else` extends as far as possible, so it needs parentheses
 * anywhere but a whole-expression position.
 */
const enum Prec {
  If = 0,
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
  "??": Prec.Coalesce,
  "+": Prec.Additive,
  "-": Prec.Additive,
  "*": Prec.Multiplicative,
  "/": Prec.Multiplicative,
};

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
      return Prec.If;
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
  return print(expr, Prec.If);
}

function print(expr: Expr | undefined, min: Prec): string {
  if (expr === undefined) return "";
  const text = printBare(expr);
  return precedence(expr) < min ? `(${text})` : text;
}

function printList(items: readonly Expr[]): string {
  return items.map((item) => print(item, Prec.If)).join(", ");
}

function printBare(expr: Expr): string {
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
      return expr.op === "not" ? `not ${print(expr.operand, Prec.Not)}` : `${expr.op}${print(expr.operand, Prec.Unary)}`;
    case "BinaryExpr": {
      const prec = BINARY_PREC[expr.op];
      // Comparisons do not chain, so neither side may be a comparison;
      // the other operators are left-associative.
      const leftMin = prec === Prec.Compare ? Prec.Coalesce : prec;
      const rightMin = prec === Prec.Compare ? Prec.Coalesce : prec + 1;
      return `${print(expr.left, leftMin)} ${expr.op} ${print(expr.right, rightMin)}`;
    }
    case "BetweenExpr":
      return `${print(expr.operand, Prec.Coalesce)} between ${print(expr.low, Prec.Coalesce)} and ${print(expr.high, Prec.Coalesce)}`;
    case "MatchesExpr":
      return `${print(expr.operand, Prec.Coalesce)} matches ${printLiteral(expr.pattern)}`;
    case "PresenceExpr":
      return `${print(expr.operand, Prec.Coalesce)} is ${expr.test}`;
    case "WithinExpr":
      return `${print(expr.operand, Prec.Coalesce)} within ${print(expr.days, Prec.Coalesce)} days`;
    case "CallExpr":
      return `${expr.callee.name}(${printList(expr.args)})`;
    case "IfExpr":
      return `if ${print(expr.condition, Prec.If)} then ${print(expr.then, Prec.If)} else ${print(expr.else, Prec.If)}`;
    case "QuantifierExpr": {
      const head = expr.quantifier === "atLeast" ? `at least ${printCount(expr.n)}` : expr.quantifier;
      return `${head} of (${printList(expr.items)})`;
    }
    case "ParenExpr":
      return `(${print(expr.inner, Prec.If)})`;
  }
}

/**
 * N of `at least N of`. A bare name `all`, `any`, `none` or `count` at its end
 * would read, with the `of` that follows, as another quantifier.
 */
function printCount(n: Expr | undefined): string {
  const text = print(n, Prec.Additive);
  return /(?:^|[^.\w])(?:all|any|none|count)$/.test(text) ? `(${text})` : text;
}
