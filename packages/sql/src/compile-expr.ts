import type { Expr, ExprOf, LiteralValue, QualType } from "@qualify/ir";
import type { Dialect } from "./dialect.js";
import type { SqlDiagnostic } from "./errors.js";
import { dateLiteralMs } from "./date-text.js";
import { numberText, textLiteral } from "./sql-text.js";

/** Milliseconds in a day, as `days_since` and `within` measure. */
const MS_PER_DAY = 86_400_000;

/** What an expression is compiled against: the dialect, the evaluation time and the column of each field and definition. */
export interface ExprEnv {
  readonly dialect: Dialect;
  /** SQL of the evaluation time in epoch milliseconds. */
  readonly now: string;
  /** The column holding an input field's runtime value. */
  field(path: readonly string[]): string;
  /** The column holding a let, criterion or score. */
  ref(target: ExprOf<"ref">["target"], id: string): string;
  /** Diagnostics for what cannot be translated; compilation goes on so every one is reported. */
  readonly diagnostics: SqlDiagnostic[];
  /**
   * The column holding `lower(sql)` computed once per row, when `sql` is an
   * input field's column; undefined to fold in place.
   */
  folded?(sql: string): string | undefined;
}

function isText(expr: Expr): boolean {
  return expr.type.kind === "text" || expr.type.kind === "choice";
}

function elementType(type: QualType): QualType {
  return type.kind === "list" ? type.element : { kind: "empty" };
}

/** `CASE WHEN a IS NULL OR ... THEN NULL ELSE body END`: unknown when any operand is. */
function whenAllKnown(operands: readonly string[], body: string): string {
  if (operands.length === 0) return body;
  return `CASE WHEN ${operands.map((o) => `${o} IS NULL`).join(" OR ")} THEN NULL ELSE ${body} END`;
}

/**
 * Compiles Qual expressions to SQL expressions whose value is the runtime
 * value, NULL meaning unknown. SQL's own AND/OR/NOT are Kleene logic, which is
 * Qual's; everything else that SQL would decide on NULL differently (BETWEEN
 * with one unknown bound, `at least N of`, `if` on an unknown condition) is
 * written out. Meaning follows the closures in @qualify/compiler exactly.
 */
export class SqlExprCompiler {
  private depth = 0;

  constructor(private readonly env: ExprEnv) {}

  private get d(): Dialect {
    return this.env.dialect;
  }

  /** Text folded for comparing (Qual ignores case): a field's folded column when there is one, else `lower(...)`. */
  private lower(sql: string): string {
    return this.env.folded?.(sql) ?? `lower(${sql})`;
  }

  private num(x: number): string {
    return `CAST(${numberText(x)} AS ${this.d.double})`;
  }

  literal(value: LiteralValue, type: QualType): string {
    if (Array.isArray(value)) {
      const element = elementType(type);
      return this.d.listOf((value as readonly LiteralValue[]).map((v) => this.literal(v, element)), element);
    }
    switch (type.kind) {
      case "number":
        return this.num(value as number);
      case "date":
        return this.num(dateLiteralMs(value as string));
      case "bool":
        return value === true ? "TRUE" : "FALSE";
      default:
        return textLiteral(String(value));
    }
  }

