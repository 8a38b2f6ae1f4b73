import type { SourceRange } from "@qualify/ir";
import type { AggregateExpr, Declaration, Expr, Identifier, Model, NameRef } from "../ast.js";
import type { Report } from "./context.js";
import type { FieldSymbol, GlobalSymbol, SymbolTable } from "./symbols.js";
import { kindWord } from "./symbols.js";
import { declarationExprs, forEachChild } from "./ast-walk.js";
import { closestMatch, didYouMean } from "../diagnostics/suggest.js";
import { describeType } from "./types.js";

/** What a name in an expression stands for. Tiers, sets used as values and unknown names have no resolution. */
export type Resolution =
  | { readonly kind: "field"; readonly field: FieldSymbol }
  /** A field of the element that the innermost enclosing aggregate visits (`kind` in `activities where kind = "demo"`). */
  | { readonly kind: "element"; readonly field: FieldSymbol }
  | { readonly kind: "const" | "let" | "criterion" | "score"; readonly symbol: GlobalSymbol };

/** The set symbol of the table. */
export type SetSymbol = Extract<GlobalSymbol, { kind: "set" }>;

/**
 * What the source of an aggregate (`count of SOURCE`) stands for: a named set,
 * a list field (of the lead, or of the element an outer aggregate visits),
 * optionally followed by a path into its elements (`deals.amount`), or
 * something else that the checker then reports.
 */
export type SourceResolution =
  | { readonly kind: "set"; readonly symbol: SetSymbol }
  | {
      readonly kind: "list";
      readonly list: FieldSymbol;
      /** True when the list is a field of an outer aggregate's element (its path is relative to that element). */
      readonly inElement: boolean;
      /** The element field after the list (`amount` in `deals.amount`); its path is relative to the element. */
      readonly value?: FieldSymbol;
    }
  /** A field or another name that is not a list; `ref` resolved as an ordinary name, for the checker to report. */
  | { readonly kind: "other"; readonly ref: NameRef };

/** A use of a name, as the editor needs it (go to definition, hover). */
export interface NameUse {
  readonly name: string;
  readonly range: SourceRange;
  /**
   * For a field of a list's elements used by its bare name inside `where`: the
   * part of `name` that is not written (`activities` for `kind`, named
   * `activities.kind`). The written text then covers the rest of `name`.
   */
  readonly implicit?: string;
}

/** The outcome of name resolution for a whole model. */
export interface Resolutions {
  /** The meaning of every name that resolved. */
  readonly byNode: ReadonlyMap<NameRef, Resolution>;
  /** The meaning of every aggregate's source that resolved. */
  readonly sources: ReadonlyMap<AggregateExpr, SourceResolution>;
  /**
   * Every resolved use of a name. A dotted path gives one use per part: `company`
   * over its own name, `company.employees` over the path up to `employees`.
   */
  readonly references: readonly NameUse[];
  /** For each const, set, let, criterion and score: the consts, sets, lets, criteria and scores it uses. */
  readonly dependencies: ReadonlyMap<string, readonly NameUse[]>;
  /** Names (globals, and fields by dotted path) used anywhere. */
  readonly used: ReadonlySet<string>;
  /** Fields used as a value in their own right (the last part of a path), by dotted path. */
  readonly wholeUses: ReadonlySet<string>;
}

/** The graph-node name of a declaration, for those that can be depended on. */
function ownerName(decl: Declaration, globals: ReadonlyMap<string, GlobalSymbol>): string | undefined {
  if (decl.kind === "DisqualifyDecl" || decl.kind === "TierDecl") return undefined;
  // A duplicate declaration was left out of the table: it must not add edges under the first one's name.
  return globals.get(decl.name.name)?.decl === decl ? decl.name.name : undefined;
}

/**
 * Resolves every name in every expression against the symbol table, reporting
 * unknown names (with "did you mean"), unknown record fields, paths into
 * things that are not records, tiers and sets used as values. Inside an
 * aggregate's `where`, a name is first looked up among the fields of the
 * list's elements, then among the model's names. Runs before any type check,
 * so that checks can look names up without reporting again.
 */
