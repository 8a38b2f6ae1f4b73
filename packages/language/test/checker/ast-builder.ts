// Builds syntax trees by hand, for tests that must not depend on the parser
// (generated trees, trees with holes the parser would never produce).
import type { SourceRange } from "@qualify/ir";
import type * as A from "../../src/ast.js";

let offset = 0;

/** A fresh one-line range; each call moves on, so ranges of different nodes differ. */
export function nextRange(length = 1): SourceRange {
  const start = offset;
  offset += length + 1;
  return { start: { offset: start, line: 1, column: start + 1 }, end: { offset: start + length, line: 1, column: start + length + 1 } };
}

export const id = (name: string): A.Identifier => ({ kind: "Identifier", name, range: nextRange(name.length) });
export const str = (value: string): A.StringLiteral => ({ kind: "StringLiteral", value, range: nextRange(value.length + 2) });
export const num = (value: number): A.NumberLiteral => ({ kind: "NumberLiteral", value, raw: String(value), range: nextRange() });
export const bool = (value: boolean): A.BoolLiteral => ({ kind: "BoolLiteral", value, range: nextRange() });
export const date = (value: string): A.DateLiteral => ({ kind: "DateLiteral", value, range: nextRange(10) });
export const list = (...items: A.Expr[]): A.ListLiteral => ({ kind: "ListLiteral", items, range: nextRange() });
export const ref = (path: string): A.NameRef => ({ kind: "NameRef", parts: path.split(".").map(id), range: nextRange(path.length) });
export const bin = (left: A.Expr, op: A.BinaryOp, right: A.Expr): A.BinaryExpr => ({ kind: "BinaryExpr", op, left, right, range: nextRange() });
export const unary = (op: A.UnaryExpr["op"], operand: A.Expr): A.UnaryExpr => ({ kind: "UnaryExpr", op, operand, range: nextRange() });
export const call = (name: string, ...args: A.Expr[]): A.CallExpr => ({ kind: "CallExpr", callee: id(name), args, range: nextRange() });
export const paren = (inner: A.Expr): A.ParenExpr => ({ kind: "ParenExpr", inner, range: nextRange() });
export const quant = (quantifier: A.QuantifierExpr["quantifier"], items: A.Expr[], n?: A.Expr): A.QuantifierExpr => ({
  kind: "QuantifierExpr", quantifier, items, ...(n === undefined ? {} : { n }), range: nextRange(),
});
export const agg = (aggregate: A.AggregateWord, source: string, where?: A.Expr, n?: A.Expr): A.AggregateExpr => ({
  kind: "AggregateExpr", aggregate, source: ref(source), ...(where === undefined ? {} : { where }), ...(n === undefined ? {} : { n }), range: nextRange(),
});
export const matchesAny = (operand: A.Expr, anyOf: A.Expr): A.MatchesExpr => ({ kind: "MatchesExpr", operand, anyOf, range: nextRange() });

export const prim = (name: A.PrimitiveType["name"]): A.PrimitiveType => ({ kind: "PrimitiveType", name, range: nextRange() });
export const field = (name: string, type: A.TypeNode, optional = false, dflt?: A.Expr): A.FieldDecl => ({
  kind: "FieldDecl", name: id(name), type, optional, ...(dflt === undefined ? {} : { default: dflt }), range: nextRange(),
});
export const record = (...fields: A.FieldDecl[]): A.RecordType => ({ kind: "RecordType", fields, range: nextRange() });
export const listType = (element: A.TypeNode): A.ListType => ({ kind: "ListType", element, range: nextRange() });
export const oneOf = (...options: string[]): A.OneOfType => ({ kind: "OneOfType", options: options.map(str), range: nextRange() });

export const constDecl = (name: string, value: A.Expr): A.ConstDecl => ({ kind: "ConstDecl", name: id(name), value, range: nextRange() });
export const setDecl = (name: string, items: A.Expr[]): A.SetDecl => ({ kind: "SetDecl", name: id(name), label: str(name), items, range: nextRange() });
export const letDecl = (name: string, value: A.Expr): A.LetDecl => ({ kind: "LetDecl", name: id(name), value, range: nextRange() });
export const criterion = (name: string, condition: A.Expr): A.CriterionDecl => ({
  kind: "CriterionDecl", name: id(name), label: str(name), condition, range: nextRange(),
});
export const computed = (name: string, value: A.Expr): A.ComputedScoreDecl => ({
  kind: "ComputedScoreDecl", name: id(name), label: str(name), value, range: nextRange(),
});
export const rule = (label: string, points: A.Expr, when?: A.Expr): A.ScoreRule => ({
  kind: "ScoreRule", label: str(label), points, ...(when === undefined ? {} : { when }), range: nextRange(),
});
export const group = (name: string, rules: A.ScoreRule[], bounds: Array<["min" | "max", number | A.Expr]> = []): A.ScoreGroupDecl => ({
  kind: "ScoreGroupDecl", name: id(name), label: str(name),
  bounds: bounds.map(([which, value]) => ({ kind: "Bound", which, value: typeof value === "number" ? num(value) : value, range: nextRange() })),
  rules, range: nextRange(),
});
export const disqualify = (reason: string, condition: A.Expr): A.DisqualifyDecl => ({
  kind: "DisqualifyDecl", reason: str(reason), condition, range: nextRange(),
});
export const tier = (name: string, condition?: A.Expr): A.TierDecl => ({
  kind: "TierDecl", name: id(name), label: str(name), ...(condition === undefined ? {} : { condition }), otherwise: condition === undefined, range: nextRange(),
});

/** A model with the given fields and declarations; adds `tier lead otherwise` unless `tiers: false`. */
export function model(fields: A.FieldDecl[], declarations: A.Declaration[], options: { tiers?: boolean } = {}): A.Model {
  const decls = options.tiers === false ? declarations : [...declarations, tier("lead")];
  return {
    kind: "Model", id: id("m"), title: str("M"),
    input: { kind: "InputBlock", fields, range: nextRange() },
    declarations: decls, comments: [], range: nextRange(),
  };
}
