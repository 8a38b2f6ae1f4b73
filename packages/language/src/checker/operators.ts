import type { CompareOp, Expr, QualType, SourceRange } from "@qualify/ir";
import type { BinaryOp, Expr as AstExpr } from "../ast.js";
import type { Report } from "./context.js";
import { findOption, reportNotAnOption } from "./check-literals.js";
import { BOOL, ERROR_TYPE, NUMBER, describeType, isError, isTextLike, unify } from "./types.js";

/** An operand as the operator table sees it: the syntax (to name it in messages) and its typed IR. */
export interface Operand {
  readonly ast: AstExpr;
  readonly ir: Expr;
}

/** One binary operator: its type rule and the IR it lowers to, side by side. */
export interface BinaryRule {
  /** Checks the operand types, reporting problems; returns the result type (the error type after a problem). */
  readonly check: (left: Operand, right: Operand, op: BinaryOp, report: Report) => QualType;
  /** Builds the IR node; operands may have been rewritten by `check` (choice literals normalised). */
  readonly lower: (left: Expr, right: Expr, op: BinaryOp, type: QualType, range: SourceRange) => Expr;
}

const TEXT_TESTS = "`=`, `!=`, `in`, `contains`, `starts with`, `ends with` or `matches`";

/** How a message names an operand: the name or literal as written, else its position. */
export function subjectOf(ast: AstExpr, fallback: string): string {
  let node: AstExpr | undefined = ast;
  while (node?.kind === "ParenExpr") node = node.inner;
  if (node === undefined) return fallback;
  switch (node.kind) {
    case "NameRef":
      return `\`${node.parts.map((p) => p.name).join(".")}\``;
    case "StringLiteral":
      return JSON.stringify(node.value);
    case "NumberLiteral":
      return node.raw;
    case "DateLiteral":
      return node.value;
    case "BoolLiteral":
      return `\`${node.value}\``;
    default:
      return fallback;
  }
}

/** Strips parentheses, to see the literal an operand is. */
function bare(ast: AstExpr): AstExpr {
  let node = ast;
  while (node.kind === "ParenExpr" && node.inner !== undefined) node = node.inner;
  return node;
}

/**
 * When a `one of` value meets a text literal (written, or a folded const), the
 * text must name one of the choices; returns the literal's IR in the declared
 * spelling (or unchanged). Only a written literal gets a replacement edit.
 */
export function matchChoice(choiceSide: Operand, literalSide: Operand, report: Report): Expr {
  const type = choiceSide.ir.type;
  const ir = literalSide.ir;
  if (type.kind !== "choice" || ir.kind !== "literal" || typeof ir.value !== "string") return ir;
  const option = findOption(type.options, ir.value);
  if (option !== undefined) return { ...ir, value: option };
  const subject = subjectOf(choiceSide.ast, "this value");
  const literal = bare(literalSide.ast);
  if (literal.kind === "StringLiteral") reportNotAnOption(literal, type.options, subject, report);
  else report("notAnOption", literalSide.ast.range, [ir.value, subject, type.options.map((o) => `"${o}"`).join(", ")]);
  return ir;
}

/**
 * Each text in a list that a `one of` value is looked up in must be one of its
 * choices: items of a written list are checked one by one (and normalised);
 * a const list, already folded to a literal, is checked as a whole.
 */
function matchChoiceList(choiceSide: Operand, list: Operand, report: Report): Expr {
  const type = choiceSide.ir.type;
  if (type.kind !== "choice" || list.ir.kind !== "literal" || !Array.isArray(list.ir.value)) return list.ir;
  const node = bare(list.ast);
  const subject = subjectOf(choiceSide.ast, "this value");
  const values = (list.ir.value as readonly unknown[]).map((value, i) => {
    if (typeof value !== "string") return value;
    const option = findOption(type.options, value);
    if (option !== undefined) return option;
    const item = node.kind === "ListLiteral" ? node.items[i] : undefined;
    const literal = item === undefined ? undefined : bare(item);
    if (literal?.kind === "StringLiteral") reportNotAnOption(literal, type.options, subject, report);
    // The text comes from a const: point at its use, with no edit to offer here.
    else report("notAnOption", list.ast.range, [value, subject, type.options.map((o) => `"${o}"`).join(", ")]);
    return value;
  });
  return { ...list.ir, value: values } as Expr;
}

