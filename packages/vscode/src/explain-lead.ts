/** A position in a document, zero-based, as LSP counts it. */
export interface FixturePosition {
  readonly line: number;
  readonly character: number;
}

/**
 * The arguments `qualify.explainLead` takes when run on a fixture file: the
 * fixture's uri and the cursor position, from which the server finds the
 * case and its lead.
 */
export function fixtureCaseArguments(uri: string, position: FixturePosition): unknown[] {
  return [{ uri, position: { line: position.line, character: position.character } }];
}

/**
 * The explanation the server returned, as a Markdown document: text as it
 * is (the server writes it for people), anything else as JSON.
 */
export function explanationDocument(explanation: unknown): string {
  if (typeof explanation === "string") return explanation.endsWith("\n") ? explanation : `${explanation}\n`;
  if (explanation === null || explanation === undefined) return "The language server returned no explanation for this case.\n";
  return `\`\`\`json\n${JSON.stringify(explanation, null, 2)}\n\`\`\`\n`;
}
