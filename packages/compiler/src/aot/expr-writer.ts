import type { Expr, ExprOf } from "@qualify/ir";
import { literalToValue } from "../expr/compile-expr.js";
import { isTextType } from "../expr/compiled.js";
import { foldCase } from "../runtime/text.js";
import type { Value } from "../runtime/frame.js";

/**
 * Writes Qual expressions as JavaScript expressions over the same runtime
 * values as the closures (numbers, text, booleans, dates as epoch ms, lists,
 * records; `null` is unknown). Every operator mirrors its closure in
 * `src/expr`; operands are pure, so the written code may evaluate them in any
 * order, and it short-circuits where the closure does to save time.
 * Intermediate values go to temporaries declared by the enclosing function.
 */
export interface ExprScope {
  /** The variable holding an input field's value (`company.employees`). */
  field(path: readonly string[]): string;
  /** The variable holding a let, criterion or score. */
  ref(id: string): string;
  /** The variable holding the evaluation time. */
  now(): string;
  /** The variable holding the case-folded copy of a text field, folded once per lead (as the closures' folded slots). */
  folded(path: readonly string[]): string;
}

/** One generated function: its temporaries and the outer variables it reads. */
class FunctionBody {
  readonly temps: string[] = [];
  constructor(readonly element: string | undefined) {}
}


/**
 * Up to this many members, `x in [...]` is written as `x === a || x === b ...`
 * rather than a Set lookup: a folded text is a fresh string, whose hash the
 * Set would compute on every lead, while a comparison with a constant mostly
 * stops at the length. Strict equality is the Set's SameValueZero for the
 * texts, finite numbers and booleans a value can be.
 */
const FEW_MEMBERS = 8;

/** `(x === k1 || x === k2 ...)` for the distinct keys; `false` for none. */
function anyEqual(x: string, keys: readonly (string | number | boolean)[]): string {
  const distinct = [...new Set(keys)];
  if (distinct.length === 0) return "false";
  return `(${distinct.map((k) => `${x} === ${JSON.stringify(k)}`).join(" || ")})`;
}

export class ExprWriter {
  /** Module-level declarations (constant lists, sets, patterns, aggregate functions). */
  readonly hoisted: string[] = [];
  private counter = 0;
  private body: FunctionBody = new FunctionBody(undefined);

  constructor(private scope: ExprScope) {}

  /** Starts a top-level function body; returns the temporaries to declare in it. */
  beginFunction(): string[] {
    this.body = new FunctionBody(undefined);
    return this.body.temps;
  }

  private temp(): string {
    const name = `t${this.counter++}`;
    this.body.temps.push(name);
    return name;
  }

  private hoist(prefix: string, code: string): string {
    const name = `${prefix}${this.counter++}`;
    this.hoisted.push(`const ${name} = ${code};`);
    return name;
  }

