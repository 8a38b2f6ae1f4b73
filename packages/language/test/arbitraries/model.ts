import type { SourceRange } from "@qualify/ir";
import fc from "fast-check";
import type * as A from "../../src/ast.js";

/**
 * fast-check generators of valid Qual syntax trees, for round-trip and
 * idempotence properties here and in other packages. Generated nodes carry
 * a zero range: compare trees with `stripRanges`.
 */

/** The range put on every generated node. */
export const NO_RANGE: SourceRange = Object.freeze({
  start: Object.freeze({ offset: 0, line: 0, column: 0 }),
  end: Object.freeze({ offset: 0, line: 0, column: 0 }),
});

/**
 * Names, including contextual words, which are ordinary names outside their
 * construct (Qual 2's `sum`, `avg`, `latest`, `earliest`, `where`, `set` too).
 */
export const NAMES = [
  "a", "b", "budget_usd", "x1", "_tmp", "count", "min", "max", "days", "list", "text", "number", "bool", "date",
  "at", "least", "all", "any", "none", "missing", "present", "within", "one", "inputs", "ending", "score_2",
  "sum", "avg", "latest", "earliest", "where", "set", "settings",
] as const;

/**
 * Which syntax the generators produce. Qual 1 forms by default, so tests of
 * printers that do not know Qual 2 yet keep passing; `qual2: true` adds
 * aggregates over lists and sets (with `where`), set declarations, bounds
 * that are const expressions and the `any of` tests.
 */
export interface SyntaxOptions {
  readonly qual2?: boolean;
}

export const nameArb: fc.Arbitrary<string> = fc.constantFrom(...NAMES);

export const identifierArb: fc.Arbitrary<A.Identifier> = nameArb.map((name) => ({ kind: "Identifier", name, range: NO_RANGE }));

/** Any text, including quotes, backslashes, tabs, newlines and non-ASCII. */
export const stringValueArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
  fc.constantFrom('say "hi"', "back\\slash", "line\nbreak", "tab\there", "@gmail.com", "", "#not a comment"),
);

export const stringLiteralArb: fc.Arbitrary<A.StringLiteral> = stringValueArb.map((value) => ({ kind: "StringLiteral", value, range: NO_RANGE }));

/** Numbers as people write them: `7`, `10_000`, `2.5`. */
export const numberLiteralArb: fc.Arbitrary<A.NumberLiteral> = fc
  .oneof(
    fc.nat({ max: 100_000 }).map(String),
    fc.constantFrom("10_000", "1_000_000", "2.5", "0.125", "007"),
    fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 99 })).map(([i, f]) => `${i}.${f}`),
  )
  .map((raw) => ({ kind: "NumberLiteral", value: Number(raw.replaceAll("_", "")), raw, range: NO_RANGE }));

const dateArb: fc.Arbitrary<A.DateLiteral> = fc
  .tuple(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => ({
    kind: "DateLiteral",
    value: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    range: NO_RANGE,
  }));

const boolArb: fc.Arbitrary<A.BoolLiteral> = fc.boolean().map((value) => ({ kind: "BoolLiteral", value, range: NO_RANGE }));

export const nameRefArb: fc.Arbitrary<A.NameRef> = fc
  .array(identifierArb, { minLength: 1, maxLength: 3 })
  .map((parts) => ({ kind: "NameRef", parts, range: NO_RANGE }));

const BINARY_OPS: readonly A.BinaryOp[] = [
  "or", "and", "=", "!=", "<", "<=", ">", ">=", "in", "not in", "contains", "starts with", "ends with", "??", "+", "-", "*", "/",
];

/** The words of `AGG of SOURCE`. */
export const AGGREGATE_WORDS: readonly A.AggregateWord[] = ["atLeast", "all", "any", "none", "count", "sum", "min", "max", "avg", "latest", "earliest"];

const ANY_OF_OPS: readonly A.BinaryOp[] = ["contains any of", "starts with any of", "ends with any of"];

