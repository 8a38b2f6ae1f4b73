import type { SourceRange } from "@qualify/ir";

/**
 * The syntax tree of a Qual model. Every node carries its source range. After
 * a syntax error the parser still returns a partial tree: nodes it could not
 * build are left out, and required parts it could not find are `undefined`.
 */
export interface Node {
  readonly range: SourceRange;
}

/** A name as written, with its own range (for go-to-definition and "did you mean"). */
export interface Identifier extends Node {
  readonly kind: "Identifier";
  readonly name: string;
}

/** A string literal; `value` is unescaped. */
export interface StringLiteral extends Node {
  readonly kind: "StringLiteral";
  readonly value: string;
}

/** A `#` comment; `text` excludes the `#`. Kept for the formatter. */
export interface Comment extends Node {
  readonly text: string;
}

export interface Model extends Node {
  readonly kind: "Model";
  readonly id?: Identifier;
  readonly title?: StringLiteral;
  readonly input?: InputBlock;
  /** Every declaration after `model` except `input`, in source order. */
  readonly declarations: readonly Declaration[];
  readonly comments: readonly Comment[];
}

export interface InputBlock extends Node {
  readonly kind: "InputBlock";
  readonly fields: readonly FieldDecl[];
}

export interface FieldDecl extends Node {
  readonly kind: "FieldDecl";
  readonly name: Identifier;
  readonly type?: TypeNode;
  /** `?` after the type. */
  readonly optional: boolean;
  /** `= LITERAL`. */
  readonly default?: Expr;
  readonly doc?: StringLiteral;
}

export type TypeNode = PrimitiveType | ListType | OneOfType | RecordType;

export interface PrimitiveType extends Node {
  readonly kind: "PrimitiveType";
  readonly name: "number" | "text" | "bool" | "date";
}

export interface ListType extends Node {
  readonly kind: "ListType";
  readonly element?: TypeNode;
}

export interface OneOfType extends Node {
  readonly kind: "OneOfType";
  readonly options: readonly StringLiteral[];
}

export interface RecordType extends Node {
  readonly kind: "RecordType";
  readonly fields: readonly FieldDecl[];
}

export type Declaration =
  | SetDecl
  | ConstDecl
  | LetDecl
  | CriterionDecl
  | ScoreGroupDecl
  | ComputedScoreDecl
  | DisqualifyDecl
  | TierDecl;

export interface ConstDecl extends Node {
  readonly kind: "ConstDecl";
  readonly name: Identifier;
  readonly value?: Expr;
}

/**
 * `set meddic "MEDDIC" = (metrics, economic_buyer, champion)`: a named list of
 * yes/no items, usable wherever a quantifier takes its items
 * (`at least 5 of meddic`, `count of meddic`).
 */
export interface SetDecl extends Node {
  readonly kind: "SetDecl";
  readonly name: Identifier;
  readonly label?: StringLiteral;
  readonly items: readonly Expr[];
}

export interface LetDecl extends Node {
  readonly kind: "LetDecl";
  readonly name: Identifier;
  readonly value?: Expr;
}

export interface CriterionDecl extends Node {
  readonly kind: "CriterionDecl";
  readonly name: Identifier;
  readonly label?: StringLiteral;
  readonly condition?: Expr;
}

/**
 * `min N` / `max N`: `value` is a number known at compile time, as written
 * (`60`, `-10`, `fit_cap`, `fit_cap + 5`); undefined after a syntax error.
 */
export interface Bound extends Node {
  readonly kind: "Bound";
  readonly which: "min" | "max";
  readonly value?: Expr;
}

export interface ScoreGroupDecl extends Node {
  readonly kind: "ScoreGroupDecl";
  readonly name: Identifier;
  readonly label?: StringLiteral;
  /** In source order; the checker reports duplicates. */
  readonly bounds: readonly Bound[];
  readonly rules: readonly ScoreRule[];
}

export interface ScoreRule extends Node {
  readonly kind: "ScoreRule";
  readonly label: StringLiteral;
  readonly points?: Expr;
  readonly when?: Expr;
}

export interface ComputedScoreDecl extends Node {
  readonly kind: "ComputedScoreDecl";
  readonly name: Identifier;
  readonly label?: StringLiteral;
  readonly value?: Expr;
}

export interface DisqualifyDecl extends Node {
  readonly kind: "DisqualifyDecl";
  readonly reason: StringLiteral;
  readonly condition?: Expr;
}

export interface TierDecl extends Node {
  readonly kind: "TierDecl";
  readonly name: Identifier;
  readonly label?: StringLiteral;
  /** Absent for `otherwise` (then `otherwise` is true). */
  readonly condition?: Expr;
  readonly otherwise: boolean;
}