function bad(report: Report, operand: Operand, position: string, op: string, rule: string): QualType {
  report("operandType", operand.ir.range ?? operand.ast.range, [subjectOf(operand.ast, position), describeType(operand.ir.type), op, rule]);
  return ERROR_TYPE;
}

const logic: BinaryRule = {
  check(left, right, op, report) {
    let ok = true;
    for (const [side, position] of [[left, "the left side"], [right, "the right side"]] as const) {
      if (!isError(side.ir.type) && side.ir.type.kind !== "bool") {
        bad(report, side, position, op, "combines yes/no (bool) values, such as criteria or comparisons");
        ok = false;
      }
    }
    return ok ? BOOL : ERROR_TYPE;
  },
  lower: (left, right, op, type, range) => ({ kind: op === "and" ? "and" : "or", left, right, type, range }),
};

const EQUATABLE = new Set(["number", "text", "choice", "bool", "date"]);

const equality: BinaryRule = {
  check(left, right, op, report) {
    for (const [side, position] of [[left, "the left side"], [right, "the right side"]] as const) {
      const type = side.ir.type;
      if (!isError(type) && !EQUATABLE.has(type.kind)) {
        return bad(report, side, position, op, "compares single values; to look inside a list use `contains` or `in`");
      }
    }
    if (unify(left.ir.type, right.ir.type) === undefined) {
      report("compareMismatch", rangeOf(left, right), [op, describeType(left.ir.type), describeType(right.ir.type)]);
      return ERROR_TYPE;
    }
    return BOOL;
  },
  lower: (left, right, op, type, range) => ({ kind: "compare", op: op as CompareOp, left, right, type, range }),
};

function orderable(type: QualType): boolean {
  return type.kind === "number" || type.kind === "date";
}

const ordering: BinaryRule = {
  check(left, right, op, report) {
    const l = left.ir.type;
    const r = right.ir.type;
    if (isError(l) || isError(r)) return ERROR_TYPE;
    for (const [side, other, position] of [[left, r, "the left side"], [right, l, "the right side"]] as const) {
      const type = side.ir.type;
      if (orderable(type)) continue;
      const otherSide = orderable(other) ? ` (here the other side is ${describeType(other)})` : "";
      const hint = isTextLike(type) ? `; text can only be compared with ${TEXT_TESTS}` : "";
      return bad(report, side, position, op, `compares two numbers or two dates${otherSide}${hint}`);
    }
    if (l.kind !== r.kind) {
      report("compareMismatch", rangeOf(left, right), [op, describeType(l), describeType(r)]);
      return ERROR_TYPE;
    }
    return BOOL;
  },
  lower: equality.lower,
};

const membership: BinaryRule = {
  check(left, right, op, report) {
    const item = left.ir.type;
    const list = right.ir.type;
    if (item.kind === "list") {
      report("listInList", left.ir.range ?? left.ast.range, [subjectOf(left.ast, "the left side")]);
      return ERROR_TYPE;
    }
    if (isError(list)) return ERROR_TYPE;
    if (list.kind !== "list") {
      report("inNeedsList", right.ir.range ?? right.ast.range, [op, describeType(list)]);
      return ERROR_TYPE;
    }
    if (isError(item)) return ERROR_TYPE;
    if (list.element.kind !== "empty" && unify(item, list.element) === undefined) {
      report("compareMismatch", rangeOf(left, right), [op, describeType(item), describeType(list)]);
      return ERROR_TYPE;
    }
    return BOOL;
  },
  lower: (item, list, op, type, range) => ({ kind: "in", negated: op === "not in", item, list, type, range }),
};

