/**
 * One problem with a lead. `path` is the dotted field path with `[i]` for
 * list elements (`company.employees`, `pains[2]`; `""` for the lead itself),
 * `expected` the Qual type as written, `message` a full sentence.
 */
export interface LeadIssue {
  readonly path: string;
  readonly expected: string;
  readonly value: unknown;
  readonly message: string;
}

/** Thrown by `score`/`evaluate` (with validation on) for a lead that does not fit the model's input. */
export class InvalidLeadError extends Error {
  /** Every problem found, not just the first. */
  readonly issues: readonly LeadIssue[];

  constructor(modelId: string, issues: readonly LeadIssue[]) {
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    super(`Invalid lead for model "${modelId}" (${count}):\n${issues.map((i) => `- ${i.message}`).join("\n")}`);
    this.name = "InvalidLeadError";
    this.issues = Object.freeze([...issues]);
  }
}

/** Thrown by `loadIR` (and `compile`) for a document that is not a saved model IR of this version. */
export class IRFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IRFormatError";
  }
}
