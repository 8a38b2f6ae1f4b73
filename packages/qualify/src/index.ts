// The embedding API: what services import to compile a model and score leads.
// Node-only helpers (reading model files, the fixture runner) live in `qualify/node`.
export { analyzeModel, compileModel } from "./compile-model.js";
export type { ModelAnalysis, ModelOptions, QualModel, SourceFormat } from "./compile-model.js";
export { ModelError } from "./model-error.js";
export { renderExplanation, formatNumber, PLAIN_COLORS } from "./explain/render-explanation.js";
export type { ExplanationColors } from "./explain/render-explanation.js";
export { compile, InvalidLeadError, IRFormatError, loadIR, saveIR, toInputSchema } from "@qualify/compiler";
export type {
  CompiledModel,
  CompileOptions,
  EvaluateOptions,
  LeadIssue,
  LeadLimits,
} from "@qualify/compiler";
export { DISQUALIFIED_TIER, hasErrors, IR_FORMAT, IR_VERSION, typeToString } from "@qualify/ir";
export type {
  Diagnostic,
  EvaluationResult,
  FastResult,
  InputField,
  ModelIR,
  QualType,
  Reason,
  Severity,
  SourcePosition,
  SourceRange,
  UnknownItem,
} from "@qualify/ir";
