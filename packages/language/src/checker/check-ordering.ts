import type { Expr, ModelIR, SourceRange } from "@qualify/ir";
import type { Report } from "./context.js";
import { findOrderingMistakes } from "./ordering-findings.js";
import type { OrderingFinding } from "./ordering-findings.js";

/**
 * Reports the ordering mistakes of a checked model (ordering-findings.ts)
 * as warnings: `check --strict` fails on them, but the model still means
 * something and the author may be mid-edit.
 */
export function checkOrdering(ir: ModelIR, report: Report): void {
  for (const finding of findOrderingMistakes(ir)) reportFinding(finding, report);
}

function reportFinding(finding: OrderingFinding, report: Report): void {
  switch (finding.kind) {
    case "invertedBetween": {
      const { low, high } = finding;
      const edits =
        low.range !== undefined && high.range !== undefined
          ? [{ range: low.range, newText: literalText(high) }, { range: high.range, newText: literalText(low) }]
          : [];
      const why = `${literalText(low)} is above ${literalText(high)}, so no value is between them; swap the bounds`;
      report("neverTrue", rangeOf(finding.at), [`this test in ${finding.what}`, why], edits.length === 0 ? undefined : { message: "swap the bounds", edits });
      return;
    }
    case "neverTrue":
      report("neverTrue", rangeOf(finding.at), [finding.what, "its tests contradict each other"]);
      return;
    case "duplicateRule":
      report("duplicateCondition", rangeOf(finding.at), [`the rule "${finding.rule}"`, `the rule "${finding.first}" of the same group, so both give points together`]);
      return;
    case "duplicateKnockout":
      report("duplicateCondition", rangeOf(finding.at), [`the knockout "${finding.reason}"`, `the knockout "${finding.first}"`]);
      return;
    case "coveredKnockout":
      report("knockoutImplied", rangeOf(finding.at), [finding.reason, finding.covering]);
      return;
    case "shadowedTier":
      report("tierShadowed", finding.range ?? rangeOf(finding.at), [finding.tier, finding.earlier]);
      return;
  }
}

/** A number or date literal as written in Qual (dates are bare: `2026-01-31`). */
function literalText(literal: Expr): string {
  return literal.kind === "literal" ? String(literal.value) : "?";
}

const NOWHERE: SourceRange = { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } };

function rangeOf(expr: Expr): SourceRange {
  return expr.range ?? NOWHERE;
}
