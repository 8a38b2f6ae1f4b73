import type { Expr, InputField, ModelIR, QualType, ScoreIR, TierIR } from "@qualify/ir";
import { IR_FORMAT, IR_VERSION } from "@qualify/ir";

/** Hand-built IR for tests: short constructors for types, expressions and models. */
export const T = {
  number: { kind: "number" } as QualType,
  text: { kind: "text" } as QualType,
  bool: { kind: "bool" } as QualType,
  date: { kind: "date" } as QualType,
  list: (element: QualType): QualType => ({ kind: "list", element }),
  choice: (...options: string[]): QualType => ({ kind: "choice", options }),
  record: (...fields: InputField[]): QualType => ({ kind: "record", fields }),
};

export const E = {
  num: (value: number): Expr => ({ kind: "literal", type: T.number, value }),
  text: (value: string): Expr => ({ kind: "literal", type: T.text, value }),
  bool: (value: boolean): Expr => ({ kind: "literal", type: T.bool, value }),
  date: (value: string): Expr => ({ kind: "literal", type: T.date, value }),
  texts: (...values: string[]): Expr => ({ kind: "literal", type: T.list(T.text), value: values }),
  field: (path: string, type: QualType): Expr => ({ kind: "field", type, path: path.split(".") }),
  ref: (target: "let" | "criterion" | "score", id: string, type: QualType): Expr => ({ kind: "ref", target, id, type }),
  crit: (id: string): Expr => ({ kind: "ref", target: "criterion", id, type: T.bool }),
  score: (id: string): Expr => ({ kind: "ref", target: "score", id, type: T.number }),
  cmp: (op: "=" | "!=" | "<" | "<=" | ">" | ">=", left: Expr, right: Expr): Expr => ({ kind: "compare", op, left, right, type: T.bool }),
  and: (left: Expr, right: Expr): Expr => ({ kind: "and", left, right, type: T.bool }),
  or: (left: Expr, right: Expr): Expr => ({ kind: "or", left, right, type: T.bool }),
  not: (operand: Expr): Expr => ({ kind: "not", operand, type: T.bool }),
  arith: (op: "+" | "-" | "*" | "/", left: Expr, right: Expr): Expr => ({ kind: "arith", op, left, right, type: T.number }),
  inList: (item: Expr, list: Expr, negated = false): Expr => ({ kind: "in", item, list, negated, type: T.bool }),
  call: (fn: Extract<Expr, { kind: "call" }>["fn"], args: Expr[], type: QualType = T.number): Expr => ({ kind: "call", fn, args, type }),
  atLeast: (n: number, items: Expr[]): Expr => ({ kind: "quantifier", quantifier: "atLeast", n, items, type: T.bool }),
  count: (items: Expr[]): Expr => ({ kind: "quantifier", quantifier: "count", items, type: T.number }),
};

/** A field declaration. */
export function field(name: string, type: QualType, extra: Partial<InputField> = {}): InputField {
  return { name, type, optional: false, ...extra };
}

/** A model with sensible empty defaults; `order` is derived from declaration order unless given. */
export function model(parts: Partial<ModelIR> & { tiers?: TierIR[]; scores?: ScoreIR[] }): ModelIR {
  const lets = parts.lets ?? [];
  const criteria = parts.criteria ?? [];
  const scores = parts.scores ?? [];
  return {
    format: IR_FORMAT,
    version: IR_VERSION,
    id: parts.id ?? "m",
    title: parts.title ?? "Model",
    inputs: parts.inputs ?? [],
    consts: parts.consts ?? [],
    lets,
    criteria,
    scores,
    disqualify: parts.disqualify ?? [],
    tiers: parts.tiers ?? [{ id: "other", label: "Other" }],
    order: parts.order ?? [...lets.map((l) => l.id), ...criteria.map((c) => c.id), ...scores.map((s) => s.id)],
  };
}

/** The BANT example model of the design, built by hand. */
export function bantModel(): ModelIR {
  const deciders = ["CEO", "CFO", "COO", "VP", "Director", "Owner"];
  const items = ["budget", "authority", "need", "timing"].map(E.crit);
  return model({
    id: "bant",
    title: "BANT qualification",
    inputs: [
      field("budget_usd", T.number, { optional: true, doc: "Budget for this purchase, in USD" }),
      field("role", T.text, { optional: true }),
      field("pains", T.list(T.text)),
      field("timeline_days", T.number, { optional: true }),
    ],
    criteria: [
      { id: "budget", label: "Budget", expr: E.cmp(">=", E.field("budget_usd", T.number), E.num(10_000)) },
      { id: "authority", label: "Authority", expr: E.inList(E.field("role", T.text), E.texts(...deciders)) },
      { id: "need", label: "Need", expr: E.cmp(">", E.call("count", [E.field("pains", T.list(T.text))]), E.num(0)) },
      { id: "timing", label: "Timing", expr: E.cmp("<=", E.field("timeline_days", T.number), E.num(90)) },
      { id: "qualified", label: "Qualified", expr: E.atLeast(3, items) },
    ],
    scores: [{ kind: "computed", id: "met", label: "Criteria met", expr: E.count(items) }],
    tiers: [
      { id: "sql", label: "Sales qualified", when: E.crit("qualified") },
      { id: "mql", label: "Marketing qualified", when: E.atLeast(2, items) },
      { id: "cold", label: "Cold" },
    ],
  });
}
