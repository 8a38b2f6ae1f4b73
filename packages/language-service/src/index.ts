// The Qual language service: plain, editor-neutral, and what both the Monaco
// worker and the language server run. `QualLanguageService` answers over
// offsets in the project's own shapes; `LspLanguageService` wraps it with
// LSP positions in and LSP-shaped results out.
export { QualLanguageService, UnknownDocumentError } from "./qual-language-service.js";
export { QualDocument, INTERNAL_ERROR_CODE, documentFormatOf } from "./qual-document.js";
export type { DocumentFormat } from "./qual-document.js";
export { questionsOf } from "./lead-evaluation.js";
export { describeSymbol } from "./navigation.js";
export { warmUpInIdleTime } from "./warm-up.js";
export { BUILTIN_FUNCTIONS, CONTEXTUAL_WORDS, KEYWORD_COMPLETIONS, RESERVED_WORDS, TYPE_COMPLETIONS, TYPE_WORDS } from "./keywords.js";
export type { BuiltinFunction, KeywordCompletion } from "./keywords.js";
export { LspLanguageService } from "./lsp/lsp-language-service.js";
export type { RenameRefusal } from "./lsp/lsp-language-service.js";
export { SEMANTIC_TOKENS_LEGEND } from "./lsp/semantic-tokens.js";
export { QUAL_DIAGNOSTIC_SOURCE, offsetOf, toLspDiagnostic, toLspPosition, toLspRange, toLspTextEdit } from "./lsp/positions.js";
export { lineHunks } from "./lsp/line-diff.js";
export type { LineHunk } from "./lsp/line-diff.js";
export type { RenameResult, RenameTarget } from "./rename.js";
export type {
  CompletionEntry,
  CompletionKind,
  CompletionList,
  DocumentReport,
  HoverInfo,
  LeadOutcome,
  LeadQuestion,
  LeadSchemaInfo,
  Location,
  OutlineKind,
  OutlineSymbol,
  QuickFix,
  SignatureInfo,
} from "./types.js";
