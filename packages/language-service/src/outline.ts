import type { Declaration, FieldDecl, Model, TypeNode } from "@qualify/language";
import type { OutlineSymbol } from "./types.js";

/**
 * The document outline, built from the syntax tree so that it also lists
 * what the symbol table does not name (rules, knockouts) and survives syntax
 * errors elsewhere in the file (the parser keeps the good declarations).
 */
export function outlineOf(model: Model): OutlineSymbol[] {
  const symbols: OutlineSymbol[] = [];
  if (model.id) {
    symbols.push({ name: model.id.name, detail: model.title?.value ?? "", kind: "model", range: model.id.range, selectionRange: model.id.range, children: [] });
  }
  if (model.input) {
    const children = model.input.fields.map(fieldSymbol);
    symbols.push({ name: "input", detail: `${children.length} fields`, kind: "input", range: model.input.range, selectionRange: model.input.range, children });
  }
  for (const declaration of model.declarations) {
    const symbol = declarationSymbol(declaration);
    if (symbol) symbols.push(symbol);
  }
  return symbols;
}

function fieldSymbol(field: FieldDecl): OutlineSymbol {
  const children = field.type?.kind === "RecordType" ? field.type.fields.map(fieldSymbol) : [];
  return {
    name: field.name.name,
    detail: typeText(field.type) + (field.optional ? "?" : ""),
    kind: "field",
    range: field.range,
    selectionRange: field.name.range,
    children,
  };
}

function typeText(type: TypeNode | undefined): string {
  switch (type?.kind) {
    case "PrimitiveType":
      return type.name;
    case "ListType":
      return `list of ${typeText(type.element)}`;
    case "OneOfType":
      return `one of (${type.options.map((o) => JSON.stringify(o.value)).join(", ")})`;
    case "RecordType":
      return "record";
    default:
      return "";
  }
}

function declarationSymbol(declaration: Declaration): OutlineSymbol | undefined {
  switch (declaration.kind) {
    case "ConstDecl":
    case "LetDecl": {
      const kind = declaration.kind === "ConstDecl" ? "const" : "let";
      return { name: declaration.name.name, detail: kind, kind, range: declaration.range, selectionRange: declaration.name.range, children: [] };
    }
    case "CriterionDecl":
      return { name: declaration.name.name, detail: declaration.label?.value ?? "", kind: "criterion", range: declaration.range, selectionRange: declaration.name.range, children: [] };
    case "ComputedScoreDecl":
      return { name: declaration.name.name, detail: declaration.label?.value ?? "", kind: "score", range: declaration.range, selectionRange: declaration.name.range, children: [] };
    case "ScoreGroupDecl": {
      const children = declaration.rules.map((rule): OutlineSymbol => ({
        name: rule.label.value,
        detail: "rule",
        kind: "rule",
        range: rule.range,
        selectionRange: rule.label.range,
        children: [],
      }));
      return { name: declaration.name.name, detail: declaration.label?.value ?? "", kind: "score", range: declaration.range, selectionRange: declaration.name.range, children };
    }
    case "DisqualifyDecl":
      return { name: declaration.reason.value, detail: "disqualify", kind: "disqualify", range: declaration.range, selectionRange: declaration.reason.range, children: [] };
    case "TierDecl":
      return {
        name: declaration.name.name,
        detail: (declaration.label?.value ?? "") + (declaration.otherwise ? " (otherwise)" : ""),
        kind: "tier",
        range: declaration.range,
        selectionRange: declaration.name.range,
        children: [],
      };
    default:
      return undefined;
  }
}
