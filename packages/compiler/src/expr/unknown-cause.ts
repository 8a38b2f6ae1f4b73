import type { Expr, ExprOf } from "@qualify/ir";

/**
 * Why an expression is unknown although none of its operands is: the
 * operation itself has no value for these operands (a division by zero, a
 * number too large, an address without `@`). The text is for people: it is
 * reported as `because` beside `missing` in the result's `unknown` list, so
 * an item unknown with no missing field still says why.
 */
export function causeOfUnknown(expr: Expr): string {
  switch (expr.kind) {
    case "arith":
      return expr.op === "/" ? "division by zero" : "a number too large to compute";
    case "call":
      return causeOfCall(expr);
    case "each":
      return expr.aggregate === "avg" || expr.aggregate === "min" || expr.aggregate === "max"
        ? `no element of the list was chosen, so it has no ${expr.aggregate === "avg" ? "average" : expr.aggregate === "min" ? "smallest value" : "largest value"}`
        : "the list's elements have no value here";
    default:
      return "the value cannot be computed";
  }
}

function causeOfCall(expr: ExprOf<"call">): string {
  switch (expr.fn) {
    case "decay":
      return "decay with a half-life of zero";
    case "domain":
      return "the address has no @ or nothing after it";
    default:
      return `${expr.fn}(...) gives a number too large to compute`;
  }
}