  /** A JavaScript expression computing `expr`. */
  write(expr: Expr): string {
    switch (expr.kind) {
      case "literal":
        return this.constant(literalToValue(expr.value, expr.type));
      case "list":
        return this.list(expr);
      case "field":
        return this.scope.field(expr.path);
      case "ref":
        return this.scope.ref(expr.id);
      case "element":
        return this.element(expr.path);
      case "not": {
        const a = this.temp();
        return `((${a} = ${this.write(expr.operand)}) === null ? null : !${a})`;
      }
      case "and":
      case "or": {
        const [a, b] = [this.temp(), this.temp()];
        const [l, r] = [this.write(expr.left), this.write(expr.right)];
        const decided = expr.kind === "and" ? "false" : "true";
        const otherwise = expr.kind === "and" ? "true" : "false";
        return `((${a} = ${l}) === ${decided} ? ${decided} : (${b} = ${r}) === ${decided} ? ${decided} : ${a} === null || ${b} === null ? null : ${otherwise})`;
      }
      case "compare":
        return this.compare(expr);
      case "arith":
        return this.arith(expr);
      case "negate": {
        const a = this.temp();
        return `((${a} = ${this.write(expr.operand)}) === null ? null : -${a})`;
      }
      case "coalesce": {
        const a = this.temp();
        return `((${a} = ${this.write(expr.left)}) !== null ? ${a} : ${this.write(expr.right)})`;
      }
      case "in":
        return this.in(expr);
      case "contains":
        return this.contains(expr);
      case "startsWith":
      case "endsWith":
        return this.affix(expr);
      case "between": {
        const [a, lo, hi] = [this.temp(), this.temp(), this.temp()];
        return `((${a} = ${this.write(expr.value)}) === null || (${lo} = ${this.write(expr.low)}) === null || (${hi} = ${this.write(expr.high)}) === null ? null : ${a} >= ${lo} && ${a} <= ${hi})`;
      }
      case "matches": {
        const pattern = this.hoist("P", `rt.compileTextPattern(${JSON.stringify(expr.pattern)})`);
        const a = this.temp();
        return `((${a} = ${this.write(expr.text)}) === null ? null : ${pattern}.test(${a}))`;
      }
      case "presence": {
        const operand = this.write(expr.operand);
        return expr.test === "missing" ? `(${operand} === null)` : `(${operand} !== null)`;
      }
      case "within": {
        const [a, n, since] = [this.temp(), this.temp(), this.temp()];
        return `((${a} = ${this.write(expr.date)}) === null || (${n} = ${this.write(expr.days)}) === null ? null : (${since} = (${this.scope.now()} - ${a}) / 86400000) >= 0 && ${since} <= ${n})`;
      }
      case "call":
        return this.call(expr);
      case "if": {
        const c = this.temp();
        return `((${c} = ${this.write(expr.condition)}) === null ? null : ${c} === true ? ${this.write(expr.then)} : ${this.write(expr.else)})`;
      }
      case "quantifier":
        return this.quantifier(expr);
      case "each":
        return this.each(expr);
    }
  }

  /** The folded copy of a text field operand, when the operand is one. */
  private foldedField(expr: Expr): string | undefined {
    return expr.kind === "field" && expr.type.kind === "text" ? this.scope.folded(expr.path) : undefined;
  }

  private constant(value: Value): string {
    if (value === null || typeof value !== "object") return JSON.stringify(value);
    return this.hoist("L", `Object.freeze(${JSON.stringify(value)})`);
  }

  private list(expr: ExprOf<"list">): string {
    if (expr.items.length === 0) return this.constant([]);
    const temps = expr.items.map(() => this.temp());
    const checks = expr.items.map((item, i) => `(${temps[i]} = ${this.write(item)}) === null`).join(" || ");
    return `(${checks} ? null : [${temps.join(", ")}])`;
  }

  private element(path: readonly string[]): string {
    const e = this.body.element ?? "null";
    if (path.length === 0) return e;
    let code = e;
    for (const name of path) code = `(${code}?.[${JSON.stringify(name)}] ?? null)`;
    return code;
  }

  private compare(expr: ExprOf<"compare">): string {
    if (expr.op === "=" || expr.op === "!=") {
      const fixed = literalOf(expr.right);
      const folded = this.foldedField(expr.left);
      if (typeof fixed === "string" && folded !== undefined) {
        return `(${folded} === null ? null : ${folded} ${expr.op === "=" ? "===" : "!=="} ${JSON.stringify(foldCase(fixed))})`;
      }
    }
    const [a, b] = [this.temp(), this.temp()];
    const l = this.write(expr.left);
    const r = this.write(expr.right);
    const op = expr.op;
    const textual = isTextType(expr.left) || isTextType(expr.right);
    const known = `(${a} = ${l}) === null || (${b} = ${r}) === null ? null : `;
    if (op === "=" || op === "!=") {
      const negated = op === "!=" ? "!" : "";
      if (textual) return `(${known}${negated}rt.equalValues(${a}, ${b}))`;
      const scalar = typeof literalOf(expr.right) === "number" || typeof literalOf(expr.right) === "boolean";
      return scalar ? `(${known}${a} ${op === "=" ? "===" : "!=="} ${b})` : `(${known}${negated}rt.equalValues(${a}, ${b}))`;
    }
    if (textual) return `(${known}rt.foldCase(${a}) ${op} rt.foldCase(${b}))`;
    return `(${known}${a} ${op} ${b})`;
  }

