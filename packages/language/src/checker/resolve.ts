import type { SourceRange } from "@qualify/ir";
import type { Declaration, Model, NameRef } from "../ast.js";
import type { Report } from "./context.js";
import type { FieldSymbol, GlobalSymbol, SymbolTable } from "./symbols.js";
import { kindWord } from "./symbols.js";
import { declarationExprs, walkExpr } from "./ast-walk.js";
import { closestMatch, didYouMean } from "../diagnostics/suggest.js";
import { describeType } from "./types.js";

/** What a name in an expression stands for. Tiers and unknown names have no resolution. */
export type Resolution =
  | { readonly kind: "field"; readonly field: FieldSymbol }
  | { readonly kind: "const" | "let" | "criterion" | "score"; readonly symbol: GlobalSymbol };

/** A use of a name, as the editor needs it (go to definition, hover). */
export interface NameUse {
  readonly name: string;
  readonly range: SourceRange;
}

/** The outcome of name resolution for a whole model. */
export interface Resolutions {
  /** The meaning of every name that resolved. */
  readonly byNode: ReadonlyMap<NameRef, Resolution>;
  /**
   * Every resolved use of a name. A dotted path gives one use per part: `company`
   * over its own name, `company.employees` over the path up to `employees`.
   */
  readonly references: readonly NameUse[];
  /** For each const, let, criterion and score: the consts, lets, criteria and scores it uses. */
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
 * things that are not records, and tiers used as values. Runs before any
 * type check, so that checks can look names up without reporting again.
 */
export function resolveNames(model: Model, table: SymbolTable, report: Report): Resolutions {
  const byNode = new Map<NameRef, Resolution>();
  const references: NameUse[] = [];
  const dependencies = new Map<string, NameUse[]>();
  const used = new Set<string>();
  const wholeUses = new Set<string>();
  let candidates: string[] | undefined;
  const valueNames = (): string[] => {
    candidates ??= [...table.globals.values()].filter((s) => s.kind !== "tier").map((s) => s.name);
    return candidates;
  };

  const resolve = (ref: NameRef, deps: NameUse[] | undefined): void => {
    const [head, ...rest] = ref.parts;
    if (head === undefined) return void report("incomplete", ref.range, ["this name"]);
    const symbol = table.globals.get(head.name);
    if (symbol === undefined) {
      const closest = closestMatch(head.name, valueNames());
      report("unknownName", head.range, [head.name], closest === undefined ? undefined : didYouMean(head.range, closest));
      return;
    }
    if (symbol.kind === "tier") {
      report("tierInExpression", head.range, [head.name]);
      return;
    }
    references.push({ name: symbol.name, range: head.range });
    used.add(symbol.name);
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
    let field: FieldSymbol = symbol;
    for (const part of rest) {
      if (field.members === undefined) {
        report("notARecord", part.range, [field.name, describeType(field.type), part.name]);
        return;
      }
      const member = field.members.get(part.name);
      if (member === undefined) {
        const closest = closestMatch(part.name, field.members.keys());
        report("unknownMember", part.range, [part.name, field.name], closest === undefined ? undefined : didYouMean(part.range, closest));
        return;
      }
      field = member;
      // The path up to this part (`company.employees`), so a tool can tell which part a position is in.
      references.push({ name: field.name, range: { start: head.range.start, end: part.range.end } });
      used.add(field.name);
    }
    wholeUses.add(field.name);
    byNode.set(ref, { kind: "field", field });
  };

  for (const decl of model.declarations) {
    const owner = ownerName(decl, table.globals);
    let deps: NameUse[] | undefined;
    if (owner !== undefined) {
      deps = [];
      dependencies.set(owner, deps);
    }
    for (const expr of declarationExprs(decl)) {
      walkExpr(expr, (node) => {
        if (node.kind === "NameRef") resolve(node, deps);
      });
    }
  }
  return { byNode, references, dependencies, used, wholeUses };
}
