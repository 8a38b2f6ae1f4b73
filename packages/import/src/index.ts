// The public API of @qualify/import: rules from other engines into Qual models, and back.
export { importJsonLogic } from "./jsonlogic/import-jsonlogic.js";
export type { JsonLogicImportOptions } from "./jsonlogic/import-jsonlogic.js";
export type { ImportResult } from "./model/build-model.js";
export { reportToMarkdown } from "./model/report.js";
export type { ImportReport, ReportEntry, ReportSeverity } from "./model/report.js";
export { IMPORT_SOURCES, importRules } from "./import-rules.js";
export type { ImportOptions, ImportSource } from "./import-rules.js";
export { importRulesEngine } from "./json-rules-engine/import-rules-engine.js";
export { DAYS_PER_MONTH, halfLifeDays, importHubSpot } from "./hubspot/import-hubspot.js";
export type { HubSpotCriterion, HubSpotGroup, HubSpotRule, HubSpotScore } from "./hubspot/import-hubspot.js";
export { HUBSPOT_SCORE_SCHEMA } from "./hubspot/hubspot-schema.js";
export { exportJsonLogic } from "./export/export-jsonlogic.js";
export type { ExportRefusal, JsonLogicExport, JsonLogicRule } from "./export/export-jsonlogic.js";