  private arith(expr: ExprOf<"arith">): string {
    const [a, b] = [this.temp(), this.temp()];
    const known = `(${a} = ${this.write(expr.left)}) === null || (${b} = ${this.write(expr.right)}) === null ? null : `;
    if (expr.op === "/") return `(${known}${b} === 0 ? null : rt.finiteOrUnknown(${a} / ${b}))`;
    return `(${known}rt.finiteOrUnknown(${a} ${expr.op} ${b}))`;
  }

  private in(expr: ExprOf<"in">): string {
    const negated = expr.negated ? "!" : "";
    const a = this.temp();
    const item = this.write(expr.item);
    const members = constantList(expr.list);
    if (members !== undefined && members.every((m) => typeof m !== "object")) {
      const keys = members.map((m) => (typeof m === "string" ? foldCase(m) : m));
      const few = [...new Set(keys)].length <= FEW_MEMBERS;
      const folded = this.foldedField(expr.item);
      if (few) {
        if (folded !== undefined) return `(${folded} === null ? null : ${negated}${anyEqual(folded, keys)})`;
        if (isTextType(expr.item)) return `((${a} = ${item}) === null ? null : (${a} = rt.foldCase(${a}), ${negated}${anyEqual(a, keys)}))`;
        return `((${a} = ${item}) === null ? null : ${negated}${anyEqual(a, keys)})`;
      }
      const set = this.hoist("S", `new Set(${JSON.stringify(keys)})`);
      if (folded !== undefined) return `(${folded} === null ? null : ${negated}${set}.has(${folded}))`;
      if (isTextType(expr.item)) {
        const exact = this.hoist("S", `new Set(${JSON.stringify([...new Set([...keys, ...members])])})`);
        return `((${a} = ${item}) === null ? null : ${negated}(${exact}.has(${a}) || ${set}.has(rt.foldCase(${a}))))`;
      }
      return `((${a} = ${item}) === null ? null : ${negated}${set}.has(${a}))`;
    }
    const b = this.temp();
    // An in-place list with an unknown item is unknown, as a list value is.
    return `((${a} = ${item}) === null || (${b} = ${this.write(expr.list)}) === null ? null : ${negated}rt.listHas(${b}, ${a}))`;
  }

  private contains(expr: ExprOf<"contains">): string {
    const [a, b] = [this.temp(), this.temp()];
    const known = `(${a} = ${this.write(expr.container)}) === null || (${b} = ${this.write(expr.item)}) === null ? null : `;
    const listContainer = expr.container.type.kind === "list";
    if (expr.item.type.kind === "list") {
      return listContainer ? `(${known}rt.listSharesAny(${a}, ${b}))` : `(${known}rt.textTestAny(${a}, ${b}, 0))`;
    }
    if (listContainer) return `(${known}rt.listHas(${a}, ${b}))`;
    const fixed = literalOf(expr.item);
    const folded = this.foldedField(expr.container);
    if (typeof fixed === "string" && folded !== undefined) return `(${folded} === null ? null : ${folded}.includes(${JSON.stringify(foldCase(fixed))}))`;
    return `(${known}rt.foldCase(${a}).includes(rt.foldCase(${b})))`;
  }

  private affix(expr: ExprOf<"startsWith" | "endsWith">): string {
    const folded = this.foldedField(expr.text);
    const constantAffix = literalOf(expr.affix);
    if (typeof constantAffix === "string" && folded !== undefined) {
      return `(${folded} === null ? null : ${folded}.${expr.kind}(${JSON.stringify(foldCase(constantAffix))}))`;
    }
    const [a, b] = [this.temp(), this.temp()];
    const known = `(${a} = ${this.write(expr.text)}) === null || (${b} = ${this.write(expr.affix)}) === null ? null : `;
    const method = expr.kind;
    if (expr.affix.type.kind === "list") return `(${known}rt.textTestAny(${a}, ${b}, ${method === "startsWith" ? 1 : 2}))`;
    const fixed = literalOf(expr.affix);
    if (typeof fixed === "string") return `(${known}rt.foldCase(${a}).${method}(${JSON.stringify(foldCase(fixed))}))`;
    return `(${known}rt.foldCase(${a}).${method}(rt.foldCase(${b})))`;
  }

