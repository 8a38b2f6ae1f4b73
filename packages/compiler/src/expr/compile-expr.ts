import type { Expr, ExprOf, LiteralValue, QualType } from "@qualify/ir";
import { IRFormatError } from "../errors.js";
import { parseDateText } from "../runtime/dates.js";
import type { Closure, Explain, Value } from "../runtime/frame.js";
import { Frame, addCause, addMissing } from "../runtime/frame.js";
import type { Compiled, ExplainContext, ExprContext, OperatorCompiler } from "./compiled.js";
import { constantClosure, directChildren, isTextType } from "./compiled.js";
import { compileArith, compileCall, compileNegate, compileWithin } from "./operators-arith.js";
import {
  compileAffix,
  compileBetween,
  compileCompare,
  compileContains,
  compileIn,
  compileMatches,
} from "./operators-compare.js";
import { compileEach, compileElement } from "./operators-each.js";
import { causeOfUnknown } from "./unknown-cause.js";
import { compileAndOr, compileCoalesce, compileIf, compileNot, compilePresence, compileQuantifier } from "./operators-logic.js";

/** A literal in runtime form: date literals (`YYYY-MM-DD` strings in the IR) become epoch ms. */
export function literalToValue(value: LiteralValue, type: QualType): Value {
  if (Array.isArray(value)) {
    const element: QualType = type.kind === "list" ? type.element : type;
    return (value as readonly LiteralValue[]).map((v) => literalToValue(v, element));
  }
  if (type.kind === "date") {
    const ms = typeof value === "string" ? parseDateText(value) : undefined;
    if (ms === undefined) throw new IRFormatError(`The date literal ${JSON.stringify(value)} is not a valid date.`);
    return ms;
  }
  return value as Value;
}

const compileLiteral: OperatorCompiler<"literal"> = (expr) => constantClosure(literalToValue(expr.value, expr.type));

const compileList: OperatorCompiler<"list"> = (expr, ctx) => {
  const items = expr.items.map((i) => ctx.compile(i).run);
  const n = items.length;
  return (f) => {
    const out = new Array<Value>(n);
    for (let i = 0; i < n; i++) {
      const v = (items[i] as Closure)(f);
      // List elements are never null: a list with an unknown item is unknown.
      if (v === null) return null;
      out[i] = v;
    }
    return out;
  };
};

/**
 * The operator table: one compiler per expression kind. Type-specific
 * specialisation happens inside each (operand types are on the operands).
 */
const OPERATORS: { readonly [K in Expr["kind"]]: OperatorCompiler<K> } = {
  literal: compileLiteral,
  list: compileList,
  field: (expr, ctx) => slotRead(ctx.fieldSlot(expr.path)),
  ref: (expr, ctx) => slotRead(ctx.refSlot(expr.target, expr.id)),
  not: compileNot,
  and: compileAndOr,
  or: compileAndOr,
  compare: compileCompare,
  arith: compileArith,
  negate: compileNegate,
  coalesce: compileCoalesce,
  in: compileIn,
  contains: compileContains,
  startsWith: compileAffix,
  endsWith: compileAffix,
  between: compileBetween,
  matches: compileMatches,
  presence: compilePresence,
  within: compileWithin,
  call: compileCall,
  if: compileIf,
  quantifier: compileQuantifier,
  each: compileEach,
  element: compileElement,
};

function slotRead(slot: number): Closure {
  return (f) => f.values[slot] ?? null;
}

/** Whether an expression's value can differ between leads or evaluation times. */
function isVarying(expr: Expr, memo: WeakMap<Expr, boolean>): boolean {
  const known = memo.get(expr);
  if (known !== undefined) return known;
  let varying: boolean;
  if (expr.kind === "field" || expr.kind === "ref" || expr.kind === "within" || expr.kind === "element") varying = true;
  else if (expr.kind === "call" && (expr.fn === "days_since" || expr.fn === "days_until")) varying = true;
  else varying = directChildren(expr).some((child) => isVarying(child, memo));
  memo.set(expr, varying);
  return varying;
}

/** The dotted path `missing` names a list's element fields under: a field's path, or an element field's under its list. */
function listPathOf(list: Expr, slots: SlotResolver): (f: Frame) => string {
  if (list.kind === "field") {
    const path = slots.fieldPath(list.path);
    return () => path;
  }
  if (list.kind === "element") {
    const relative = list.path.join(".");
    return (f) => (f.elementPath === "" ? relative : `${f.elementPath}.${relative}`);
  }
  return () => "";
}

/** Resolves a slot or throws the IR error that explains why it could not. */
export interface SlotResolver {
  fieldSlot(path: readonly string[]): number;
  refSlot(target: ExprOf<"ref">["target"], id: string): number;
  refExpr(target: ExprOf<"ref">["target"], id: string): Expr | undefined;
  fieldPath(path: readonly string[]): string;
  /** The slot of the case-folded copy of a text field, allocated on first request. */
  foldedSlot(path: readonly string[]): number;
}

/**
 * Compiles expressions to closures, folding every sub-tree that depends on
 * neither the lead nor the clock into a constant, and builds the `missing`
 * explanations on demand.
 */
export class ExprCompiler implements ExprContext, ExplainContext {
  private readonly compiled = new WeakMap<Expr, Compiled>();
  private readonly explained = new WeakMap<Expr, Explain>();
  private readonly varying = new WeakMap<Expr, boolean>();
  private readonly scratch = new Frame(0);

