import type { Expr, InputField, JsonValue, ModelIR, QualType, ScoreIR } from "@qualify/ir";
import { IR_FORMAT, IR_VERSION } from "@qualify/ir";

/**
 * Random well-typed models and leads. A fast-check integer seeds a small
 * PRNG (so every failure is reproducible from the seed fast-check prints);
 * constants are drawn from the same pools as lead values, so conditions are
 * true, false and unknown often enough to matter.
 */
export class Dice {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

export const NOW = Date.parse("2026-11-01T12:00:00Z");
export const NUMBERS = [0, 1, 2, 5, 10, 50, 90, 100, 1000, 10_000, -5, 2.5, 0.5, -0.5, 1e6];
export const TEXTS = ["CEO", "cfo", "Vp", "churn", "a@gmail.com", "x@Rival.example", "", "Director of Sales", "ünï"];
export const CHOICES = ["ent", "SMB", "Mid Market"];
export const DATES = ["2026-10-31", "2026-09-01", "2026-11-01", "2025-01-15", "2026-11-02", "2024-02-29"];
const TIMESTAMPS = ["2026-10-30T08:30:00Z", "2026-10-01T23:00:00+02:00", "2026-11-01T11:59:59", "2026-12-01T00:00:00.5Z"];
const PATTERNS = ["^c", "o$", "gmail\\.com$", "sales", "^$"];

const T = {
  number: { kind: "number" } as QualType,
  text: { kind: "text" } as QualType,
  bool: { kind: "bool" } as QualType,
  date: { kind: "date" } as QualType,
};
type Kind = "number" | "bool" | "text" | "date" | "texts" | "numbers" | "records";

interface Source {
  readonly expr: Expr;
  readonly kind: Kind;
}

/** Builds typed expressions over the model's fields and earlier definitions. */
class ExprMaker {
  readonly sources: Source[] = [];
  /** The element fields of the lists being aggregated, innermost last: a `where` sees the innermost only. */
  private readonly scopes: Source[][] = [];
  constructor(private readonly d: Dice) {}

  private visible(kind: Kind): Source[] {
    const inner = (this.scopes[this.scopes.length - 1] ?? []).filter((s) => s.kind === kind);
    // Inside a `where`, mostly the element's own fields, as real conditions read them.
    if (inner.length > 0 && this.d.chance(0.7)) return inner;
    return [...inner, ...this.sources.filter((s) => s.kind === kind)];
  }

  private leaf(kind: Kind): Expr {
    const options = this.visible(kind);
    if (options.length > 0 && this.d.chance(0.75)) return this.d.pick(options).expr;
    return this.literal(kind);
  }

  /** An aggregate over a list of records, or undefined when no list of records is in sight. */
  private aggregate(aggregate: "atLeast" | "all" | "any" | "none" | "count" | "sum" | "min" | "max" | "avg", depth: number, valueKind?: "number" | "date"): Expr | undefined {
    const d = this.d;
    const lists = this.visible("records");
    if (lists.length === 0) return undefined;
    const list = d.pick(lists).expr;
    const element = list.type.kind === "list" ? list.type.element : list.type;
    if (element.kind !== "record") return undefined;
    this.scopes.push(fieldSources(element.fields, [], true));
    let value: Expr | undefined;
    if (valueKind !== undefined) {
      const options = this.visible(valueKind).filter((s) => s.expr.kind === "element");
      value = options.length > 0 ? d.pick(options).expr : undefined;
    }
    const where = d.chance(0.8) ? this.make("bool", depth - 1) : undefined;
    this.scopes.pop();
    if (valueKind !== undefined && value === undefined) return undefined;
    const type: QualType = aggregate === "count" || aggregate === "sum" || aggregate === "avg" ? T.number : valueKind !== undefined ? T[valueKind] : T.bool;
    return {
      kind: "each",
      aggregate,
      ...(aggregate === "atLeast" ? { n: d.int(4) } : {}),
      list,
      ...(value !== undefined ? { value } : {}),
      ...(where !== undefined ? { where } : {}),
      type,
    };
  }

