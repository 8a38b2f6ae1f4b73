export { LineMap } from "./source-range.js";
export type { SourcePosition, SourceRange } from "./source-range.js";
export { hasErrors } from "./diagnostic.js";
export type { Diagnostic, Severity, Suggestion, TextEdit } from "./diagnostic.js";
export { typeToString } from "./qual-type.js";
export { mayBeAbsent } from "./field-presence.js";
export type { InputField, JsonValue, QualType } from "./qual-type.js";
export { IR_FORMAT, IR_VERSION } from "./ir.js";
export type {
  Aggregate,
  ArithOp,
  CompareOp,
  ComputedScoreIR,
  ConstIR,
  CriterionIR,
  DisqualifyIR,
  Expr,
  ExprOf,
  FunctionName,
  LetIR,
  LiteralValue,
  ModelIR,
  Quantifier,
  RuleIR,
  ScoreGroupIR,
  ScoreIR,
  TierIR,
} from "./ir.js";
export { DISQUALIFIED_TIER } from "./result.js";
export type { EvaluationResult, FastResult, Reason, ScoreRange, TierQuestion, UnknownItem } from "./result.js";
export { exprChildren, modelExpressions, readsEvaluationTime } from "./walk.js";
export { findUnsupportedRegexFeature } from "./regex-features.js";
export type { UnsupportedRegexFeature } from "./regex-features.js";
export { compileTextPattern, textPatternError } from "./text-pattern.js";
export type { TextPattern } from "./text-pattern.js";
export { daysFromCivil } from "./civil-date.js";
