import type { Expr, ExprOf } from "@qualify/ir";
import { exprChildren } from "@qualify/ir";
import { literalToValue } from "../expr/compile-expr.js";
import type { Frame, Value } from "../runtime/frame.js";
import type { Abs, NumAbs } from "./abstract-value.js";
import {
  anyOf,
  bool,
  bottomOf,
  enumerate,
  exact,
  fromValues,
  join,
  knownPart,
  mayBeKnown,
  mayBeUnknown,
  NO,
  num,
  topOf,
  UNKNOWN,
  unknownOf,
  withUnknown,
  YES,
} from "./abstract-value.js";
import { aggregateOver, anyAggregate } from "./abstract-each.js";
import { applyStrict } from "./concrete.js";
import * as numeric from "./numeric.js";

/*
 * The abstract interpreter: evaluates an expression over a lead whose
 * missing fields may take any value of their type. The lead's known values
 * are read from the frame as they are; every rule is sound (the concrete
 * outcome is always inside) and exact when nothing varies, so with no
 * varying field it computes what the closures compute.
 */

/** Where the abstract interpreter reads the lead and what it lets vary. */
export interface AbstractScope {
  readonly frame: Frame;
  /** The frame slot of an input field path. */
  fieldSlot(path: readonly string[]): number;
  /** Whether a missing input field (a dotted path, `activities.at` for element fields) takes any value of its type. */
  varies(path: string): boolean;
  /** Told of every missing input field the evaluation reads. */
  readMissing(path: string): void;
  /** The abstract values of the lets, criteria and scores worked out so far. */
  readonly refs: ReadonlyMap<string, Abs>;
}

/** The list element being visited by an enclosing aggregate, and the dotted path of its list. */
export interface ElementContext {
  readonly value: Value;
  readonly path: string;
}

/** More operand combinations than this and a strict operator is bounded by its interval rule instead. */
const MAX_COMBINATIONS = 64;

/** Strict operators whose result can be unknown even when every operand is known. */
function mayFailOnKnown(expr: Expr): boolean {
  if (expr.kind === "arith") return true;
  return expr.kind === "call" && (expr.fn === "domain" || expr.fn === "decay" || expr.fn === "days_since" || expr.fn === "days_until");
}

export function maskOf(a: Abs): number {
  return a.k === "b" ? a.m : YES | NO | UNKNOWN;
}

function notMask(m: number): number {
  return (m & UNKNOWN) | (m & YES ? NO : 0) | (m & NO ? YES : 0);
}

const TRUTHS = [YES, NO, UNKNOWN] as const;

function andOrMask(kind: "and" | "or", a: number, b: number): number {
  let out = 0;
  for (const x of TRUTHS) {
    if (!(a & x)) continue;
    for (const y of TRUTHS) {
      if (!(b & y)) continue;
      const decided = kind === "and" ? NO : YES;
      if (x === decided || y === decided) out |= decided;
      else if (x === UNKNOWN || y === UNKNOWN) out |= UNKNOWN;
      else out |= kind === "and" ? YES : NO;
    }
  }
  return out;
}

export class AbstractEvaluator {
  constructor(private readonly scope: AbstractScope) {}

  abstract(expr: Expr, el: ElementContext | undefined): Abs {
    switch (expr.kind) {
      case "literal":
        return exact(literalToValue(expr.value, expr.type), expr.type);
      case "field":
        return this.read(this.scope.frame.values[this.scope.fieldSlot(expr.path)] ?? null, expr.path.join("."), expr);
      case "element": {
        if (el === undefined) return topOf(expr.type);
        let v: Value = el.value;
        for (let i = 0; i < expr.path.length && v !== null; i++) v = (v as Record<string, Value>)[expr.path[i] as string] ?? null;
        return this.read(v, el.path === "" ? expr.path.join(".") : `${el.path}.${expr.path.join(".")}`, expr);
      }
      case "ref":
        return this.scope.refs.get(expr.id) ?? topOf(expr.type);
      case "not":
        return bool(notMask(maskOf(this.abstract(expr.operand, el))));
      case "and":
      case "or":
        return bool(andOrMask(expr.kind, maskOf(this.abstract(expr.left, el)), maskOf(this.abstract(expr.right, el))));
      case "if": {
        const c = maskOf(this.abstract(expr.condition, el));
        let out = bottomOf(expr.type);
        if (c & YES) out = join(out, this.abstract(expr.then, el));
        if (c & NO) out = join(out, this.abstract(expr.else, el));
        if (c & UNKNOWN) out = join(out, unknownOf(expr.type));
        return out;
      }
      case "coalesce": {
        const left = this.abstract(expr.left, el);
        let out = mayBeKnown(left) ? knownPart(left) : bottomOf(expr.type);
        if (mayBeUnknown(left)) out = join(out, this.abstract(expr.right, el));
        return out;
      }
      case "presence": {
        const operand = this.abstract(expr.operand, el);
        const missing = (mayBeUnknown(operand) ? YES : 0) | (mayBeKnown(operand) ? NO : 0);
        return bool(expr.test === "missing" ? missing : notMask(missing));
      }
      case "quantifier":
        return this.quantifier(expr, el);
      case "each":
        return this.each(expr, el);
      default:
        return this.strict(expr, el);
    }
  }

