/** Which fixture case `qualify.explainLead` runs: the fixture's uri and the case's name or 0-based index. */
export interface ExplainLeadRequest {
  readonly uri: string;
  readonly case: string | number;
}

const USAGE = 'qualify.explainLead takes { "uri": "file:///.../model.test.yaml", "case": "case name" or 0-based index } (or the uri and the case as two arguments).';

/**
 * Reads the command's arguments: one object `{ uri, case }`, or the uri and
 * the case as two arguments (what a code lens passes most simply).
 */
export function explainLeadArguments(args: readonly unknown[]): ExplainLeadRequest | { error: string } {
  const [first, second] = args;
  const object = typeof first === "object" && first !== null ? (first as Record<string, unknown>) : undefined;
  const uri = object ? object["uri"] : first;
  const which = object ? object["case"] : second;
  if (typeof uri !== "string" || uri === "") return { error: `No fixture uri. ${USAGE}` };
  if (typeof which === "string" && which !== "") return { uri, case: which };
  if (typeof which === "number" && Number.isInteger(which) && which >= 0) return { uri, case: which };
  return { error: `No case named. ${USAGE}` };
}
