import { IR_FORMAT, IR_VERSION } from "@qualify/ir";
import type {
  ConstIR,
  CriterionIR,
  DisqualifyIR,
  Expr,
  LetIR,
  ModelIR,
  RuleIR,
  ScoreIR,
  TierIR,
} from "@qualify/ir";
import type { Model } from "../ast.js";
import type { ConstValue } from "./check-expr.js";
import type { GroupBounds } from "./check-scores.js";
import type { SymbolTable } from "./symbols.js";

/** What checking the declarations produced, for lowering. */
export interface CheckedDeclarations {
  /** Folded const values, by name. */
  readonly consts: Map<string, ConstValue>;
  /** Checked set items, by name (sets are not in the IR: each use becomes a quantifier over them). */
  readonly sets: Map<string, readonly Expr[]>;
  /** Checked let expressions, by name. */
  readonly lets: Map<string, Expr>;
  /**
   * Checked expressions of criteria, computed scores, disqualify rules, tiers
   * (keyed by declaration), rule points (keyed by the rule) and rule `when`s
   * (keyed by the `when` expression).
   */
  readonly conditions: Map<object, Expr>;
  readonly bounds: Map<object, GroupBounds>;
  /** Let, criterion and score ids, dependencies first. */
  readonly order: string[];
}

/**
 * Builds the model's IR from a checked tree. Called only when checking found
 * no error, so every expression it looks up is present and typed.
 */
export function lowerModel(ast: Model, table: SymbolTable, checked: CheckedDeclarations): ModelIR {
  const expr = (key: object): Expr => {
    const found = checked.conditions.get(key);
    // Unreachable after an error-free check; a clear message beats an undefined deep in a back end.
    if (found === undefined) throw new Error("internal error: lowering a declaration that was not checked");
    return found;
  };
  const consts: ConstIR[] = [];
  const lets: LetIR[] = [];
  const criteria: CriterionIR[] = [];
  const scores: ScoreIR[] = [];
  const disqualify: DisqualifyIR[] = [];
  const tiers: TierIR[] = [];
  for (const decl of ast.declarations) {
    switch (decl.kind) {
      case "ConstDecl": {
        const value = checked.consts.get(decl.name.name)!;
        consts.push({ id: decl.name.name, type: value.type, value: value.value, range: decl.range });
        break;
      }
      case "LetDecl":
        lets.push({ id: decl.name.name, expr: checked.lets.get(decl.name.name)!, range: decl.range });
        break;
      case "CriterionDecl":
        criteria.push({ id: decl.name.name, label: decl.label?.value ?? decl.name.name, expr: expr(decl), range: decl.range });
        break;
      case "ComputedScoreDecl":
        scores.push({ kind: "computed", id: decl.name.name, label: decl.label?.value ?? decl.name.name, expr: expr(decl), range: decl.range });
        break;
      case "ScoreGroupDecl": {
        const rules: RuleIR[] = decl.rules.map((rule) => ({
          label: rule.label.value,
          points: expr(rule),
          ...(rule.when === undefined ? {} : { when: expr(rule.when) }),
          range: rule.range,
        }));
        scores.push({ kind: "group", id: decl.name.name, label: decl.label?.value ?? decl.name.name, ...checked.bounds.get(decl), rules, range: decl.range });
        break;
      }
      case "DisqualifyDecl":
        disqualify.push({ reason: decl.reason.value, when: expr(decl), range: decl.range });
        break;
      case "TierDecl":
        tiers.push({
          id: decl.name.name,
          label: decl.label?.value ?? decl.name.name,
          ...(decl.otherwise ? {} : { when: expr(decl) }),
          range: decl.range,
        });
        break;
    }
  }
  return {
    format: IR_FORMAT,
    version: IR_VERSION,
    id: ast.id?.name ?? "",
    title: ast.title?.value ?? ast.id?.name ?? "",
    inputs: table.inputs,
    consts,
    lets,
    criteria,
    scores,
    disqualify,
    tiers,
    order: checked.order,
  };
}
