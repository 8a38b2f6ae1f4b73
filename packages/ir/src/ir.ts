import type { InputField, QualType } from "./qual-type.js";
import type { SourceRange } from "./source-range.js";

/** The `format` tag of a saved IR document. */
export const IR_FORMAT = "qualify-ir";
/**
 * The version of the saved IR format. Version 2 (Qual 2) adds list
 * aggregates (`each`, `element`) and the functions `domain`, `trim` and
 * `length`; a version 1 document is a valid version 2 document, so loaders
 * accept both and refuse others.
 */
export const IR_VERSION = 2;

/**
 * A checked model: what the checker produces and every back end consumes.
 * Plain data only (JSON round-trips it). Const uses are folded into literals.
 */
export interface ModelIR {
  readonly format: typeof IR_FORMAT;
  readonly version: 1 | typeof IR_VERSION;
  readonly id: string;
  readonly title: string;
  readonly inputs: readonly InputField[];
  readonly consts: readonly ConstIR[];
  readonly lets: readonly LetIR[];
  readonly criteria: readonly CriterionIR[];
  readonly scores: readonly ScoreIR[];
  readonly disqualify: readonly DisqualifyIR[];
  /** In order; the last one has no condition (`otherwise`). */
  readonly tiers: readonly TierIR[];
  /**
   * Ids of every let, criterion and score, dependencies first, so a back end
   * can evaluate them in this order and find each reference already computed.
   */
  readonly order: readonly string[];
}

export interface ConstIR {
  readonly id: string;
  readonly type: QualType;
  readonly value: LiteralValue;
  readonly range?: SourceRange;
}

export interface LetIR {
  readonly id: string;
  readonly expr: Expr;
  readonly range?: SourceRange;
}

export interface CriterionIR {
  readonly id: string;
  readonly label: string;
  readonly expr: Expr;
  readonly range?: SourceRange;
}

/** A points group (`score id "Label" max 60 { ... }`) or a computed score (`score id = expr`). */
export type ScoreIR = ScoreGroupIR | ComputedScoreIR;

export interface ScoreGroupIR {
  readonly kind: "group";
  readonly id: string;
  readonly label: string;
  readonly min?: number;
  readonly max?: number;
  readonly rules: readonly RuleIR[];
  readonly range?: SourceRange;
}

export interface RuleIR {
  /** Unique within its group; the rule's id is `group/label`. */
  readonly label: string;
  readonly points: Expr;
  readonly when?: Expr;
  readonly range?: SourceRange;
}

export interface ComputedScoreIR {
  readonly kind: "computed";
  readonly id: string;
  readonly label: string;
  readonly expr: Expr;
  readonly range?: SourceRange;
}

export interface DisqualifyIR {
  /** Unique in the model; the rule's id is `disqualify/reason`. */
  readonly reason: string;
  readonly when: Expr;
  readonly range?: SourceRange;
}

export interface TierIR {
  readonly id: string;
  readonly label: string;
  /** Absent for the final `otherwise` tier. */
  readonly when?: Expr;
  readonly range?: SourceRange;
}

/**
 * A literal value. Dates are ISO `YYYY-MM-DD` strings (their type says so);
 * lists hold literal values.
 */
export type LiteralValue = number | string | boolean | readonly LiteralValue[];

export type CompareOp = "=" | "!=" | "<" | "<=" | ">" | ">=";
export type ArithOp = "+" | "-" | "*" | "/";
export type FunctionName =
  | "count"
  | "len"
  | "min"
  | "max"
  | "abs"
  | "round"
  | "lower"
  | "upper"
  | "days_since"
  | "days_until"
  | "decay"
  /** The lower-cased part of an address after its last `@` (unknown when there is no `@`). */
  | "domain"
  /** The text without leading and trailing white space. */
  | "trim"
  /** The number of characters of a text, or of elements of a list. */
  | "length";
export type Quantifier = "atLeast" | "all" | "any" | "none" | "count";

/**
 * What an `each` node computes over the elements of a list that pass its
 * `where` test. The yes/no ones follow three-valued logic per element (an
 * element whose test is unknown may or may not count). `latest` and
 * `earliest` in the surface syntax are `max` and `min` over dates.
 */
