import type { Expr, ExprOf, ModelIR } from "@qualify/ir";

/**
 * Conditions as sets of leads, for the ordering checks: a condition becomes a
 * union of conjunctions (disjunctive normal form), each conjunction a
 * constraint per subject (a field, a score, any other expression that is
 * not a literal): an interval for numbers and dates, a set of texts, a
 * yes/no value, or an opaque atom compared only by its text.
 *
 * The reading is of "the condition is TRUE" under three-valued logic: `x > 5`
 * is true only when x is known and above 5, so `not (x > 5)` is `x <= 5`.
 * Everything is conservative in one direction: `implies` and `isEmpty`
 * answer true only when it is certain, never when it is merely unclear.
 */

/** The part of a conjunction about one subject. */
export type Constraint =
  | { readonly kind: "number"; readonly lo: number; readonly loOpen: boolean; readonly hi: number; readonly hiOpen: boolean }
  | { readonly kind: "text"; readonly values: ReadonlySet<string>; readonly negated: boolean }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "atom"; readonly positive: boolean };

/** Constraints by subject key; `null` is the empty set (a contradiction). */
export type Conjunction = ReadonlyMap<string, Constraint> | null;

/** A union of conjunctions: `[]` is never true. */
export type Condition = readonly Conjunction[];

/** Conditions grow at most this many conjunctions; a larger one is read as one opaque atom. */
const MAX_CONJUNCTIONS = 64;
/** How deep references to lets and criteria are followed. */
const MAX_DEPTH = 12;

/** Turns conditions of one model into {@link Condition}s, following its lets and criteria. */
export class ConditionReader {
  private readonly definitions = new Map<string, Expr>();

  constructor(ir: ModelIR) {
    for (const l of ir.lets) this.definitions.set(`let:${l.id}`, l.expr);
    for (const c of ir.criteria) this.definitions.set(`criterion:${c.id}`, c.expr);
  }

  /** The set of leads for which `expr` is true. */
  read(expr: Expr): Condition {
    return this.truth(expr, true, 0);
  }

  private truth(expr: Expr, positive: boolean, depth: number): Condition {
    switch (expr.kind) {
      case "literal":
        return typeof expr.value === "boolean" && expr.value === positive ? [new Map()] : typeof expr.value === "boolean" ? [] : this.atom(expr, positive);
      case "not":
        return this.truth(expr.operand, !positive, depth);
      case "and":
      case "or": {
        const left = this.truth(expr.left, positive, depth);
        const right = this.truth(expr.right, positive, depth);
        // De Morgan: `not (a and b)` is `not a or not b`.
        const conjunctive = (expr.kind === "and") === positive;
        const combined = conjunctive ? intersect(left, right) : [...left, ...right];
        return combined.length > MAX_CONJUNCTIONS ? this.atom(expr, positive) : combined;
      }
      case "ref": {
        const definition = this.definitions.get(`${expr.target}:${expr.id}`);
        if (definition !== undefined && depth < MAX_DEPTH) return this.truth(definition, positive, depth + 1);
        return this.atom(expr, positive);
      }
      case "field":
        return expr.type.kind === "bool" ? single(subjectKey(expr), { kind: "bool", value: positive }) : this.atom(expr, positive);
      case "compare":
        return this.compare(expr, positive) ?? this.atom(expr, positive);
      case "between": {
        const lo = numberOf(expr.low);
        const hi = numberOf(expr.high);
        if (lo === undefined || hi === undefined || isLiteral(expr.value)) return this.atom(expr, positive);
        const key = subjectKey(expr.value);
        if (positive) return single(key, { kind: "number", lo, loOpen: false, hi, hiOpen: false });
        // Not between: below or above, and known.
        return [new Map([[key, { kind: "number", lo: -Infinity, loOpen: true, hi: lo, hiOpen: true }]]), new Map([[key, { kind: "number", lo: hi, loOpen: true, hi: Infinity, hiOpen: true }]])];
      }
      case "in": {
        const values = textsOf(expr.list);
        if (values === undefined || isLiteral(expr.item) || !isText(expr.item)) return this.atom(expr, positive);
        return single(subjectKey(expr.item), { kind: "text", values, negated: expr.negated === positive });
      }
      default:
        return this.atom(expr, positive);
    }
  }