  /** The SQL of an expression; `scope` holds the aliases of the elements being visited, innermost last. */
  compile(expr: Expr, scope: readonly string[] = []): string {
    const c = (e: Expr): string => this.compile(e, scope);
    const d = this.d;
    switch (expr.kind) {
      case "literal":
        return this.literal(expr.value, expr.type);
      case "list": {
        const items = expr.items.map(c);
        return whenAllKnown(items, d.listOf(items, elementType(expr.type)));
      }
      case "field":
        return this.env.field(expr.path);
      case "ref":
        return this.env.ref(expr.target, expr.id);
      case "element": {
        const alias = scope[scope.length - 1];
        if (alias === undefined) return this.unsupported(expr, "an element read outside a list aggregate");
        return expr.path.length === 0 ? d.elementSelf(alias, expr.type) : d.elementField(alias, expr.path, expr.type);
      }
      case "not":
        return `(NOT ${c(expr.operand)})`;
      case "and":
      case "or":
        return `(${c(expr.left)} ${expr.kind === "and" ? "AND" : "OR"} ${c(expr.right)})`;
      case "compare":
        return this.compare(expr, scope);
      case "arith": {
        const l = c(expr.left);
        const r = c(expr.right);
        if (expr.op === "/") return `CASE WHEN ${r} = 0 THEN NULL ELSE ${d.finite(`(${l} / ${r})`)} END`;
        return d.finite(`(${l} ${expr.op} ${r})`);
      }
      case "negate":
        return `(- ${c(expr.operand)})`;
      case "coalesce":
        return `coalesce(${c(expr.left)}, ${c(expr.right)})`;
      case "in":
        return this.membership(expr, scope);
      case "contains":
        return this.contains(expr, scope);
      case "startsWith":
      case "endsWith":
        return this.affix(expr, scope);
      case "between": {
        const v = c(expr.value);
        const lo = c(expr.low);
        const hi = c(expr.high);
        if (expr.low.kind === "literal" && expr.high.kind === "literal") return `(${v} BETWEEN ${lo} AND ${hi})`;
        return whenAllKnown([v, lo, hi], `(${v} >= ${lo} AND ${v} <= ${hi})`);
      }
      case "matches": {
        const translated = d.translatePattern(expr.pattern);
        if ("error" in translated) {
          this.env.diagnostics.push({
            code: "SQL001",
            message: `The pattern ${JSON.stringify(expr.pattern)} cannot run identically on ${d.name}: ${translated.error}.`,
            ...(expr.range ? { range: expr.range } : {}),
          });
          return "NULL";
        }
        return d.matches(c(expr.text), translated.pattern);
      }
      case "presence":
        return `(${c(expr.operand)} IS ${expr.test === "missing" ? "" : "NOT "}NULL)`;
      case "within": {
        const date = c(expr.date);
        const days = c(expr.days);
        const since = `((${this.env.now} - ${date}) / ${this.num(MS_PER_DAY)})`;
        return whenAllKnown([date, days], `(${since} >= 0 AND ${since} <= ${days})`);
      }
      case "call":
        return this.call(expr, scope);
      case "if":
        // A simple CASE evaluates the condition once; an unknown one matches neither branch.
        return `CASE ${c(expr.condition)} WHEN TRUE THEN ${c(expr.then)} WHEN FALSE THEN ${c(expr.else)} END`;
      case "quantifier":
        return this.quantifier(expr, scope);
      case "each":
        return this.each(expr, scope);
    }
  }

  private unsupported(expr: Expr, what: string): string {
    this.env.diagnostics.push({ code: "SQL002", message: `The SQL back end does not translate ${what}.`, ...(expr.range ? { range: expr.range } : {}) });
    return "NULL";
  }

  /** Equality of two runtime values of a type, as Qual's `=` (text ignoring case). */
  private equal(a: string, b: string, type: QualType): string {
    return type.kind === "text" || type.kind === "choice" ? `(${this.lower(a)} = ${this.lower(b)})` : `(${a} = ${b})`;
  }

  private compare(expr: ExprOf<"compare">, scope: readonly string[]): string {
    if (expr.left.type.kind === "list" || expr.right.type.kind === "list") return this.unsupported(expr, "comparing lists with `=`");
    const l = this.compile(expr.left, scope);
    const r = this.compile(expr.right, scope);
    const op = expr.op === "!=" ? "<>" : expr.op;
    if (isText(expr.left) || isText(expr.right)) {
      if (op === "=" || op === "<>") return `(${this.lower(l)} ${op} ${this.lower(r)})`;
      return `(${this.d.codePointOrder(this.lower(l))} ${op} ${this.d.codePointOrder(this.lower(r))})`;
    }
    return `(${l} ${op} ${r})`;
  }

  /** EXISTS over the elements of a list, unknown when the list is. */
  private anyElement(list: string, test: (element: string) => string): string {
    const alias = `__q_e${++this.depth}`;
    const sql = `(EXISTS (SELECT 1 FROM ${this.d.elements(list, alias)} WHERE ${test(alias)}))`;
    this.depth--;
    return sql;
  }

  /** The items of a list written as a literal, or undefined when the list is computed. */
  private literalItems(list: Expr): readonly LiteralValue[] | undefined {
    return list.kind === "literal" && Array.isArray(list.value) ? (list.value as readonly LiteralValue[]) : undefined;
  }