/** Expressions of every form, nested up to `depth`; Qual 2 forms with `{ qual2: true }`. */
export function exprArb(depth = 3, options: SyntaxOptions = {}): fc.Arbitrary<A.Expr> {
  const { expr } = fc.letrec<{ expr: A.Expr }>((tie) => {
    const sub = tie("expr");
    const items = fc.array(sub, { maxLength: 3 });
    // The list after `... any of`: `any of (` would be the quantifier, so never a bracketed expression.
    const list: fc.Arbitrary<A.Expr> = fc.oneof(
      nameRefArb,
      items.map((l): A.Expr => ({ kind: "ListLiteral", items: l, range: NO_RANGE })),
      fc.tuple(identifierArb, items).map(([callee, args]): A.Expr => ({ kind: "CallExpr", callee, args, range: NO_RANGE })),
    );
    const qual2: fc.Arbitrary<A.Expr>[] = options.qual2 !== true ? [] : [
      fc
        .record({ aggregate: fc.constantFrom(...AGGREGATE_WORDS), n: sub, source: nameRefArb, where: fc.option(sub, { nil: undefined }) })
        .map(({ aggregate, n, source, where }): A.Expr => ({
          kind: "AggregateExpr",
          aggregate,
          ...(aggregate === "atLeast" ? { n } : {}),
          source,
          ...(where === undefined ? {} : { where }),
          range: NO_RANGE,
        })),
      fc.tuple(fc.constantFrom(...ANY_OF_OPS), sub, list).map(([op, left, right]): A.Expr => ({ kind: "BinaryExpr", op, left, right, range: NO_RANGE })),
      fc
        .tuple(sub, fc.oneof(nameRefArb, fc.array(stringLiteralArb, { maxLength: 3 }).map((l): A.Expr => ({ kind: "ListLiteral", items: l, range: NO_RANGE }))))
        .map(([operand, anyOf]): A.Expr => ({ kind: "MatchesExpr", operand, anyOf, range: NO_RANGE })),
    ];
    return {
      expr: fc.oneof(
        { depthSize: "small", maxDepth: depth },
        // The first arbitrary is what oneof takes at the maximum depth: a leaf.
        numberLiteralArb,
        stringLiteralArb,
        boolArb,
        dateArb,
        nameRefArb,
        items.map((list): A.Expr => ({ kind: "ListLiteral", items: list, range: NO_RANGE })),
        fc.tuple(fc.constantFrom("not", "-", "+") as fc.Arbitrary<"not" | "-" | "+">, sub).map(([op, operand]): A.Expr => ({ kind: "UnaryExpr", op, operand, range: NO_RANGE })),
        fc.tuple(fc.constantFrom(...BINARY_OPS), sub, sub).map(([op, left, right]): A.Expr => ({ kind: "BinaryExpr", op, left, right, range: NO_RANGE })),
        fc.tuple(sub, sub, sub).map(([operand, low, high]): A.Expr => ({ kind: "BetweenExpr", operand, low, high, range: NO_RANGE })),
        fc.tuple(sub, stringLiteralArb).map(([operand, pattern]): A.Expr => ({ kind: "MatchesExpr", operand, pattern, range: NO_RANGE })),
        fc.tuple(sub, fc.constantFrom("missing", "present") as fc.Arbitrary<"missing" | "present">).map(([operand, test]): A.Expr => ({ kind: "PresenceExpr", operand, test, range: NO_RANGE })),
        fc.tuple(sub, sub).map(([operand, days]): A.Expr => ({ kind: "WithinExpr", operand, days, range: NO_RANGE })),
        fc.tuple(identifierArb, items).map(([callee, args]): A.Expr => ({ kind: "CallExpr", callee, args, range: NO_RANGE })),
        fc.tuple(sub, sub, sub).map(([condition, then, otherwise]): A.Expr => ({ kind: "IfExpr", condition, then, else: otherwise, range: NO_RANGE })),
        fc.tuple(fc.constantFrom("all", "any", "none", "count") as fc.Arbitrary<"all" | "any" | "none" | "count">, items).map(([quantifier, list]): A.Expr => ({ kind: "QuantifierExpr", quantifier, items: list, range: NO_RANGE })),
        fc.tuple(sub, items).map(([n, list]): A.Expr => ({ kind: "QuantifierExpr", quantifier: "atLeast", n, items: list, range: NO_RANGE })),
        sub.map((inner): A.Expr => ({ kind: "ParenExpr", inner, range: NO_RANGE })),
        ...qual2,
      ),
    };
  });
  return expr;
}

