import type { Declaration, Expr, FieldDecl, Model, ScoreRule, TypeNode } from "@qualify/language";
import { printExpression } from "@qualify/language";
import { numberText } from "../build/literal-text.js";

/** A JSON value as the data form writes it. */
export type DataValue = string | number | boolean | null | DataValue[] | { [key: string]: DataValue };

/** A plain JSON-like object of the data form, with its keys in writing order. */
export type DataObject = { [key: string]: DataValue };

/**
 * The data-form document of a Qual syntax tree, as plain data in the order
 * the declarations were written. Parts missing from a tree that had syntax
 * errors are left out (the result then fails the schema, as it should).
 */
export function modelToDocument(ast: Model, schemaPath?: string): DataObject {
  const out: DataObject = {};
  if (schemaPath !== undefined) out.$schema = schemaPath;
  if (ast.id !== undefined) out.model = ast.id.name;
  if (ast.title !== undefined) out.title = ast.title.value;
  out.input = fieldsToData(ast.input?.fields ?? []);
  out.declarations = ast.declarations.map(declarationToData);
  return out;
}

function fieldsToData(fields: readonly FieldDecl[]): DataObject {
  const out: DataObject = {};
  for (const field of fields) out[field.name.name] = fieldToData(field);
  return out;
}

function fieldToData(field: FieldDecl): DataObject {
  const out: DataObject = {};
  if (field.type !== undefined) out.type = typeToData(field.type);
  if (field.optional) out.optional = true;
  if (field.default !== undefined) {
    const value = literalValue(field.default);
    // A default that is not a literal cannot be written as data; the checker rejects it anyway.
    out.default = value === undefined ? printExpression(field.default) : value;
  }
  if (field.doc !== undefined) out.doc = field.doc.value;
  return out;
}

function typeToData(type: TypeNode): DataValue {
  switch (type.kind) {
    case "PrimitiveType":
      return type.name;
    case "ListType":
      return type.element === undefined ? {} : { list: typeToData(type.element) };
    case "OneOfType":
      return { one_of: type.options.map((option) => option.value) };
    case "RecordType":
      return { record: fieldsToData(type.fields) };
  }
}

/**
 * The JSON value of a literal expression (numbers, signed numbers, text,
 * dates as text, booleans, lists of those), or undefined when the
 * expression is not a literal.
 */
export function literalValue(expr: Expr): DataValue | undefined {
  switch (expr.kind) {
    case "NumberLiteral":
    case "StringLiteral":
    case "BoolLiteral":
    case "DateLiteral":
      return expr.value;
    case "ParenExpr":
      return expr.inner === undefined ? undefined : literalValue(expr.inner);
    case "UnaryExpr": {
      if (expr.op === "not" || expr.operand === undefined) return undefined;
      const inner = literalValue(expr.operand);
      if (typeof inner !== "number") return undefined;
      return expr.op === "-" ? -inner : inner;
    }
    case "ListLiteral": {
      const items: DataValue[] = [];
      for (const item of expr.items) {
        const value = literalValue(item);
        if (value === undefined) return undefined;
        items.push(value);
      }
      return items;
    }
    default:
      return undefined;
  }
}

/** True when a list's items can be written as plain data: text, numbers and booleans, not dates (data has no dates). */
function isPlainList(expr: Expr): boolean {
  if (expr.kind !== "ListLiteral") return false;
  return expr.items.every((item) => {
    if (item.kind === "StringLiteral" || item.kind === "BoolLiteral" || item.kind === "NumberLiteral") return true;
    if (item.kind === "UnaryExpr" && item.op === "-" && item.operand?.kind === "NumberLiteral") return true;
    return isPlainList(item);
  });
}

/**
 * A number expression as data: plain numbers stay numbers (`points: 20`,
 * `points: -30`, `max: 60`) so the document reads naturally; anything else
 * is its text (`max: fit_cap + 5`).
 */
function numberOrText(expr: Expr): DataValue {
  // Only a number as written, with at most one sign, becomes a number; anything more (parentheses, `- -5`) stays text as written.
  const plain = expr.kind === "NumberLiteral" || (expr.kind === "UnaryExpr" && expr.op !== "not" && expr.operand?.kind === "NumberLiteral");
  const value = plain ? literalValue(expr) : undefined;
  // A number spelt another way than it prints (`10_000`, `1.50`) stays text, so converting back keeps the spelling.
  const literal = expr.kind === "NumberLiteral" ? expr : expr.kind === "UnaryExpr" && expr.operand?.kind === "NumberLiteral" ? expr.operand : undefined;
  const spelt = literal === undefined || literal.raw === "" || literal.raw === numberText(literal.value);
  if (typeof value === "number" && Number.isFinite(value) && spelt && numberText(Math.abs(value)) === String(Math.abs(value))) return value;
  return printExpression(expr);
}

function constValue(expr: Expr): DataValue {
  if (isPlainList(expr)) return literalValue(expr) ?? printExpression(expr);
  if (expr.kind === "NumberLiteral" || (expr.kind === "UnaryExpr" && expr.operand?.kind === "NumberLiteral")) return numberOrText(expr);
  if (expr.kind === "BoolLiteral") return expr.value;
  return printExpression(expr);
}

function declarationToData(declaration: Declaration): DataObject {
  const out: DataObject = {};
  const label = (node: { label?: { value: string } }): void => {
    if (node.label !== undefined) out.label = node.label.value;
  };
  switch (declaration.kind) {
    case "ConstDecl":
      out.const = declaration.name.name;
      if (declaration.value !== undefined) out.value = constValue(declaration.value);
      break;
    case "SetDecl":
      out.set = declaration.name.name;
      label(declaration);
      out.items = declaration.items.map((item) => printExpression(item));
      break;
    case "LetDecl":
      out.let = declaration.name.name;
      if (declaration.value !== undefined) out.value = printExpression(declaration.value);
      break;
    case "CriterionDecl":
      out.criterion = declaration.name.name;
      label(declaration);
      if (declaration.condition !== undefined) out.when = printExpression(declaration.condition);
      break;
    case "ScoreGroupDecl":
      out.score = declaration.name.name;
      label(declaration);
      for (const bound of declaration.bounds) if (bound.value !== undefined) out[bound.which] = numberOrText(bound.value);
      out.rules = declaration.rules.map(ruleToData);
      break;
    case "ComputedScoreDecl":
      out.score = declaration.name.name;
      label(declaration);
      if (declaration.value !== undefined) out.value = printExpression(declaration.value);
      break;
    case "DisqualifyDecl":
      out.disqualify = declaration.reason.value;
      if (declaration.condition !== undefined) out.when = printExpression(declaration.condition);
      break;
    case "TierDecl":
      out.tier = declaration.name.name;
      label(declaration);
      if (declaration.otherwise) out.otherwise = true;
      else if (declaration.condition !== undefined) out.when = printExpression(declaration.condition);
      break;
  }
  return out;
}

function ruleToData(rule: ScoreRule): DataObject {
  const out: DataObject = { label: rule.label.value };
  if (rule.points !== undefined) out.points = numberOrText(rule.points);
  if (rule.when !== undefined) out.when = printExpression(rule.when);
  return out;
}
