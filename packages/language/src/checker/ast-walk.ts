import type { Declaration, Expr } from "../ast.js";

/** Calls `visit` on each direct sub-expression of `expr` that the parser could build. */
export function forEachChild(expr: Expr, visit: (child: Expr) => void): void {
  const maybe = (child: Expr | undefined): void => {
    if (child !== undefined) visit(child);
  };
  switch (expr.kind) {
    case "ListLiteral":
      expr.items.forEach(visit);
      break;
    case "UnaryExpr":
      maybe(expr.operand);
      break;
    case "BinaryExpr":
      visit(expr.left);
      maybe(expr.right);
      break;
    case "BetweenExpr":
      visit(expr.operand);
      maybe(expr.low);
      maybe(expr.high);
      break;
    case "MatchesExpr":
      visit(expr.operand);
      maybe(expr.anyOf);
      break;
    case "PresenceExpr":
      visit(expr.operand);
      break;
    case "WithinExpr":
      visit(expr.operand);
      maybe(expr.days);
      break;
    case "CallExpr":
      expr.args.forEach(visit);
      break;
    case "IfExpr":
      maybe(expr.condition);
      maybe(expr.then);
      maybe(expr.else);
      break;
    case "QuantifierExpr":
      maybe(expr.n);
      expr.items.forEach(visit);
      break;
    case "AggregateExpr":
      // The source is a name path that only the resolver can read (a list, an element field or a set).
      maybe(expr.n);
      maybe(expr.where);
      break;
    case "ParenExpr":
      maybe(expr.inner);
      break;
    default:
      break;
  }
}

/** Calls `visit` on `expr` and every expression inside it, parents first. */
export function walkExpr(expr: Expr, visit: (node: Expr) => void): void {
  visit(expr);
  forEachChild(expr, (child) => walkExpr(child, visit));
}

/** The top-level expressions of a declaration (its value, items, conditions, bounds, rule points and `when`s). */
export function declarationExprs(decl: Declaration): Expr[] {
  const out: Expr[] = [];
  const add = (expr: Expr | undefined): void => {
    if (expr !== undefined) out.push(expr);
  };
  switch (decl.kind) {
    case "ConstDecl":
    case "LetDecl":
    case "ComputedScoreDecl":
      add(decl.value);
      break;
    case "CriterionDecl":
    case "DisqualifyDecl":
    case "TierDecl":
      add(decl.condition);
      break;
    case "SetDecl":
      decl.items.forEach(add);
      break;
    case "ScoreGroupDecl":
      for (const bound of decl.bounds) add(bound.value);
      for (const rule of decl.rules) {
        add(rule.points);
        add(rule.when);
      }
      break;
  }
  return out;
}