  /** `S op literal` or `literal op S` on numbers, dates, text or yes/no. */
  private compare(expr: ExprOf<"compare">, positive: boolean): Condition | undefined {
    let subject = expr.left;
    let literal = expr.right;
    let op = expr.op;
    if (isLiteral(subject) && !isLiteral(literal)) {
      [subject, literal] = [literal, subject];
      op = FLIPPED[op];
    }
    if (isLiteral(subject) || !isLiteral(literal)) return undefined;
    if (!positive) op = NEGATED[op];
    const key = subjectKey(subject);
    if (typeof literal.value === "boolean") {
      if (op === "=") return single(key, { kind: "bool", value: literal.value });
      if (op === "!=") return single(key, { kind: "bool", value: !literal.value });
      return undefined;
    }
    if (isText(subject) && typeof literal.value === "string") {
      if (op !== "=" && op !== "!=") return undefined;
      return single(key, { kind: "text", values: new Set([literal.value.toLowerCase()]), negated: op === "!=" });
    }
    const n = numberOf(literal);
    if (n === undefined) return undefined;
    switch (op) {
      case "=":
        return single(key, { kind: "number", lo: n, loOpen: false, hi: n, hiOpen: false });
      case "!=":
        return [single(key, { kind: "number", lo: -Infinity, loOpen: true, hi: n, hiOpen: true })[0]!, single(key, { kind: "number", lo: n, loOpen: true, hi: Infinity, hiOpen: true })[0]!];
      case "<":
        return single(key, { kind: "number", lo: -Infinity, loOpen: true, hi: n, hiOpen: true });
      case "<=":
        return single(key, { kind: "number", lo: -Infinity, loOpen: true, hi: n, hiOpen: false });
      case ">":
        return single(key, { kind: "number", lo: n, loOpen: true, hi: Infinity, hiOpen: true });
      case ">=":
        return single(key, { kind: "number", lo: n, loOpen: false, hi: Infinity, hiOpen: true });
    }
  }

  private atom(expr: Expr, positive: boolean): Condition {
    return single(`atom:${subjectKey(expr)}`, { kind: "atom", positive });
  }
}