  private call(expr: ExprOf<"call">): string {
    const args = expr.args;
    const one = (body: (a: string) => string): string => {
      const a = this.temp();
      return `((${a} = ${this.write(args[0] as Expr)}) === null ? null : ${body(a)})`;
    };
    switch (expr.fn) {
      case "count":
        return one((a) => `${a}.length`);
      case "len":
        return one((a) => `rt.codePointLength(${a})`);
      case "length":
        return one((a) => `(typeof ${a} === "string" ? rt.codePointLength(${a}) : ${a}.length)`);
      case "abs":
        return one((a) => `Math.abs(${a})`);
      case "round":
        return one((a) => `rt.roundHalfAwayFromZero(${a})`);
      case "lower":
        return one((a) => `${a}.toLowerCase()`);
      case "upper":
        return one((a) => `${a}.toUpperCase()`);
      case "trim":
        return one((a) => `${a}.trim()`);
      case "domain":
        return one((a) => `rt.emailDomain(${a})`);
      case "days_since":
        return one((a) => `rt.finiteOrUnknown((${this.scope.now()} - ${a}) / 86400000)`);
      case "days_until":
        return one((a) => `rt.finiteOrUnknown(-((${this.scope.now()} - ${a}) / 86400000))`);
      case "decay": {
        const [a, h] = [this.temp(), this.temp()];
        return `((${a} = ${this.write(args[0] as Expr)}) === null || (${h} = ${this.write(args[1] as Expr)}) === null || ${h} === 0 ? null : rt.finiteOrUnknown(0.5 ** (${a} / ${h})))`;
      }
      case "min":
      case "max": {
        if (args.length === 0) return "null";
        const temps = args.map(() => this.temp());
        const checks = args.map((arg, i) => `(${temps[i]} = ${this.write(arg)}) === null`).join(" || ");
        // The closure keeps the first of equal values (`x > best`), so -0 and 0 come out as it does.
        let best = temps[0] as string;
        const cmp = expr.fn === "max" ? ">" : "<";
        for (let i = 1; i < temps.length; i++) {
          const x = temps[i] as string;
          const b = this.temp();
          best = `(${b} = ${best}, ${x} ${cmp} ${b} ? ${x} : ${b})`;
        }
        return `(${checks} ? null : ${best})`;
      }
    }
  }

  private quantifier(expr: ExprOf<"quantifier">): string {
    const items = expr.items.map((item) => this.write(item));
    const t = this.temp();
    if (expr.quantifier === "count") {
      if (items.length === 0) return "0";
      return `(${items.map((item) => `(${item} === true ? 1 : 0)`).join(" + ")})`;
    }
    const need = expr.quantifier === "atLeast" ? (expr.n ?? 0) : expr.quantifier === "all" ? items.length : 1;
    if (need <= 0) return expr.quantifier === "none" ? "false" : "true";
    if (items.length === 0) return expr.quantifier === "none" ? "true" : "false";
    const [yes, unknown] = [this.temp(), this.temp()];
    const tally = items.map((item) => `(${t} = ${item}) === true ? ${yes}++ : ${t} === null ? ${unknown}++ : 0`).join(", ");
    const held = `(${yes} = 0, ${unknown} = 0, ${tally}, ${yes} >= ${need} ? true : ${yes} + ${unknown} < ${need} ? false : null)`;
    if (expr.quantifier !== "none") return held;
    const h = this.temp();
    return `((${h} = ${held}) === null ? null : !${h})`;
  }

