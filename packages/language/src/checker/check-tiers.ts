import type { Model, TierDecl } from "../ast.js";
import type { Report } from "./context.js";

function isLiteralTrue(tier: TierDecl): boolean {
  let node = tier.condition;
  while (node?.kind === "ParenExpr") node = node.inner;
  return node?.kind === "BoolLiteral" && node.value;
}

/**
 * Checks the order of tiers: at least one, exactly one `otherwise`, and it is
 * last. A tier after `otherwise` is an error (`otherwise` must be last); a
 * tier after one whose condition is the literal `true` is only a warning,
 * since the model still means something and the author may be mid-edit.
 */
export function checkTiers(model: Model, report: Report): void {
  const tiers = model.declarations.filter((d): d is TierDecl => d.kind === "TierDecl");
  if (tiers.length === 0) {
    report("noTiers", model.id?.range ?? { start: model.range.start, end: model.range.start }, []);
    return;
  }
  let otherwise: TierDecl | undefined;
  let alwaysTrue: TierDecl | undefined;
  for (const tier of tiers) {
    if (otherwise !== undefined) {
      if (tier.otherwise) report("duplicateOtherwise", tier.name.range, [otherwise.name.name]);
      else report("tierAfterOtherwise", tier.name.range, [tier.name.name, otherwise.name.name]);
      continue;
    }
    if (alwaysTrue !== undefined) report("tierAfterTrue", tier.name.range, [tier.name.name, alwaysTrue.name.name]);
    if (tier.otherwise) otherwise = tier;
    else if (alwaysTrue === undefined && isLiteralTrue(tier)) alwaysTrue = tier;
  }
  if (otherwise === undefined) report("missingOtherwise", tiers[tiers.length - 1]!.name.range, []);
}