export type Aggregate = Quantifier | "sum" | "min" | "max" | "avg";

interface ExprBase {
  /** The checked type of the expression's value (when known, i.e. not unknown). */
  readonly type: QualType;
  readonly range?: SourceRange;
}

/**
 * A typed expression. Operand types are on the operands (`left.type`), so a
 * back end can specialise each operator by them.
 */
export type Expr =
  | (ExprBase & { readonly kind: "literal"; readonly value: LiteralValue })
  | (ExprBase & { readonly kind: "list"; readonly items: readonly Expr[] })
  /** An input field; `path` is `["company", "employees"]` for `company.employees`. */
  | (ExprBase & { readonly kind: "field"; readonly path: readonly string[] })
  | (ExprBase & { readonly kind: "ref"; readonly target: "let" | "criterion" | "score"; readonly id: string })
  | (ExprBase & { readonly kind: "not"; readonly operand: Expr })
  | (ExprBase & { readonly kind: "and" | "or"; readonly left: Expr; readonly right: Expr })
  | (ExprBase & { readonly kind: "compare"; readonly op: CompareOp; readonly left: Expr; readonly right: Expr })
  | (ExprBase & { readonly kind: "arith"; readonly op: ArithOp; readonly left: Expr; readonly right: Expr })
  | (ExprBase & { readonly kind: "negate"; readonly operand: Expr })
  | (ExprBase & { readonly kind: "coalesce"; readonly left: Expr; readonly right: Expr })
  | (ExprBase & { readonly kind: "in"; readonly negated: boolean; readonly item: Expr; readonly list: Expr })
  /**
   * `container` is text (substring) or a list (element); see `container.type`.
   * When `item` is list-typed the test is `contains any of`: true when any
   * element of `item` is a substring of the text (or an element of the list).
   */
  | (ExprBase & { readonly kind: "contains"; readonly container: Expr; readonly item: Expr })
  /** When `affix` is list-typed the test is `starts with any of` / `ends with any of`. */
  | (ExprBase & { readonly kind: "startsWith" | "endsWith"; readonly text: Expr; readonly affix: Expr })
  | (ExprBase & { readonly kind: "between"; readonly value: Expr; readonly low: Expr; readonly high: Expr })
  | (ExprBase & { readonly kind: "matches"; readonly text: Expr; readonly pattern: string })
  | (ExprBase & { readonly kind: "presence"; readonly test: "missing" | "present"; readonly operand: Expr })
  | (ExprBase & { readonly kind: "within"; readonly date: Expr; readonly days: Expr })
  | (ExprBase & { readonly kind: "call"; readonly fn: FunctionName; readonly args: readonly Expr[] })
  | (ExprBase & { readonly kind: "if"; readonly condition: Expr; readonly then: Expr; readonly else: Expr })
  /** `n` is given for `atLeast` only. */
  | (ExprBase & { readonly kind: "quantifier"; readonly quantifier: Quantifier; readonly n?: number; readonly items: readonly Expr[] })
  /**
   * An aggregate over a list: `count of activities where kind = "webinar"`,
   * `sum of deals.amount where stage = "won"`, `at least 2 of activities where ...`.
   * `list` is list-typed; inside `where` and `value`, `element` nodes read the
   * element being visited. `value` is what `sum`/`min`/`max`/`avg` combine
   * (absent: the element itself, for lists of numbers or dates). `n` is given
   * for `atLeast` only. Meaning: `grammar/reference.md`, "Lists of records".
   */
  | (ExprBase & {
      readonly kind: "each";
      readonly aggregate: Aggregate;
      readonly n?: number;
      readonly list: Expr;
      readonly value?: Expr;
      readonly where?: Expr;
    })
  /**
   * A field of the list element visited by the innermost enclosing `each`;
   * `path` is relative to the element (`["at"]` in `activities where at within 7 days`).
   * An empty path is the element itself (a list of numbers, dates or text).
   */
  | (ExprBase & { readonly kind: "element"; readonly path: readonly string[] });

/** The expression node of a given kind. */
export type ExprOf<K extends Expr["kind"]> = Extract<Expr, { kind: K }>;