  /** An aggregate over a list of numbers (the elements themselves). */
  private overNumbers(aggregate: "sum" | "min" | "max" | "avg" | "count", depth: number): Expr {
    return { kind: "each", aggregate, list: this.make("numbers", depth - 1), type: T.number };
  }

  literal(kind: Kind): Expr {
    const d = this.d;
    switch (kind) {
      case "number":
        return { kind: "literal", type: T.number, value: d.pick(NUMBERS) };
      case "text":
        return { kind: "literal", type: T.text, value: d.pick([...TEXTS, ...CHOICES]) };
      case "bool":
        return { kind: "literal", type: T.bool, value: d.chance(0.5) };
      case "date":
        return { kind: "literal", type: T.date, value: d.pick(DATES) };
      case "texts":
        return { kind: "literal", type: { kind: "list", element: T.text }, value: TEXTS.filter(() => d.chance(0.4)) };
      case "numbers":
        return { kind: "literal", type: { kind: "list", element: T.number }, value: NUMBERS.filter(() => d.chance(0.3)) };
      case "records":
        return { kind: "literal", type: { kind: "list", element: { kind: "record", fields: [] } }, value: [] };
    }
  }

  make(kind: Kind, depth: number): Expr {
    const d = this.d;
    if (depth <= 0 || d.chance(0.25)) return this.leaf(kind);
    const sub = (k: Kind): Expr => this.make(k, depth - 1);
    switch (kind) {
      case "bool":
        return this.bool(d, sub, depth);
      case "number":
        return this.number(d, sub, depth);
      case "text":
        switch (d.int(5)) {
          case 0:
            return { kind: "call", fn: d.pick(["lower", "upper", "trim", "domain"] as const), args: [sub("text")], type: T.text };
          case 1:
            return { kind: "coalesce", left: sub("text"), right: sub("text"), type: T.text };
          case 2:
            return { kind: "if", condition: sub("bool"), then: sub("text"), else: sub("text"), type: T.text };
          default:
            return this.leaf("text");
        }
      case "date":
        if (d.chance(0.2)) return this.aggregate(d.chance(0.5) ? "max" : "min", depth, "date") ?? this.leaf("date");
        return d.chance(0.3) ? { kind: "coalesce", left: sub("date"), right: sub("date"), type: T.date } : this.leaf("date");
      case "numbers":
      case "records":
        return this.leaf(kind);
      case "texts":
        if (d.chance(0.3)) {
          return { kind: "list", items: [sub("text"), sub("text")], type: { kind: "list", element: T.text } };
        }
        return this.leaf("texts");
    }
  }