  /** A field value from the lead; a missing one that varies is any value of its type. */
  private read(value: Value, path: string, expr: Expr): Abs {
    if (value !== null) return exact(value, expr.type);
    this.scope.readMissing(path);
    return this.scope.varies(path) ? anyOf(expr.type) : unknownOf(expr.type);
  }

  private quantifier(expr: ExprOf<"quantifier">, el: ElementContext | undefined): Abs {
    const masks = expr.items.map((item) => maskOf(this.abstract(item, el)));
    switch (expr.quantifier) {
      case "count":
        return numeric.countYes(masks);
      case "atLeast":
        return numeric.atLeast(masks, expr.n ?? 0);
      case "all":
        return numeric.atLeast(masks, masks.length);
      case "any":
        return numeric.atLeast(masks, 1);
      case "none":
        return bool(notMask(numeric.atLeast(masks, 1).m));
    }
  }

  private each(expr: ExprOf<"each">, el: ElementContext | undefined): Abs {
    const list = this.abstract(expr.list, el);
    let out: Abs = mayBeUnknown(list) ? unknownOf(expr.type) : bottomOf(expr.type);
    if (!mayBeKnown(list) || list.k !== "v") return out;
    if (list.vals === null) return join(out, anyAggregate(expr));
    const path = expr.list.kind === "field" ? expr.list.path.join(".") : expr.list.kind === "element" && el !== undefined ? joinPath(el.path, expr.list.path) : "";
    for (const elements of list.vals) {
      out = join(out, aggregateOver(expr, elements as readonly Value[], (e, element) => this.abstract(e, { value: element, path })));
    }
    return out;
  }

  /** Operators that are unknown when an operand is: concrete on the few values the operands may take, else by interval. */
  private strict(expr: Expr, el: ElementContext | undefined): Abs {
    const children = exprChildren(expr).map((child) => this.abstract(child, el));
    const choices = children.map(enumerate);
    let combinations = 1;
    for (const c of choices) combinations *= c === undefined ? Infinity : c.length;
    if (combinations <= MAX_COMBINATIONS) {
      const outcomes: Value[] = [];
      const args: Value[] = new Array<Value>(children.length);
      const visit = (i: number): void => {
        if (i === choices.length) {
          outcomes.push(args.includes(null) ? null : applyStrict(expr, args, this.scope.frame.now));
          return;
        }
        for (const v of choices[i] as readonly Value[]) {
          args[i] = v;
          visit(i + 1);
        }
      };
      visit(0);
      return fromValues(outcomes, expr.type);
    }
    return this.interval(expr, children);
  }

  private interval(expr: Expr, children: readonly Abs[]): Abs {
    const [a, b, c] = children as [NumAbs, NumAbs, NumAbs];
    const numericOperands = children.every((child) => child.k === "n");
    if (numericOperands) {
      switch (expr.kind) {
        case "arith":
          return numeric.arith(expr.op, a, b);
        case "negate":
          return numeric.negate(a);
        case "compare":
          return numeric.compare(expr.op, a, b);
        case "between":
          return numeric.between(a, b, c);
        case "within":
          return numeric.within(a, b, this.scope.frame.now);
        case "call":
          switch (expr.fn) {
            case "abs":
              return numeric.abs(a);
            case "round":
              return numeric.round(a);
            case "min":
            case "max":
              return numeric.extremum(children as readonly NumAbs[], expr.fn === "max");
            case "days_since":
              return numeric.daysSince(a, this.scope.frame.now);
            case "days_until":
              return numeric.negate(numeric.daysSince(a, this.scope.frame.now));
            case "decay":
              return numeric.decay(a, b);
            default:
              break;
          }
          break;
        default:
          break;
      }
    }
    // Any value of the result type, unknown when an operand may be (or the operator itself may fail).
    const u = children.some(mayBeUnknown) || mayFailOnKnown(expr);
    if (!children.every(mayBeKnown)) return withUnknown(bottomOf(expr.type), u);
    if (expr.kind === "call" && (expr.fn === "count" || expr.fn === "len" || expr.fn === "length")) {
      return num(0, Number.MAX_VALUE, u);
    }
    return withUnknown(anyOf(expr.type), u);
  }
}

function joinPath(prefix: string, path: readonly string[]): string {
  return prefix === "" ? path.join(".") : `${prefix}.${path.join(".")}`;
}
