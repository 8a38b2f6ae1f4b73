import type { Diagnostic, SourceRange } from "@qualify/ir";
import type { CstElement, CstNode, IToken } from "chevrotain";
import type * as A from "../ast.js";
import { unescapeString, unquotedText } from "../lexer/lexer.js";
import type { PositionMapper } from "../lexer/positions.js";
import type { Limits } from "../limits.js";
import { qualParser } from "./parser.js";
import { SyntaxCode } from "./syntax-codes.js";
import { UnquotedText } from "../lexer/tokens.js";

type Children = Record<string, CstElement[] | undefined>;

/** The `model ID "Title"` line, which the Model node absorbs. */
export interface ModelHeader {
  readonly kind: "ModelHeader";
  readonly id?: A.Identifier;
  readonly title?: A.StringLiteral;
  readonly range: SourceRange;
}

/** What one top-level CST node becomes. */
export type TopLevel = ModelHeader | A.InputBlock | A.Declaration;

function isToken(element: CstElement | undefined): element is IToken {
  return element !== undefined && "image" in element;
}

function isNode(element: CstElement | undefined): element is CstNode {
  return element !== undefined && "children" in element;
}

const NONE: readonly CstElement[] = [];

function isReal(element: CstElement): element is IToken {
  return isToken(element) && !element.isInsertedInRecovery && Number.isFinite(element.startOffset);
}

/**
 * Real tokens under a key (recovery inserts tokens with NaN offsets). These
 * helpers run for every CST node, so they avoid allocating in the common case.
 */
function tokens(ctx: Children, key: string): IToken[] {
  const all = ctx[key] ?? NONE;
  for (const e of all) if (!isReal(e)) return all.filter(isReal);
  return all as IToken[];
}

function token(ctx: Children, key: string): IToken | undefined {
  const all = ctx[key];
  if (all === undefined) return undefined;
  for (const e of all) if (isReal(e)) return e;
  return undefined;
}

/** The nodes under a rule name or label (the grammar never mixes tokens and rules under one key). */
function nodes(ctx: Children, key: string): CstNode[] {
  return (ctx[key] ?? NONE) as CstNode[];
}

function node(ctx: Children, key: string): CstNode | undefined {
  const first = ctx[key]?.[0];
  return isNode(first) ? first : undefined;
}

