import type { Expr, LiteralValue, QualType, SourceRange } from "@qualify/ir";
import type { Expr as AstExpr, MatchesExpr, QuantifierExpr, StringLiteral } from "../ast.js";
import type { Report } from "./context.js";
import type { Resolutions } from "./resolve.js";
import { BINARY_OPERATORS, normaliseChoices, subjectOf } from "./operators.js";
import type { Operand } from "./operators.js";
import { FUNCTIONS, accepts, arityFits, isFunctionName, ordinal, parameterAt } from "./functions.js";
import { checkDateLiteral } from "./check-literals.js";
import { checkRegex } from "./check-regex.js";
import { checkAggregate } from "./check-aggregate.js";
import { findNonConstant, foldConst } from "./consts.js";
import { closestMatch, didYouMean } from "../diagnostics/suggest.js";
import { BOOL, DATE, EMPTY, ERROR_TYPE, NUMBER, TEXT, describeType, isError, isTextLike, listOf, unify } from "./types.js";

/** A const's folded value. */
export interface ConstValue {
  readonly type: QualType;
  readonly value: LiteralValue;
}

/** What expression checking needs to know about the rest of the model. */
export interface ExprEnv {
  readonly report: Report;
  readonly resolutions: Resolutions;
  /** The type of a let already checked (undefined while unknown, e.g. inside a cycle). */
  readonly letType: (name: string) => QualType | undefined;
  /** The value of a const already folded (undefined after an error in it). */
  readonly constValue: (name: string) => ConstValue | undefined;
  /** Folds an `at least N` count, reporting why when it is not a compile-time number. */
  readonly foldCount: (node: AstExpr) => number | undefined;
  /** The checked items of a set (undefined after an error in them, or inside a cycle). */
  readonly setItems: (name: string) => readonly Expr[] | undefined;
  /**
   * The outcome of the safety check of each pattern literal already checked,
   * so that a const's patterns are reported once however often it is used.
   */
  readonly checkedPatterns: Map<StringLiteral, boolean>;
}

/** An expression whose problem has been reported: it has the error type. */
export function errorExpr(range: SourceRange): Expr {
  return { kind: "literal", value: 0, type: ERROR_TYPE, range };
}

/**
 * A part the parser could not build. The parser has already said why; the
 * checker still reports it, so that a hand-built tree with holes never yields IR.
 */
export function missing(range: SourceRange, env: ExprEnv): Expr {
  env.report("incomplete", range, ["this expression"]);
  return errorExpr(range);
}

const QUANTIFIER_WORDS: Record<QuantifierExpr["quantifier"], string> = {
  atLeast: "at least N of",
  all: "all of",
  any: "any of",
  none: "none of",
  count: "count of",
};

/**
 * Type-checks an expression and lowers it to typed IR in one pass, reporting
 * every problem through `env.report`. Parentheses and unary `+` vanish; const
 * uses become literals. After a problem the node gets the error type, which
 * silences follow-on messages about the same mistake.
 */
