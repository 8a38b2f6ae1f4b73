import fc from "fast-check";

/**
 * Generates the source text of well-typed Qual models that use every kind of
 * declaration, the input types, labels and docs with awkward characters, and
 * a wide range of expression forms. Every generated model should check
 * without errors (warnings such as unused fields are fine), so tests can
 * compare the IR of its forms. With Qual 2 ({@link qual2ModelSource}) the
 * models also have a list of records with aggregates over it, a set,
 * bounds that are const expressions, and the `... any of` tests.
 */

type FieldType = "number" | "text" | "bool" | "date" | "list" | "choice";

interface Field {
  readonly path: string;
  readonly type: FieldType;
  readonly optional: boolean;
}

const CHOICES = ["Free", "Pro", "Enterprise"];

/** Text with the characters that stress quoting: quotes, backslashes, `#`, `:`, line breaks, tabs, accents. */
export const awkwardText = fc
  .array(fc.constantFrom(..."aZ 0_-".split(""), '"', "\\", "#", ":", "é", "\n", "\t", "'", "{", "}"), { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join(""));

/** A Qual string literal of `text`. */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;
}

interface Scope {
  readonly fields: readonly Field[];
  readonly numbers: readonly string[];
  readonly bools: readonly string[];
  /** Qual 2 forms: aggregates over `events`, `... any of` tests. */
  readonly qual2?: boolean;
  /** Sets that may be used here (Qual 2). */
  readonly sets?: readonly string[];
}

/** The Qual 2 list of records every Qual 2 model has; its element fields are read inside `where`. */
const EVENTS_TYPE = "list of { kind: text  at: date?  n: number? }";

/** A condition on one element of `events`, which may also read the model's numbers. */
function elementBool(scope: Scope): fc.Arbitrary<string> {
  const numbers = fc.constantFrom(...scope.numbers, "3");
  const leaf = fc.oneof(
    fc.constantFrom("webinar", "demo", "web").map((kind) => `kind = ${quote(kind)}`),
    fc.constant('kind starts with any of ["demo", "web"]'),
    fc.integer({ min: 1, max: 60 }).map((days) => `at within ${days} days`),
    numbers.map((n) => `n > ${n}`),
    fc.constantFrom("n is missing", "at is present"),
  );
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    fc.tuple(leaf, fc.constantFrom("and", "or"), leaf).map(([a, op, b]) => `${a} ${op} ${b}`),
    leaf.map((a) => `not (${a})`),
  );
}

/** ` where CONDITION`, or nothing. */
function whereClause(scope: Scope): fc.Arbitrary<string> {
  return fc.option(elementBool(scope), { nil: undefined }).map((condition) => (condition === undefined ? "" : ` where ${condition}`));
}

function ofType(scope: Scope, type: FieldType): string[] {
  return scope.fields.filter((f) => f.type === type).map((f) => f.path);
}

function numberExpr(scope: Scope, depth: number): fc.Arbitrary<string> {
  const leaves: fc.Arbitrary<string>[] = [
    fc.integer({ min: 0, max: 5000 }).map(String),
    fc.constantFrom("2.5", "10_000", "0.75"),
  ];
  const names = [...ofType(scope, "number"), ...scope.numbers];
  if (names.length > 0) leaves.push(fc.constantFrom(...names));
  const lists = ofType(scope, "list");
  if (lists.length > 0) leaves.push(fc.constantFrom(...lists).map((l) => `count(${l})`));
  const texts = ofType(scope, "text");
  if (texts.length > 0) leaves.push(fc.constantFrom(...texts).map((t) => `len(${t})`));
  const dates = ofType(scope, "date");
  if (dates.length > 0) leaves.push(fc.constantFrom(...dates).map((d) => `days_since(${d})`));
  if (scope.qual2 === true) {
    // An aggregate's `where` extends as far as it can, so an aggregate inside a larger expression is parenthesised.
    leaves.push(
      whereClause(scope).map((where) => `(count of events${where})`),
      fc.tuple(fc.constantFrom("sum", "avg", "min", "max"), whereClause(scope)).map(([aggregate, where]) => `(${aggregate} of events.n${where})`),
      fc.constantFrom("latest", "earliest").map((aggregate) => `days_since(${aggregate} of events.at)`),
    );
    if (scope.sets !== undefined && scope.sets.length > 0) leaves.push(fc.constantFrom(...scope.sets).map((set) => `(count of ${set})`));
  }
  const leaf = fc.oneof(...leaves);
  if (depth <= 0) return leaf;
  const sub = numberExpr(scope, depth - 1);
  const bool = boolExpr(scope, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    fc.tuple(sub, fc.constantFrom("+", "-", "*", "/"), sub).map(([a, op, b]) => `(${a} ${op} ${b})`),
    sub.map((a) => `-(${a})`),
    fc.tuple(sub, sub).map(([a, b]) => `min(${a}, ${b})`),
    fc.tuple(sub, sub, sub).map(([a, b, c]) => `max(${a}, ${b}, ${c})`),
    sub.map((a) => `round(abs(${a}))`),
    fc.tuple(sub, sub).map(([a, b]) => `(${a} ?? ${b})`),
    fc.tuple(bool, sub, sub).map(([c, a, b]) => `(if ${c} then ${a} else ${b})`),
    fc.tuple(sub, fc.integer({ min: 1, max: 30 })).map(([a, h]) => `decay(${a}, ${h})`),
    fc.array(bool, { minLength: 1, maxLength: 3 }).map((items) => `count of (${items.join(", ")})`),
  );
}

