import type * as A from "../../src/ast.js";

/**
 * A reference printer for the generated trees of model.ts: every operand
 * that is not a primary is put in parentheses, so that the text reads back
 * as the same tree (after `stripRanges`, which drops parentheses) without
 * any precedence table. It lets the parser's property tests cover syntax
 * the formatter does not print yet, and checks the formatter's choices
 * independently. It prints what the generators make, not every tree: the
 * list after `... any of` must not be bracketed (`any of (` is the
 * quantifier).
 */

/** The text of a string value, quoted and escaped. */
export function quote(value: string): string {
  return `"${value.replace(/[\\"\n\t]/g, (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : `\\${c}`))}"`;
}

function name(ref: A.NameRef | undefined): string {
  return ref === undefined ? "?" : ref.parts.map((p) => p.name).join(".");
}

function list(items: readonly A.Expr[]): string {
  return items.map(full).join(", ");
}

/** Whether an expression prints as a primary, which needs no parentheses as an operand. */
function isPrimary(expr: A.Expr): boolean {
  switch (expr.kind) {
    case "NumberLiteral":
    case "StringLiteral":
    case "BoolLiteral":
    case "DateLiteral":
    case "ListLiteral":
    case "NameRef":
    case "CallExpr":
    case "QuantifierExpr":
    case "ParenExpr":
      return true;
    case "AggregateExpr":
      return expr.where === undefined;
    default:
      return false;
  }
}

/** An expression as an operand: itself when it is a primary, else in parentheses. */
export function atom(expr: A.Expr | undefined): string {
  if (expr === undefined) return "?";
  return isPrimary(expr) ? full(expr) : `(${full(expr)})`;
}

/** The right operand of `contains`, `starts with` and `ends with`: a bare `any of SOURCE` would join the operator. */
function testOperand(expr: A.Expr | undefined): string {
  return expr?.kind === "AggregateExpr" ? `(${full(expr)})` : atom(expr);
}

/** The list after `... any of`: never bracketed. */
function anyOfList(expr: A.Expr | undefined): string {
  const text = full(expr);
  if (text.startsWith("(")) throw new Error(`the list after \`any of\` cannot start with \`(\`: ${text}`);
  return text;
}

/** An expression in a place that takes a whole expression. */
export function full(expr: A.Expr | undefined): string {
  if (expr === undefined) return "?";
  switch (expr.kind) {
    case "NumberLiteral":
      return expr.raw;
    case "StringLiteral":
      return quote(expr.value);
    case "BoolLiteral":
      return String(expr.value);
    case "DateLiteral":
      return expr.value;
    case "ListLiteral":
      return `[${list(expr.items)}]`;
    case "NameRef":
      return name(expr);
    case "UnaryExpr":
      return expr.op === "not" ? `not ${atom(expr.operand)}` : `${expr.op}${atom(expr.operand)}`;
    case "BinaryExpr":
      if (expr.op.endsWith(" any of")) return `${atom(expr.left)} ${expr.op} ${anyOfList(expr.right)}`;
      if (expr.op === "contains" || expr.op === "starts with" || expr.op === "ends with") {
        return `${atom(expr.left)} ${expr.op} ${testOperand(expr.right)}`;
      }
      return `${atom(expr.left)} ${expr.op} ${atom(expr.right)}`;
    case "BetweenExpr":
      return `${atom(expr.operand)} between ${atom(expr.low)} and ${atom(expr.high)}`;
    case "MatchesExpr":
      return expr.anyOf === undefined
        ? `${atom(expr.operand)} matches ${quote(expr.pattern?.value ?? "")}`
        : `${atom(expr.operand)} matches any of ${anyOfList(expr.anyOf)}`;
    case "PresenceExpr":
      return `${atom(expr.operand)} is ${expr.test}`;
    case "WithinExpr":
      return `${atom(expr.operand)} within ${atom(expr.days)} days`;
    case "CallExpr":
      return `${expr.callee.name}(${list(expr.args)})`;
    case "IfExpr":
      return `if ${full(expr.condition)} then ${full(expr.then)} else ${full(expr.else)}`;
    case "QuantifierExpr":
      return `${quantifierHead(expr.quantifier, expr.n)} of (${list(expr.items)})`;
    case "AggregateExpr": {
      const where = expr.where === undefined ? "" : ` where ${full(expr.where)}`;
      return `${quantifierHead(expr.aggregate, expr.n)} of ${name(expr.source)}${where}`;
    }
    case "ParenExpr":
      return `(${full(expr.inner)})`;
  }
}