/** A field default: a literal, a signed number or a list of literals. */
export const literalArb: fc.Arbitrary<A.Expr> = fc.letrec<{ lit: A.Expr }>((tie) => ({
  lit: fc.oneof(
    { depthSize: "small", maxDepth: 2 },
    numberLiteralArb,
    numberLiteralArb.map((operand): A.Expr => ({ kind: "UnaryExpr", op: "-", operand, range: NO_RANGE })),
    stringLiteralArb,
    boolArb,
    dateArb,
    fc.array(tie("lit"), { maxLength: 3 }).map((items): A.Expr => ({ kind: "ListLiteral", items, range: NO_RANGE })),
  ),
})).lit;

const primitiveArb: fc.Arbitrary<A.TypeNode> = fc
  .constantFrom("number", "text", "bool", "date")
  .map((name) => ({ kind: "PrimitiveType", name: name as A.PrimitiveType["name"], range: NO_RANGE }));

/** Field declarations, with nested records up to two levels. */
export const fieldArb: fc.Arbitrary<A.FieldDecl> = fc.letrec<{ field: A.FieldDecl; type: A.TypeNode }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small", maxDepth: 2 },
    primitiveArb,
    tie("type").map((element): A.TypeNode => ({ kind: "ListType", element, range: NO_RANGE })),
    fc.array(stringLiteralArb, { minLength: 1, maxLength: 3 }).map((options): A.TypeNode => ({ kind: "OneOfType", options, range: NO_RANGE })),
    fc.array(tie("field"), { maxLength: 3 }).map((fields): A.TypeNode => ({ kind: "RecordType", fields, range: NO_RANGE })),
  ),
  field: fc
    .record({
      name: identifierArb,
      type: tie("type"),
      optional: fc.boolean(),
      default: fc.option(literalArb, { nil: undefined }),
      doc: fc.option(stringLiteralArb, { nil: undefined }),
    })
    .map(({ name, type, optional, default: value, doc }): A.FieldDecl => ({
      kind: "FieldDecl",
      name,
      type,
      optional,
      ...(value === undefined ? {} : { default: value }),
      ...(doc === undefined ? {} : { doc }),
      range: NO_RANGE,
    })),
})).field;

const optionalLabel = fc.option(stringLiteralArb, { nil: undefined });

function withLabel<T extends object>(node: T, label: A.StringLiteral | undefined): T {
  return label === undefined ? node : { ...node, label };
}

/** A signed whole number as a bound gives it: `60`, `-10` (a unary minus on a literal, as the parser reads it). */
const signedNumberArb: fc.Arbitrary<A.Expr> = fc.integer({ min: -500, max: 500 }).map((value): A.Expr => {
  const literal: A.NumberLiteral = { kind: "NumberLiteral", value: Math.abs(value), raw: String(Math.abs(value)), range: NO_RANGE };
  return value < 0 ? { kind: "UnaryExpr", op: "-", operand: literal, range: NO_RANGE } : literal;
});

/** A const expression, as Qual 2 bounds take: `fit_cap`, `fit_cap + 5`, `-10`. */
const constExprArb: fc.Arbitrary<A.Expr> = fc.oneof(
  signedNumberArb,
  nameRefArb,
  fc
    .tuple(nameRefArb, fc.constantFrom("+", "-", "*", "/") as fc.Arbitrary<A.BinaryOp>, numberLiteralArb)
    .map(([left, op, right]): A.Expr => ({ kind: "BinaryExpr", op, left, right, range: NO_RANGE })),
  exprArb(2, { qual2: true }),
);

function boundArbOf(options: SyntaxOptions): fc.Arbitrary<A.Bound> {
  return fc
    .tuple(fc.constantFrom("min", "max") as fc.Arbitrary<"min" | "max">, options.qual2 === true ? constExprArb : signedNumberArb)
    .map(([which, value]) => ({ kind: "Bound", which, value, range: NO_RANGE }));
}

function ruleArbOf(options: SyntaxOptions): fc.Arbitrary<A.ScoreRule> {
  return fc
    .tuple(stringLiteralArb, exprArb(2, options), fc.option(exprArb(2, options), { nil: undefined }))
    .map(([label, points, when]) => ({ kind: "ScoreRule", label, points, ...(when === undefined ? {} : { when }), range: NO_RANGE }));
}

