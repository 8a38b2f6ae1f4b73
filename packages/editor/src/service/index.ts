// The language service: plain, browser-free, and what the web worker runs.
export { QualLanguageService, UnknownDocumentError } from "./qual-language-service.js";
export { QualDocument, INTERNAL_ERROR_CODE, documentFormatOf } from "./qual-document.js";
export type { DocumentFormat } from "./qual-document.js";
export { questionsOf } from "./lead-evaluation.js";
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
