import type {
  Bound,
  Comment,
  Declaration,
  Expr,
  FieldDecl,
  Identifier,
  InputBlock,
  Model,
  ScoreRule,
  StringLiteral,
  TypeNode,
} from "@qualify/language";
import { isMap, isScalar, isSeq } from "yaml";
import type { Pair } from "yaml";
import { DECLARATION_KINDS } from "../document/declaration-kinds.js";
import type { DeclarationKind } from "../document/declaration-kinds.js";
import { keyText, pairOf, resolveNode } from "../document/node-at-path.js";
import { parseScalarExpression } from "./expressions.js";
import { numberText } from "./literal-text.js";
import { itemsOf, pairsOf, rangeOfNode, rangeOfPair, scalarValue } from "./source-context.js";
import type { BuildContext } from "./source-context.js";


/** How the lexer spells a date literal. */
const DATE_SPELLING = /^\d{4}-\d{2}-\d{2}$/;

// The comment that tells editors which schema a YAML file follows is about
// the YAML file itself; it has no place in the .qual text.
const SCHEMA_MODELINE = /^#\s*yaml-language-server:/;

/**
 * Builds the Qual syntax tree of a data document that passed the schema.
 * Every node's range points into the data file; expressions are parsed by the
 * language's expression parser (their syntax errors go to the context).
 */