/** The one sub-rule node of a rule that is a choice between sub-rules. */
function onlyNode(ctx: Children, keys: readonly string[]): CstNode | undefined {
  for (const key of keys) {
    const found = node(ctx, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

const DECLARATION_RULES = ["modelHeader", "inputBlock", "setDecl", "constDecl", "letDecl", "criterionDecl", "scoreDecl", "disqualifyDecl", "tierDecl"];
const PRIMARY_RULES = ["nameOrCall", "parenExpr", "listLiteral", "ifExpr", "quantifier", "aggregate"];

const COMPARISON_OPS: Record<string, A.BinaryOp> = {
  "=": "=", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">=", in: "in", contains: "contains",
  "not in": "not in", "starts with": "starts with", "ends with": "ends with",
  "contains any of": "contains any of", "starts with any of": "starts with any of", "ends with any of": "ends with any of",
  // Read as Qual's operator; the lexer reported the spelling.
  "==": "=",
};

/** `&&` and `||` read as `and` and `or` (the lexer reported them). */
const LOGIC_OPS: Record<string, A.BinaryOp> = { "&&": "and", "||": "or" };

const QUANTIFIERS: Record<string, A.QuantifierExpr["quantifier"]> = {
  at: "atLeast", all: "all", any: "any", none: "none", count: "count",
};

const AGGREGATES: Record<string, A.AggregateWord> = {
  at: "atLeast", all: "all", any: "any", none: "none", count: "count",
  sum: "sum", avg: "avg", min: "min", max: "max", latest: "latest", earliest: "earliest",
};

const BaseVisitor = qualParser.getBaseCstVisitorConstructor();

/**
 * Builds the AST of ast.ts from chevrotain's concrete syntax tree. Parts the
 * parser could not recognise are missing from a recovered CST; they are left
 * `undefined` (or out of lists), since the syntax error is already reported.
 * Each visit method receives the CST node itself as its parameter, for its range.
 */
export class CstToAst extends BaseVisitor {
  constructor(
    private readonly positions: PositionMapper,
    private readonly limits: Readonly<Limits>,
    private readonly diagnostics: Diagnostic[],
  ) {
    super();
    this.validateVisitor();
  }

  /** Builds the AST of any CST node. */
  build<R>(cst: CstNode | undefined): R | undefined {
    if (cst === undefined) return undefined;
    return this.visit(cst, cst) as R | undefined;
  }

  private rangeOf(cst: CstNode): SourceRange {
    const loc = cst.location;
    if (loc === undefined || !Number.isFinite(loc.startOffset)) return this.positions.point(this.positions.at(0, 1, 1));
    const start = this.positions.at(loc.startOffset, loc.startLine ?? 1, loc.startColumn ?? 1);
    if (loc.endOffset === undefined || !Number.isFinite(loc.endOffset)) return { start, end: start };
    return { start, end: this.positions.at(loc.endOffset + 1, loc.endLine ?? 1, (loc.endColumn ?? 1) + 1) };
  }

  private span(first: A.Node | IToken, last: A.Node | IToken | undefined): SourceRange {
    const start = "range" in first ? first.range.start : this.positions.startOf(first);
    if (last === undefined) return "range" in first ? first.range : this.positions.tokenRange(first);
    const end = "range" in last ? last.range.end : this.positions.endOf(last);
    return { start, end };
  }

  private identifier(t: IToken | undefined): A.Identifier | undefined {
    return t === undefined ? undefined : { kind: "Identifier", name: t.image, range: this.positions.tokenRange(t) };
  }

  private stringLiteral(t: IToken | undefined): A.StringLiteral | undefined {
    if (t === undefined) return undefined;
    // `@ourco.example` (reported by the lexer) is the text as written.
    const value = t.tokenType === UnquotedText ? t.image : unescapeString(t.image);
    return { kind: "StringLiteral", value, range: this.positions.tokenRange(t) };
  }

  /** A bare name where a text belongs (`one of (low, high)`), read as that text; `reportUnquoted` reports them. */
  private unquoted(t: IToken): A.StringLiteral {
    return { kind: "StringLiteral", value: t.image, range: this.positions.tokenRange(t) };
  }

  /** One diagnostic for the bare names of one type or default, from the first to the last, showing each quoted. */
  private reportUnquoted(bare: readonly IToken[]): void {
    const first = bare[0];
    const last = bare[bare.length - 1];
    if (first === undefined || last === undefined) return;
    this.diagnostics.push(unquotedText(bare.map((t) => t.image), this.positions.span(first, last)));
  }

  private expr(cst: CstNode | undefined): A.Expr | undefined {
    return this.build<A.Expr>(cst);
  }

  private checkCount(count: number, range: SourceRange, what: string): void {
    if (count > this.limits.maxListItems) {
      this.diagnostics.push({
        code: SyntaxCode.TooManyListItems,
        severity: "error",
        message: `This ${what} has ${count} items; the limit is ${this.limits.maxListItems}`,
        range,
      });
    }
  }

  model(ctx: Children): TopLevel[] {
    return nodes(ctx, "declaration").map((d) => this.build<TopLevel>(d)).filter((d): d is TopLevel => d !== undefined);
  }

  declaration(ctx: Children): TopLevel | undefined {
    return this.build<TopLevel>(onlyNode(ctx, DECLARATION_RULES));
  }

  modelHeader(ctx: Children, cst: CstNode): ModelHeader {
    return {
      kind: "ModelHeader",
      id: this.identifier(token(ctx, "Identifier")),
      title: this.stringLiteral(token(ctx, "StringLiteral")),
      range: this.rangeOf(cst),
    };
  }

  inputBlock(ctx: Children, cst: CstNode): A.InputBlock {
    return { kind: "InputBlock", fields: this.fields(ctx), range: this.rangeOf(cst) };
  }

  private fields(ctx: Children): A.FieldDecl[] {
    return nodes(ctx, "field").map((f) => this.build<A.FieldDecl>(f)).filter((f): f is A.FieldDecl => f !== undefined);
  }

  field(ctx: Children, cst: CstNode): A.FieldDecl | undefined {
    const name = this.identifier(token(ctx, "Identifier"));
    if (name === undefined) return undefined;
    const type = this.build<A.TypeNode>(node(ctx, "typeExpr"));
    const literal = node(ctx, "literalValue");
    const bare: IToken[] = [];
    const value = literal === undefined ? undefined : this.literal(literal, holdsText(type), bare);
    this.reportUnquoted(bare);
    return {
      kind: "FieldDecl",
      name,
      type,
      optional: token(ctx, "Question") !== undefined,
      default: value,
      doc: this.stringLiteral(token(ctx, "doc")),
      range: this.rangeOf(cst),
    };
  }

  typeExpr(ctx: Children, cst: CstNode): A.TypeNode | undefined {
    const range = this.rangeOf(cst);
    const primitive = token(ctx, "primitive");
    if (primitive !== undefined) return { kind: "PrimitiveType", name: primitive.image as A.PrimitiveType["name"], range };
    if (token(ctx, "List") !== undefined) return { kind: "ListType", element: this.build<A.TypeNode>(node(ctx, "typeExpr")), range };
    if (token(ctx, "One") !== undefined) {
      const bare = tokens(ctx, "unquoted");
      const written = bare.length === 0 ? tokens(ctx, "StringLiteral") : [...tokens(ctx, "StringLiteral"), ...bare].sort((a, b) => a.startOffset - b.startOffset);
      const options = written.map((t) => (bare.includes(t) ? this.unquoted(t) : (this.stringLiteral(t) as A.StringLiteral)));
      this.reportUnquoted(bare);
      // No choice could be read: the syntax error is the message, not a type with no choices.
      if (options.length === 0) return undefined;
      this.checkCount(options.length, range, "`one of` type");
      return { kind: "OneOfType", options, range };
    }
    if (token(ctx, "LCurly") !== undefined) return { kind: "RecordType", fields: this.fields(ctx), range };
    return undefined;
  }

  literalValue(_ctx: Children, cst: CstNode): A.Expr | undefined {
    return this.literal(cst, false, []);
  }

  /**
   * A default. A bare name is not a literal: for a field that holds text it
   * is reported with its quoted spelling (and read as that text), otherwise
   * as a default that is not a literal.
   */
  private literal(cst: CstNode, textual: boolean, bareNames: IToken[]): A.Expr | undefined {
    const ctx = cst.children as Children;
    const range = this.rangeOf(cst);
    const bare = token(ctx, "unquoted");
    if (bare !== undefined) {
      if (textual) {
        bareNames.push(bare);
        return this.unquoted(bare);
      }
      this.diagnostics.push({
        code: SyntaxCode.ExpectedLiteral,
        severity: "error",
        message: `A default must be a literal value (a number, a text in double quotes, true, false, a date or a list of these), not the name \`${bare.image}\``,
        range: this.positions.tokenRange(bare),
      });
      return undefined;
    }
    const number = token(ctx, "NumberLiteral");
    if (number !== undefined) {
      const literal = this.numberLiteral(number);
      const sign = token(ctx, "sign");
      if (sign === undefined) return literal;
      return { kind: "UnaryExpr", op: sign.image as "-" | "+", operand: literal, range };
    }
    const atom = this.atom(ctx);
    if (atom !== undefined) return atom;
    if (token(ctx, "LBracket") !== undefined) {
      const items = nodes(ctx, "literalValue").map((n) => this.literal(n, textual, bareNames)).filter((e): e is A.Expr => e !== undefined);
      this.checkCount(items.length, range, "list");
      return { kind: "ListLiteral", items, range };
    }
    return undefined;
  }

  private numberLiteral(t: IToken): A.NumberLiteral {
    return { kind: "NumberLiteral", value: Number(t.image.replaceAll("_", "")), raw: t.image, range: this.positions.tokenRange(t) };
  }

  /** String, date and boolean literals, shared by defaults and expressions. */
  private atom(ctx: Children): A.Expr | undefined {
    const string = token(ctx, "StringLiteral");
    if (string !== undefined) return this.stringLiteral(string);
    const date = token(ctx, "DateLiteral");
    if (date !== undefined) return { kind: "DateLiteral", value: date.image, range: this.positions.tokenRange(date) };
    const bool = token(ctx, "True") ?? token(ctx, "False");
    if (bool !== undefined) return { kind: "BoolLiteral", value: bool.image === "true", range: this.positions.tokenRange(bool) };
    return undefined;
  }

  setDecl(ctx: Children, cst: CstNode): A.SetDecl | undefined {
    const name = this.identifier(token(ctx, "Identifier"));
    if (name === undefined) return undefined;
    const range = this.rangeOf(cst);
    const items = this.build<A.Expr[]>(node(ctx, "argumentList")) ?? [];
    this.checkCount(items.length, range, "set");
    const label = this.stringLiteral(token(ctx, "StringLiteral"));
    return label === undefined ? { kind: "SetDecl", name, items, range } : { kind: "SetDecl", name, label, items, range };
  }

  constDecl(ctx: Children, cst: CstNode): A.ConstDecl | undefined {
    const name = this.identifier(token(ctx, "Identifier"));
    if (name === undefined) return undefined;
    return { kind: "ConstDecl", name, value: this.expr(node(ctx, "expression")), range: this.rangeOf(cst) };
  }

  letDecl(ctx: Children, cst: CstNode): A.LetDecl | undefined {
    const name = this.identifier(token(ctx, "Identifier"));
    if (name === undefined) return undefined;
    return { kind: "LetDecl", name, value: this.expr(node(ctx, "expression")), range: this.rangeOf(cst) };
  }

  criterionDecl(ctx: Children, cst: CstNode): A.CriterionDecl | undefined {
    const name = this.identifier(token(ctx, "Identifier"));
    if (name === undefined) return undefined;
    return {
      kind: "CriterionDecl",
      name,
      label: this.stringLiteral(token(ctx, "StringLiteral")),
      condition: this.expr(node(ctx, "expression")),
      range: this.rangeOf(cst),
    };
  }

  scoreDecl(ctx: Children, cst: CstNode): A.ScoreGroupDecl | A.ComputedScoreDecl | undefined {
    const name = this.identifier(token(ctx, "Identifier"));
    if (name === undefined) return undefined;
    const label = this.stringLiteral(token(ctx, "StringLiteral"));
    const range = this.rangeOf(cst);
    if (token(ctx, "Equals") !== undefined || node(ctx, "expression") !== undefined) {
      return { kind: "ComputedScoreDecl", name, label, value: this.expr(node(ctx, "expression")), range };
    }
    const bounds = nodes(ctx, "bound").map((b) => this.build<A.Bound>(b)).filter((b): b is A.Bound => b !== undefined);
    const rules = nodes(ctx, "scoreRule").map((r) => this.build<A.ScoreRule>(r)).filter((r): r is A.ScoreRule => r !== undefined);
    return { kind: "ScoreGroupDecl", name, label, bounds, rules, range };
  }

  bound(ctx: Children, cst: CstNode): A.Bound | undefined {
    const which = token(ctx, "which");
    if (which === undefined) return undefined;
    const value = this.expr(node(ctx, "value"));
    const range = this.rangeOf(cst);
    return value === undefined ? { kind: "Bound", which: which.image as "min" | "max", range } : { kind: "Bound", which: which.image as "min" | "max", value, range };
  }

  scoreRule(ctx: Children, cst: CstNode): A.ScoreRule | undefined {
    const label = this.stringLiteral(token(ctx, "StringLiteral"));
    if (label === undefined) return undefined;
    return {
      kind: "ScoreRule",
      label,
      points: this.expr(node(ctx, "points")),
      when: this.expr(node(ctx, "when")),
      range: this.rangeOf(cst),
    };
  }

  disqualifyDecl(ctx: Children, cst: CstNode): A.DisqualifyDecl | undefined {
    const reason = this.stringLiteral(token(ctx, "StringLiteral"));
    if (reason === undefined) return undefined;
    return { kind: "DisqualifyDecl", reason, condition: this.expr(node(ctx, "expression")), range: this.rangeOf(cst) };
  }

  tierDecl(ctx: Children, cst: CstNode): A.TierDecl | undefined {
    const name = this.identifier(token(ctx, "Identifier"));
    if (name === undefined) return undefined;
    return {
      kind: "TierDecl",
      name,
      label: this.stringLiteral(token(ctx, "StringLiteral")),
      condition: this.expr(node(ctx, "expression")),
      otherwise: token(ctx, "Otherwise") !== undefined,
      range: this.rangeOf(cst),
    };
  }

  expression(ctx: Children): A.Expr | undefined {
    return this.expr(node(ctx, "orExpr"));
  }

  /** Folds `a op b op c` to the left, the way `MANY` collected it. */
  private leftFold(ctx: Children, operatorKey: string): A.Expr | undefined {
    const operands = nodes(ctx, "operands");
    const operators = tokens(ctx, operatorKey);
    let left = this.expr(operands[0]);
    if (left === undefined) return undefined;
    operators.forEach((op, i) => {
      const right = this.expr(operands[i + 1]);
      const current = left as A.Expr;
      left = { kind: "BinaryExpr", op: LOGIC_OPS[op.image] ?? (op.image as A.BinaryOp), left: current, right, range: this.span(current, right ?? op) };
    });
    return left;
  }

  orExpr(ctx: Children): A.Expr | undefined {
    return this.leftFold(ctx, "Or");
  }

  andExpr(ctx: Children): A.Expr | undefined {
    return this.leftFold(ctx, "And");
  }

  coalesceExpr(ctx: Children): A.Expr | undefined {
    return this.leftFold(ctx, "op");
  }

  additive(ctx: Children): A.Expr | undefined {
    return this.leftFold(ctx, "op");
  }

  multiplicative(ctx: Children): A.Expr | undefined {
    return this.leftFold(ctx, "op");
  }

  notExpr(ctx: Children, cst: CstNode): A.Expr | undefined {
    if (token(ctx, "Not") !== undefined) {
      return { kind: "UnaryExpr", op: "not", operand: this.expr(node(ctx, "notExpr")), range: this.rangeOf(cst) };
    }
    return this.expr(node(ctx, "comparison"));
  }

  unary(ctx: Children, cst: CstNode): A.Expr | undefined {
    const op = token(ctx, "op");
    if (op !== undefined) {
      return { kind: "UnaryExpr", op: op.image as "-" | "+", operand: this.expr(node(ctx, "unary")), range: this.rangeOf(cst) };
    }
    return this.expr(node(ctx, "primary"));
  }

  comparison(ctx: Children, cst: CstNode): A.Expr | undefined {
    const operand = this.expr(node(ctx, "left"));
    if (operand === undefined) return undefined;
    const range = this.rangeOf(cst);
    const ops = tokens(ctx, "op");
    if (ops.length > 0) {
      const op = COMPARISON_OPS[ops.map((t) => t.image).join(" ")];
      if (op === undefined) return operand;
      return { kind: "BinaryExpr", op, left: operand, right: this.expr(node(ctx, "right")), range };
    }
    if (token(ctx, "Between") !== undefined) {
      return { kind: "BetweenExpr", operand, low: this.expr(node(ctx, "low")), high: this.expr(node(ctx, "high")), range };
    }
    if (token(ctx, "Matches") !== undefined) {
      if (token(ctx, "Any") !== undefined) return { kind: "MatchesExpr", operand, anyOf: this.expr(node(ctx, "anyOf")), range };
      return { kind: "MatchesExpr", operand, pattern: this.stringLiteral(token(ctx, "pattern")), range };
    }
    if (token(ctx, "Is") !== undefined) {
      const test = token(ctx, "test");
      if (test === undefined) return operand;
      return { kind: "PresenceExpr", operand, test: test.image as "missing" | "present", range };
    }
    if (token(ctx, "Within") !== undefined) {
      return { kind: "WithinExpr", operand, days: this.expr(node(ctx, "days")), range };
    }
    return operand;
  }

  primary(ctx: Children): A.Expr | undefined {
    const inner = onlyNode(ctx, PRIMARY_RULES);
    if (inner !== undefined) return this.expr(inner);
    const number = token(ctx, "NumberLiteral");
    if (number !== undefined) return this.numberLiteral(number);
    return this.atom(ctx);
  }

  listLiteral(ctx: Children, cst: CstNode): A.ListLiteral {
    const range = this.rangeOf(cst);
    const items = nodes(ctx, "items").map((n) => this.expr(n)).filter((e): e is A.Expr => e !== undefined);
    this.checkCount(items.length, range, "list");
    return { kind: "ListLiteral", items, range };
  }

  parenExpr(ctx: Children, cst: CstNode): A.ParenExpr {
    return { kind: "ParenExpr", inner: this.expr(node(ctx, "expression")), range: this.rangeOf(cst) };
  }

  ifExpr(ctx: Children, cst: CstNode): A.IfExpr {
    return {
      kind: "IfExpr",
      condition: this.expr(node(ctx, "condition")),
      then: this.expr(node(ctx, "then")),
      else: this.expr(node(ctx, "else")),
      range: this.rangeOf(cst),
    };
  }

  quantifier(ctx: Children, cst: CstNode): A.QuantifierExpr | A.AggregateExpr | undefined {
    const kind = token(ctx, "kind");
    if (kind === undefined) return undefined;
    const range = this.rangeOf(cst);
    const list = node(ctx, "listAggregate");
    if (list !== undefined) return this.aggregateOf(kind, list, range, node(ctx, "n"));
    const quantifier = QUANTIFIERS[kind.image] ?? "all";
    const items = this.build<A.Expr[]>(node(ctx, "argumentList")) ?? [];
    this.checkCount(items.length, range, "list of items");
    const n = quantifier === "atLeast" ? this.expr(node(ctx, "n")) : undefined;
    return n === undefined ? { kind: "QuantifierExpr", quantifier, items, range } : { kind: "QuantifierExpr", quantifier, n, items, range };
  }

  aggregate(ctx: Children, cst: CstNode): A.AggregateExpr | undefined {
    const kind = token(ctx, "kind");
    if (kind === undefined) return undefined;
    return this.aggregateOf(kind, node(ctx, "listAggregate"), this.rangeOf(cst), undefined);
  }

  private aggregateOf(kind: IToken, list: CstNode | undefined, range: SourceRange, nNode: CstNode | undefined): A.AggregateExpr {
    const aggregate = AGGREGATES[kind.image] ?? "count";
    const tail = list === undefined ? undefined : (list.children as Children);
    const source = tail === undefined ? undefined : this.build<A.NameRef>(node(tail, "source"));
    const where = tail === undefined ? undefined : this.expr(node(tail, "where"));
    const n = aggregate === "atLeast" ? this.expr(nNode) : undefined;
    return {
      kind: "AggregateExpr",
      aggregate,
      ...(n === undefined ? {} : { n }),
      ...(source === undefined ? {} : { source }),
      ...(where === undefined ? {} : { where }),
      range,
    };
  }

  /** Built through `aggregateOf`, which needs the aggregate's word. */
  listAggregate(): undefined {
    return undefined;
  }

  namePath(ctx: Children, cst: CstNode): A.NameRef | undefined {
    const parts = tokens(ctx, "parts").map((t) => this.identifier(t) as A.Identifier);
    if (parts.length === 0) return undefined;
    return { kind: "NameRef", parts, range: this.rangeOf(cst) };
  }

  nameOrCall(ctx: Children, cst: CstNode): A.Expr | undefined {
    const parts = tokens(ctx, "parts").map((t) => this.identifier(t) as A.Identifier);
    const first = parts[0];
    if (first === undefined) return undefined;
    const range = this.rangeOf(cst);
    const args = node(ctx, "argumentList");
    if (args !== undefined) {
      const list = this.build<A.Expr[]>(args) ?? [];
      this.checkCount(list.length, range, "call");
      return { kind: "CallExpr", callee: first, args: list, range };
    }
    return { kind: "NameRef", parts, range };
  }

  argumentList(ctx: Children): A.Expr[] {
    return nodes(ctx, "items").map((n) => this.expr(n)).filter((e): e is A.Expr => e !== undefined);
  }
}

/** Whether a field's values are texts (or lists of them), so that a bare name in its default is a text without quotes. */
function holdsText(type: A.TypeNode | undefined): boolean {
  if (type === undefined) return false;
  if (type.kind === "ListType") return holdsText(type.element);
  return type.kind === "OneOfType" || (type.kind === "PrimitiveType" && type.name === "text");
}
