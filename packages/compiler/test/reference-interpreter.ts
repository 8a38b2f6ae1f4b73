import type { EvaluationResult, Expr, FastResult, InputField, ModelIR, QualType, Reason, UnknownItem } from "@qualify/ir";
import { compileTextPattern } from "@qualify/ir";

/**
 * The test oracle: a plain recursive interpreter over the IR, written from
 * the language's meaning with no optimisation, no frame, no folding, and
 * its own date parsing (Date.parse) and lead reading. Unknown is null.
 */
type V = number | string | boolean | V[] | object | null;

const DAY = 86_400_000;

function own(obj: unknown, key: string): unknown {
  if (typeof obj !== "object" || obj === null) return undefined;
  return Object.keys(obj).includes(key) ? (obj as Record<string, unknown>)[key] : undefined;
}

function isObject(v: unknown): v is object {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function absentOk(f: InputField): boolean {
  return f.optional || f.default !== undefined || (f.type.kind === "record" && f.type.fields.every(absentOk));
}

/**
 * Dates the plain way: pick the parts apart, rebuild a normalised ISO string
 * and let Date.parse read it; a day that does not survive a round trip
 * (2026-02-30) is impossible. (Leap seconds are not generated.)
 */
function parseDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt\s](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "", zone = "Z"] = m;
  const day = `${y}-${mo}-${d}`;
  const midnight = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(midnight) || new Date(midnight).toISOString().slice(0, 10) !== day) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  let offset = "Z";
  if (zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    const zh = digits.slice(0, 2);
    const zm = digits.slice(2) || "00";
    if (Number(zh) > 23 || Number(zm) > 59) return undefined;
    offset = `${zone[0]}${zh}:${zm}`;
  }
  const ms = frac === "" ? "000" : `${frac.slice(1)}000`.slice(0, 3);
  return Date.parse(`${day}T${h}:${mi}:${s}.${ms}${offset}`);
}

/** A lead value in runtime form, or undefined when it does not fit the type. */
function convert(value: unknown, type: QualType): V | undefined {
  switch (type.kind) {
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? value : undefined;
    case "text":
      return typeof value === "string" ? value : undefined;
    case "bool":
      return typeof value === "boolean" ? value : undefined;
    case "date": {
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
      return typeof value === "string" ? parseDate(value) : undefined;
    }
    case "choice":
      return typeof value === "string" ? type.options.find((o) => o.toLowerCase() === value.toLowerCase()) : undefined;
    case "list": {
      if (!Array.isArray(value)) return undefined;
      const out: V[] = [];
      for (const item of value) {
        const c = item === null ? undefined : type.element.kind === "record" ? elementRecord(item, type.element.fields) : convert(item, type.element);
        if (c === undefined) return undefined;
        out.push(c);
      }
      return out;
    }
    case "record":
      return isObject(value) ? value : undefined;
    case "empty":
      return undefined;
  }
}

/**
 * A record inside a list: a new object with exactly its declared fields, in
 * runtime form, defaults applied and absent optional fields null; undefined
 * when a required field is absent or a value does not fit.
 */
function elementRecord(value: unknown, fields: readonly InputField[]): V | undefined {
  if (!isObject(value)) return undefined;
  const out: Record<string, V> = {};
  for (const f of fields) {
    const raw = own(value, f.name);
    let v: V | undefined;
    if (raw === undefined || raw === null) {
      if (f.default !== undefined && f.default !== null) v = f.type.kind === "record" ? elementRecord(f.default, f.type.fields) : convert(f.default, f.type);
      else if (f.type.kind === "record" && f.type.fields.every(absentOk)) v = elementRecord({}, f.type.fields);
      else if (absentOk(f)) v = null;
      else return undefined;
    } else {
      v = f.type.kind === "record" ? elementRecord(raw, f.type.fields) : convert(raw, f.type);
    }
    if (v === undefined) return undefined;
    Object.defineProperty(out, f.name, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Reads a lead into a map from dotted path to value (validation off: wrong values are unknown). */
export function readLead(ir: ModelIR, lead: unknown): Map<string, V> {
  const out = new Map<string, V>();
  const read = (container: unknown, fields: readonly InputField[], prefix: string): void => {
    for (const f of fields) {
      const path = prefix === "" ? f.name : `${prefix}.${f.name}`;
      const raw = own(container, f.name);
      let value: V;
      if (raw === undefined || raw === null) {
        if (f.default !== undefined && f.default !== null) value = convert(f.default, f.type) ?? null;
        else if (f.type.kind === "record" && f.type.fields.every(absentOk)) value = {};
        else value = null;
      } else {
        value = convert(raw, f.type) ?? null;
      }
      out.set(path, value);
      if (f.type.kind === "record") read(value, f.type.fields, path);
    }
  };
  read(isObject(lead) ? lead : null, ir.inputs, "");
  return out;
}

function literal(value: unknown, type: QualType): V {
  if (Array.isArray(value)) return value.map((v) => literal(v, type.kind === "list" ? type.element : type));
  if (type.kind === "date") return Date.parse(`${String(value)}T00:00:00Z`);
  return value as V;
}

function fold(v: V): V {
  return typeof v === "string" ? v.toLowerCase() : v;
}

function same(a: V, b: V): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i] ?? null));
  return fold(a) === fold(b);
}