export function checkExpr(node: AstExpr, env: ExprEnv): Expr {
  const { report } = env;
  const range = node.range;
  switch (node.kind) {
    case "NumberLiteral":
      return { kind: "literal", value: node.value, type: NUMBER, range };
    case "StringLiteral":
      return { kind: "literal", value: node.value, type: TEXT, range };
    case "BoolLiteral":
      return { kind: "literal", value: node.value, type: BOOL, range };
    case "DateLiteral":
      return checkDateLiteral(node, report) ? { kind: "literal", value: node.value, type: DATE, range } : errorExpr(range);
    case "ParenExpr":
      return node.inner === undefined ? missing(range, env) : checkExpr(node.inner, env);
    case "ListLiteral":
      return checkList(node.items, range, env);
    case "NameRef":
      return checkName(node, env);
    case "UnaryExpr": {
      if (node.operand === undefined) return missing(range, env);
      const operand = checkExpr(node.operand, env);
      const want = node.op === "not" ? BOOL : NUMBER;
      if (!isError(operand.type) && operand.type.kind !== want.kind) {
        const rule = node.op === "not" ? "turns a yes/no (bool) value around" : "works on numbers";
        report("operandType", node.operand.range, [subjectOf(node.operand, "the value"), describeType(operand.type), node.op, rule]);
        return errorExpr(range);
      }
      if (node.op === "+") return operand;
      // `-30` is one number to a reader; back ends should see it as one literal too.
      // `0 - v` rather than `-v`: Qual has no negative zero, and IR is JSON, which cannot carry one.
      if (node.op === "-" && operand.kind === "literal" && typeof operand.value === "number") {
        return { kind: "literal", value: 0 - operand.value, type: NUMBER, range };
      }
      return node.op === "not" ? { kind: "not", operand, type: BOOL, range } : { kind: "negate", operand, type: NUMBER, range };
    }
    case "BinaryExpr": {
      if (node.right === undefined) return missing(range, env);
      const left: Operand = { ast: node.left, ir: checkExpr(node.left, env) };
      const right: Operand = { ast: node.right, ir: checkExpr(node.right, env) };
      const rule = BINARY_OPERATORS[node.op];
      const type = rule.check(left, right, node.op, report);
      const [l, r] = isError(type) ? [left.ir, right.ir] : normaliseChoices(node.op, left, right, report);
      return isError(type) ? errorExpr(range) : rule.lower(l, r, node.op, type, range);
    }
    case "BetweenExpr": {
      const value = checkExpr(node.operand, env);
      const low = node.low === undefined ? missing(range, env) : checkExpr(node.low, env);
      const high = node.high === undefined ? missing(range, env) : checkExpr(node.high, env);
      const parts: Array<[Expr, AstExpr | undefined, string]> = [[value, node.operand, "the value"], [low, node.low, "the lower bound"], [high, node.high, "the upper bound"]];
      let kind: string | undefined;
      for (const [expr, ast, position] of parts) {
        if (isError(expr.type)) return errorExpr(range);
        if (expr.type.kind !== "number" && expr.type.kind !== "date") {
          const hint = expr.type.kind === "text" || expr.type.kind === "choice" ? "; text has no order" : "";
          report("operandType", ast?.range ?? range, [ast === undefined ? position : subjectOf(ast, position), describeType(expr.type), "between", `works on numbers or dates${hint}`]);
          return errorExpr(range);
        }
        if (kind !== undefined && expr.type.kind !== kind) {
          report("compareMismatch", ast?.range ?? range, ["between", describeType(value.type), describeType(expr.type)]);
          return errorExpr(range);
        }
        kind = expr.type.kind;
      }
      return { kind: "between", value, low, high, type: BOOL, range };
    }
    case "MatchesExpr":
      return checkMatches(node, env);
    case "PresenceExpr": {
      const operand = checkExpr(node.operand, env);
      return isError(operand.type) ? errorExpr(range) : { kind: "presence", test: node.test, operand, type: BOOL, range };
    }
    case "WithinExpr": {
      const date = checkExpr(node.operand, env);
      const days = node.days === undefined ? missing(range, env) : checkExpr(node.days, env);
      let ok = !isError(date.type) && !isError(days.type);
      if (!isError(date.type) && date.type.kind !== "date") {
        report("operandType", node.operand.range, [subjectOf(node.operand, "the value"), describeType(date.type), "within", "works on dates (`last_activity within 60 days`)"]);
        ok = false;
      }
      if (node.days !== undefined && !isError(days.type) && days.type.kind !== "number") {
        report("operandType", node.days.range, [subjectOf(node.days, "the number of days"), describeType(days.type), "within", "needs a number of days"]);
        ok = false;
      }
      return ok ? { kind: "within", date, days, type: BOOL, range } : errorExpr(range);
    }
    case "CallExpr":
      return checkCall(node, env);
    case "IfExpr": {
      const condition = node.condition === undefined ? missing(range, env) : checkExpr(node.condition, env);
      const then = node.then === undefined ? missing(range, env) : checkExpr(node.then, env);
      const otherwise = node.else === undefined ? missing(range, env) : checkExpr(node.else, env);
      let ok = !isError(condition.type);
      if (ok && condition.type.kind !== "bool") {
        report("conditionNotBool", node.condition?.range ?? range, ["the condition of `if`", describeType(condition.type)]);
        ok = false;
      }
      const type = unify(then.type, otherwise.type);
      if (type === undefined) {
        report("branchMismatch", node.else?.range ?? range, [describeType(then.type), describeType(otherwise.type)]);
        return errorExpr(range);
      }
      return ok && !isError(type) ? { kind: "if", condition, then, else: otherwise, type, range } : errorExpr(range);
    }
    case "QuantifierExpr":
      return checkQuantifier(node, env);
    case "AggregateExpr":
      return checkAggregate(node, env);
  }
}

