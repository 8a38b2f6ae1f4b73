import type { InputField, QualType, SourceRange } from "@qualify/ir";
import { DISQUALIFIED_TIER } from "@qualify/ir";
import type {
  ComputedScoreDecl,
  ConstDecl,
  CriterionDecl,
  FieldDecl,
  LetDecl,
  Model,
  ScoreGroupDecl,
  SetDecl,
  TierDecl,
  TypeNode,
} from "../ast.js";
import type { Report } from "./context.js";
import { checkDefault, findOption } from "./check-literals.js";
import { BOOL, DATE, ERROR_TYPE, NUMBER, TEXT, listOf } from "./types.js";

/**
 * A declared input field, at any depth, with its checked type; also a field of
 * the elements of a list of records (`activities.kind`), which `list` then names.
 */
export interface FieldSymbol {
  readonly kind: "field";
  /** Dotted path: `company.employees`; for an element field, the list's name first: `activities.kind`. */
  readonly name: string;
  /** From the lead's top level; for an element field, from the element (`["kind"]`). */
  readonly path: readonly string[];
  readonly decl: FieldDecl;
  readonly type: QualType;
  readonly optional: boolean;
  /** The fields of a record, by name. */
  readonly members?: ReadonlyMap<string, FieldSymbol>;
  readonly parent?: FieldSymbol;
  /** For a field of a list's elements: the list (the innermost one, for lists inside elements). */
  readonly list?: FieldSymbol;
  /** For a list of records: the fields of its elements, by name. */
  readonly elementMembers?: ReadonlyMap<string, FieldSymbol>;
  /** The field as the IR keeps it. */
  readonly input: InputField;
}

/** A top-level name of the model: one namespace shared by every kind. */
export type GlobalSymbol =
  | FieldSymbol
  | { readonly kind: "const"; readonly name: string; readonly decl: ConstDecl }
  | { readonly kind: "let"; readonly name: string; readonly decl: LetDecl }
  | { readonly kind: "criterion"; readonly name: string; readonly decl: CriterionDecl }
  | { readonly kind: "set"; readonly name: string; readonly decl: SetDecl }
  | { readonly kind: "score"; readonly name: string; readonly decl: ScoreGroupDecl | ComputedScoreDecl }
  | { readonly kind: "tier"; readonly name: string; readonly decl: TierDecl };

/** Everything declared in a model, by name. */
export interface SymbolTable {
  /** Top-level names (input fields, consts, sets, lets, criteria, scores, tiers); the first declaration wins. */
  readonly globals: ReadonlyMap<string, GlobalSymbol>;
  /** Every input field at any depth (element fields of lists of records too), in declaration order. */
  readonly fields: readonly FieldSymbol[];
  /** The top-level input fields as the IR keeps them. */
  readonly inputs: readonly InputField[];
}

const KIND_WORDS: Record<GlobalSymbol["kind"], string> = {
  field: "input field",
  const: "const",
  let: "let",
  criterion: "criterion",
  set: "set",
  score: "score",
  tier: "tier",
};

/** The word for a symbol's kind in messages ("input field", "criterion"). */
export function kindWord(kind: GlobalSymbol["kind"]): string {
  return KIND_WORDS[kind];
}

/**
 * Collects the model's declarations into one namespace, types the input
 * fields, and reports missing `model`/`input`, name clashes and the reserved
 * tier id. A clashing later declaration is reported and left out of the table.
 */
export function collectSymbols(model: Model, report: Report): SymbolTable {
  const globals = new Map<string, GlobalSymbol>();
  const fields: FieldSymbol[] = [];
  if (model.id === undefined) report("missingModel", startOf(model.range), []);
  if (model.input === undefined) report("missingInput", model.id?.range ?? startOf(model.range), []);

  const declare = (symbol: GlobalSymbol, range: SourceRange): void => {
    const existing = globals.get(symbol.name);
    if (existing === undefined) {
      globals.set(symbol.name, symbol);
      return;
    }
    report("duplicateName", range, [symbol.name, kindWord(existing.kind), nameRange(existing).start.line]);
  };

  const inputs: InputField[] = [];
  for (const decl of model.input?.fields ?? []) {
    const field = typeField(decl, TOP_LEVEL, fields, report);
    inputs.push(field.input);
    declare(field, decl.name.range);
  }
  for (const decl of model.declarations) {
    switch (decl.kind) {
      case "ConstDecl":
        declare({ kind: "const", name: decl.name.name, decl }, decl.name.range);
        break;
      case "SetDecl":
        declare({ kind: "set", name: decl.name.name, decl }, decl.name.range);
        break;
      case "LetDecl":
        declare({ kind: "let", name: decl.name.name, decl }, decl.name.range);
        break;
      case "CriterionDecl":
        declare({ kind: "criterion", name: decl.name.name, decl }, decl.name.range);
        break;
      case "ScoreGroupDecl":
      case "ComputedScoreDecl":
        declare({ kind: "score", name: decl.name.name, decl }, decl.name.range);
        break;
      case "TierDecl":
        if (decl.name.name === DISQUALIFIED_TIER) report("reservedTier", decl.name.range, []);
        else declare({ kind: "tier", name: decl.name.name, decl }, decl.name.range);
        break;
      case "DisqualifyDecl":
        break;
    }
  }
  return { globals, fields, inputs };
}