function textExpr(scope: Scope): fc.Arbitrary<string> {
  const texts = ofType(scope, "text");
  const literal = awkwardText.map(quote);
  if (texts.length === 0) return literal;
  const name = fc.constantFrom(...texts);
  return fc.oneof(literal, name, name.map((t) => `lower(${t})`), name.map((t) => `upper(${t})`));
}

function boolExpr(scope: Scope, depth: number): fc.Arbitrary<string> {
  const num = numberExpr(scope, Math.max(0, depth - 1));
  const leaves: fc.Arbitrary<string>[] = [
    fc.constantFrom("true", "false"),
    fc.tuple(num, fc.constantFrom("=", "!=", "<", "<=", ">", ">="), num).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(num, num, num).map(([a, b, c]) => `${a} between ${b} and ${c}`),
  ];
  const names = [...ofType(scope, "bool"), ...scope.bools];
  if (names.length > 0) leaves.push(fc.constantFrom(...names));
  const texts = ofType(scope, "text");
  if (texts.length > 0) {
    const t = fc.constantFrom(...texts);
    leaves.push(
      fc.tuple(t, fc.constantFrom("contains", "starts with", "ends with", "=", "!="), textExpr(scope)).map(([a, op, b]) => `${a} ${op} ${b}`),
      fc.tuple(t, fc.constantFrom("^a", "b$", "[0-9]+", "x|y")).map(([a, re]) => `${a} matches ${quote(re)}`),
      fc.tuple(t, fc.array(awkwardText, { minLength: 1, maxLength: 3 })).map(([a, items]) => `${a} in [${items.map(quote).join(", ")}]`),
      fc.tuple(t, fc.array(awkwardText, { minLength: 1, maxLength: 3 })).map(([a, items]) => `${a} not in [${items.map(quote).join(", ")}]`),
    );
    if (scope.qual2 === true) {
      leaves.push(
        fc
          .tuple(t, fc.constantFrom("contains any of", "starts with any of", "ends with any of"), fc.array(awkwardText, { maxLength: 3 }))
          .map(([a, op, items]) => `${a} ${op} [${items.map(quote).join(", ")}]`),
        t.map((a) => `${a} ends with any of words`),
        fc.tuple(t, fc.subarray(["^a", "b$", "[0-9]+", "x|y"], { minLength: 1 })).map(([a, patterns]) => `${a} matches any of [${patterns.map(quote).join(", ")}]`),
      );
    }
  }
  const choices = ofType(scope, "choice");
  if (choices.length > 0) leaves.push(fc.tuple(fc.constantFrom(...choices), fc.constantFrom(...CHOICES)).map(([c, v]) => `${c} = ${quote(v)}`));
  const lists = ofType(scope, "list");
  if (lists.length > 0) leaves.push(fc.tuple(fc.constantFrom(...lists), awkwardText).map(([l, v]) => `${l} contains ${quote(v)}`));
  if (lists.length > 0 && scope.qual2 === true) {
    leaves.push(fc.tuple(fc.constantFrom(...lists), fc.array(awkwardText, { minLength: 1, maxLength: 2 })).map(([l, items]) => `${l} contains any of [${items.map(quote).join(", ")}]`));
  }
  if (scope.qual2 === true) {
    leaves.push(
      fc.tuple(fc.constantFrom("any", "all", "none"), whereClause(scope)).map(([quantifier, where]) => `(${quantifier} of events${where})`),
      fc.tuple(fc.integer({ min: 0, max: 3 }), whereClause(scope)).map(([n, where]) => `(at least ${n} of events${where})`),
    );
    if (scope.sets !== undefined && scope.sets.length > 0) {
      leaves.push(fc.tuple(fc.constantFrom("any", "all", "none", "at least 1"), fc.constantFrom(...scope.sets)).map(([quantifier, set]) => `${quantifier} of ${set}`));
    }
  }
  const dates = ofType(scope, "date");
  if (dates.length > 0) {
    const d = fc.constantFrom(...dates);
    leaves.push(
      fc.tuple(d, fc.integer({ min: 1, max: 365 })).map(([a, n]) => `${a} within ${n} days`),
      d.map((a) => `${a} > 2026-01-31`),
    );
  }
  const optional = scope.fields.filter((f) => f.optional).map((f) => f.path);
  if (optional.length > 0) leaves.push(fc.tuple(fc.constantFrom(...optional), fc.constantFrom("missing", "present")).map(([a, t]) => `${a} is ${t}`));
  const leaf = fc.oneof(...leaves);
  if (depth <= 0) return leaf;
  const sub = boolExpr(scope, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    fc.tuple(sub, fc.constantFrom("and", "or"), sub).map(([a, op, b]) => `(${a} ${op} ${b})`),
    sub.map((a) => `not (${a})`),
    fc.array(sub, { minLength: 1, maxLength: 4 }).chain((items) =>
      fc.integer({ min: 0, max: items.length }).map((n) => `at least ${n} of (${items.join(", ")})`),
    ),
    fc.tuple(fc.constantFrom("all", "any", "none"), fc.array(sub, { minLength: 1, maxLength: 3 })).map(([q, items]) => `${q} of (${items.join(", ")})`),
  );
}