function checkList(nodes: readonly AstExpr[], range: SourceRange, env: ExprEnv): Expr {
  const items = nodes.map((item) => checkExpr(item, env));
  let element: QualType = EMPTY;
  for (const [i, item] of items.entries()) {
    if (item.type.kind === "list" || item.type.kind === "record") {
      env.report("operandType", nodes[i]!.range, [subjectOf(nodes[i]!, "this item"), describeType(item.type), "[...]", "holds single values; lists cannot be nested"]);
      return errorExpr(range);
    }
    const next = element.kind === "empty" ? item.type : unify(element, item.type);
    if (next === undefined) {
      env.report("mixedList", nodes[i]!.range, [describeType(element), describeType(item.type)]);
      return errorExpr(range);
    }
    element = next;
  }
  if (isError(element)) return errorExpr(range);
  const type = listOf(element);
  // A list written out of literals is a literal itself, so back ends can prepare it once.
  if (items.every((item) => item.kind === "literal")) {
    return { kind: "literal", value: items.map((item) => (item as Expr & { kind: "literal" }).value), type, range };
  }
  return { kind: "list", items, type, range };
}

function checkName(node: AstExpr & { kind: "NameRef" }, env: ExprEnv): Expr {
  const range = node.range;
  const resolution = env.resolutions.byNode.get(node);
  if (resolution === undefined) return errorExpr(range);
  switch (resolution.kind) {
    case "field":
      return { kind: "field", path: resolution.field.path, type: resolution.field.type, range };
    case "element":
      return isError(resolution.field.type) ? errorExpr(range) : { kind: "element", path: resolution.field.path, type: resolution.field.type, range };
    case "const": {
      const value = env.constValue(resolution.symbol.name);
      return value === undefined ? errorExpr(range) : { kind: "literal", value: value.value, type: value.type, range };
    }
    case "let": {
      const type = env.letType(resolution.symbol.name);
      return type === undefined ? errorExpr(range) : { kind: "ref", target: "let", id: resolution.symbol.name, type, range };
    }
    case "criterion":
      return { kind: "ref", target: "criterion", id: resolution.symbol.name, type: BOOL, range };
    case "score":
      return { kind: "ref", target: "score", id: resolution.symbol.name, type: NUMBER, range };
  }
}

function checkCall(node: AstExpr & { kind: "CallExpr" }, env: ExprEnv): Expr {
  const range = node.range;
  const args = node.args.map((arg) => checkExpr(arg, env));
  const name = node.callee.name;
  if (!isFunctionName(name)) {
    const closest = closestMatch(name, Object.keys(FUNCTIONS));
    const known = Object.keys(FUNCTIONS).map((f) => `\`${f}\``).join(", ");
    env.report("unknownFunction", node.callee.range, [name, known], closest === undefined ? undefined : didYouMean(node.callee.range, closest));
    return errorExpr(range);
  }
  const signature = FUNCTIONS[name];
  if (!arityFits(signature, args.length)) {
    env.report("argumentCount", range, [name, signature.arity, args.length]);
    return errorExpr(range);
  }
  let ok = true;
  for (const [i, arg] of args.entries()) {
    const parameter = parameterAt(signature, i);
    if (parameter === undefined) continue;
    if (isError(arg.type)) ok = false;
    else if (!accepts(parameter, arg.type)) {
      env.report("argumentType", node.args[i]!.range, [name, ordinal(i), parameter.expected, describeType(arg.type)]);
      ok = false;
    }
  }
  return ok ? { kind: "call", fn: name, args, type: signature.result, range } : errorExpr(range);
}

function checkQuantifier(node: QuantifierExpr, env: ExprEnv): Expr {
  const range = node.range;
  const items = node.items.map((item) => checkExpr(item, env));
  let ok = true;
  for (const [i, item] of items.entries()) {
    if (isError(item.type)) ok = false;
    else if (item.type.kind !== "bool") {
      env.report("quantifierItem", node.items[i]!.range, [QUANTIFIER_WORDS[node.quantifier], describeType(item.type)]);
      ok = false;
    }
  }
  let n: number | undefined;
  if (node.quantifier === "atLeast") {
    if (node.n === undefined) missing(range, env);
    n = node.n === undefined ? undefined : env.foldCount(node.n);
    if (n === undefined) ok = false;
    else if (n > items.length) {
      env.report("atLeastRange", node.n?.range ?? range, [n, items.length]);
      ok = false;
    }
  }
  if (!ok) return errorExpr(range);
  const type = node.quantifier === "count" ? NUMBER : BOOL;
  return { kind: "quantifier", quantifier: node.quantifier, ...(n === undefined ? {} : { n }), items, type, range };
}

