import { importRulesEngine } from "./json-rules-engine/import-rules-engine.js";
import { importHubSpot } from "./hubspot/import-hubspot.js";
import { importJsonLogic } from "./jsonlogic/import-jsonlogic.js";
import type { ImportResult } from "./model/build-model.js";

/** The formats `qualify import --from` reads. */
export const IMPORT_SOURCES = ["jsonlogic", "json-rules-engine", "hubspot"] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** Options every importer takes. */
export interface ImportOptions {
  /** The model id (made into a Qual name). */
  readonly id?: string;
  readonly title?: string;
  /** Where the rules came from, for the model's header comment. */
  readonly sourceName?: string;
}

/** Imports a parsed JSON document from one of the {@link IMPORT_SOURCES}. */
export function importRules(from: ImportSource, document: unknown, options: ImportOptions = {}): ImportResult {
  switch (from) {
    case "jsonlogic":
      return importJsonLogic(document, options);
    case "json-rules-engine":
      return importRulesEngine(document, options);
    case "hubspot":
      return importHubSpot(document, options);
  }
}
