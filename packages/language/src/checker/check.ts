import type { Diagnostic, Expr, ModelIR, QualType, SourceRange } from "@qualify/ir";
import type { Bound, Declaration, Expr as AstExpr, Model, ScoreGroupDecl } from "../ast.js";
import { DiagnosticSink } from "./context.js";
import type { Report } from "./context.js";
import { collectSymbols } from "./symbols.js";
import type { SymbolTable } from "./symbols.js";
import { resolveNames } from "./resolve.js";
import type { Resolutions } from "./resolve.js";
import { checkCycles } from "./check-cycles.js";
import { checkExpr } from "./check-expr.js";
import type { ConstValue, ExprEnv } from "./check-expr.js";
import { findNonConstant, foldConst } from "./consts.js";
import { checkOrdering } from "./check-ordering.js";
import { checkTiers } from "./check-tiers.js";
import { checkBounds, checkDisqualifyReasons, checkRuleLabels } from "./check-scores.js";
import { checkUnused } from "./check-unused.js";
import { lowerModel } from "./lower-model.js";
import type { CheckedDeclarations } from "./lower-model.js";
import { BOOL, NUMBER, describeType, isError } from "./types.js";

/** Options of `check`. */
export interface CheckOptions {
  /** The file the model came from; copied onto every diagnostic. */
  file?: string;
}

/** What kind of declaration a symbol is. */
export type SymbolKind = "field" | "const" | "set" | "let" | "criterion" | "score" | "tier";

/** A declared name, for the editor's outline, hover and go-to-definition. */
export interface SymbolInfo {
  /**
   * The dotted path for nested fields: "company.employees"; for a field of a
   * list's elements, the list's name first: "activities.kind".
   */
  name: string;
  kind: SymbolKind;
  /** Tiers have none; neither does a const or let whose value has an error. */
  type?: QualType;
  label?: string;
  doc?: string;
  /** The name at its declaration. */
  range: SourceRange;
  declarationRange: SourceRange;
}

/**
 * A use of a declared name; `name` is the symbol's name (dotted for fields).
 * `company.employees` gives two uses: `company` over the first part, and
 * `company.employees` over the whole path.
 */
export interface SymbolReference {
  name: string;
  range: SourceRange;
  /**
   * For a field of a list's elements used by its bare name inside `where`
   * (`kind` in `activities where kind = "demo"`, named `activities.kind`): the
   * leading part of `name` that is not written (`activities`); the range
   * covers the rest of `name`.
   */
  implicit?: string;
}

/** The outcome of checking a model. */
export interface CheckResult {
  /** Present only when there is no error. */
  ir?: ModelIR;
  diagnostics: Diagnostic[];
  symbols: SymbolInfo[];
  references: SymbolReference[];
}

/**
 * Checks a model's syntax tree — names, types, cycles, tiers, bounds and regex
 * safety — and lowers it to the typed IR. Never throws on any tree, whatever
 * its mistakes; `ir` is present exactly when no error was found.
 */
export function check(ast: Model, options: CheckOptions = {}): CheckResult {
  try {
    return runChecks(ast, options);
  } catch (error) {
    // A bug must not take down the editor or the CLI: it becomes a diagnostic (and never yields IR).
    const sink = new DiagnosticSink(options.file);
    sink.report("internalError", ast.id?.range ?? ast.range, [error instanceof Error ? error.message : String(error)]);
    return { diagnostics: sink.diagnostics, symbols: [], references: [] };
  }
}

function runChecks(ast: Model, options: CheckOptions): CheckResult {
  const sink = new DiagnosticSink(options.file);
  const report = sink.report;
  const table = collectSymbols(ast, report);
  const resolutions = resolveNames(ast, table, report);
  const checked = checkDeclarations(ast, table, resolutions, report);
  checkTiers(ast, report);
  checkDisqualifyReasons(ast, report);
  checkUnused(table, resolutions, report);
  const result: CheckResult = {
    diagnostics: sink.diagnostics,
    symbols: symbolInfos(table, checked),
    references: resolutions.references.map((use) => ({
      name: use.name,
      range: use.range,
      ...(use.implicit === undefined ? {} : { implicit: use.implicit }),
    })),
  };
  if (sink.errorCount === 0) {
    result.ir = lowerModel(ast, table, checked);
    // On the checked model: its consts are folded and its names resolved, so conditions compare as values.
    checkOrdering(result.ir, report);
  }
  return result;
}