const FLIPPED = { "=": "=", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<=" } as const;
const NEGATED = { "=": "!=", "!=": "=", "<": ">=", "<=": ">", ">": "<=", ">=": "<" } as const;

/** A set of leads is empty: every conjunction is a contradiction. */
export function isEmpty(condition: Condition): boolean {
  return condition.every((c) => c === null);
}

/** Whenever `a` is true, `b` is true (certainly; `false` when unsure). */
export function implies(a: Condition, b: Condition): boolean {
  return a.every((conjunction) => conjunction === null || b.some((other) => other !== null && within(conjunction, other)));
}

/** The leads of both conditions. */
function intersect(a: Condition, b: Condition): Conjunction[] {
  const out: Conjunction[] = [];
  for (const x of a) for (const y of b) out.push(x === null || y === null ? null : meet(x, y));
  return out;
}

function meet(a: ReadonlyMap<string, Constraint>, b: ReadonlyMap<string, Constraint>): Conjunction {
  const out = new Map(a);
  for (const [key, constraint] of b) {
    const current = out.get(key);
    const both = current === undefined ? constraint : meetConstraint(current, constraint);
    if (both === null) return null;
    out.set(key, both);
  }
  return out;
}

function meetConstraint(a: Constraint, b: Constraint): Constraint | null {
  if (a.kind === "number" && b.kind === "number") {
    const [lo, loOpen] = a.lo > b.lo ? [a.lo, a.loOpen] : a.lo < b.lo ? [b.lo, b.loOpen] : [a.lo, a.loOpen || b.loOpen];
    const [hi, hiOpen] = a.hi < b.hi ? [a.hi, a.hiOpen] : a.hi > b.hi ? [b.hi, b.hiOpen] : [a.hi, a.hiOpen || b.hiOpen];
    if (lo > hi || (lo === hi && (loOpen || hiOpen))) return null;
    return { kind: "number", lo, loOpen, hi, hiOpen };
  }
  if (a.kind === "text" && b.kind === "text") {
    if (!a.negated && !b.negated) return nonEmptyText(new Set([...a.values].filter((v) => b.values.has(v))), false);
    if (a.negated && b.negated) return { kind: "text", values: new Set([...a.values, ...b.values]), negated: true };
    const [pos, neg] = a.negated ? [b, a] : [a, b];
    return nonEmptyText(new Set([...pos.values].filter((v) => !neg.values.has(v))), false);
  }
  if (a.kind === "bool" && b.kind === "bool") return a.value === b.value ? a : null;
  if (a.kind === "atom" && b.kind === "atom") return a.positive === b.positive ? a : null;
  // Different kinds of test on one subject cannot be combined; keep the first (a superset, so still sound for emptiness).
  return a;
}

function nonEmptyText(values: Set<string>, negated: boolean): Constraint | null {
  return !negated && values.size === 0 ? null : { kind: "text", values, negated };
}

/** Every lead of conjunction `a` is in `b`: each constraint of `b` is implied by `a`'s on the same subject. */
function within(a: ReadonlyMap<string, Constraint>, b: ReadonlyMap<string, Constraint>): boolean {
  for (const [key, needed] of b) {
    const have = a.get(key);
    if (have === undefined || !constraintWithin(have, needed)) return false;
  }
  return true;
}

function constraintWithin(a: Constraint, b: Constraint): boolean {
  if (a.kind === "number" && b.kind === "number") {
    const loOk = a.lo > b.lo || (a.lo === b.lo && (a.loOpen || !b.loOpen));
    const hiOk = a.hi < b.hi || (a.hi === b.hi && (a.hiOpen || !b.hiOpen));
    return loOk && hiOk;
  }
  if (a.kind === "text" && b.kind === "text") {
    if (!a.negated && !b.negated) return [...a.values].every((v) => b.values.has(v));
    if (!a.negated && b.negated) return [...a.values].every((v) => !b.values.has(v));
    if (a.negated && b.negated) return [...b.values].every((v) => a.values.has(v));
    return false;
  }
  if (a.kind === "bool" && b.kind === "bool") return a.value === b.value;
  if (a.kind === "atom" && b.kind === "atom") return a.positive === b.positive;
  return false;
}

function single(key: string, constraint: Constraint): Conjunction[] {
  return [new Map([[key, constraint]])];
}

function isLiteral(expr: Expr): expr is ExprOf<"literal"> {
  return expr.kind === "literal";
}

function isText(expr: Expr): boolean {
  return expr.type.kind === "text" || expr.type.kind === "choice";
}

/** A number or date literal as a number (dates as epoch ms). */
function numberOf(expr: Expr): number | undefined {
  if (expr.kind !== "literal") return undefined;
  if (typeof expr.value === "number") return expr.value;
  if (typeof expr.value === "string" && expr.type.kind === "date") {
    const ms = Date.parse(`${expr.value}T00:00:00Z`);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/** A list of text literals, lower-cased (text compares ignoring case). */
function textsOf(expr: Expr): Set<string> | undefined {
  let values: readonly unknown[];
  if (expr.kind === "literal" && Array.isArray(expr.value)) values = expr.value as readonly unknown[];
  else if (expr.kind === "list" && expr.items.every(isLiteral)) values = expr.items.map((item) => (item as ExprOf<"literal">).value);
  else return undefined;
  if (!values.every((v) => typeof v === "string")) return undefined;
  return new Set((values as string[]).map((v) => v.toLowerCase()));
}

/** The identity of a subject: its IR without source ranges and types. */
export function subjectKey(expr: Expr): string {
  return JSON.stringify(expr, (key, value: unknown) => (key === "range" || key === "type" ? undefined : value));
}