const contains: BinaryRule = {
  check(left, right, op, report) {
    const container = left.ir.type;
    const item = right.ir.type;
    if (isError(container)) return ERROR_TYPE;
    if (container.kind === "list") {
      if (isError(item)) return ERROR_TYPE;
      if (item.kind === "list") return bad(report, right, "the right side", op, "looks for one value in a list; to compare two lists, test each value");
      if (container.element.kind !== "empty" && unify(container.element, item) === undefined) {
        report("compareMismatch", rangeOf(left, right), [op, describeType(container), describeType(item)]);
        return ERROR_TYPE;
      }
      return BOOL;
    }
    if (isTextLike(container)) {
      if (isError(item) || isTextLike(item)) return BOOL;
      const hint = item.kind === "list" ? "; to look for any of several texts, use `contains any of`" : "";
      return bad(report, right, "the right side", op, `looks for text inside ${subjectOf(left.ast, "the left side")}, which is text${hint}`);
    }
    return bad(report, left, "the left side", op, "looks inside a list or a text");
  },
  lower: (container, item, _op, type, range) => ({ kind: "contains", container, item, type, range }),
};

const affix: BinaryRule = {
  check(left, right, op, report) {
    let ok = true;
    for (const [side, position] of [[left, "the left side"], [right, "the right side"]] as const) {
      if (!isError(side.ir.type) && !isTextLike(side.ir.type)) {
        const hint = side === right && side.ir.type.kind === "list" ? `; to test several, use \`${op} any of\`` : "";
        bad(report, side, position, op, `works on text${hint}`);
        ok = false;
      }
    }
    return ok ? BOOL : ERROR_TYPE;
  },
  lower: (text, affixExpr, op, type, range) => ({ kind: op === "starts with" ? "startsWith" : "endsWith", text, affix: affixExpr, type, range }),
};

/** True for a list of text (or `one of`) values, and for `[]`. */
function isTextList(type: QualType): boolean {
  return type.kind === "list" && (type.element.kind === "empty" || isTextLike(type.element));
}

const LIST_OF_TEXTS = 'needs a list of texts on its right (such as `["@gmail.com", "@yahoo.com"]`, a const or a list field)';

/** `T starts with any of L`, `T ends with any of L`: T text, L a list of texts. */
const affixAny: BinaryRule = {
  check(left, right, op, report) {
    let ok = true;
    if (!isError(left.ir.type) && !isTextLike(left.ir.type)) {
      bad(report, left, "the left side", op, "works on text");
      ok = false;
    }
    if (!isError(right.ir.type) && !isTextList(right.ir.type)) {
      const one = op.replace(" any of", "");
      const hint = isTextLike(right.ir.type) ? `; for one text, use \`${one}\`` : "";
      bad(report, right, "the right side", op, `${LIST_OF_TEXTS}${hint}`);
      ok = false;
    }
    return ok ? BOOL : ERROR_TYPE;
  },
  lower: (text, affixExpr, op, type, range) => ({ kind: op === "starts with any of" ? "startsWith" : "endsWith", text, affix: affixExpr, type, range }),
};