/** Every declaration form of the syntax `options` choose. */
export function declarationArbOf(options: SyntaxOptions): fc.Arbitrary<A.Declaration> {
  const exprArbOf = (depth = 3): fc.Arbitrary<A.Expr> => exprArb(depth, options);
  const boundArb = boundArbOf(options);
  const ruleArb = ruleArbOf(options);
  const qual2: fc.Arbitrary<A.Declaration>[] = options.qual2 !== true ? [] : [
    fc
      .tuple(identifierArb, optionalLabel, fc.array(exprArbOf(2), { maxLength: 4 }))
      .map(([name, label, items]): A.Declaration => withLabel({ kind: "SetDecl", name, items, range: NO_RANGE }, label)),
  ];
  return fc.oneof(
    ...qual2,
    fc.tuple(identifierArb, exprArbOf()).map(([name, value]): A.Declaration => ({ kind: "ConstDecl", name, value, range: NO_RANGE })),
    fc.tuple(identifierArb, exprArbOf()).map(([name, value]): A.Declaration => ({ kind: "LetDecl", name, value, range: NO_RANGE })),
    fc.tuple(identifierArb, optionalLabel, exprArbOf()).map(([name, label, condition]): A.Declaration => withLabel({ kind: "CriterionDecl", name, condition, range: NO_RANGE }, label)),
    fc
      .tuple(identifierArb, optionalLabel, fc.array(boundArb, { maxLength: 2 }), fc.array(ruleArb, { maxLength: 3 }))
      .map(([name, label, bounds, rules]): A.Declaration => withLabel({ kind: "ScoreGroupDecl", name, bounds, rules, range: NO_RANGE }, label)),
    fc.tuple(identifierArb, optionalLabel, exprArbOf()).map(([name, label, value]): A.Declaration => withLabel({ kind: "ComputedScoreDecl", name, value, range: NO_RANGE }, label)),
    fc.tuple(stringLiteralArb, exprArbOf()).map(([reason, condition]): A.Declaration => ({ kind: "DisqualifyDecl", reason, condition, range: NO_RANGE })),
    fc
      .tuple(identifierArb, optionalLabel, fc.option(exprArbOf(), { nil: undefined }))
      .map(([name, label, condition]): A.Declaration =>
        withLabel(
          condition === undefined
            ? { kind: "TierDecl", name, otherwise: true, range: NO_RANGE }
            : { kind: "TierDecl", name, condition, otherwise: false, range: NO_RANGE },
          label,
        ),
      ),
  );
}

/** Every Qual 1 declaration form. */
export const declarationArb: fc.Arbitrary<A.Declaration> = declarationArbOf({});

/** Whole models of the syntax `options` choose: a `model` line, maybe an input block, and up to eight declarations. */
export function modelArbOf(options: SyntaxOptions): fc.Arbitrary<A.Model> {
  return fc
    .record({
      id: identifierArb,
      title: optionalLabel,
      input: fc.option(fc.array(fieldArb, { maxLength: 4 }), { nil: undefined }),
      declarations: fc.array(declarationArbOf(options), { maxLength: 8 }),
    })
    .map(({ id, title, input, declarations }): A.Model => ({
      kind: "Model",
      id,
      ...(title === undefined ? {} : { title }),
      ...(input === undefined ? {} : { input: { kind: "InputBlock", fields: input, range: NO_RANGE } }),
      declarations,
      comments: [],
      range: NO_RANGE,
    }));
}

/** Whole Qual 1 models. */
export const modelArb: fc.Arbitrary<A.Model> = modelArbOf({});

/** Whole models with every Qual 2 form too. */
export const qual2ModelArb: fc.Arbitrary<A.Model> = modelArbOf({ qual2: true });

/** Words, operators and literals of Qual (and a few broken pieces), for token-soup inputs. */
export const QUAL_PIECES = [
  "model", "input", "const", "let", "criterion", "score", "disqualify", "tier", "when", "otherwise", "and", "or", "not",
  "in", "between", "contains", "starts", "ends", "with", "matches", "is", "if", "then", "else", "of", "true", "false",
  "at", "least", "all", "any", "none", "count", "min", "max", "missing", "present", "within", "days", "list", "one",
  "number", "text", "bool", "date", "sum", "avg", "latest", "earliest", "where", "set", "x", "a.b", "10_000", "2.5", "2026-01-31", '"label"', '"un', '"esc\\q"', "#c\n",
  "=", "!=", "<", "<=", ">", ">=", "??", "?", "==", "&&", "||", "@x.y", "+", "-", "*", "/", "(", ")", "[", "]", "{", "}", ",", ":", ".", "\n", "@", "$",
] as const;