/** The range of the name a symbol was declared with. */
export function nameRange(symbol: GlobalSymbol): SourceRange {
  return symbol.decl.name.range;
}

function startOf(range: SourceRange): SourceRange {
  return { start: range.start, end: range.start };
}

/** Where a field is declared: its parent record, and the list whose elements hold it. */
interface FieldScope {
  /** The dotted name before the field's own (`company`, `activities`). */
  readonly namePrefix: readonly string[];
  /** The path before the field's own, from the lead or from the list's element. */
  readonly pathPrefix: readonly string[];
  readonly parent?: FieldSymbol;
  readonly list?: FieldSymbol;
}

const TOP_LEVEL: FieldScope = { namePrefix: [], pathPrefix: [] };

function typeField(decl: FieldDecl, scope: FieldScope, all: FieldSymbol[], report: Report): FieldSymbol {
  const path = [...scope.pathPrefix, decl.name.name];
  const nameParts = [...scope.namePrefix, decl.name.name];
  const name = nameParts.join(".");
  const node = decl.type;
  // A list of records: its element fields become symbols too, so `where` can resolve them and tools can show them.
  const elementRecord = node?.kind === "ListType" && node.element?.kind === "RecordType" ? node.element : undefined;
  // Members are typed after the symbol exists, so that they can point back to it.
  const members = new Map<string, FieldSymbol>();
  const elementMembers = new Map<string, FieldSymbol>();
  if (node === undefined) report("incomplete", decl.range, [`the field \`${name}\``]);
  const memberInputs: InputField[] = [];
  const recordType: QualType =
    node === undefined ? ERROR_TYPE
    : node.kind === "RecordType" ? { kind: "record", fields: memberInputs }
    : elementRecord !== undefined ? listOf({ kind: "record", fields: memberInputs })
    : typeOf(node, path, report);
  const defaultValue = checkDefault(decl, recordType, report);
  const input: InputField = {
    name: decl.name.name,
    type: recordType,
    optional: decl.optional,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
    ...(decl.doc === undefined ? {} : { doc: decl.doc.value }),
  };
  const symbol: FieldSymbol = {
    kind: "field",
    name,
    path,
    decl,
    type: recordType,
    optional: decl.optional,
    ...(node?.kind === "RecordType" ? { members } : {}),
    ...(elementRecord !== undefined ? { elementMembers } : {}),
    ...(scope.parent === undefined ? {} : { parent: scope.parent }),
    ...(scope.list === undefined ? {} : { list: scope.list }),
    input,
  };
  all.push(symbol);
  const memberDecls = node?.kind === "RecordType" ? node.fields : elementRecord?.fields ?? [];
  const memberScope: FieldScope =
    elementRecord !== undefined
      ? { namePrefix: nameParts, pathPrefix: [], list: symbol }
      : { namePrefix: nameParts, pathPrefix: path, parent: symbol, ...(scope.list === undefined ? {} : { list: scope.list }) };
  const into = elementRecord !== undefined ? elementMembers : members;
  for (const memberDecl of memberDecls) {
    const member = typeField(memberDecl, memberScope, all, report);
    if (into.has(memberDecl.name.name)) {
      report("duplicateRecordField", memberDecl.name.range, [memberDecl.name.name]);
      continue;
    }
    into.set(memberDecl.name.name, member);
    memberInputs.push(member.input);
  }
  return symbol;
}

/**
 * The checked type of a type annotation. Top-level records are typed by
 * `typeField` (their members become symbols), and so are the records of a
 * list of records; a record any deeper (in a list of lists) cannot be reached
 * by a path, so only its type is kept.
 */
function typeOf(node: TypeNode, path: readonly string[], report: Report): QualType {
  switch (node.kind) {
    case "PrimitiveType":
      return node.name === "number" ? NUMBER : node.name === "text" ? TEXT : node.name === "bool" ? BOOL : DATE;
    case "ListType":
      if (node.element === undefined) {
        report("incomplete", node.range, ["this list type"]);
        return ERROR_TYPE;
      }
      return listOf(typeOf(node.element, path, report));
    case "OneOfType": {
      const options: string[] = [];
      for (const option of node.options) {
        if (findOption(options, option.value) !== undefined) report("duplicateOption", option.range, [option.value]);
        else options.push(option.value);
      }
      return { kind: "choice", options };
    }
    case "RecordType": {
      const members: FieldSymbol[] = [];
      const seen = new Set<string>();
      const fields: InputField[] = [];
      for (const memberDecl of node.fields) {
        const member = typeField(memberDecl, { namePrefix: path, pathPrefix: path }, members, report);
        if (seen.has(memberDecl.name.name)) report("duplicateRecordField", memberDecl.name.range, [memberDecl.name.name]);
        else {
          seen.add(memberDecl.name.name);
          fields.push(member.input);
        }
      }
      return { kind: "record", fields };
    }
  }
}