/** Whether a declaration is the one its name stands for (a clashing later one is not). */
function owns(decl: Declaration, table: SymbolTable): boolean {
  return decl.kind !== "DisqualifyDecl" && table.globals.get(decl.name.name)?.decl === decl;
}

function checkDeclarations(ast: Model, table: SymbolTable, resolutions: Resolutions, report: Report): CheckedDeclarations {
  const checked: CheckedDeclarations = {
    consts: new Map(),
    sets: new Map(),
    lets: new Map(),
    conditions: new Map(),
    bounds: new Map(),
    order: [],
  };
  const env: ExprEnv = {
    report,
    resolutions,
    letType: (name) => checked.lets.get(name)?.type,
    constValue: (name) => checked.consts.get(name),
    foldCount: (node) => foldCount(node, env),
    setItems: (name) => checked.sets.get(name),
    checkedPatterns: new Map(),
  };
  const expect = (node: AstExpr | undefined, owner: { range: SourceRange }, want: QualType, where: string): Expr | undefined => {
    if (node === undefined) {
      report("incomplete", owner.range, [where]);
      return undefined;
    }
    const expr = checkExpr(node, env);
    if (isError(expr.type)) return undefined;
    if (expr.type.kind !== want.kind) {
      report(want.kind === "bool" ? "conditionNotBool" : "pointsNotNumber", node.range, [where, describeType(expr.type)]);
      return undefined;
    }
    return expr;
  };

  const checkOne = (decl: Declaration): void => {
    switch (decl.kind) {
      case "ConstDecl": {
        if (decl.value === undefined) return void report("incomplete", decl.range, [`the const \`${decl.name.name}\``]);
        const nonConstant = findNonConstant(decl.value, resolutions);
        if (nonConstant !== undefined) return void report("constNotConstant", nonConstant.node.range, [nonConstant.what]);
        const expr = checkExpr(decl.value, env);
        if (isError(expr.type)) return;
        const folded = foldConst(expr);
        if ("error" in folded) return void report("constArithmetic", decl.value.range, [folded.error]);
        if (owns(decl, table)) checked.consts.set(decl.name.name, { type: expr.type, value: folded.value } satisfies ConstValue);
        return;
      }
      case "SetDecl": {
        // Checked once here; every use becomes a quantifier over these items.
        const items = decl.items.map((item) => checkExpr(item, env));
        let ok = true;
        for (const [i, item] of items.entries()) {
          if (isError(item.type)) ok = false;
          else if (item.type.kind !== "bool") {
            report("quantifierItem", decl.items[i]!.range, [`set ${decl.name.name}`, describeType(item.type)]);
            ok = false;
          }
        }
        if (ok && owns(decl, table)) checked.sets.set(decl.name.name, items);
        return;
      }
      case "LetDecl": {
        if (decl.value === undefined) return void report("incomplete", decl.range, [`the let \`${decl.name.name}\``]);
        const expr = checkExpr(decl.value, env);
        if (!isError(expr.type) && owns(decl, table)) checked.lets.set(decl.name.name, expr);
        return;
      }
      case "CriterionDecl": {
        const expr = expect(decl.condition, decl, BOOL, `the condition of the criterion \`${decl.name.name}\``);
        if (expr !== undefined) checked.conditions.set(decl, expr);
        return;
      }
      case "ComputedScoreDecl": {
        const expr = expect(decl.value, decl, NUMBER, `the score \`${decl.name.name}\``);
        if (expr !== undefined) checked.conditions.set(decl, expr);
        return;
      }
      case "ScoreGroupDecl":
        checked.bounds.set(decl, checkBounds(decl, report, (bound) => foldBound(bound, env)));
        checkRuleLabels(decl, report);
        checkRules(decl);
        return;
      case "DisqualifyDecl": {
        const expr = expect(decl.condition, decl, BOOL, `the condition of the disqualify rule "${decl.reason.value}"`);
        if (expr !== undefined) checked.conditions.set(decl, expr);
        return;
      }
      case "TierDecl": {
        if (decl.otherwise) return;
        const expr = expect(decl.condition, decl, BOOL, `the condition of the tier \`${decl.name.name}\``);
        if (expr !== undefined) checked.conditions.set(decl, expr);
        return;
      }
    }
  };
  const checkRules = (group: ScoreGroupDecl): void => {
    for (const rule of group.rules) {
      const where = `the points of the rule "${rule.label.value}"`;
      const points = expect(rule.points, rule, NUMBER, where);
      if (points !== undefined) checked.conditions.set(rule, points);
      if (rule.when !== undefined) {
        const when = expect(rule.when, rule, BOOL, `the \`when\` of the rule "${rule.label.value}"`);
        if (when !== undefined) checked.conditions.set(rule.when, when);
      }
    }
  };

  const byName = new Map<string, Declaration>();
  const nodes: string[] = [];
  for (const decl of ast.declarations) {
    if (decl.kind === "DisqualifyDecl" || decl.kind === "TierDecl" || !owns(decl, table)) continue;
    byName.set(decl.name.name, decl);
    nodes.push(decl.name.name);
  }
  const { order } = checkCycles(nodes, resolutions.dependencies, report);
  for (const name of order) {
    const decl = byName.get(name);
    if (decl === undefined) continue;
    checkOne(decl);
    if (decl.kind !== "ConstDecl" && decl.kind !== "SetDecl") checked.order.push(name);
  }
  // Declarations outside the dependency graph: tiers, disqualify rules, and clashing duplicates (still checked, for their messages).
  for (const decl of ast.declarations) {
    if (decl.kind === "DisqualifyDecl" || decl.kind === "TierDecl" || !owns(decl, table)) checkOne(decl);
  }
  return checked;
}