  constructor(private readonly slots: SlotResolver) {}

  compile(expr: Expr): Compiled {
    const cached = this.compiled.get(expr);
    if (cached !== undefined) return cached;
    const operator = OPERATORS[expr.kind] as OperatorCompiler<Expr["kind"]> | undefined;
    if (operator === undefined) throw new IRFormatError(`Unknown expression kind ${JSON.stringify(expr.kind)}.`);
    const run = operator(expr, this);
    let result: Compiled;
    if (!isVarying(expr, this.varying)) {
      const value = run(this.scratch);
      result = { run: constantClosure(value), constant: true, value, slot: undefined };
    } else {
      const slot =
        expr.kind === "field"
          ? this.slots.fieldSlot(expr.path)
          : expr.kind === "ref"
            ? this.slots.refSlot(expr.target, expr.id)
            : undefined;
      result = { run, constant: false, value: null, slot };
    }
    this.compiled.set(expr, result);
    return result;
  }

  fieldSlot(path: readonly string[]): number {
    return this.slots.fieldSlot(path);
  }

  refSlot(target: ExprOf<"ref">["target"], id: string): number {
    return this.slots.refSlot(target, id);
  }

  refExpr(target: ExprOf<"ref">["target"], id: string): Expr | undefined {
    return this.slots.refExpr(target, id);
  }

  foldedSlot(expr: Expr): number | undefined {
    return expr.kind === "field" && isTextType(expr) ? this.slots.foldedSlot(expr.path) : undefined;
  }

  /** The closure that lists the missing input fields of `expr`; call it only when `expr` is unknown. */
  explain(expr: Expr): Explain {
    const cached = this.explained.get(expr);
    if (cached !== undefined) return cached;
    const built = this.buildExplain(expr);
    this.explained.set(expr, built);
    return built;
  }

  /**
   * An unknown aggregate: the list itself when it is unknown, else, element
   * by element, what made a `where` unknown, or a chosen element's value.
   */
  private explainEach(expr: ExprOf<"each">): Explain {
    const list = this.compile(expr.list).run;
    const where = expr.where === undefined ? undefined : this.compile(expr.where).run;
    const value = expr.value === undefined ? undefined : this.compile(expr.value).run;
    const pathOf = listPathOf(expr.list, this.slots);
    return (f, out) => {
      const elements = list(f) as readonly Value[] | null;
      if (elements === null) {
        this.explain(expr.list)(f, out);
        return;
      }
      const outer = f.element;
      const outerPath = f.elementPath;
      const path = pathOf(f);
      let anyUnknown = false;
      for (const element of elements) {
        f.element = element;
        f.elementPath = path;
        const w = where === undefined ? true : where(f);
        if (w === null && expr.where !== undefined) {
          anyUnknown = true;
          this.explain(expr.where)(f, out);
        } else if (w === true && value !== undefined && expr.value !== undefined && value(f) === null) {
          anyUnknown = true;
          this.explain(expr.value)(f, out);
        }
        f.elementPath = outerPath;
      }
      f.element = outer;
      // Every element known: the aggregate itself has no value (`avg` of no element).
      if (!anyUnknown) addCause(f, causeOfUnknown(expr));
    };
  }

  private buildExplain(expr: Expr): Explain {
    switch (expr.kind) {
      case "field": {
        const path = this.slots.fieldPath(expr.path);
        return (_f, out) => addMissing(out, path);
      }
      case "ref": {
        const target = this.refExpr(expr.target, expr.id);
        // A points group is never unknown; other references explain through their definition.
        if (target === undefined) return () => undefined;
        let explainTarget: Explain | undefined;
        return (f, out) => (explainTarget ??= this.explain(target))(f, out);
      }
      case "element": {
        // Element fields are named under their list: `activities.at`.
        const relative = expr.path.join(".");
        return (f, out) => addMissing(out, f.elementPath === "" ? relative : `${f.elementPath}.${relative}`);
      }
      case "each":
        return this.explainEach(expr);
      case "if": {
        const condition = this.compile(expr.condition).run;
        return (f, out) => {
          const c = condition(f);
          const branch = c === null ? expr.condition : c === true ? expr.then : expr.else;
          this.explain(branch)(f, out);
        };
      }
      default: {
        const children = directChildren(expr);
        const compiled = children.map((child) => this.compile(child));
        const runs = compiled.map((c) => c.run);
        // A child that is a frame read (a field, a criterion) is looked up instead of called.
        const slots = compiled.map((c) => (c.slot === undefined ? -1 : c.slot));
        // Built on first use: sub-trees that are never unknown never get explanations.
        let explains: Explain[] | undefined;
        return (f, out) => {
          explains ??= children.map((child) => this.explain(child));
          const values = f.values;
          let anyUnknown = false;
          for (let i = 0; i < runs.length; i++) {
            const slot = slots[i] as number;
            const v = slot >= 0 ? (values[slot] ?? null) : (runs[i] as Closure)(f);
            if (v === null) {
              anyUnknown = true;
              (explains[i] as Explain)(f, out);
            }
          }
          // Every operand known: the operation itself had no value (a division by zero).
          if (!anyUnknown) addCause(f, causeOfUnknown(expr));
        };
      }
    }
  }
}