export function buildModel(context: BuildContext): Model {
  const { document, text } = context.source;
  const root = document.contents;
  const modelPair = pairOf(document, root, "model");
  const titlePair = pairOf(document, root, "title");
  const inputPair = pairOf(document, root, "input");
  const declarationsPair = pairOf(document, root, "declarations");
  const id = modelPair === undefined ? undefined : identifier(context, modelPair.value);
  const title = titlePair === undefined ? undefined : stringLiteral(context, titlePair.value);
  const input = inputPair === undefined ? undefined : inputBlock(context, inputPair);
  const declarations: Declaration[] = [];
  if (declarationsPair !== undefined) {
    for (const item of itemsOf(context, declarationsPair.value)) {
      const declaration = buildDeclaration(context, item);
      if (declaration !== undefined) declarations.push(declaration);
    }
  }
  return {
    kind: "Model",
    range: context.source.lineMap.range(0, text.length),
    ...optional("id", id),
    ...optional("title", title),
    ...optional("input", input),
    declarations,
    comments: collectComments(context),
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function identifier(context: BuildContext, node: unknown): Identifier {
  return { kind: "Identifier", name: String(scalarValue(context, node)), range: rangeOfNode(context, node) };
}

function stringLiteral(context: BuildContext, node: unknown): StringLiteral {
  return { kind: "StringLiteral", value: String(scalarValue(context, node)), range: rangeOfNode(context, node) };
}

function inputBlock(context: BuildContext, pair: Pair<unknown, unknown>): InputBlock {
  return { kind: "InputBlock", range: rangeOfPair(context, pair), fields: pairsOf(context, pair.value).map((field) => fieldDecl(context, field)) };
}

function fieldDecl(context: BuildContext, pair: Pair<unknown, unknown>): FieldDecl {
  const spec = pair.value;
  const typePair = pairOf(context.source.document, spec, "type");
  const optionalPair = pairOf(context.source.document, spec, "optional");
  const defaultPair = pairOf(context.source.document, spec, "default");
  const docPair = pairOf(context.source.document, spec, "doc");
  const type = typePair === undefined ? undefined : typeNode(context, typePair.value);
  return {
    kind: "FieldDecl",
    range: rangeOfPair(context, pair),
    name: { kind: "Identifier", name: keyText(pair.key) ?? "", range: rangeOfNode(context, pair.key) },
    ...optional("type", type),
    optional: optionalPair !== undefined && scalarValue(context, optionalPair.value) === true,
    ...optional("default", defaultPair === undefined ? undefined : literal(context, defaultPair.value, type)),
    ...optional("doc", docPair === undefined ? undefined : stringLiteral(context, docPair.value)),
  };
}

function typeNode(context: BuildContext, node: unknown): TypeNode | undefined {
  const resolved = resolveNode(context.source.document, node);
  const range = rangeOfNode(context, resolved);
  if (isScalar(resolved)) {
    const name = resolved.value;
    if (name === "number" || name === "text" || name === "bool" || name === "date") return { kind: "PrimitiveType", name, range };
    return undefined;
  }
  const [form] = pairsOf(context, resolved);
  if (form === undefined) return undefined;
  switch (keyText(form.key)) {
    case "list":
      return { kind: "ListType", range, ...optional("element", typeNode(context, form.value)) };
    case "one_of":
      return { kind: "OneOfType", range, options: itemsOf(context, form.value).map((option) => stringLiteral(context, option)) };
    case "record":
      return { kind: "RecordType", range, fields: pairsOf(context, form.value).map((field) => fieldDecl(context, field)) };
    default:
      return undefined;
  }
}

/**
 * A literal written as a YAML/JSON value (a default, or an item of a const
 * list). Text is a date literal where the expected type is `date`, since
 * YAML and JSON have no date values of their own.
 */
function literal(context: BuildContext, node: unknown, expected: TypeNode | undefined): Expr | undefined {
  const resolved = resolveNode(context.source.document, node);
  const range = rangeOfNode(context, resolved);
  if (isSeq(resolved)) {
    const element = expected?.kind === "ListType" ? expected.element : undefined;
    const items: Expr[] = [];
    for (const item of itemsOf(context, resolved)) {
      const built = literal(context, item, element);
      if (built !== undefined) items.push(built);
    }
    return { kind: "ListLiteral", range, items };
  }
  if (!isScalar(resolved)) return undefined;
  const value = resolved.value;
  if (typeof value === "boolean") return { kind: "BoolLiteral", value, range };
  if (typeof value === "string") {
    // Only text spelled like a date literal becomes one; other text stays text, which the checker reports against the date type.
    if (expected?.kind === "PrimitiveType" && expected.name === "date" && DATE_SPELLING.test(value)) return { kind: "DateLiteral", value, range };
    return { kind: "StringLiteral", value, range };
  }
  if (typeof value === "number") return numberLiteral(context, value, range);
  return undefined;
}

// The parser reads `-5` as unary minus applied to `5`; a negative number from
// YAML/JSON is built the same way so both forms give the same tree.
function numberLiteral(context: BuildContext, value: number, range: Model["range"]): Expr {
  const magnitude = Math.abs(value);
  const raw = numberText(magnitude);
  if (value >= 0 && !Object.is(value, -0)) return { kind: "NumberLiteral", value: magnitude, raw, range };
  const inner = context.source.lineMap.range(Math.min(range.start.offset + 1, range.end.offset), range.end.offset);
  return { kind: "UnaryExpr", op: "-", range, operand: { kind: "NumberLiteral", value: magnitude, raw, range: inner } };
}


function kindOf(context: BuildContext, node: unknown): DeclarationKind | undefined {
  for (const pair of pairsOf(context, node)) {
    const key = keyText(pair.key);
    if ((DECLARATION_KINDS as readonly string[]).includes(key ?? "")) return key as DeclarationKind;
  }
  return undefined;
}

function buildDeclaration(context: BuildContext, node: unknown): Declaration | undefined {
  const kind = kindOf(context, node);
  if (kind === undefined || !isMap(resolveNode(context.source.document, node))) return undefined;
  const document = context.source.document;
  const range = rangeOfNode(context, node);
  const get = (key: string): Pair<unknown, unknown> | undefined => pairOf(document, node, key);
  const name = (): Identifier => identifier(context, get(kind)?.value);
  const label = (): { label?: StringLiteral } => optional("label", mapped(get("label"), (pair) => stringLiteral(context, pair.value)));
  const expression = (key: string): Expr | undefined => mapped(get(key), (pair) => parseScalarExpression(context, pair.value));
  switch (kind) {
    case "const": {
      const valuePair = get("value");
      const valueNode = resolveNode(document, valuePair?.value);
      const value = isSeq(valueNode) ? literal(context, valueNode, undefined) : expression("value");
      return { kind: "ConstDecl", range, name: name(), ...optional("value", value) };
    }
    case "set": {
      const items: Expr[] = [];
      for (const item of itemsOf(context, get("items")?.value)) {
        const built = parseScalarExpression(context, item);
        if (built !== undefined) items.push(built);
      }
      return { kind: "SetDecl", range, name: name(), ...label(), items };
    }
    case "let":
      return { kind: "LetDecl", range, name: name(), ...optional("value", expression("value")) };
    case "criterion":
      return { kind: "CriterionDecl", range, name: name(), ...label(), ...optional("condition", expression("when")) };
    case "score": {
      if (get("value") !== undefined) {
        return { kind: "ComputedScoreDecl", range, name: name(), ...label(), ...optional("value", expression("value")) };
      }
      const bounds: Bound[] = [];
      for (const pair of pairsOf(context, node)) {
        const which = keyText(pair.key);
        if (which === "min" || which === "max") {
          bounds.push({ kind: "Bound", which, range: rangeOfPair(context, pair), ...optional("value", boundValue(context, pair.value)) });
        }
      }
      const rules = itemsOf(context, get("rules")?.value).map((rule) => scoreRule(context, rule));
      return { kind: "ScoreGroupDecl", range, name: name(), ...label(), bounds, rules };
    }
    case "disqualify":
      return { kind: "DisqualifyDecl", range, reason: stringLiteral(context, get("disqualify")?.value), ...optional("condition", expression("when")) };
    case "tier": {
      const otherwise = get("otherwise") !== undefined && scalarValue(context, get("otherwise")?.value) === true;
      return { kind: "TierDecl", range, name: name(), ...label(), ...optional("condition", expression("when")), otherwise };
    }
  }
}

/**
 * A bound's value: a number written as a YAML/JSON number, or a const
 * expression written as text (`fit_cap + 5`). A number is built from its
 * value rather than parsed from its spelling, since YAML and JSON spell
 * numbers in ways Qual does not (`1e3`, `0x10`); YAML's `.inf` and `.nan`
 * have no Qual value, so they are parsed and reported as written.
 */
function boundValue(context: BuildContext, node: unknown): Expr | undefined {
  const resolved = resolveNode(context.source.document, node);
  if (!isScalar(resolved)) return undefined;
  const value = resolved.value;
  if (typeof value === "number" && Number.isFinite(value)) return numberLiteral(context, value, rangeOfNode(context, resolved));
  return parseScalarExpression(context, resolved);
}

function scoreRule(context: BuildContext, node: unknown): ScoreRule {
  const document = context.source.document;
  const labelPair = pairOf(document, node, "label");
  const pointsPair = pairOf(document, node, "points");
  const whenPair = pairOf(document, node, "when");
  return {
    kind: "ScoreRule",
    range: rangeOfNode(context, node),
    label: stringLiteral(context, labelPair?.value),
    ...optional("points", mapped(pointsPair, (pair) => signedPoints(parseScalarExpression(context, pair.value)))),
    ...optional("when", mapped(whenPair, (pair) => parseScalarExpression(context, pair.value))),
  };
}

/**
 * Literal points read as Qual writes them, with their sign: `points: 20` is
 * `+20`, so a rule reads as a gain beside `-30` and qual -> data -> qual
 * gives back the text the author wrote. The value is the same.
 */
function signedPoints(expr: Expr | undefined): Expr | undefined {
  if (expr?.kind !== "NumberLiteral") return expr;
  return { kind: "UnaryExpr", op: "+", range: expr.range, operand: expr };
}

function mapped<T, R>(value: T | undefined, f: (value: T) => R | undefined): R | undefined {
  return value === undefined ? undefined : f(value);
}

/** The YAML comments of the file, as Qual comments (text without `#`), except the editor's schema modeline. */
function collectComments(context: BuildContext): Comment[] {
  const { lineMap } = context.source;
  const found: { offset: number; source: string }[] = [];
  const walk = (token: unknown): void => {
    if (Array.isArray(token)) {
      for (const item of token) walk(item);
      return;
    }
    if (typeof token !== "object" || token === null) return;
    const candidate = token as { type?: unknown; offset?: unknown; source?: unknown };
    if (candidate.type === "comment" && typeof candidate.offset === "number" && typeof candidate.source === "string") {
      found.push({ offset: candidate.offset, source: candidate.source });
      return;
    }
    for (const value of Object.values(token)) if (typeof value === "object") walk(value);
  };
  walk(context.source.tokens);
  const unique = new Map(found.map((comment) => [comment.offset, comment]));
  return [...unique.values()]
    .filter((comment) => !SCHEMA_MODELINE.test(comment.source))
    .sort((a, b) => a.offset - b.offset)
    // Trailing blanks of a comment carry nothing (and `# ` is how an empty comment survives YAML).
    .map((comment) => ({ range: lineMap.range(comment.offset, comment.offset + comment.source.length), text: comment.source.slice(1).trimEnd() }));
}