const fieldTypeArb = fc.constantFrom<FieldType>("number", "text", "bool", "date", "list", "choice");

function typeText(type: FieldType): string {
  switch (type) {
    case "list":
      return "list of text";
    case "choice":
      return `one of (${CHOICES.map(quote).join(", ")})`;
    default:
      return type;
  }
}

function defaultText(type: FieldType): fc.Arbitrary<string> {
  switch (type) {
    case "number":
      return fc.integer({ min: -50, max: 50 }).map(String);
    case "bool":
      return fc.boolean().map(String);
    case "text":
      return awkwardText.map(quote);
    case "date":
      return fc.constant("2026-03-01");
    case "list":
      return fc.array(awkwardText, { maxLength: 2 }).map((items) => `[${items.map(quote).join(", ")}]`);
    case "choice":
      return fc.constantFrom(...CHOICES).map(quote);
  }
}

interface FieldSpec {
  readonly type: FieldType;
  readonly optional: boolean;
  readonly defaultValue?: string;
  readonly doc?: string;
}

const fieldSpecArb: fc.Arbitrary<FieldSpec> = fieldTypeArb.chain((type) =>
  fc.record(
    {
      type: fc.constant(type),
      optional: fc.boolean(),
      defaultValue: defaultText(type),
      doc: awkwardText,
    },
    { requiredKeys: ["type", "optional"] },
  ),
);

function fieldLine(name: string, spec: FieldSpec, indent: string): string {
  // An optional field takes no default: absent means unknown.
  const optional = spec.optional ? "?" : "";
  const fallback = spec.defaultValue !== undefined && !spec.optional ? ` = ${spec.defaultValue}` : "";
  const doc = spec.doc === undefined ? "" : ` ${quote(spec.doc)}`;
  return `${indent}${name}: ${typeText(spec.type)}${optional}${fallback}${doc}`;
}

/** What {@link modelSourceOf} generates. */
export interface ModelSourceOptions {
  /** Qual 2 forms too: a list of records with aggregates over it, a set, const-expression bounds, `... any of` tests. */
  readonly qual2?: boolean;
}

const QUAL1_BOUNDS = ["", " max 60", " min -10 max 50", " max 40 min 0"];
// `limit` is between -10 and 100, so each of these keeps min <= max.
const QUAL2_BOUNDS = [" max limit + 60", " min -10 max limit * 2 + 30", " min -limit - 20 max 500", " max (limit + 5) * 2 min -30"];