  private membership(expr: ExprOf<"in">, scope: readonly string[]): string {
    const item = this.compile(expr.item, scope);
    const element = elementType(expr.list.type);
    const text = isText(expr.item);
    const fixed = this.literalItems(expr.list);
    let found: string;
    if (fixed !== undefined) {
      if (fixed.length === 0) return whenAllKnown([item], expr.negated ? "TRUE" : "FALSE");
      const members = fixed.map((v) => (text ? this.lower(this.literal(v, element)) : this.literal(v, element)));
      return `(${text ? this.lower(item) : item} ${expr.negated ? "NOT IN" : "IN"} (${members.join(", ")}))`;
    }
    const list = this.compile(expr.list, scope);
    found = this.anyElement(list, (e) => this.equal(this.d.elementSelf(e, element), item, element));
    return whenAllKnown([item, list], expr.negated ? `(NOT ${found})` : found);
  }

  private contains(expr: ExprOf<"contains">, scope: readonly string[]): string {
    const container = this.compile(expr.container, scope);
    const item = this.compile(expr.item, scope);
    const d = this.d;
    if (expr.item.type.kind === "list") {
      const wanted = elementType(expr.item.type);
      if (expr.container.type.kind === "list") {
        const have = elementType(expr.container.type);
        const shares = this.anyElement(item, (w) => this.anyElement(container, (e) => this.equal(d.elementSelf(e, have), d.elementSelf(w, wanted), wanted)));
        return whenAllKnown([container, item], shares);
      }
      return this.textAny(container, expr.item, item, (t, p) => `(strpos(${t}, ${p}) > 0)`);
    }
    if (expr.container.type.kind === "list") {
      const have = elementType(expr.container.type);
      return whenAllKnown([container, item], this.anyElement(container, (e) => this.equal(d.elementSelf(e, have), item, have)));
    }
    return `(strpos(${this.lower(container)}, ${this.lower(item)}) > 0)`;
  }

  /** `TEXT test any of LIST`: true when the test holds for some element (folded), unknown when the text or list is. */
  private textAny(text: string, listExpr: Expr, list: string, test: (text: string, part: string) => string): string {
    const fixed = this.literalItems(listExpr);
    const folded = this.lower(text);
    if (fixed !== undefined) {
      if (fixed.length === 0) return whenAllKnown([text], "FALSE");
      return `(${fixed.map((v) => test(folded, this.lower(textLiteral(String(v))))).join(" OR ")})`;
    }
    const element = elementType(listExpr.type);
    return whenAllKnown([text, list], this.anyElement(list, (e) => test(folded, this.lower(this.d.elementSelf(e, element)))));
  }

  private affix(expr: ExprOf<"startsWith" | "endsWith">, scope: readonly string[]): string {
    const text = this.compile(expr.text, scope);
    const affix = this.compile(expr.affix, scope);
    const test =
      expr.kind === "startsWith" ? (t: string, p: string) => `starts_with(${t}, ${p})` : (t: string, p: string) => `(right(${t}, length(${p})) = ${p})`;
    if (expr.affix.type.kind === "list") return this.textAny(text, expr.affix, affix, test);
    return test(this.lower(text), this.lower(affix));
  }

  private call(expr: ExprOf<"call">, scope: readonly string[]): string {
    const args = expr.args.map((a) => this.compile(a, scope));
    const [a = "NULL", b = "NULL"] = args;
    const d = this.d;
    const days = `((${this.env.now} - ${a}) / ${this.num(MS_PER_DAY)})`;
    switch (expr.fn) {
      case "count":
        return d.listLength(a);
      case "len":
        return `CAST(length(${a}) AS ${d.double})`;
      case "length":
        return expr.args[0]?.type.kind === "list" ? d.listLength(a) : `CAST(length(${a}) AS ${d.double})`;
      case "min":
      case "max":
        if (args.length === 0) return `CAST(NULL AS ${d.double})`;
        if (args.length === 1) return a;
        return whenAllKnown(args, `${expr.fn === "min" ? "least" : "greatest"}(${args.join(", ")})`);
      case "abs":
        return `abs(${a})`;
      case "round":
        // Half away from zero; abs(x) - floor(abs(x)) is exact, where floor(abs(x) + 0.5) is not.
        return `(sign(${a}) * CASE WHEN abs(${a}) - floor(abs(${a})) >= 0.5 THEN floor(abs(${a})) + 1 ELSE floor(abs(${a})) END)`;
      case "lower":
        return `lower(${a})`;
      case "upper":
        return `upper(${a})`;
      case "trim":
        return d.trim(a);
      case "domain":
        return `lower(nullif(${d.afterLastAt(a)}, ''))`;
      case "days_since":
        return d.finite(days);
      case "days_until":
        return d.finite(`(- ${days})`);
      case "decay":
      {
        // 0.5 ** e overflows for e <= -1024 (unknown) and underflows to 0 past 1075; PostgreSQL raises an error on both, so they are decided here.
        const e = `(${a} / ${b})`;
        return whenAllKnown(
          [a, b],
          `CASE WHEN ${b} = 0 THEN NULL WHEN ${e} <= -1024 THEN NULL WHEN ${e} >= 1075 THEN ${this.num(0)} ELSE ${d.finite(`power(${this.num(0.5)}, ${e})`)} END`,
        );
      }
    }
  }

