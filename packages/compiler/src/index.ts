/**
 * @qualify/compiler: compiles a checked model IR into CSP-safe evaluator
 * closures (no eval, no new Function), validates leads, produces the lead's
 * JSON Schema, and saves/loads the IR.
 */
export { compile } from "./model/compile-model.js";
export type { CompiledModel } from "./model/compile-model.js";
export type { CompileOptions, EvaluateOptions, LeadLimits } from "./options.js";
export { DEFAULT_LIMITS } from "./options.js";
export { InvalidLeadError, IRFormatError } from "./errors.js";
export type { LeadIssue } from "./errors.js";
export { saveIR, loadIR } from "./saved/saved-ir.js";
export { CHOICE_CASE_NOTE, toInputSchema } from "./schema/input-schema.js";
export { parseDateText } from "./runtime/dates.js";
export { expectedPhrase, expectedType } from "./lead/issues.js";
export { closestName, dottedPath, undeclaredLeadKeys, type UndeclaredKeyOptions, type UndeclaredLeadKey } from "./lead/undeclared-keys.js";
export { writeModule, RUNTIME_IMPORT, type ModuleOptions } from "./aot/module-writer.js";
export { writeModuleTypes } from "./aot/types-writer.js";
