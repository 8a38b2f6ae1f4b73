import type { Expr, LiteralValue } from "@qualify/ir";
import type { Expr as AstExpr } from "../ast.js";
import type { Resolutions } from "./resolve.js";
import { forEachChild } from "./ast-walk.js";

/** A part of a const expression that is not known before a lead is seen. */
export interface NonConstant {
  readonly node: AstExpr;
  /** How a message names it: "the input field `email`", "the operator `and`". */
  readonly what: string;
}

const ARITHMETIC = new Set(["+", "-", "*", "/"]);

/**
 * The first part of an expression that a const cannot contain: consts hold
 * literals, lists, arithmetic, negation and other consts, so their value is
 * known when the model is compiled.
 */
export function findNonConstant(node: AstExpr, resolutions: Resolutions): NonConstant | undefined {
  switch (node.kind) {
    case "NumberLiteral":
    case "StringLiteral":
    case "BoolLiteral":
    case "DateLiteral":
    case "ListLiteral":
    case "ParenExpr":
      break;
    case "UnaryExpr":
      if (node.op === "not") return { node, what: "the operator `not`" };
      break;
    case "BinaryExpr":
      if (!ARITHMETIC.has(node.op)) return { node, what: `the operator \`${node.op}\`` };
      break;
    case "NameRef": {
      const resolution = resolutions.byNode.get(node);
      if (resolution === undefined || resolution.kind === "const") return undefined;
      const name = node.parts.map((p) => p.name).join(".");
      const kind = resolution.kind === "field" ? "input field" : resolution.kind === "element" ? "field of the list's elements" : resolution.kind;
      return { node, what: `the ${kind} \`${name}\`` };
    }
    case "CallExpr":
      return { node, what: `the function \`${node.callee.name}\`` };
    default:
      return { node, what: "a test that depends on the lead" };
  }
  let found: NonConstant | undefined;
  forEachChild(node, (child) => {
    found ??= findNonConstant(child, resolutions);
  });
  return found;
}

/** The outcome of folding: a value, or why there is none. */
export type Folded = { readonly value: LiteralValue } | { readonly error: string };

/**
 * Computes a checked const expression (literals, lists, arithmetic, negation,
 * already-folded const uses). Arithmetic that has no finite result, such as a
 * division by zero, has no value: consts never hold NaN or Infinity.
 */
export function foldConst(expr: Expr): Folded {
  switch (expr.kind) {
    case "literal":
      return { value: expr.value };
    case "list": {
      const values: LiteralValue[] = [];
      for (const item of expr.items) {
        const folded = foldConst(item);
        if ("error" in folded) return folded;
        values.push(folded.value);
      }
      return { value: values };
    }
    case "negate": {
      const operand = foldConst(expr.operand);
      if ("error" in operand) return operand;
      return typeof operand.value === "number" ? { value: -operand.value } : { error: "only numbers can be negated" };
    }
    case "arith": {
      const left = foldConst(expr.left);
      if ("error" in left) return left;
      const right = foldConst(expr.right);
      if ("error" in right) return right;
      if (typeof left.value !== "number" || typeof right.value !== "number") return { error: "arithmetic needs numbers" };
      if (expr.op === "/" && right.value === 0) return { error: "it divides by zero" };
      const value =
        expr.op === "+" ? left.value + right.value : expr.op === "-" ? left.value - right.value : expr.op === "*" ? left.value * right.value : left.value / right.value;
      return Number.isFinite(value) ? { value } : { error: "the result is too large to be a number" };
    }
    default:
      return { error: "it is not made of literals and arithmetic" };
  }
}