  private bool(d: Dice, sub: (k: Kind) => Expr, depth = 2): Expr {
    const b = T.bool;
    switch (d.int(18)) {
      case 0:
        return { kind: "compare", op: d.pick(["=", "!=", "<", "<=", ">", ">="] as const), left: sub("number"), right: sub("number"), type: b };
      case 1:
        return { kind: "compare", op: d.pick(["=", "!="] as const), left: sub("text"), right: sub("text"), type: b };
      case 2:
        return { kind: "in", negated: d.chance(0.3), item: sub("text"), list: sub("texts"), type: b };
      case 3:
        return { kind: "contains", container: sub("texts"), item: sub("text"), type: b };
      case 4:
        return { kind: "contains", container: sub("text"), item: sub("text"), type: b };
      case 5:
        return { kind: d.chance(0.5) ? "startsWith" : "endsWith", text: sub("text"), affix: sub("text"), type: b };
      case 6:
        return { kind: "between", value: sub("number"), low: sub("number"), high: sub("number"), type: b };
      case 7:
        return { kind: "matches", text: sub("text"), pattern: d.pick(PATTERNS), type: b };
      case 8:
        return { kind: "presence", test: d.chance(0.5) ? "missing" : "present", operand: sub(d.pick(["number", "text", "date", "bool"] as const)), type: b };
      case 9:
        return { kind: "within", date: sub("date"), days: sub("number"), type: b };
      case 10:
        return { kind: d.chance(0.5) ? "and" : "or", left: sub("bool"), right: sub("bool"), type: b };
      case 11:
        return { kind: "not", operand: sub("bool"), type: b };
      case 12: {
        const items = Array.from({ length: 1 + d.int(4) }, () => sub("bool"));
        const quantifier = d.pick(["atLeast", "all", "any", "none"] as const);
        return quantifier === "atLeast"
          ? { kind: "quantifier", quantifier, n: d.int(items.length + 1), items, type: b }
          : { kind: "quantifier", quantifier, items, type: b };
      }
      case 13:
        return { kind: "if", condition: sub("bool"), then: sub("bool"), else: sub("bool"), type: b };
      case 14:
        return { kind: "coalesce", left: sub("bool"), right: sub("bool"), type: b };
      case 15:
        return { kind: "compare", op: d.pick(["<", ">=", "="] as const), left: sub("date"), right: sub("date"), type: b };
      case 16:
        switch (d.int(4)) {
          case 0:
            return { kind: d.chance(0.5) ? "startsWith" : "endsWith", text: sub("text"), affix: sub("texts"), type: b };
          case 1:
            return { kind: "contains", container: sub(d.chance(0.5) ? "text" : "texts"), item: sub("texts"), type: b };
          default:
            return this.aggregate(d.pick(["atLeast", "all", "any", "none"] as const), depth) ?? this.leaf("bool");
        }
      default:
        return this.leaf("bool");
    }
  }

