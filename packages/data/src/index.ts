// The public API of @qualify/data: Qual models written as YAML or JSON.
export { analyzeData, formatOfFile } from "./analyze-data.js";
export type { AnalyzeDataOptions, AnalyzeDataResult } from "./analyze-data.js";
export { toData } from "./convert/to-data.js";
export { QUAL_MODEL_SCHEMA_ID } from "./schema/schema-id.js";
export type { ToDataOptions } from "./convert/to-data.js";
export { fromData } from "./convert/from-data.js";
export type { FromDataResult } from "./convert/from-data.js";
export { DataCode } from "./diagnostics/codes.js";
export type { DataFormat } from "./document/parse-document.js";
