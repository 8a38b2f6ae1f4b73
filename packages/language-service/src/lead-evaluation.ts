import { InvalidLeadError } from "@qualify/compiler";
import { DISQUALIFIED_TIER } from "@qualify/ir";
import type { EvaluationResult } from "@qualify/ir";
import type { QualDocument } from "./qual-document.js";
import type { LeadOutcome, LeadQuestion } from "./types.js";

/**
 * Tries a lead (JSON text) against the model in `doc`. Every failure is an
 * outcome, not an exception: the panel shows what was wrong with the model,
 * the JSON or the lead.
 */
export function evaluateLead(doc: QualDocument, leadText: string, now?: string): LeadOutcome {
  const compiled = doc.compiled;
  if (!compiled) {
    const errors = doc.diagnostics.filter((d) => d.severity === "error").length;
    const message = errors > 0
      ? `The model has ${errors} error${errors === 1 ? "" : "s"}; fix ${errors === 1 ? "it" : "them"} to try a lead.`
      : "The model could not be compiled.";
    return { status: "model-error", message };
  }
  let lead: unknown;
  try {
    lead = JSON.parse(leadText);
  } catch (error) {
    return { status: "invalid-json", message: `The lead is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (lead === null || typeof lead !== "object" || Array.isArray(lead)) {
    return { status: "invalid-json", message: "The lead must be a JSON object such as { \"budget_usd\": 50000 }." };
  }
  const issues = compiled.validate(lead);
  if (issues.length > 0) {
    return { status: "invalid-lead", message: `The lead does not fit the model (${issues.length} problem${issues.length === 1 ? "" : "s"}).`, issues };
  }
  try {
    const result = compiled.evaluate(lead, now === undefined ? {} : { now });
    const tierLabel = compiled.ir.tiers.find((t) => t.id === result.tier)?.label ?? (result.tier === DISQUALIFIED_TIER ? "Disqualified" : result.tier);
    return { status: "ok", result, tierLabel, questions: questionsOf(result) };
  } catch (error) {
    if (error instanceof InvalidLeadError) {
      return { status: "invalid-lead", message: error.message, issues: error.issues };
    }
    return { status: "model-error", message: `Evaluation failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The questions sales should ask next: each missing input field with the
 * unknown results that need it, in the order the result first names them.
 */
export function questionsOf(result: EvaluationResult): LeadQuestion[] {
  const byField = new Map<string, string[]>();
  for (const item of result.unknown) {
    for (const field of item.missing) {
      const neededBy = byField.get(field) ?? [];
      if (!neededBy.includes(item.id)) neededBy.push(item.id);
      byField.set(field, neededBy);
    }
  }
  return [...byField].map(([field, neededBy]) => ({ field, neededBy }));
}