  private number(d: Dice, sub: (k: Kind) => Expr, depth = 2): Expr {
    const n = T.number;
    switch (d.int(14)) {
      case 12: {
        const aggregate = d.pick(["count", "sum", "avg", "min", "max"] as const);
        const over = this.aggregate(aggregate, depth, aggregate === "count" ? undefined : "number");
        return over ?? this.overNumbers(aggregate, depth);
      }
      case 13:
        return { kind: "call", fn: "length", args: [sub(d.chance(0.5) ? "text" : "texts")], type: n };
      case 0:
      case 1:
        return { kind: "arith", op: d.pick(["+", "-", "*", "/"] as const), left: sub("number"), right: sub("number"), type: n };
      case 2:
        return { kind: "negate", operand: sub("number"), type: n };
      case 3:
        return { kind: "call", fn: d.pick(["min", "max"] as const), args: Array.from({ length: 1 + d.int(3) }, () => sub("number")), type: n };
      case 4:
        return { kind: "call", fn: d.pick(["abs", "round"] as const), args: [sub("number")], type: n };
      case 5:
        return { kind: "call", fn: "count", args: [sub("texts")], type: n };
      case 6:
        return { kind: "call", fn: "len", args: [sub("text")], type: n };
      case 7:
        return { kind: "call", fn: d.pick(["days_since", "days_until"] as const), args: [sub("date")], type: n };
      case 8:
        return { kind: "call", fn: "decay", args: [sub("number"), sub("number")], type: n };
      case 9:
        return { kind: "if", condition: sub("bool"), then: sub("number"), else: sub("number"), type: n };
      case 10:
        return { kind: "coalesce", left: sub("number"), right: sub("number"), type: n };
      default:
        return { kind: "quantifier", quantifier: "count", items: [sub("bool"), sub("bool")], type: n };
    }
  }
}

function fieldKind(type: QualType): Kind | undefined {
  switch (type.kind) {
    case "number":
    case "bool":
    case "date":
    case "text":
      return type.kind;
    case "choice":
      return "text";
    case "list":
      if (type.element.kind === "text" || type.element.kind === "choice") return "texts";
      if (type.element.kind === "number") return "numbers";
      return type.element.kind === "record" ? "records" : undefined;
    default:
      return undefined;
  }
}

function defaultFor(type: QualType, d: Dice): JsonValue | undefined {
  switch (type.kind) {
    case "number":
      return d.pick(NUMBERS);
    case "text":
      return d.pick(TEXTS);
    case "bool":
      return d.chance(0.5);
    case "date":
      return d.pick(DATES);
    case "choice":
      return d.pick(type.options);
    case "list":
      return [];
    default:
      return undefined;
  }
}

function randomType(d: Dice, depth: number): QualType {
  const pool: QualType[] = [
    T.number, T.number, T.text, T.bool, T.date,
    { kind: "choice", options: CHOICES },
    { kind: "list", element: T.text },
    { kind: "list", element: T.number },
    { kind: "list", element: T.date },
    { kind: "list", element: { kind: "choice", options: CHOICES } },
  ];
  if (depth > 0 && d.chance(0.15)) {
    return { kind: "record", fields: randomFields(d, 1 + d.int(3), depth - 1) };
  }
  // Lists of records (events, deals), now and then with a list of records inside (attendees).
  if (d.chance(0.25)) return { kind: "list", element: { kind: "record", fields: randomFields(d, 1 + d.int(4), depth > 0 && d.chance(0.3) ? 1 : 0) } };
  return d.pick(pool);
}

/** Random input fields named `f0`, `f1`, ... (and, now and then, a prototype-ish name). */
export function randomFields(d: Dice, count: number, depth = 1): InputField[] {
  const names = ["constructor", "toString", "__proto__", "hasOwnProperty"];
  return Array.from({ length: count }, (_, i) => {
    const type = randomType(d, depth);
    const name = d.chance(0.08) ? (names[i % names.length] as string) : `f${i}`;
    const field: InputField = { name, type, optional: d.chance(0.5) };
    const def = type.kind !== "record" && d.chance(0.2) ? defaultFor(type, d) : undefined;
    const doc = d.chance(0.3) ? `Doc of ${name}` : undefined;
    return { ...field, ...(def !== undefined ? { default: def } : {}), ...(doc !== undefined ? { doc } : {}) };
  }).filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i);
}

/** Field reads of the fields (element reads, with paths relative to the element, when `element` is set). */
function fieldSources(fields: readonly InputField[], prefix: string[], element = false): Source[] {
  return fields.flatMap((f): Source[] => {
    const path = [...prefix, f.name];
    if (f.type.kind === "record") return fieldSources(f.type.fields, path, element);
    const kind = fieldKind(f.type);
    if (kind === undefined) return [];
    return [{ kind, expr: element ? { kind: "element", path, type: f.type } : { kind: "field", path, type: f.type } }];
  });
}

/** A list of records as events come: kinds, dates, optional amounts, tags and a list of records inside. */
const EVENTS: InputField = {
  name: "events",
  optional: true,
  type: {
    kind: "list",
    element: {
      kind: "record",
      fields: [
        { name: "kind", type: { kind: "choice", options: CHOICES }, optional: false },
        { name: "at", type: T.date, optional: true },
        { name: "amount", type: T.number, optional: true },
        { name: "pages", type: T.number, optional: false, default: 1 },
        { name: "tags", type: { kind: "list", element: T.text }, optional: true },
        { name: "attendees", type: { kind: "list", element: { kind: "record", fields: [{ name: "role", type: T.text, optional: true }] } }, optional: true },
      ],
    },
  },
};

/**
 * A random well-typed model: fields, lets, criteria, groups, computed scores,
 * knockouts and tiers. With `events`, the model also has a list of records
 * (see EVENTS), so aggregates over records and element reads are common.
 */
