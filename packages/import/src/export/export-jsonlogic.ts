import type { Expr, InputField, ModelIR, QualType, SourceRange } from "@qualify/ir";
import { DISQUALIFIED_TIER, typeToString } from "@qualify/ir";

/** A JsonLogic rule (plain JSON). */
export type JsonLogicRule = null | boolean | number | string | JsonLogicRule[] | { [op: string]: JsonLogicRule };

/** Why a declaration was not exported, and where in the model. */
export interface ExportRefusal {
  /** The declaration (`criterion budget`, `score fit`, `tier`). */
  readonly declaration: string;
  readonly range?: SourceRange;
  readonly reason: string;
}

/** What {@link exportJsonLogic} gives: the named rules it could write, and why it left out the others. */
export interface JsonLogicExport {
  /** One rule per criterion and score, by id, and `tier` for the tier; absent entries are in `refused`. */
  readonly rules: Readonly<Record<string, JsonLogicRule>>;
  readonly refused: readonly ExportRefusal[];
}

class NotExportable extends Error {
  constructor(
    readonly range: SourceRange | undefined,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const TEXT_CASE = "Qual compares text ignoring case, JsonLogic exactly";

/**
 * Writes a model's criteria, scores and tier as named JsonLogic rules,
 * where json-logic-js gives the same answer as the model for every valid
 * lead. That rules out optional and defaulted fields (JsonLogic has no
 * unknown, and reads null where Qual takes the default), text tests (Qual
 * ignores case), dates, `one of` fields, lists of records, and division by
 * anything but a non-zero literal (Qual gives unknown, JsonLogic Infinity).
 * A reference to another declaration is written out in full.
 */
export function exportJsonLogic(ir: ModelIR): JsonLogicExport {
  const fields = new Map<string, InputField>();
  collectFields(ir.inputs, [], fields);
  const rules: Record<string, JsonLogicRule> = {};
  const refused: ExportRefusal[] = [];
  const done = new Map<string, JsonLogicRule | NotExportable>();
  const lets = new Map(ir.lets.map((l) => [l.id, l]));
  const criteria = new Map(ir.criteria.map((c) => [c.id, c]));
  const scores = new Map(ir.scores.map((s) => [s.id, s]));

  const declaration = (target: string, id: string): JsonLogicRule => {
    const key = `${target}:${id}`;
    let value = done.get(key);
    if (value === undefined) {
      try {
        value = declarationRule(target, id);
      } catch (error) {
        if (!(error instanceof NotExportable)) throw error;
        value = error;
      }
      done.set(key, value);
    }
    if (value instanceof NotExportable) throw value;
    return value;
  };

  const declarationRule = (target: string, id: string): JsonLogicRule => {
    if (target === "let") return expr(lets.get(id)!.expr);
    if (target === "criterion") return expr(criteria.get(id)!.expr);
    const score = scores.get(id)!;
    if (score.kind === "computed") return expr(score.expr);
    const parts = score.rules.map((rule): JsonLogicRule => (rule.when === undefined ? expr(rule.points) : { if: [expr(rule.when), expr(rule.points), 0] }));
    let sum: JsonLogicRule = parts.length === 0 ? 0 : { "+": parts };
    if (score.min !== undefined) sum = { max: [score.min, sum] };
    if (score.max !== undefined) sum = { min: [score.max, sum] };
    return sum;
  };

  const field = (e: Extract<Expr, { kind: "field" }>): JsonLogicRule => {
    const name = e.path.join(".");
    const declared = fields.get(name)!;
    if (declared.optional) throw new NotExportable(e.range, `"${name}" is optional: Qual reads its absence as unknown, JsonLogic has no unknown`);
    if (declared.default !== undefined) throw new NotExportable(e.range, `"${name}" has a default, which Qual also uses for null; JsonLogic's var default does not apply to null`);
    checkType(declared.type, e.range, name);
    return { var: name };
  };

  const expr = (e: Expr): JsonLogicRule => {
    switch (e.kind) {
      case "literal":
        if (typeof e.value === "string" && e.type.kind !== "text") throw new NotExportable(e.range, "a date value: JsonLogic has no dates");
        return e.value as JsonLogicRule;
      case "list":
        return e.items.map(expr);
      case "field":
        return field(e);
      case "ref":
        return declaration(e.target, e.id);
      case "not":
        return { "!": [expr(e.operand)] };
      case "and":
      case "or":
        return { [e.kind]: [expr(e.left), expr(e.right)] };
      case "compare":
        if (e.left.type.kind === "text" || e.left.type.kind === "choice") throw new NotExportable(e.range, TEXT_CASE);
        if (e.left.type.kind === "date") throw new NotExportable(e.range, "a date comparison: JsonLogic has no dates");
        return { [e.op === "=" ? "==" : e.op]: [expr(e.left), expr(e.right)] };
      case "arith":
        if (e.op === "/" && !(e.right.kind === "literal" && typeof e.right.value === "number" && e.right.value !== 0)) {
          throw new NotExportable(e.range, "dividing by a value that may be zero gives unknown in Qual and Infinity in JsonLogic");
        }
        return { [e.op]: [expr(e.left), expr(e.right)] };
      case "negate":
        return { "-": [expr(e.operand)] };
      case "in": {
        const element = e.item.type.kind;
        if (element !== "number" && element !== "bool") throw new NotExportable(e.range, TEXT_CASE);
        const test: JsonLogicRule = { in: [expr(e.item), expr(e.list)] };
        // Bare operand for `not in`, bracketed for `not (...)`: the import tells them apart.
        return e.negated ? { "!": test } : test;
      }
      case "contains":
        if (e.container.type.kind !== "list" || e.item.type.kind === "list") throw new NotExportable(e.range, TEXT_CASE);
        if (e.item.type.kind !== "number" && e.item.type.kind !== "bool") throw new NotExportable(e.range, TEXT_CASE);
        return { in: [expr(e.item), expr(e.container)] };
      case "between":
        return { "<=": [expr(e.low), expr(e.value), expr(e.high)] };
      case "if":
        return { if: [expr(e.condition), expr(e.then), expr(e.else)] };
      case "call":
        if (e.fn === "min" || e.fn === "max") return { [e.fn]: e.args.map(expr) };
        if (e.fn === "abs") {
          const x = expr(e.args[0]!);
          return { max: [x, { "-": [x] }] };
        }
        throw new NotExportable(e.range, `${e.fn}() has no JsonLogic counterpart with the same meaning`);
      case "quantifier": {
        const items = e.items.map(expr);
        const count: JsonLogicRule = { "+": items.map((i) => ({ if: [i, 1, 0] })) };
        switch (e.quantifier) {
          case "all":
            return items.length === 1 ? { "!!": [items[0]!] } : { and: items };
          case "any":
            return items.length === 1 ? { "!!": [items[0]!] } : { or: items };
          case "none":
            return { "!": [{ or: items }] };
          case "count":
            return count;
          case "atLeast":
            return { ">=": [count, e.n!] };
        }
        break;
      }
      default:
        break;
    }
    throw new NotExportable(e.range, `${describe(e.kind)} has no JsonLogic counterpart with the same meaning`);
  };

  const attempt = (name: string, range: SourceRange | undefined, make: () => JsonLogicRule): JsonLogicRule | undefined => {
    try {
      return make();
    } catch (error) {
      if (!(error instanceof NotExportable)) throw error;
      refused.push({ declaration: name, range: error.range ?? range, reason: error.reason });
      return undefined;
    }
  };
  for (const c of ir.criteria) {
    const rule = attempt(`criterion ${c.id}`, c.range, () => declaration("criterion", c.id));
    if (rule !== undefined) rules[c.id] = rule;
  }
  for (const s of ir.scores) {
    const rule = attempt(`score ${s.id}`, s.range, () => declaration("score", s.id));
    if (rule !== undefined) rules[s.id] = rule;
  }
  if (!("tier" in rules)) {
    const tier = attempt("tier", ir.tiers[0]?.range, () => {
      const branches: JsonLogicRule[] = [];
      if (ir.disqualify.length > 0) branches.push(ir.disqualify.length === 1 ? { "!!": [expr(ir.disqualify[0]!.when)] } : { or: ir.disqualify.map((d) => expr(d.when)) }, DISQUALIFIED_TIER);
      for (const t of ir.tiers) if (t.when !== undefined) branches.push(expr(t.when), t.id);
      const last = ir.tiers[ir.tiers.length - 1]!.id;
      return branches.length === 0 ? last : { if: [...branches, last] };
    });
    if (tier !== undefined) rules["tier"] = tier;
  }
  return { rules, refused };
}

function describe(kind: Expr["kind"]): string {
  const names: Partial<Record<Expr["kind"], string>> = {
    coalesce: "?? (a fallback for unknown)",
    presence: "is missing / is present",
    within: "within N days",
    matches: "matches (a case-insensitive pattern)",
    startsWith: "starts with (ignoring case)",
    endsWith: "ends with (ignoring case)",
    each: "an aggregate over a list",
    element: "a list element",
  };
  return names[kind] ?? kind;
}

function collectFields(list: readonly InputField[], prefix: readonly string[], into: Map<string, InputField>): void {
  for (const f of list) {
    const path = [...prefix, f.name];
    into.set(path.join("."), f);
    if (f.type.kind === "record") collectFields(f.type.fields, path, into);
  }
}

function checkType(type: QualType, range: SourceRange | undefined, name: string): void {
  const ok = (t: QualType): boolean => t.kind === "number" || t.kind === "bool" || (t.kind === "list" && ok(t.element));
  if (!ok(type)) throw new NotExportable(range, `"${name}" is ${typeToString(type)}: only number and yes/no fields (and lists of them) export with the same meaning`);
}