/** Arbitrary sequences of Qual pieces joined by spaces: mostly-lexable garbage that reaches deep into the parser. */
export const tokenSoupArb: fc.Arbitrary<string> = fc.array(fc.constantFrom(...QUAL_PIECES), { maxLength: 60 }).map((pieces) => pieces.join(" "));

const LONG_NAMES = ["company.annual_revenue_usd", "interest.emails_opened_30d", "account.domain", "budget_usd", "timeline_days"] as const;

const longRefArb: fc.Arbitrary<A.Expr> = fc
  .constantFrom(...LONG_NAMES)
  .map((path): A.Expr => ({ kind: "NameRef", parts: path.split(".").map((name) => ({ kind: "Identifier", name, range: NO_RANGE })), range: NO_RANGE }));

/** A comparison as people write them: a long name against a literal or a list of strings. */
const comparisonArb: fc.Arbitrary<A.Expr> = fc.oneof(
  fc
    .tuple(longRefArb, fc.constantFrom(">=", "<", "=", "!=") as fc.Arbitrary<A.BinaryOp>, fc.oneof(numberLiteralArb, stringLiteralArb))
    .map(([left, op, right]): A.Expr => ({ kind: "BinaryExpr", op, left, right, range: NO_RANGE })),
  fc
    .tuple(longRefArb, fc.array(stringLiteralArb, { minLength: 1, maxLength: 12 }))
    .map(([left, items]): A.Expr => ({ kind: "BinaryExpr", op: "in", left, right: { kind: "ListLiteral", items, range: NO_RANGE }, range: NO_RANGE })),
  fc.tuple(fc.constantFrom("max", "min", "count"), fc.array(longRefArb, { minLength: 1, maxLength: 6 })).map(
    ([name, args]): A.Expr => ({ kind: "CallExpr", callee: { kind: "Identifier", name, range: NO_RANGE }, args, range: NO_RANGE }),
  ),
);

/**
 * Long conditions that do not fit on a line: `and`/`or` chains of
 * comparisons, nested in parentheses, with long lists and calls, for the
 * line-width properties of the formatter.
 */
export const longExprArb: fc.Arbitrary<A.Expr> = fc.letrec<{ cond: A.Expr }>((tie) => ({
  cond: fc.oneof(
    { depthSize: "small", maxDepth: 3 },
    comparisonArb,
    fc
      .tuple(fc.constantFrom("and", "or") as fc.Arbitrary<A.BinaryOp>, fc.array(tie("cond"), { minLength: 2, maxLength: 6 }))
      .map(([op, operands]) =>
        operands.reduce((left, right): A.Expr => ({ kind: "BinaryExpr", op, left, right: { kind: "ParenExpr", inner: right, range: NO_RANGE }, range: NO_RANGE })),
      ),
  ),
})).cond;

/** Models whose criteria and rules have long conditions. */
export const longModelArb: fc.Arbitrary<A.Model> = fc
  .record({
    criteria: fc.array(fc.tuple(identifierArb, optionalLabel, longExprArb), { minLength: 1, maxLength: 4 }),
    rules: fc.array(fc.tuple(stringLiteralArb, numberLiteralArb, longExprArb), { maxLength: 3 }),
  })
  .map(({ criteria, rules }): A.Model => ({
    kind: "Model",
    id: { kind: "Identifier", name: "m", range: NO_RANGE },
    declarations: [
      ...criteria.map(([name, label, condition]): A.Declaration => withLabel({ kind: "CriterionDecl", name, condition, range: NO_RANGE }, label)),
      {
        kind: "ScoreGroupDecl",
        name: { kind: "Identifier", name: "fit", range: NO_RANGE },
        bounds: [],
        rules: rules.map(([label, points, when]): A.ScoreRule => ({ kind: "ScoreRule", label, points, when, range: NO_RANGE })),
        range: NO_RANGE,
      },
    ],
    comments: [],
    range: NO_RANGE,
  }));