export function randomModel(seed: number, options: { events?: boolean } = {}): ModelIR {
  const d = new Dice(seed);
  const inputs = randomFields(d, 2 + d.int(6));
  if (options.events === true) inputs.push(EVENTS);
  const maker = new ExprMaker(d);
  maker.sources.push(...fieldSources(inputs, []));
  const depth = 1 + d.int(3);
  const order: string[] = [];
  const lets: { id: string; expr: Expr }[] = [];
  const criteria: { id: string; label: string; expr: Expr }[] = [];
  const scores: ScoreIR[] = [];
  const steps = 2 + d.int(7);
  for (let i = 0; i < steps; i++) {
    const what = d.int(4);
    if (what === 0) {
      const kind = d.pick(["number", "bool"] as const);
      const id = `let${i}`;
      lets.push({ id, expr: maker.make(kind, depth) });
      maker.sources.push({ kind, expr: { kind: "ref", target: "let", id, type: T[kind] } });
      order.push(id);
    } else if (what === 1) {
      const id = `crit${i}`;
      criteria.push({ id, label: `Criterion ${i}`, expr: maker.make("bool", depth) });
      maker.sources.push({ kind: "bool", expr: { kind: "ref", target: "criterion", id, type: T.bool } });
      order.push(id);
    } else if (what === 2) {
      const id = `group${i}`;
      const rules = Array.from({ length: 1 + d.int(4) }, (_, r) => {
        const points = d.chance(0.7) ? maker.literal("number") : maker.make("number", depth - 1);
        return d.chance(0.8) ? { label: `Rule ${r}`, points, when: maker.make("bool", depth) } : { label: `Rule ${r}`, points };
      });
      const group: ScoreIR = {
        kind: "group",
        id,
        label: `Group ${i}`,
        rules,
        ...(d.chance(0.4) ? { min: d.pick([0, -10]) } : {}),
        ...(d.chance(0.4) ? { max: d.pick([10, 50, 100]) } : {}),
      };
      scores.push(group);
      maker.sources.push({ kind: "number", expr: { kind: "ref", target: "score", id, type: T.number } });
      order.push(id);
    } else {
      const id = `score${i}`;
      scores.push({ kind: "computed", id, label: `Score ${i}`, expr: maker.make("number", depth) });
      maker.sources.push({ kind: "number", expr: { kind: "ref", target: "score", id, type: T.number } });
      order.push(id);
    }
  }
  const disqualify = Array.from({ length: d.int(3) }, (_, i) => ({ reason: `Reason ${i}`, when: maker.make("bool", depth) }));
  const tiers = [
    ...Array.from({ length: d.int(4) }, (_, i) => ({ id: `tier${i}`, label: `Tier ${i}`, when: maker.make("bool", depth) })),
    { id: "rest", label: "Rest" },
  ];
  // Declarations in another order than `order`: evaluation must follow `order`, reports declaration order.
  const shuffle = <T>(xs: T[]): T[] => (d.chance(0.5) ? [...xs].reverse() : xs);
  return {
    format: IR_FORMAT,
    version: IR_VERSION,
    id: `model${seed}`,
    title: `Model ${seed}`,
    inputs,
    consts: [],
    lets: shuffle(lets),
    criteria: shuffle(criteria),
    scores: shuffle(scores),
    disqualify,
    tiers,
    order,
  };
}

/**
 * A model shaped like BANT or CHAMP: a few criteria test the lead, and the
 * rest (more criteria, scores, knockouts, tiers) is logic over those criteria
 * and constants only, the part the compiler tabulates (derived-table.ts).
 * Now and then a later step reads the lead again, so it runs after the table.
 */