/** `at least N` (N in parentheses unless a number: a bare `count` or `sum` before `of` would start an aggregate) or the word. */
function quantifierHead(word: A.AggregateWord, n: A.Expr | undefined): string {
  if (word !== "atLeast") return word;
  return `at least ${n?.kind === "NumberLiteral" ? n.raw : `(${full(n)})`}`;
}

function bound(value: A.Expr | undefined): string {
  if (value === undefined) return "?";
  if (value.kind === "NumberLiteral" || value.kind === "NameRef") return full(value);
  if (value.kind === "UnaryExpr" && value.op === "-" && value.operand?.kind === "NumberLiteral") return `-${value.operand.raw}`;
  return `(${full(value)})`;
}

function type(node: A.TypeNode | undefined, indent: string): string {
  if (node === undefined) return "?";
  switch (node.kind) {
    case "PrimitiveType":
      return node.name;
    case "ListType":
      return `list of ${type(node.element, indent)}`;
    case "OneOfType":
      return `one of (${node.options.map((o) => quote(o.value)).join(", ")})`;
    case "RecordType":
      return `{\n${fields(node.fields, `${indent}  `)}${indent}}`;
  }
}

function fields(list: readonly A.FieldDecl[], indent: string): string {
  return list
    .map((f) => {
      const optional = f.optional ? "?" : "";
      const value = f.default === undefined ? "" : ` = ${full(f.default)}`;
      const doc = f.doc === undefined ? "" : ` ${quote(f.doc.value)}`;
      return `${indent}${f.name.name}: ${type(f.type, indent)}${optional}${value}${doc}\n`;
    })
    .join("");
}

function label(l: A.StringLiteral | undefined): string {
  return l === undefined ? "" : ` ${quote(l.value)}`;
}

function declaration(d: A.Declaration): string {
  switch (d.kind) {
    case "SetDecl":
      return `set ${d.name.name}${label(d.label)} = (${list(d.items)})`;
    case "ConstDecl":
      return `const ${d.name.name} = ${full(d.value)}`;
    case "LetDecl":
      return `let ${d.name.name} = ${full(d.value)}`;
    case "CriterionDecl":
      return `criterion ${d.name.name}${label(d.label)} = ${full(d.condition)}`;
    case "ScoreGroupDecl": {
      const bounds = d.bounds.map((b) => ` ${b.which} ${bound(b.value)}`).join("");
      const rules = d.rules.map((r) => `  ${quote(r.label.value)}: ${full(r.points)}${r.when === undefined ? "" : ` when ${full(r.when)}`}\n`);
      return `score ${d.name.name}${label(d.label)}${bounds} {\n${rules.join("")}}`;
    }
    case "ComputedScoreDecl":
      return `score ${d.name.name}${label(d.label)} = ${full(d.value)}`;
    case "DisqualifyDecl":
      return `disqualify ${quote(d.reason.value)} when ${full(d.condition)}`;
    case "TierDecl":
      return `tier ${d.name.name}${label(d.label)} ${d.otherwise ? "otherwise" : `when ${full(d.condition)}`}`;
  }
}

/** The source text of a generated model. */
export function printSource(model: A.Model): string {
  const lines = [`model ${model.id?.name ?? "?"}${label(model.title)}`];
  if (model.input !== undefined) lines.push(`input {\n${fields(model.input.fields, "  ")}}`);
  for (const d of model.declarations) lines.push(declaration(d));
  return `${lines.join("\n")}\n`;
}