function num(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * The result without its outlook (`ranges`, `possibleTiers`, `questions`):
 * what the reference computes. The outlook has its own property test
 * (outlook.property.test.ts), with completions of the missing fields as its oracle.
 */
export type Explained = Omit<EvaluationResult, "ranges" | "possibleTiers" | "questions">;

/** A compiled result cut down to what the reference computes. */
export function explained(result: EvaluationResult): Explained {
  const { ranges: _ranges, possibleTiers: _possible, questions: _questions, ...rest } = result;
  return rest;
}

/** Evaluation of one model on one lead, with memoised definitions. */
export class Reference {
  private readonly memo = new Map<string, V>();
  readonly fields: Map<string, V>;
  /** The elements being visited by the enclosing aggregates, innermost last, with their lists' dotted paths. */
  private readonly elements: { value: V; path: string }[] = [];

  constructor(
    readonly ir: ModelIR,
    lead: unknown,
    readonly now: number,
  ) {
    this.fields = readLead(ir, lead);
  }

  ref(id: string): V {
    if (this.memo.has(id)) return this.memo.get(id) ?? null;
    let v: V = null;
    const letDef = this.ir.lets.find((l) => l.id === id);
    const crit = this.ir.criteria.find((c) => c.id === id);
    const score = this.ir.scores.find((s) => s.id === id);
    if (letDef) v = this.eval(letDef.expr);
    else if (crit) v = this.eval(crit.expr);
    else if (score?.kind === "computed") v = this.eval(score.expr);
    else if (score?.kind === "group") v = this.group(id).value;
    this.memo.set(id, v);
    return v;
  }

  group(id: string): { value: number; raw: number; rules: { label: string; state: string; points: number; cause?: Expr }[] } {
    const g = this.ir.scores.find((s) => s.id === id);
    if (g?.kind !== "group") throw new Error(`no group ${id}`);
    let sum = 0;
    const rules = g.rules.map((r) => {
      const w = r.when ? this.eval(r.when) : true;
      if (w === null) return { label: r.label, state: "unknown", points: 0, cause: r.when };
      if (w !== true) return { label: r.label, state: "skipped", points: 0 };
      const p = this.eval(r.points);
      if (p === null) return { label: r.label, state: "unknown", points: 0, cause: r.points };
      sum += p as number;
      return { label: r.label, state: "fired", points: (p as number) + 0 };
    });
    if (!Number.isFinite(sum)) sum = Number.isNaN(sum) ? 0 : sum > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
    sum += 0;
    let value = sum;
    if (g.min !== undefined) value = Math.max(value, g.min);
    if (g.max !== undefined) value = Math.min(value, g.max);
    return { value, raw: sum, rules };
  }

  eval(e: Expr): V {
    const ev = (x: Expr): V => this.eval(x);
    switch (e.kind) {
      case "literal":
        return literal(e.value, e.type);
      case "list": {
        const items = e.items.map(ev);
        return items.includes(null) ? null : items;
      }
      case "field":
        return this.fields.get(e.path.join(".")) ?? null;
      case "ref":
        return this.ref(e.id);
      case "not": {
        const a = ev(e.operand);
        return a === null ? null : !a;
      }
      case "and": {
        const a = ev(e.left), b = ev(e.right);
        if (a === false || b === false) return false;
        return a === null || b === null ? null : true;
      }
      case "or": {
        const a = ev(e.left), b = ev(e.right);
        if (a === true || b === true) return true;
        return a === null || b === null ? null : false;
      }
      case "if": {
        const c = ev(e.condition);
        return c === null ? null : c ? ev(e.then) : ev(e.else);
      }
      case "coalesce": {
        const a = ev(e.left);
        return a !== null ? a : ev(e.right);
      }
      case "presence":
        return (ev(e.operand) === null) === (e.test === "missing");
      case "element": {
        const top = this.elements[this.elements.length - 1];
        let v: V = top === undefined ? null : top.value;
        for (const key of e.path) v = v === null ? null : ((own(v, key) as V | undefined) ?? null);
        return v;
      }
      case "each":
        return this.each(e);
      case "quantifier": {
        const vals = e.items.map(ev);
        const yes = vals.filter((v) => v === true).length;
        const unknown = vals.filter((v) => v === null).length;
        if (e.quantifier === "count") return yes;
        const n = e.quantifier === "atLeast" ? (e.n ?? 0) : e.quantifier === "all" ? vals.length : 1;
        const r = yes >= n ? true : yes + unknown < n ? false : null;
        if (e.quantifier === "none") return r === null ? null : !r;
        return r;
      }
      default:
        break;
    }
    const kids = this.children(e).map(ev);
    if (kids.includes(null)) return null;
    const [a, b, c] = kids as [V, V, V];
    switch (e.kind) {
      case "compare":
        if (e.op === "=") return same(a, b);
        if (e.op === "!=") return !same(a, b);
        {
          const x = fold(a) as number, y = fold(b) as number;
          return e.op === "<" ? x < y : e.op === "<=" ? x <= y : e.op === ">" ? x > y : x >= y;
        }
      case "arith": {
        const x = a as number, y = b as number;
        if (e.op === "/" && y === 0) return null;
        return num(e.op === "+" ? x + y : e.op === "-" ? x - y : e.op === "*" ? x * y : x / y);
      }
      case "negate":
        return -(a as number);
      case "in":
        return (b as V[]).some((x) => same(a, x)) !== e.negated;
      case "contains": {
        // A list on the right is `contains any of`.
        const wanted = Array.isArray(b) ? b : [b];
        if (Array.isArray(a)) return wanted.some((w) => a.some((x) => same(x, w)));
        return wanted.some((w) => String(a).toLowerCase().includes(String(w).toLowerCase()));
      }
      case "startsWith":
        return (Array.isArray(b) ? b : [b]).some((w) => String(a).toLowerCase().startsWith(String(w).toLowerCase()));
      case "endsWith":
        return (Array.isArray(b) ? b : [b]).some((w) => String(a).toLowerCase().endsWith(String(w).toLowerCase()));
      case "between":
        return (a as number) >= (b as number) && (a as number) <= (c as number);
      case "matches":
        return compileTextPattern(e.pattern).test(String(a));
      case "within": {
        const since = (this.now - (a as number)) / DAY;
        return since >= 0 && since <= (b as number);
      }
      case "call":
        return this.call(e.fn, kids);
      default:
        throw new Error(`unhandled ${(e as Expr).kind}`);
    }
  }

  private call(fn: string, args: V[]): V {
    const x = args[0] as number;
    switch (fn) {
      case "count":
        return (args[0] as V[]).length;
      case "len":
        return [...String(args[0])].length;
      case "min":
        return args.length === 0 ? null : Math.min(...(args as number[]));
      case "max":
        return args.length === 0 ? null : Math.max(...(args as number[]));
      case "abs":
        return Math.abs(x);
      case "round":
        return Math.sign(x) * Math.floor(Math.abs(x) + 0.5);
      case "lower":
        return String(args[0]).toLowerCase();
      case "upper":
        return String(args[0]).toUpperCase();
      case "trim":
        return String(args[0]).trim();
      case "length":
        return Array.isArray(args[0]) ? args[0].length : [...String(args[0])].length;
      case "domain": {
        const parts = String(args[0]).split("@");
        const after = parts.length < 2 ? "" : (parts[parts.length - 1] as string);
        return after === "" ? null : after.toLowerCase();
      }
      case "days_since":
        return num((this.now - x) / DAY);
      case "days_until":
        return num(-((this.now - x) / DAY));
      case "decay":
        return args[1] === 0 ? null : num(Math.pow(0.5, x / (args[1] as number)));
      default:
        throw new Error(`unknown function ${fn}`);
    }
  }

  /** Runs `body` with `value` as the visited element of a list at `path`. */
  private visiting<T>(value: V, path: string, body: () => T): T {
    this.elements.push({ value, path });
    try {
      return body();
    } finally {
      this.elements.pop();
    }
  }

  /** The dotted path `missing` names an aggregate's element fields under. */
  private listPath(list: Expr): string {
    if (list.kind === "field") return list.path.join(".");
    if (list.kind === "element") {
      const outer = this.elements[this.elements.length - 1]?.path ?? "";
      return outer === "" ? list.path.join(".") : `${outer}.${list.path.join(".")}`;
    }
    return "";
  }

  /** The `where` of each element (true without one) and, for those where it is true, the element's value. */
  private perElement(e: Extract<Expr, { kind: "each" }>, list: V[]): { test: V; value: V }[] {
    const path = this.listPath(e.list);
    return list.map((element) =>
      this.visiting(element, path, () => {
        const test = e.where === undefined ? true : this.eval(e.where);
        const value = test === true ? (e.value === undefined ? element : this.eval(e.value)) : null;
        return { test, value };
      }),
    );
  }

  private each(e: Extract<Expr, { kind: "each" }>): V {
    const list = this.eval(e.list);
    if (list === null) return null;
    const rows = this.perElement(e, list as V[]);
    const yes = rows.filter((r) => r.test === true).length;
    const unknown = rows.filter((r) => r.test === null).length;
    switch (e.aggregate) {
      case "count":
        return yes;
      case "any":
        return yes > 0 ? true : unknown === 0 ? false : null;
      case "none":
        return yes > 0 ? false : unknown === 0 ? true : null;
      case "all":
        return rows.some((r) => r.test === false) ? false : unknown === 0 ? true : null;
      case "atLeast": {
        const n = e.n ?? 0;
        return yes >= n ? true : yes + unknown < n ? false : null;
      }
      default: {
        if (unknown > 0) return null;
        const chosen = rows.filter((r) => r.test === true).map((r) => r.value);
        if (chosen.includes(null)) return null;
        const xs = chosen as number[];
        if (e.aggregate === "sum") return num(xs.reduce((t, x) => t + x, 0));
        if (xs.length === 0) return null;
        if (e.aggregate === "avg") return num(xs.reduce((t, x) => t + x, 0) / xs.length);
        return e.aggregate === "min" ? Math.min(...xs) : Math.max(...xs);
      }
    }
  }

  children(e: Expr): Expr[] {
    switch (e.kind) {
      case "compare": case "arith": case "coalesce": case "and": case "or":
        return [e.left, e.right];
      case "negate": case "not": case "presence":
        return [e.operand];
      case "in":
        return [e.item, e.list];
      case "contains":
        return [e.container, e.item];
      case "startsWith": case "endsWith":
        return [e.text, e.affix];
      case "between":
        return [e.value, e.low, e.high];
      case "matches":
        return [e.text];
      case "within":
        return [e.date, e.days];
      case "call":
        return [...e.args];
      case "if":
        return [e.condition, e.then, e.else];
      case "quantifier": case "list":
        return [...e.items];
      default:
        return [];
    }
  }

  /** The input fields whose absence made an unknown expression unknown. */
  missing(e: Expr): string[] {
    const out: string[] = [];
    const add = (xs: string[]): void => {
      for (const x of xs) if (!out.includes(x)) out.push(x);
    };
    if (e.kind === "field") return [e.path.join(".")];
    if (e.kind === "element") {
      const outer = this.elements[this.elements.length - 1]?.path ?? "";
      return [outer === "" ? e.path.join(".") : `${outer}.${e.path.join(".")}`];
    }
    if (e.kind === "each") {
      const list = this.eval(e.list);
      if (list === null) return this.missing(e.list);
      const path = this.listPath(e.list);
      let anyUnknown = false;
      for (const element of list as V[]) {
        this.visiting(element, path, () => {
          const test = e.where === undefined ? true : this.eval(e.where);
          if (test === null && e.where !== undefined) {
            anyUnknown = true;
            add(this.missing(e.where));
          } else if (test === true && e.value !== undefined && this.eval(e.value) === null) {
            anyUnknown = true;
            add(this.missing(e.value));
          }
        });
      }
      if (!anyUnknown) this.because(e);
      return out;
    }
    if (e.kind === "ref") {
      const def =
        this.ir.lets.find((l) => l.id === e.id)?.expr ??
        this.ir.criteria.find((c) => c.id === e.id)?.expr ??
        this.ir.scores.flatMap((s) => (s.kind === "computed" && s.id === e.id ? [s.expr] : []))[0];
      return def ? this.missing(def) : [];
    }
    if (e.kind === "if") {
      const c = this.eval(e.condition);
      return this.missing(c === null ? e.condition : c ? e.then : e.else);
    }
    let anyUnknown = false;
    for (const child of this.children(e)) {
      if (this.eval(child) === null) {
        anyUnknown = true;
        add(this.missing(child));
      }
    }
    if (!anyUnknown) this.because(e);
    return out;
  }

  /** Causes found by `missing` beyond missing fields; collected only while `item` explains. */
  private causes: string[] | null = null;

  /** Notes why `e` is unknown although none of its operands is. */
  private because(e: Expr): void {
    if (this.causes === null) return;
    let cause = "the value cannot be computed";
    if (e.kind === "arith") cause = e.op === "/" ? "division by zero" : "a number too large to compute";
    else if (e.kind === "call" && e.fn === "decay") cause = "decay with a half-life of zero";
    else if (e.kind === "call" && e.fn === "domain") cause = "the address has no @ or nothing after it";
    else if (e.kind === "call") cause = `${e.fn}(...) gives a number too large to compute`;
    else if (e.kind === "each" && (e.aggregate === "avg" || e.aggregate === "min" || e.aggregate === "max")) {
      cause = `no element of the list was chosen, so it has no ${e.aggregate === "avg" ? "average" : e.aggregate === "min" ? "smallest value" : "largest value"}`;
    } else if (e.kind === "each") cause = "the list's elements have no value here";
    if (!this.causes.includes(cause)) this.causes.push(cause);
  }

  /** An unknown item: its missing fields, and `because` when an operation itself had no value. */
  private item(id: string, e: Expr): UnknownItem {
    const causes: string[] = [];
    this.causes = causes;
    const missing = this.missing(e);
    this.causes = null;
    return causes.length === 0 ? { id, missing } : { id, missing, because: causes };
  }

  full(): Explained {
    const unknown: UnknownItem[] = [];
    const criteria: Record<string, boolean | null> = {};
    for (const c of this.ir.criteria) {
      const v = this.ref(c.id) as boolean | null;
      Object.defineProperty(criteria, c.id, { value: v, enumerable: true, writable: true, configurable: true });
      if (v === null) unknown.push(this.item(c.id, c.expr));
    }
    const scores: Record<string, number | null> = {};
    const raw: Record<string, number> = {};
    const reasons: Reason[] = [];
    for (const s of this.ir.scores) {
      const v = this.ref(s.id) as number | null;
      Object.defineProperty(scores, s.id, { value: v === null ? null : v + 0, enumerable: true, writable: true, configurable: true });
      if (s.kind === "group") {
        const g = this.group(s.id);
        if (g.raw !== g.value) Object.defineProperty(raw, s.id, { value: g.raw, enumerable: true, writable: true, configurable: true });
        for (const r of g.rules) {
          if (r.state === "fired" && r.points !== 0) reasons.push({ score: s.id, rule: r.label, points: r.points });
          if (r.state === "unknown" && r.cause) unknown.push(this.item(`${s.id}/${r.label}`, r.cause));
        }
      } else if (v === null) {
        unknown.push(this.item(s.id, s.expr));
      }
    }
    const disqualified: string[] = [];
    for (const d of this.ir.disqualify) {
      const v = this.eval(d.when);
      if (v === true) disqualified.push(d.reason);
      if (v === null) unknown.push(this.item(`disqualify/${d.reason}`, d.when));
    }
    let tier = "disqualified";
    if (disqualified.length === 0) {
      for (const t of this.ir.tiers) {
        const v = t.when ? this.eval(t.when) : true;
        if (v === true) {
          tier = t.id;
          break;
        }
        if (v === null && t.when) unknown.push(this.item(t.id, t.when));
      }
    }
    return { model: this.ir.id, tier, disqualified, scores, raw, criteria, reasons, unknown };
  }

  fast(): FastResult {
    const { tier, scores } = this.full();
    return { tier, scores };
  }
}
