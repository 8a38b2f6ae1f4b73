import { createSyntaxDiagramsCode } from "#chevrotain";
import { qualParser } from "./parser.js";

/**
 * The files the diagrams page loads, relative to chevrotain's `diagrams/`
 * folder. They are copied beside the page (grammar/diagrams/) because the
 * default page loads them from a CDN, which the project does not allow.
 */
export const DIAGRAM_RESOURCES: readonly string[] = [
  "vendor/railroad-diagrams.js",
  "src/diagrams_builder.js",
  "src/diagrams_behavior.js",
  "src/main.js",
  "diagrams.css",
];

/**
 * The railroad diagrams of the Qual grammar as an HTML page, drawn from the
 * parser's own rules, so they cannot drift from what the parser accepts.
 * Scripts and styles load from the page's own folder.
 */
export function grammarDiagramsHtml(): string {
  return createSyntaxDiagramsCode(qualParser.getSerializedGastProductions(), { resourceBase: "./", css: "./diagrams.css" });
}