export function resolveNames(model: Model, table: SymbolTable, report: Report): Resolutions {
  const byNode = new Map<NameRef, Resolution>();
  const sources = new Map<AggregateExpr, SourceResolution>();
  const references: NameUse[] = [];
  const dependencies = new Map<string, NameUse[]>();
  const used = new Set<string>();
  const wholeUses = new Set<string>();
  let candidates: string[] | undefined;
  const valueNames = (): string[] => {
    candidates ??= [...table.globals.values()].filter((s) => s.kind !== "tier" && s.kind !== "set").map((s) => s.name);
    return candidates;
  };

  /** Records a use of a field (the part `part` of a path that starts at `head`). */
  const useField = (field: FieldSymbol, head: Identifier, part: Identifier, implicit: string | undefined): void => {
    references.push({ name: field.name, range: { start: head.range.start, end: part.range.end }, ...(implicit === undefined ? {} : { implicit }) });
    used.add(field.name);
  };

  /**
   * Follows the rest of a path through record fields from `field`. With
   * `intoElements`, a list of records met on the way is entered too (its
   * element path), and the list is returned alongside the element field.
   */
  const followPath = (
    start: FieldSymbol,
    head: Identifier,
    rest: readonly Identifier[],
    implicit: string | undefined,
    intoElements: boolean,
  ): { field: FieldSymbol; list?: FieldSymbol } | undefined => {
    let field = start;
    let list: FieldSymbol | undefined;
    for (const part of rest) {
      const members = field.members ?? (intoElements && list === undefined ? field.elementMembers : undefined);
      if (members === undefined) {
        report("notARecord", part.range, [field.name, describeType(field.type), part.name]);
        return undefined;
      }
      if (field.members === undefined) list = field;
      const member = members.get(part.name);
      if (member === undefined) {
        const closest = closestMatch(part.name, members.keys());
        const suggestion = closest === undefined ? undefined : didYouMean(part.range, closest);
        if (field.members === undefined) report("unknownElementField", part.range, [part.name, field.name, false], suggestion);
        else report("unknownMember", part.range, [part.name, field.name], suggestion);
        return undefined;
      }
      field = member;
      // The path up to this part (`company.employees`), so a tool can tell which part a position is in.
      useField(field, head, part, implicit);
    }
    return { field, ...(list === undefined ? {} : { list }) };
  };

  /**
   * Looks up the first part of a path: the visited element's fields first,
   * then the model's names. Reports unknown names and tiers.
   */
  const lookUp = (
    head: Identifier,
    scope: FieldSymbol | undefined,
  ): { element: FieldSymbol } | { symbol: Exclude<GlobalSymbol, { kind: "tier" }> } | undefined => {
    const member = scope?.elementMembers?.get(head.name);
    if (member !== undefined) {
      useField(member, head, head, scope!.name);
      return { element: member };
    }
    const symbol = table.globals.get(head.name);
    if (symbol === undefined) {
      if (scope?.elementMembers !== undefined) {
        const closest = closestMatch(head.name, scope.elementMembers.keys()) ?? closestMatch(head.name, valueNames());
        report("unknownElementField", head.range, [head.name, scope.name, true], closest === undefined ? undefined : didYouMean(head.range, closest));
      } else {
        const closest = closestMatch(head.name, valueNames());
        report("unknownName", head.range, [head.name], closest === undefined ? undefined : didYouMean(head.range, closest));
      }
      return undefined;
    }
    if (symbol.kind === "tier") {
      report("tierInExpression", head.range, [head.name]);
      return undefined;
    }
    references.push({ name: symbol.name, range: head.range });
    used.add(symbol.name);
    return { symbol };
  };

  const resolve = (ref: NameRef, scope: FieldSymbol | undefined, deps: NameUse[] | undefined): void => {
    const [head, ...rest] = ref.parts;
    if (head === undefined) return void report("incomplete", ref.range, ["this name"]);
    const found = lookUp(head, scope);
    if (found === undefined) return;
    if ("element" in found) {
      const path = followPath(found.element, head, rest, scope!.name, false);
      if (path === undefined) return;
      wholeUses.add(path.field.name);
      byNode.set(ref, { kind: "element", field: path.field });
      return;
    }
    const symbol = found.symbol;
    if (symbol.kind === "set") {
      report("setAsValue", ref.range, [symbol.name]);
      return;
    }
    if (symbol.kind !== "field") {
      const member = rest[0];
      if (member !== undefined) {
        report("notARecord", member.range, [head.name, `a ${kindWord(symbol.kind)}`, member.name]);
        return;
      }
      deps?.push({ name: symbol.name, range: head.range });
      byNode.set(ref, { kind: symbol.kind, symbol });
      return;
    }
    const path = followPath(symbol, head, rest, undefined, false);
    if (path === undefined) return;
    wholeUses.add(path.field.name);
    byNode.set(ref, { kind: "field", field: path.field });
  };

  const resolveSource = (agg: AggregateExpr, ref: NameRef, scope: FieldSymbol | undefined, deps: NameUse[] | undefined): void => {
    const [head, ...rest] = ref.parts;
    if (head === undefined) return void report("incomplete", ref.range, ["this name"]);
    const found = lookUp(head, scope);
    if (found === undefined) return;
    let start: FieldSymbol;
    let implicit: string | undefined;
    if ("element" in found) {
      start = found.element;
      implicit = scope!.name;
    } else if (found.symbol.kind === "set") {
      const member = rest[0];
      if (member !== undefined) return void report("notARecord", member.range, [head.name, "a set", member.name]);
      deps?.push({ name: found.symbol.name, range: head.range });
      sources.set(agg, { kind: "set", symbol: found.symbol });
      return;
    } else if (found.symbol.kind !== "field") {
      const member = rest[0];
      if (member !== undefined) return void report("notARecord", member.range, [head.name, `a ${kindWord(found.symbol.kind)}`, member.name]);
      deps?.push({ name: found.symbol.name, range: head.range });
      byNode.set(ref, { kind: found.symbol.kind, symbol: found.symbol });
      sources.set(agg, { kind: "other", ref });
      return;
    } else {
      start = found.symbol;
    }
    const path = followPath(start, head, rest, implicit, true);
    if (path === undefined) return;
    const inElement = implicit !== undefined;
    wholeUses.add(path.field.name);
    if (path.list !== undefined) {
      sources.set(agg, { kind: "list", list: path.list, inElement, value: path.field });
    } else if (path.field.type.kind === "list") {
      sources.set(agg, { kind: "list", list: path.field, inElement });
    } else {
      byNode.set(ref, inElement ? { kind: "element", field: path.field } : { kind: "field", field: path.field });
      sources.set(agg, { kind: "other", ref });
    }
  };

  const visit = (expr: Expr, scope: FieldSymbol | undefined, deps: NameUse[] | undefined): void => {
    if (expr.kind === "NameRef") return resolve(expr, scope, deps);
    if (expr.kind !== "AggregateExpr") return forEachChild(expr, (child) => visit(child, scope, deps));
    if (expr.n !== undefined) visit(expr.n, scope, deps);
    if (expr.source !== undefined) resolveSource(expr, expr.source, scope, deps);
    if (expr.where === undefined) return;
    const source = sources.get(expr);
    // A nested aggregate's `where` sees its own element's fields, not the outer one's. Without a list of
    // records there are no element fields to see: the checker reports that once, and the `where` is left alone.
    if (source?.kind === "list" && source.list.elementMembers !== undefined) visit(expr.where, source.list, deps);
  };

  for (const decl of model.declarations) {
    const owner = ownerName(decl, table.globals);
    let deps: NameUse[] | undefined;
    if (owner !== undefined) {
      deps = [];
      dependencies.set(owner, deps);
    }
    for (const expr of declarationExprs(decl)) visit(expr, undefined, deps);
  }
  return { byNode, sources, references, dependencies, used, wholeUses };
}
