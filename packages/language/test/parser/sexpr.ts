import type { Expr } from "../../src/ast.js";

/** A compact, parenthesised rendering of an expression tree, to assert its shape in one string. */
export function sexpr(expr: Expr | undefined): string {
  if (expr === undefined) return "?";
  switch (expr.kind) {
    case "NumberLiteral":
      return expr.raw;
    case "StringLiteral":
      return JSON.stringify(expr.value);
    case "BoolLiteral":
      return String(expr.value);
    case "DateLiteral":
      return `date:${expr.value}`;
    case "ListLiteral":
      return `[${expr.items.map(sexpr).join(" ")}]`;
    case "NameRef":
      return expr.parts.map((p) => p.name).join(".");
    case "UnaryExpr":
      return `(${expr.op} ${sexpr(expr.operand)})`;
    case "BinaryExpr":
      return `(${expr.op} ${sexpr(expr.left)} ${sexpr(expr.right)})`;
    case "BetweenExpr":
      return `(between ${sexpr(expr.operand)} ${sexpr(expr.low)} ${sexpr(expr.high)})`;
    case "MatchesExpr":
      if (expr.anyOf !== undefined) return `(matches any of ${sexpr(expr.operand)} ${sexpr(expr.anyOf)})`;
      return `(matches ${sexpr(expr.operand)} ${JSON.stringify(expr.pattern?.value)})`;
    case "PresenceExpr":
      return `(is-${expr.test} ${sexpr(expr.operand)})`;
    case "WithinExpr":
      return `(within ${sexpr(expr.operand)} ${sexpr(expr.days)})`;
    case "CallExpr":
      return `(call ${expr.callee.name}${expr.args.map((a) => ` ${sexpr(a)}`).join("")})`;
    case "IfExpr":
      return `(if ${sexpr(expr.condition)} ${sexpr(expr.then)} ${sexpr(expr.else)})`;
    case "QuantifierExpr":
      return `(${expr.quantifier}${expr.n === undefined ? "" : ` ${sexpr(expr.n)}`} ${expr.items.map(sexpr).join(" ")})`;
    case "AggregateExpr":
      return `(${expr.aggregate}${expr.n === undefined ? "" : ` ${sexpr(expr.n)}`} of ${sexpr(expr.source)}${expr.where === undefined ? "" : ` where ${sexpr(expr.where)}`})`;
    case "ParenExpr":
      return `{${sexpr(expr.inner)}}`;
  }
}