  private quantifier(expr: ExprOf<"quantifier">, scope: readonly string[]): string {
    const items = expr.items.map((i) => this.compile(i, scope));
    const n = items.length;
    const anyOf = (): string => (n === 0 ? "FALSE" : `(${items.join(" OR ")})`);
    const allOf = (): string => (n === 0 ? "TRUE" : `(${items.join(" AND ")})`);
    const ones = (test: (item: string) => string): string => `(${items.map((i) => `CASE WHEN ${test(i)} THEN 1 ELSE 0 END`).join(" + ")})`;
    switch (expr.quantifier) {
      case "any":
        return anyOf();
      case "all":
        return allOf();
      case "none":
        return `(NOT ${anyOf()})`;
      case "count":
        return n === 0 ? this.num(0) : `CAST(${ones((i) => i)} AS ${this.d.double})`;
      case "atLeast": {
        const need = expr.n ?? 0;
        if (need <= 0) return "TRUE";
        if (need === 1) return anyOf();
        if (need === n) return allOf();
        if (need > n) return "FALSE";
        // Decided true by the known yeses, false when even every unknown item would not reach N.
        return `CASE WHEN ${ones((i) => i)} >= ${need} THEN TRUE WHEN ${ones((i) => `${i} IS NOT FALSE`)} < ${need} THEN FALSE END`;
      }
    }
  }

  /** Aggregates over a list: a correlated subquery over its elements, unknown when the list is. */
  private each(expr: ExprOf<"each">, scope: readonly string[]): string {
    const d = this.d;
    const list = this.compile(expr.list, scope);
    const alias = `__q_e${++this.depth}`;
    const inner = [...scope, alias];
    // Each aggregate's arguments name the element: an aggregate over outer columns only would belong to the outer query.
    const where = expr.where === undefined ? "TRUE" : `(${this.compile(expr.where, inner)} AND ${alias} IS NOT NULL)`;
    const element = elementType(expr.list.type);
    const value = expr.value === undefined ? d.elementSelf(alias, element) : `CASE WHEN ${alias} IS NOT NULL THEN ${this.compile(expr.value, inner)} END`;
    this.depth--;
    const from = d.elements(list, alias);
    const over = (select: string): string => whenAllKnown([list], `(SELECT ${select} FROM ${from})`);
    const yes = `count(*) FILTER (WHERE ${where})`;
    const maybe = `count(*) FILTER (WHERE ${where} IS NOT FALSE)`;
    switch (expr.aggregate) {
      case "count":
        return expr.where === undefined ? d.listLength(list) : over(`CAST(${yes} AS ${d.double})`);
      case "any":
      case "none":
      case "all":
      case "atLeast": {
        const need = expr.aggregate === "all" ? "count(*)" : expr.aggregate === "atLeast" ? String(expr.n ?? 0) : "1";
        const held = over(`CASE WHEN ${yes} >= ${need} THEN TRUE WHEN ${maybe} < ${need} THEN FALSE END`);
        return expr.aggregate === "none" ? `(NOT ${held})` : held;
      }
      case "sum":
      case "avg":
      case "min":
      case "max": {
        const chosen = `FILTER (WHERE ${where})`;
        const combined =
          expr.aggregate === "sum"
            ? d.finite(`coalesce(sum(${value}) ${chosen}, 0)`)
            : expr.aggregate === "avg"
              ? d.finite(`(sum(${value}) ${chosen} / nullif(count(*) ${chosen}, 0))`)
              : `${expr.aggregate}(${value}) ${chosen}`;
        // An element whose test is unknown, or a chosen element whose value is, makes the aggregate unknown.
        return over(`CASE WHEN bool_or((${where}) IS NULL) OR bool_or((${where}) AND (${value}) IS NULL) THEN NULL ELSE ${combined} END`);
      }
    }
  }
}