/** The source text of generated models of the syntax `options` choose. */
export function modelSourceOf(options: ModelSourceOptions = {}): fc.Arbitrary<string> {
  const qual2 = options.qual2 === true;
  return fc
    .record({
      title: awkwardText,
      fields: fc.array(fieldSpecArb, { minLength: 1, maxLength: 5 }),
      record: fc.option(fc.array(fieldSpecArb, { minLength: 1, maxLength: 2 }), { nil: undefined }),
      comment: fc.option(awkwardText.map((t) => t.replace(/\n/g, " ")), { nil: undefined }),
      eventsOptional: fc.boolean(),
    })
    .chain(({ title, fields, record, comment, eventsOptional }) => {
      const lines: string[] = [];
      if (comment !== undefined) lines.push(`#${comment}`);
      lines.push(`model generated ${quote(title)}`, "", "input {");
      const scopeFields: Field[] = [];
      fields.forEach((spec, i) => {
        lines.push(fieldLine(`f${i}`, spec, "  "));
        scopeFields.push({ path: `f${i}`, type: spec.type, optional: spec.optional });
      });
      if (record !== undefined) {
        lines.push("  company: {");
        record.forEach((spec, i) => {
          lines.push(fieldLine(`g${i}`, spec, "    "));
          scopeFields.push({ path: `company.g${i}`, type: spec.type, optional: spec.optional });
        });
        lines.push("  }");
      }
      if (qual2) lines.push(`  events: ${EVENTS_TYPE}${eventsOptional ? "?" : ""}`);
      lines.push("}", "");
      const header = [...lines];
      const base: Scope = { fields: scopeFields, numbers: ["limit"], bools: [], qual2 };
      const withSet: Scope = { ...base, sets: qual2 ? ["engaged"] : [] };
      return fc
        .record({
          limit: fc.integer({ min: -10, max: 100 }),
          words: fc.array(awkwardText, { minLength: 1, maxLength: 3 }),
          letValue: numberExpr(base, 2),
          criteria: fc.array(fc.tuple(awkwardText, boolExpr({ ...base, numbers: ["limit", "derived"] }, 2)), { minLength: 1, maxLength: 3 }),
          rules: fc.array(
            fc.tuple(awkwardText, fc.oneof(fc.integer({ min: -40, max: 40 }).map((n) => (n >= 0 ? `+${n}` : String(n))), numberExpr(base, 1)), fc.option(boolExpr(base, 1), { nil: undefined })),
            { minLength: 0, maxLength: 4 },
          ),
          bounds: fc.constantFrom(...QUAL1_BOUNDS, ...(qual2 ? QUAL2_BOUNDS : [])),
          setLabel: fc.option(awkwardText, { nil: undefined }),
          reasons: fc.array(fc.tuple(awkwardText, boolExpr(base, 1)), { maxLength: 2 }),
          tiers: fc.array(fc.tuple(awkwardText, boolExpr({ ...withSet, numbers: ["limit", "group", "total"] }, 1)), { minLength: 0, maxLength: 3 }),
          last: awkwardText,
          useWords: fc.boolean(),
        })
        .map((parts) => {
          // fast-check may call this more than once for one header (when shrinking): start from a copy.
          const lines = [...header];
          lines.push(`const limit = ${parts.limit}`);
          lines.push(`const words = [${parts.words.map(quote).join(", ")}]`);
          lines.push(`let derived = ${parts.letValue}`, "");
          const criterionNames: string[] = [];
          parts.criteria.forEach(([label, condition], i) => {
            lines.push(`criterion c${i} ${quote(label)} = ${condition}`);
            criterionNames.push(`c${i}`);
          });
          if (qual2) lines.push(`set engaged${parts.setLabel === undefined ? "" : ` ${quote(parts.setLabel)}`} = (${criterionNames.join(", ")})`);
          lines.push("", `# the points group`, `score group "Group"${parts.bounds} {`);
          const seen = new Set<string>();
          parts.rules.forEach(([label, points, when], i) => {
            const unique = seen.has(label) ? `${label}${i}` : label;
            seen.add(unique);
            lines.push(`  ${quote(unique)}: ${points}${when === undefined ? "" : ` when ${when}`}`);
          });
          lines.push("}", `score total "Total" = group + ${qual2 ? "count of engaged" : `count of (${criterionNames.join(", ")})`}`, "");
          const reasons = new Set<string>();
          parts.reasons.forEach(([reason, condition], i) => {
            const unique = reasons.has(reason) ? `${reason}${i}` : reason;
            reasons.add(unique);
            const usesWords = parts.useWords && i === 0 ? ` or ${quote("x")} in words` : "";
            lines.push(`disqualify ${quote(unique)} when ${condition}${usesWords}`);
          });
          lines.push("");
          parts.tiers.forEach(([label, condition], i) => lines.push(`tier t${i} ${quote(label)} when ${condition}`));
          lines.push(`tier rest ${quote(parts.last)} otherwise`, "");
          return lines.join("\n");
        });
    });
}

/** The source text of a generated Qual 1 model. */
export const modelSource: fc.Arbitrary<string> = modelSourceOf();

/** The source text of a generated model that also uses Qual 2 forms. */
export const qual2ModelSource: fc.Arbitrary<string> = modelSourceOf({ qual2: true });