export function randomMethodologyModel(seed: number): ModelIR {
  const d = new Dice(seed);
  const inputs = randomFields(d, 2 + d.int(5));
  const onLead = new ExprMaker(d);
  onLead.sources.push(...fieldSources(inputs, []));
  const overCriteria = new ExprMaker(d);
  const depth = 1 + d.int(3);
  const order: string[] = [];
  const criteria: { id: string; label: string; expr: Expr }[] = [];
  const lets: { id: string; expr: Expr }[] = [];
  const scores: ScoreIR[] = [];
  const leaves = 1 + d.int(6);
  for (let i = 0; i < leaves; i++) {
    const id = `test${i}`;
    criteria.push({ id, label: `Test ${i}`, expr: onLead.make("bool", depth) });
    overCriteria.sources.push({ kind: "bool", expr: { kind: "ref", target: "criterion", id, type: T.bool } });
    order.push(id);
  }
  const refs = (): Expr[] => overCriteria.sources.filter((s) => s.kind === "bool").map((s) => s.expr);
  for (let i = 0; i < 1 + d.int(4); i++) {
    const what = d.int(5);
    if (what === 0) {
      const id = `derived${i}`;
      const items = refs().filter(() => d.chance(0.7));
      const expr: Expr =
        d.chance(0.5) && items.length > 0
          ? { kind: "quantifier", quantifier: "atLeast", n: 1 + d.int(items.length), items, type: T.bool }
          : overCriteria.make("bool", depth);
      criteria.push({ id, label: `Derived ${i}`, expr });
      overCriteria.sources.push({ kind: "bool", expr: { kind: "ref", target: "criterion", id, type: T.bool } });
      order.push(id);
    } else if (what === 1) {
      const id = `met${i}`;
      scores.push({ kind: "computed", id, label: `Met ${i}`, expr: { kind: "quantifier", quantifier: "count", items: refs(), type: T.number } });
      overCriteria.sources.push({ kind: "number", expr: { kind: "ref", target: "score", id, type: T.number } });
      order.push(id);
    } else if (what === 2) {
      const id = `points${i}`;
      const rules = Array.from({ length: 1 + d.int(4) }, (_, r) => ({ label: `Rule ${r}`, points: overCriteria.literal("number"), when: overCriteria.make("bool", depth) }));
      scores.push({ kind: "group", id, label: `Points ${i}`, rules, ...(d.chance(0.4) ? { max: d.pick([1, 10, 50]) } : {}) });
      overCriteria.sources.push({ kind: "number", expr: { kind: "ref", target: "score", id, type: T.number } });
      order.push(id);
    } else if (what === 3) {
      const id = `flag${i}`;
      lets.push({ id, expr: overCriteria.make("bool", depth) });
      overCriteria.sources.push({ kind: "bool", expr: { kind: "ref", target: "let", id, type: T.bool } });
      order.push(id);
    } else {
      // Reads the lead and a derived step: evaluated after the table.
      const id = `late${i}`;
      const expr: Expr = { kind: "and", left: onLead.make("bool", depth), right: overCriteria.make("bool", depth), type: T.bool };
      criteria.push({ id, label: `Late ${i}`, expr });
      order.push(id);
    }
  }
  const tierMaker = d.chance(0.8) ? overCriteria : onLead;
  if (tierMaker === onLead) onLead.sources.push(...overCriteria.sources);
  const disqualify = Array.from({ length: d.int(2) }, (_, i) => ({ reason: `Reason ${i}`, when: tierMaker.make("bool", depth) }));
  const tiers = [
    ...Array.from({ length: 1 + d.int(3) }, (_, i) => ({ id: `tier${i}`, label: `Tier ${i}`, when: tierMaker.make("bool", depth) })),
    { id: "rest", label: "Rest" },
  ];
  return {
    format: IR_FORMAT,
    version: IR_VERSION,
    id: `methodology${seed}`,
    title: `Methodology ${seed}`,
    inputs,
    consts: [],
    lets,
    criteria,
    scores,
    disqualify,
    tiers,
    order,
  };
}

function randomCase(text: string, d: Dice): string {
  return [...text].map((c) => (d.chance(0.5) ? c.toUpperCase() : c.toLowerCase())).join("");
}