export type BinaryOp =
  | "or"
  | "and"
  | "="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "in"
  | "not in"
  | "contains"
  | "starts with"
  | "ends with"
  /** The right operand is a list: true when the test holds for any element. */
  | "contains any of"
  | "starts with any of"
  | "ends with any of"
  | "??"
  | "+"
  | "-"
  | "*"
  | "/";

export type Expr =
  | NumberLiteral
  | StringLiteral
  | BoolLiteral
  | DateLiteral
  | ListLiteral
  | NameRef
  | UnaryExpr
  | BinaryExpr
  | BetweenExpr
  | MatchesExpr
  | PresenceExpr
  | WithinExpr
  | CallExpr
  | IfExpr
  | QuantifierExpr
  | AggregateExpr
  | ParenExpr;

export interface NumberLiteral extends Node {
  readonly kind: "NumberLiteral";
  readonly value: number;
  /** As written (`10_000`), for the formatter. */
  readonly raw: string;
}

export interface BoolLiteral extends Node {
  readonly kind: "BoolLiteral";
  readonly value: boolean;
}

/** `2026-01-31`; `value` is the text as written (validity is checked by the checker). */
export interface DateLiteral extends Node {
  readonly kind: "DateLiteral";
  readonly value: string;
}

export interface ListLiteral extends Node {
  readonly kind: "ListLiteral";
  readonly items: readonly Expr[];
}

/** A name or a dotted path (`company.employees`); each part has its own range. */
export interface NameRef extends Node {
  readonly kind: "NameRef";
  readonly parts: readonly Identifier[];
}

export interface UnaryExpr extends Node {
  readonly kind: "UnaryExpr";
  readonly op: "not" | "-" | "+";
  readonly operand?: Expr;
}

export interface BinaryExpr extends Node {
  readonly kind: "BinaryExpr";
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right?: Expr;
}

export interface BetweenExpr extends Node {
  readonly kind: "BetweenExpr";
  readonly operand: Expr;
  readonly low?: Expr;
  readonly high?: Expr;
}

/** `x matches "re"`, or `x matches any of LIST` (a list of patterns known at compile time). */
export interface MatchesExpr extends Node {
  readonly kind: "MatchesExpr";
  readonly operand: Expr;
  readonly pattern?: StringLiteral;
  /** For `matches any of LIST`: the list literal or const name. */
  readonly anyOf?: Expr;
}

/** `x is missing` / `x is present`. */
export interface PresenceExpr extends Node {
  readonly kind: "PresenceExpr";
  readonly operand: Expr;
  readonly test: "missing" | "present";
}

/** `d within N days`. */
export interface WithinExpr extends Node {
  readonly kind: "WithinExpr";
  readonly operand: Expr;
  readonly days?: Expr;
}

export interface CallExpr extends Node {
  readonly kind: "CallExpr";
  readonly callee: Identifier;
  readonly args: readonly Expr[];
}

export interface IfExpr extends Node {
  readonly kind: "IfExpr";
  readonly condition?: Expr;
  readonly then?: Expr;
  readonly else?: Expr;
}

/** `at least N of (...)`, `all of`, `any of`, `none of`, `count of`. */
export interface QuantifierExpr extends Node {
  readonly kind: "QuantifierExpr";
  readonly quantifier: "atLeast" | "all" | "any" | "none" | "count";
  /** For `at least N of` only. */
  readonly n?: Expr;
  readonly items: readonly Expr[];
}

/** The word after which an aggregate's `of` comes. `latest`/`earliest` are max/min over dates. */
export type AggregateWord = "atLeast" | "all" | "any" | "none" | "count" | "sum" | "min" | "max" | "avg" | "latest" | "earliest";

/**
 * An aggregate over a list or a named set, without parentheses:
 * `count of activities where kind = "webinar" and at within 30 days`,
 * `sum of deals.amount where stage = "won"`, `latest of activities.at`,
 * `at least 5 of meddic` (a set). `source` is the list (or set) name, and for
 * `sum`/`min`/`max`/`avg`/`latest`/`earliest`, the element field after it
 * (`deals.amount`); the checker tells a list field, an element field and a set
 * apart. `where` is a whole expression: it extends as far as possible, so a
 * comparison of the aggregate needs parentheses: `(count of a where x) >= 3`.
 */
export interface AggregateExpr extends Node {
  readonly kind: "AggregateExpr";
  readonly aggregate: AggregateWord;
  /** For `at least N of` only. */
  readonly n?: Expr;
  readonly source?: NameRef;
  readonly where?: Expr;
}

/** Kept so that ranges and the formatter see the parentheses as written. */
export interface ParenExpr extends Node {
  readonly kind: "ParenExpr";
  readonly inner?: Expr;
}
