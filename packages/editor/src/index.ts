// The public API of @qualify/editor: a Monaco editor for Qual with live
// validation, completion, quick fixes and a try-a-lead panel.
export { createQualEditor } from "./create-qual-editor.js";
export type { QualEditor, QualEditorOptions } from "./create-qual-editor.js";
export { registerQualLanguage } from "./language/register-qual.js";
export { registerQualYamlLanguage } from "./language/register-qual-yaml.js";
export { QUAL_LANGUAGE_ID, QUAL_YAML_LANGUAGE_ID } from "./language/language-ids.js";
export { BUILTIN_FUNCTIONS, CONTEXTUAL_WORDS, RESERVED_WORDS } from "@qualify/language-service/keywords";
export { QUAL_MARKER_OWNER, toMarker, toMonacoRange } from "./monaco/convert.js";
export { renderOutcome } from "./monaco/result-view.js";
export { QualWorkerClient, WorkerRequestError } from "./worker/worker-client.js";
export type { MessageEndpoint } from "./worker/worker-client.js";
export type { Disposable } from "./monaco/emitter.js";
export type {
  CompletionEntry,
  CompletionList,
  DocumentReport,
  HoverInfo,
  LeadOutcome,
  LeadQuestion,
  LeadSchemaInfo,
  OutlineSymbol,
  QuickFix,
} from "@qualify/language-service";
