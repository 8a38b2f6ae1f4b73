import type { Expr, ExprOf } from "@qualify/ir";
import { exprChildren } from "@qualify/ir";
import type { Closure, Explain } from "../runtime/frame.js";
import type { Value } from "../runtime/frame.js";

/**
 * A compiled expression. `constant` is set when the value was folded at
 * compile time; `slot` when the expression is a plain frame read (a field or
 * a reference), so operators can read the frame directly instead of calling.
 */
export interface Compiled {
  readonly run: Closure;
  readonly constant: boolean;
  readonly value: Value;
  readonly slot: number | undefined;
}

/** What operator compilers need: compiled operands, and slots of fields and references. */
export interface ExprContext {
  /** The compiled form of a sub-expression (cached, so shared sub-trees compile once). */
  compile(expr: Expr): Compiled;
  /** The frame slot of an input field path. */
  fieldSlot(path: readonly string[]): number;
  /** The frame slot of a let, criterion or score. */
  refSlot(target: ExprOf<"ref">["target"], id: string): number;
  /**
   * For a text field read, a slot holding its case-folded value (filled once per
   * lead), so text tests compare without folding per test; undefined otherwise.
   */
  foldedSlot(expr: Expr): number | undefined;
}

/** The missing-field explanation of an expression, compiled on first use (only the full path needs it). */
export interface ExplainContext {
  explain(expr: Expr): Explain;
  /** The expression a let, criterion or computed score stands for; undefined for a points group. */
  refExpr(target: ExprOf<"ref">["target"], id: string): Expr | undefined;
}

/**
 * The expression node(s) of kind K. Unlike `ExprOf`, this also finds nodes
 * declared with a union kind (`"and" | "or"`) when asked for one of them.
 */
export type ExprWithKind<K extends Expr["kind"]> = Expr extends infer E
  ? E extends { readonly kind: infer EK }
    ? K extends EK
      ? E
      : never
    : never
  : never;

/** Compiles one kind of expression node to a closure. */
export type OperatorCompiler<K extends Expr["kind"]> = (expr: ExprWithKind<K>, ctx: ExprContext) => Closure;

/** A closure that always returns `value`. */
export function constantClosure(value: Value): Closure {
  return () => value;
}

/** True for text-valued types, which compare ignoring case. */
export function isTextType(expr: Expr): boolean {
  return expr.type.kind === "text" || expr.type.kind === "choice";
}

/** The direct sub-expressions of a node, in the order `missing` visits them. */
export const directChildren = exprChildren;