  /**
   * An aggregate becomes a module-level function of the list and of every
   * outer variable its `where`/`value` read, so the lead's function stays
   * free of loops and nested aggregates see their own element.
   */
  private each(expr: ExprOf<"each">): string {
    const outer = this.body;
    const list = this.write(expr.list);
    const e = `e${this.counter++}`;
    const inner = new FunctionBody(e);
    this.body = inner;
    const reads = new Set<string>();
    const scope = this.scope;
    const tracking: ExprScope = {
      field: (path) => track(reads, scope.field(path)),
      ref: (id) => track(reads, scope.ref(id)),
      now: () => track(reads, scope.now()),
      folded: (path) => track(reads, scope.folded(path)),
    };
    const saved = this.scope;
    this.scope = tracking;
    const where = expr.where === undefined ? "true" : this.write(expr.where);
    const value = expr.value === undefined ? e : this.write(expr.value);
    this.scope = saved;
    this.body = outer;
    const params = [...reads];
    const name = `agg${this.counter++}`;
    const temps = inner.temps.length === 0 ? "" : `  let ${inner.temps.join(", ")};\n`;
    this.hoisted.push(`function ${name}(list${params.map((p) => `, ${p}`).join("")}) {\n${temps}${eachBody(expr, e, where, value)}\n}`);
    const l = this.temp();
    return `((${l} = ${list}) === null ? null : ${name}(${l}${params.map((p) => `, ${p}`).join("")}))`;
  }
}

function track(reads: Set<string>, name: string): string {
  reads.add(name);
  return name;
}

/** The body of an aggregate's function, mirroring `operators-each.ts`. */
function eachBody(expr: ExprOf<"each">, e: string, where: string, value: string): string {
  const loop = (body: string): string => `  for (let i = 0; i < list.length; i++) {\n    const ${e} = list[i];\n${body}\n  }`;
  switch (expr.aggregate) {
    case "sum":
    case "avg":
    case "min":
    case "max": {
      const lines = [`  let n = 0, acc = 0;`];
      const pick =
        expr.aggregate === "sum" || expr.aggregate === "avg"
          ? `acc += v;`
          : `if (n === 0 || v ${expr.aggregate === "max" ? ">" : "<"} acc) acc = v;`;
      lines.push(
        loop(
          `    const w = ${where};\n    if (w === null) return null;\n    if (w === false) continue;\n    const v = ${value};\n    if (v === null) return null;\n    ${pick}\n    n++;`,
        ),
      );
      if (expr.aggregate === "sum") lines.push(`  return rt.finiteOrUnknown(acc);`);
      else if (expr.aggregate === "avg") lines.push(`  return n === 0 ? null : rt.finiteOrUnknown(acc / n);`);
      else lines.push(`  return n === 0 ? null : acc;`);
      return lines.join("\n");
    }
    case "count":
      if (expr.where === undefined) return `  return list.length;`;
      return [`  let yes = 0;`, loop(`    if (${where} === true) yes++;`), `  return yes;`].join("\n");
    default: {
      const need = expr.aggregate === "all" ? "list.length" : expr.aggregate === "atLeast" ? String(expr.n ?? 0) : "1";
      const lines = [
        `  const need = ${need};`,
        `  let yes = 0, unknown = 0;`,
        `  for (let i = 0; i < list.length && yes < need; i++) {\n    const ${e} = list[i];\n    const w = ${where};\n    if (w === true) yes++;\n    else if (w === null) unknown++;\n  }`,
        `  const held = yes >= need ? true : yes + unknown < need ? false : null;`,
        expr.aggregate === "none" ? `  return held === null ? null : !held;` : `  return held;`,
      ];
      return lines.join("\n");
    }
  }
}

/** The value of a literal node, else undefined. */
function literalOf(expr: Expr): unknown {
  return expr.kind === "literal" ? expr.value : undefined;
}

/** The runtime members of a list made only of literals (a constant list), else undefined. */
function constantList(expr: Expr): readonly Value[] | undefined {
  if (expr.kind === "literal" && Array.isArray(expr.value)) return literalToValue(expr.value, expr.type) as readonly Value[];
  if (expr.kind === "list" && expr.items.every((i) => i.kind === "literal")) {
    return expr.items.map((i) => literalToValue((i as ExprOf<"literal">).value, i.type));
  }
  return undefined;
}