/** A valid value of a type (as JSON, or a Date object for dates when `objects` is set). */
export function randomValue(type: QualType, d: Dice, objects = false): unknown {
  switch (type.kind) {
    case "number":
      return d.pick(NUMBERS);
    case "text":
      return d.pick(TEXTS);
    case "bool":
      return d.chance(0.5);
    case "date": {
      const text = d.chance(0.6) ? d.pick(DATES) : d.pick(TIMESTAMPS);
      return objects && d.chance(0.3) ? new Date(Date.parse(text.includes("T") && !/Z|[+-]\d\d:\d\d$/.test(text) ? `${text}Z` : text)) : text;
    }
    case "choice":
      return randomCase(d.pick(type.options), d);
    case "list":
      return Array.from({ length: d.int(4) }, () => randomValue(type.element, d, objects));
    case "record":
      return randomLead(type.fields, d, objects);
    case "empty":
      return null;
  }
}

/** A valid lead: required fields present, optional and defaulted ones sometimes absent or null, extra fields now and then. */
export function randomLead(fields: readonly InputField[], d: Dice, objects = false): Record<string, unknown> {
  const lead: Record<string, unknown> = {};
  for (const f of fields) {
    const mayBeAbsent = f.optional || f.default !== undefined;
    if (mayBeAbsent && d.chance(0.3)) {
      if (d.chance(0.5)) Object.defineProperty(lead, f.name, { value: null, enumerable: true, writable: true, configurable: true });
      continue;
    }
    Object.defineProperty(lead, f.name, { value: randomValue(f.type, d, objects), enumerable: true, writable: true, configurable: true });
  }
  if (d.chance(0.2)) lead["undeclared_extra"] = d.pick(TEXTS);
  return lead;
}

/** Wrong or doubtful values to put into leads: JSON values only, so a JSON Schema validator can judge them too. */
export const BAD_VALUES: readonly unknown[] = [
  null, 42, -1.5, "text", "", true, false, [], {}, [null], ["a", 3], [1, 2, 3, 4, 5],
  "2026-02-30", "2026-13-01", "2026-11-01T25:00:00Z", "2026-11-01T10:00:00", "2026-11-01 10:00:00Z", "2026-11-01T10:00:00+0200",
  "2026-11-01t10:00:00z", "2026-11-1", "nope", "ENT", "mid market", "A much longer text than the limit", { f0: 1 },
];

function fieldPaths(fields: readonly InputField[], prefix: string[]): string[][] {
  return fields.flatMap((f) => [[...prefix, f.name], ...(f.type.kind === "record" ? fieldPaths(f.type.fields, [...prefix, f.name]) : [])]);
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of a lead with one to three fields replaced by a doubtful value or removed, or the whole lead replaced. */
export function mutateLead(lead: Record<string, unknown>, fields: readonly InputField[], d: Dice): unknown {
  if (d.chance(0.05)) return d.pick([null, [], "lead", 3]);
  const copy = JSON.parse(JSON.stringify(lead)) as Record<string, unknown>;
  // JSON.parse keeps "__proto__" as an own property, so the copy is faithful.
  const paths = fieldPaths(fields, []);
  for (let n = 1 + d.int(3); n > 0 && paths.length > 0; n--) {
    const path = d.pick(paths);
    let container: unknown = copy;
    for (const key of path.slice(0, -1)) {
      container = Object.prototype.hasOwnProperty.call(container, key) ? (container as Record<string, unknown>)[key] : undefined;
      if (typeof container !== "object" || container === null || Array.isArray(container)) break;
    }
    if (typeof container !== "object" || container === null || Array.isArray(container)) continue;
    const key = path[path.length - 1] as string;
    if (d.chance(0.2)) delete (container as Record<string, unknown>)[key];
    else setOwn(container as Record<string, unknown>, key, d.pick(BAD_VALUES));
  }
  return copy;
}