function checkMatches(node: MatchesExpr, env: ExprEnv): Expr {
  const range = node.range;
  const text = checkExpr(node.operand, env);
  if (node.pattern === undefined && node.anyOf === undefined) return missing(range, env);
  const patterns = node.pattern !== undefined ? checkOnePattern(node.pattern, env) : checkPatternList(node.anyOf!, env);
  if (!isError(text.type) && text.type.kind !== "text" && text.type.kind !== "choice") {
    const op = node.anyOf === undefined ? "matches" : "matches any of";
    env.report("operandType", node.operand.range, [subjectOf(node.operand, "the value"), describeType(text.type), op, "works on text"]);
    return errorExpr(range);
  }
  if (patterns === undefined || isError(text.type)) return errorExpr(range);
  const tests: Expr[] = patterns.map((pattern) => ({ kind: "matches", text, pattern, type: BOOL, range }));
  return balancedOr(tests, range);
}

function checkOnePattern(pattern: StringLiteral, env: ExprEnv): string[] | undefined {
  return checkRegex(pattern, env.report) ? [pattern.value] : undefined;
}

/** An `or` of the tests, as a balanced tree, so a long list of patterns does not nest deeply. */
function balancedOr(tests: readonly Expr[], range: SourceRange): Expr {
  if (tests.length === 1) return tests[0]!;
  const middle = Math.ceil(tests.length / 2);
  return { kind: "or", left: balancedOr(tests.slice(0, middle), range), right: balancedOr(tests.slice(middle), range), type: BOOL, range };
}

/**
 * The patterns of `matches any of LIST`: a list of texts known at compile
 * time (a literal or a const), each checked like the pattern of `matches`. A
 * problem is reported at the pattern's own text where the list is written
 * out (in place, or in the const's declaration), else at the list.
 */
function checkPatternList(node: AstExpr, env: ExprEnv): string[] | undefined {
  const nonConstant = findNonConstant(node, env.resolutions);
  if (nonConstant !== undefined) {
    env.report("patternsNotConstant", nonConstant.node.range, [`this uses ${nonConstant.what}`]);
    return undefined;
  }
  const list = checkExpr(node, env);
  if (isError(list.type)) return undefined;
  if (list.type.kind !== "list" || !(list.type.element.kind === "empty" || isTextLike(list.type.element))) {
    env.report("operandType", node.range, [subjectOf(node, "the patterns"), describeType(list.type), "matches any of", "needs a list of patterns (texts), such as `[\"^sales\", \"^marketing\"]`"]);
    return undefined;
  }
  const folded = foldConst(list);
  if ("error" in folded || !Array.isArray(folded.value)) return undefined;
  const patterns = folded.value as readonly string[];
  if (patterns.length === 0) {
    env.report("noPatterns", node.range, []);
    return undefined;
  }
  const literals = patternLiterals(node, env, patterns.length);
  let ok = true;
  for (const [i, pattern] of patterns.entries()) {
    const literal = literals?.[i];
    if (literal !== undefined) {
      let safe = env.checkedPatterns.get(literal);
      if (safe === undefined) {
        safe = checkRegex(literal, env.report);
        env.checkedPatterns.set(literal, safe);
      }
      ok &&= safe;
      continue;
    }
    // Not written as a literal we can point into: check the text, and point at the list.
    const stand: StringLiteral = { kind: "StringLiteral", value: pattern, range: node.range };
    ok = checkRegex(stand, (id, _range, args, suggestion) => env.report(id, node.range, args, suggestion)) && ok;
  }
  return ok ? [...patterns] : undefined;
}

/** The string literals that spell out a pattern list, following consts, or undefined when it is not written out item by item. */
function patternLiterals(node: AstExpr, env: ExprEnv, count: number, depth = 0): readonly StringLiteral[] | undefined {
  let bare: AstExpr | undefined = node;
  while (bare?.kind === "ParenExpr") bare = bare.inner;
  if (bare === undefined || depth > 20) return undefined;
  if (bare.kind === "ListLiteral") {
    const items = bare.items.map((item) => {
      let inner: AstExpr | undefined = item;
      while (inner?.kind === "ParenExpr") inner = inner.inner;
      return inner?.kind === "StringLiteral" ? inner : undefined;
    });
    return items.length === count && items.every((item) => item !== undefined) ? (items as StringLiteral[]) : undefined;
  }
  if (bare.kind === "NameRef") {
    const resolution = env.resolutions.byNode.get(bare);
    if (resolution?.kind !== "const" || resolution.symbol.kind !== "const" || resolution.symbol.decl.value === undefined) return undefined;
    return patternLiterals(resolution.symbol.decl.value, env, count, depth + 1);
  }
  return undefined;
}