/** Folds the N of `at least N of`: a whole number known at compile time. */
function foldCount(node: AstExpr, env: ExprEnv): number | undefined {
  const nonConstant = findNonConstant(node, env.resolutions);
  if (nonConstant !== undefined) {
    env.report("atLeastNotConstant", nonConstant.node.range, [`it uses ${nonConstant.what}`]);
    return undefined;
  }
  const expr = checkExpr(node, env);
  if (isError(expr.type)) return undefined;
  const folded = foldConst(expr);
  if ("error" in folded) {
    env.report("atLeastNotConstant", node.range, [folded.error]);
    return undefined;
  }
  const value = folded.value;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    const shown = typeof value === "number" ? String(value) : describeType(expr.type);
    env.report("atLeastNotConstant", node.range, [`it is ${shown}`]);
    return undefined;
  }
  return value;
}

/** Folds a score group's `min`/`max`: a number known at compile time (`60`, `-10`, `fit_cap + 5`). */
function foldBound(bound: Bound, env: ExprEnv): number | undefined {
  const node = bound.value;
  // Trees built for the Qual 1 AST held the number itself; accept it rather than report a range that does not exist.
  if (typeof (node as unknown) === "number") return node as unknown as number;
  if (node === undefined) {
    env.report("incomplete", bound.range, [`the \`${bound.which}\` of this score group`]);
    return undefined;
  }
  const nonConstant = findNonConstant(node, env.resolutions);
  if (nonConstant !== undefined) {
    env.report("boundNotConstant", nonConstant.node.range, [bound.which, `it uses ${nonConstant.what}`]);
    return undefined;
  }
  const expr = checkExpr(node, env);
  if (isError(expr.type)) return undefined;
  if (expr.type.kind !== "number") {
    env.report("boundNotConstant", node.range, [bound.which, `it is ${describeType(expr.type)}`]);
    return undefined;
  }
  const folded = foldConst(expr);
  if ("error" in folded || typeof folded.value !== "number") {
    env.report("boundNotConstant", node.range, [bound.which, "error" in folded ? folded.error : "it is not a number"]);
    return undefined;
  }
  return folded.value;
}

function symbolInfos(table: SymbolTable, checked: CheckedDeclarations): SymbolInfo[] {
  const out: SymbolInfo[] = [];
  for (const field of table.fields) {
    out.push({
      name: field.name,
      kind: "field",
      ...(isError(field.type) ? {} : { type: field.type }),
      ...(field.decl.doc === undefined ? {} : { doc: field.decl.doc.value }),
      range: field.decl.name.range,
      declarationRange: field.decl.range,
    });
  }
  for (const symbol of table.globals.values()) {
    if (symbol.kind === "field") continue;
    const decl = symbol.decl;
    const type: QualType | undefined =
      symbol.kind === "criterion" ? BOOL
      : symbol.kind === "score" ? NUMBER
      : symbol.kind === "const" ? checked.consts.get(symbol.name)?.type
      : symbol.kind === "let" ? checked.lets.get(symbol.name)?.type
      : undefined;
    const label = "label" in decl ? decl.label?.value : undefined;
    out.push({
      name: symbol.name,
      kind: symbol.kind,
      ...(type === undefined ? {} : { type }),
      ...(label === undefined ? {} : { label }),
      range: decl.name.range,
      declarationRange: decl.range,
    });
  }
  return out;
}