/** `T contains any of L` (a substring of T), `L1 contains any of L2` (an element in both). */
const containsAny: BinaryRule = {
  check(left, right, op, report) {
    const container = left.ir.type;
    const items = right.ir.type;
    if (isError(container)) return ERROR_TYPE;
    if (!isTextLike(container) && container.kind !== "list") return bad(report, left, "the left side", op, "looks inside a list or a text");
    if (isError(items)) return ERROR_TYPE;
    if (items.kind !== "list") {
      const hint = container.kind === "list" || isTextLike(items) ? "; for one value, use `contains`" : "";
      const needs = container.kind === "list" ? "needs a list on its right" : LIST_OF_TEXTS;
      return bad(report, right, "the right side", op, `${needs}${hint}`);
    }
    if (isTextLike(container)) return isTextList(items) ? BOOL : bad(report, right, "the right side", op, LIST_OF_TEXTS);
    if (container.kind === "list" && container.element.kind !== "empty" && items.element.kind !== "empty" && unify(container.element, items.element) === undefined) {
      report("compareMismatch", rangeOf(left, right), [op, describeType(container), describeType(items)]);
      return ERROR_TYPE;
    }
    return BOOL;
  },
  lower: contains.lower,
};

const coalesce: BinaryRule = {
  check(left, right, _op, report) {
    const type = unify(left.ir.type, right.ir.type);
    if (type === undefined) {
      report("coalesceMismatch", rangeOf(left, right), [describeType(left.ir.type), describeType(right.ir.type)]);
      return ERROR_TYPE;
    }
    return type;
  },
  lower: (left, right, _op, type, range) => ({ kind: "coalesce", left, right, type, range }),
};

const arithmetic: BinaryRule = {
  check(left, right, op, report) {
    let ok = true;
    for (const [side, position] of [[left, "the left side"], [right, "the right side"]] as const) {
      const type = side.ir.type;
      if (isError(type) || type.kind === "number") continue;
      const hint = type.kind === "date" ? "; for the days between dates use `days_since` or `days_until`" : "";
      bad(report, side, position, op, `does arithmetic on numbers${hint}`);
      ok = false;
    }
    return ok ? NUMBER : ERROR_TYPE;
  },
  lower: (left, right, op, type, range) => ({ kind: "arith", op: op as "+", left, right, type, range }),
};

function rangeOf(left: Operand, right: Operand): SourceRange {
  return { start: left.ast.range.start, end: right.ast.range.end };
}

/**
 * The binary operator table: every binary operator's type rule and lowering.
 * `not in` lowers to `in` with `negated`, so back ends see one membership node;
 * the `... any of` tests lower to `contains`, `startsWith` and `endsWith` with
 * a list-typed right side.
 */
export const BINARY_OPERATORS: Readonly<Record<BinaryOp, BinaryRule>> = {
  or: logic,
  and: logic,
  "=": equality,
  "!=": equality,
  "<": ordering,
  "<=": ordering,
  ">": ordering,
  ">=": ordering,
  in: membership,
  "not in": membership,
  contains,
  "starts with": affix,
  "ends with": affix,
  "contains any of": containsAny,
  "starts with any of": affixAny,
  "ends with any of": affixAny,
  "??": coalesce,
  "+": arithmetic,
  "-": arithmetic,
  "*": arithmetic,
  "/": arithmetic,
};

/** Rewrites choice literals on either side of an operator to their declared spelling, reporting unknown choices. */
export function normaliseChoices(op: BinaryOp, left: Operand, right: Operand, report: Report): [Expr, Expr] {
  switch (op) {
    case "=":
    case "!=":
      return [matchChoice(right, left, report), matchChoice(left, right, report)];
    case "in":
    case "not in":
      return [left.ir, matchChoiceList(left, right, report)];
    case "contains": {
      const container = left.ir.type;
      if (container.kind === "list" && container.element.kind === "choice") {
        const asChoice: Operand = { ast: left.ast, ir: { ...left.ir, type: container.element } };
        return [left.ir, matchChoice(asChoice, right, report)];
      }
      return [left.ir, right.ir];
    }
    case "contains any of": {
      const container = left.ir.type;
      if (container.kind === "list" && container.element.kind === "choice") {
        const asChoice: Operand = { ast: left.ast, ir: { ...left.ir, type: container.element } };
        return [left.ir, matchChoiceList(asChoice, right, report)];
      }
      return [left.ir, right.ir];
    }
    default:
      return [left.ir, right.ir];
  }
}
