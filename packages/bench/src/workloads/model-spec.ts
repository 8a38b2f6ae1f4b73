/**
 * The one description of a scoring model from which every contender's rules
 * are generated (Qual source, json-logic, json-rules-engine, CEL, filtrex and
 * ZEN), so that all of them implement the same model and can be checked
 * against each other lead by lead. The BANT and points workloads are both
 * written in this shape: groups of rules that add points, capped sums, a
 * total, and tiers on the total.
 */

/** The kinds of input field the points workload uses; all fields are optional. */
export type FieldKind = "number" | "text" | "email" | "bool" | "list";

/** One input field and how lead values for it are drawn. */
export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  /** The group whose rules test this field. */
  readonly group: GroupId;
  /** Inclusive range of whole numbers, for `number` fields. */
  readonly range?: readonly [number, number];
  /** Canonical spellings, for `text` fields (leads use them in random case). */
  readonly vocabulary?: readonly string[];
  /** Address suffixes, for `email` fields. */
  readonly domains?: readonly string[];
}

/** A group id (`fit`, `engagement`, `met`). */
export type GroupId = string;

/**
 * A rule condition. Text values are kept in their canonical spelling; every
 * contender must compare text ignoring case, as Qual does. A condition on a
 * missing field is unknown in Qual, and a rule whose condition is unknown adds
 * nothing, so for the other engines "fires" means "the field is present, of
 * the right type, and the test holds" (the conditions are monotone: no `not`).
 */
export type Condition =
  | { readonly kind: "numberCompare"; readonly field: string; readonly op: ">=" | "<" | "<=" | "="; readonly value: number }
  | { readonly kind: "textEquals"; readonly field: string; readonly value: string }
  | { readonly kind: "textIn"; readonly field: string; readonly values: readonly string[] }
  | { readonly kind: "endsWith"; readonly field: string; readonly suffix: string }
  | { readonly kind: "boolIs"; readonly field: string; readonly value: boolean }
  /** `count(field) > 0` on a list of text. */
  | { readonly kind: "listNotEmpty"; readonly field: string }
  | { readonly kind: "and"; readonly left: Condition; readonly right: Condition };

/** One points rule: `"label": points when condition` in group `group`. */
export interface RuleSpec {
  readonly group: GroupId;
  readonly label: string;
  readonly points: number;
  readonly when: Condition;
}

/** A points group, capped at `max` when given. */
export interface GroupSpec {
  readonly id: GroupId;
  readonly label: string;
  readonly max?: number;
}

/** A tier reached when the total is at least `minTotal`. */
export interface TierSpec {
  readonly id: string;
  readonly label: string;
  readonly minTotal: number;
}

/** A whole model. */
export interface ModelSpec {
  readonly id: string;
  /** The score the tiers test: the sum of the capped groups (`total`), or the only group. */
  readonly totalId: string;
  readonly fields: readonly FieldSpec[];
  readonly groups: readonly GroupSpec[];
  readonly rules: readonly RuleSpec[];
  /** In order; the first whose threshold the total reaches wins. */
  readonly tiers: readonly TierSpec[];
  /** The `otherwise` tier. */
  readonly fallbackTier: { readonly id: string; readonly label: string };
}

/** The field names a condition reads, in order. */
export function conditionFields(condition: Condition): string[] {
  return condition.kind === "and" ? [...conditionFields(condition.left), ...conditionFields(condition.right)] : [condition.field];
}
