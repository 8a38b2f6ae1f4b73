import type { Diagnostic, SourceRange, Suggestion } from "@qualify/ir";
import type { ErrorObject } from "ajv";
import { DataCode, dataError } from "../diagnostics/codes.js";
import { closestMatch } from "../diagnostics/did-you-mean.js";
import { DECLARATION_KINDS } from "../document/declaration-kinds.js";
import { nodeAtPath, nodeSpan, pairOf, pairSpan, pointerSegments } from "../document/node-at-path.js";
import type { SourceDocument } from "../document/parse-document.js";
import { allowedKeys, describePlace, kindKeysOf, placeKind, valueAt } from "./locations.js";

const TYPE_NAMES = ["number", "text", "bool", "date"];

/** The information every error translation needs. */
interface ErrorContext {
  readonly source: SourceDocument;
  readonly error: ErrorObject;
  readonly segments: readonly string[];
}

/**
 * Turns ajv's errors for a data document into the project's diagnostics:
 * friendly messages that name the place ("declaration 3 (criterion
 * `budget`)"), QUAL6xx codes, "did you mean" suggestions for misspelt keys
 * and type names, and ranges on the offending key or value in the YAML/JSON
 * text. Ajv's bookkeeping errors (`if`, the branches of `oneOf`) are folded
 * into one message per problem.
 */
export function schemaDiagnostics(source: SourceDocument, errors: readonly ErrorObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const segments = pointerSegments(error.instancePath);
    if (skip(source, error, segments)) continue;
    const diagnostic = translate({ source, error, segments });
    if (diagnostic === undefined) continue;
    const key = `${diagnostic.code}:${diagnostic.range.start.offset}:${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
  }
  return out;
}

function isDeclarationPath(segments: readonly string[]): boolean {
  return segments.length === 2 && segments[0] === "declarations";
}

function skip(source: SourceDocument, error: ErrorObject, segments: readonly string[]): boolean {
  // `if` errors only say that a `then` failed, whose own errors are reported;
  // `propertyNames` wraps the error about the name itself.
  if (error.keyword === "if" || error.keyword === "propertyNames") return true;
  // The branches of a `oneOf` ("must have required property ...") are summed up by the `oneOf` error.
  if (error.schemaPath.includes("/oneOf/")) return true;
  // A declaration with no kind key, or several, gets one message saying so; the rest would be noise.
  if (isDeclarationPath(segments) && error.keyword !== "oneOf") {
    return kindKeysOf(valueAt(source.value, segments)).length !== 1;
  }
  return false;
}

function translate(context: ErrorContext): Diagnostic | undefined {
  const { error } = context;
  switch (error.keyword) {
    case "additionalProperties":
      return unknownKey(context, String(error.params.additionalProperty));
    case "type":
      return wrongType(context);
    case "required":
      return missingKey(context, String(error.params.missingProperty));
    case "oneOf":
      return oneOf(context);
    case "enum":
      return unknownTypeName(context);
    case "pattern":
    case "not":
      return invalidName(context);
    case "const":
      return invalid(context, DataCode.InvalidValue, `${describePlace(context.source.value, context.segments)} can only be \`true\`: it marks the last, catch-all tier.`);
    case "false schema":
      return invalid(
        context,
        DataCode.ConflictingKeys,
        `\`${context.segments.at(-1) ?? ""}\` applies only to a points group (a score with \`rules\`); ${describePlace(context.source.value, context.segments.slice(0, -1))} is a computed score (it has \`value\`), which has no bounds.`,
        "key",
      );
    case "minItems":
      return invalid(context, DataCode.InvalidValue, `${describePlace(context.source.value, context.segments)} needs at least one choice.`);
    case "minProperties":
    case "maxProperties":
      return invalid(
        context,
        DataCode.InvalidValue,
        `${describePlace(context.source.value, context.segments)} must have exactly one key: \`list\`, \`one_of\` or \`record\`.`,
      );
    default:
      return invalid(context, DataCode.InvalidValue, `${describePlace(context.source.value, context.segments)} ${error.message ?? "is not valid"}.`);
  }
}

function rangeOf(context: ErrorContext, segments: readonly string[], part: "key" | "value" | "pair"): SourceRange {
  const { document, lineMap } = context.source;
  const located = nodeAtPath(document, segments);
  const span =
    part === "key" && located.pair !== undefined
      ? nodeSpan(located.pair.key)
      : part === "pair" && located.pair !== undefined
        ? pairSpan(located.pair)
        : (firstLine(context, nodeSpan(located.node)) ?? (located.pair === undefined ? undefined : pairSpan(located.pair)));
  const [start, end] = span ?? [0, 0];
  return lineMap.range(start, end);
}

/** A mapping or list can span many lines; a diagnostic about it underlines its first line only. */
function firstLine(context: ErrorContext, span: [number, number] | undefined): [number, number] | undefined {
  if (span === undefined) return undefined;
  const lineEnd = context.source.text.indexOf("\n", span[0]);
  return lineEnd < 0 || lineEnd >= span[1] ? span : [span[0], lineEnd];
}

function keyRange(context: ErrorContext, containerSegments: readonly string[], key: string): SourceRange {
  const { document, lineMap } = context.source;
  const container = nodeAtPath(document, containerSegments).node;
  const pair = pairOf(document, container, key);
  const span = pair === undefined ? undefined : nodeSpan(pair.key);
  return span === undefined ? rangeOf(context, containerSegments, "value") : lineMap.range(span[0], span[1]);
}

function invalid(context: ErrorContext, code: (typeof DataCode)[keyof typeof DataCode], message: string, part: "key" | "value" = "value"): Diagnostic {
  return dataError(code, message, rangeOf(context, context.segments, part), context.source.file);
}

function replaceWith(range: SourceRange, newText: string): Suggestion {
  return { message: `did you mean \`${newText}\`?`, edits: [{ range, newText }] };
}

function unknownKey(context: ErrorContext, key: string): Diagnostic {
  const { source, segments } = context;
  const value = valueAt(source.value, segments);
  const allowed = allowedKeys(placeKind(segments), value);
  const range = keyRange(context, segments, key);
  const where = describePlace(source.value, segments);
  const guess = closestMatch(key, allowed);
  if (guess !== undefined) {
    return dataError(DataCode.UnknownKey, `unknown key \`${key}\` in ${where} — did you mean \`${guess}\`?`, range, source.file, replaceWith(range, guess));
  }
  const list = allowed.length > 0 ? `; the keys allowed here are ${allowed.map((k) => `\`${k}\``).join(", ")}` : "";
  return dataError(DataCode.UnknownKey, `unknown key \`${key}\` in ${where}${list}.`, range, source.file);
}

function describeFound(value: unknown, format: SourceDocument["format"]): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") return "text";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return `\`${String(value)}\``;
  if (Array.isArray(value)) return format === "json" ? "an array" : "a list";
  return format === "json" ? "an object" : "a mapping";
}

function describeExpected(types: readonly string[], segments: readonly string[], format: SourceDocument["format"]): string {
  const place = placeKind(segments);
  const key = segments.at(-1);
  if (place === "type") return "a type: `number`, `text`, `bool`, `date`, or a mapping with `list`, `one_of` or `record`";
  if (place === "literal" && key === "default") return "a value: text, a number, `true`/`false` or a list";
  if (place === "literal") return "an expression (text) or a list of values";
  if (place === "value" && (key === "min" || key === "max") && isDeclarationPath(segments.slice(0, -1))) {
    return "a number or an expression known in advance (text, e.g. `fit_cap + 5`)";
  }
  if (types.includes("string") && types.includes("number") && types.includes("boolean")) {
    return key === "points" ? "a number or a number expression (text)" : "an expression (text)";
  }
  const words: Record<string, string> = {
    string: "text",
    number: "a number",
    integer: "a whole number",
    boolean: "`true` or `false`",
    array: format === "json" ? "an array" : "a list",
    object: format === "json" ? "an object" : "a mapping",
    null: "nothing",
  };
  return types.map((t) => words[t] ?? t).join(" or ");
}

function wrongType(context: ErrorContext): Diagnostic {
  const { source, segments, error } = context;
  const expectedTypes = Array.isArray(error.params.type) ? (error.params.type as string[]) : [String(error.params.type)];
  const found = describeFound(valueAt(source.value, segments), source.format);
  const expected = describeExpected(expectedTypes, segments, source.format);
  return invalid(context, DataCode.WrongType, `${capitalize(describePlace(source.value, segments))} must be ${expected}, found ${found}.`);
}

const MISSING_HINTS: Record<string, string> = {
  model: "the model's id, e.g. `model: bant`",
  input: "the lead's fields, e.g. `input: { budget: { type: number } }`",
  declarations: "the list of consts, sets, lets, criteria, scores, disqualify rules and tiers",
  type: "the field's type, e.g. `type: number`",
  value: "the expression that gives its value",
  when: "the condition, e.g. `when: budget_usd >= 10000`",
  label: "the label shown to people",
  points: "the points, e.g. `points: 20`",
  items: "the set's yes/no items, e.g. `items: [metrics, champion]`",
};

function missingKey(context: ErrorContext, key: string): Diagnostic {
  const { source, segments } = context;
  const where = describePlace(source.value, segments);
  const hint = MISSING_HINTS[key];
  const message = `${capitalize(where)} is missing \`${key}\`${hint === undefined ? "" : `: ${hint}`}.`;
  return dataError(DataCode.MissingKey, message, ownerRange(context), source.file);
}

/**
 * Where to point when something is missing from a mapping: a declaration's
 * kind line (`criterion: budget`), else the key that holds the mapping
 * (`budget_usd:`), else the mapping's first line.
 */
function ownerRange(context: ErrorContext): SourceRange {
  const { source, segments } = context;
  if (isDeclarationPath(segments)) {
    const [kind] = kindKeysOf(valueAt(source.value, segments));
    const container = nodeAtPath(source.document, segments).node;
    const pair = kind === undefined ? undefined : pairOf(source.document, container, kind);
    const span = pair === undefined ? undefined : pairSpan(pair);
    if (span !== undefined) return source.lineMap.range(span[0], span[1]);
  }
  const located = nodeAtPath(source.document, segments);
  if (located.pair !== undefined) return rangeOf(context, segments, "key");
  return rangeOf(context, segments, "value");
}

function oneOf(context: ErrorContext): Diagnostic {
  const { source, segments, error } = context;
  const value = valueAt(source.value, segments);
  const kinds = kindKeysOf(value);
  const where = describePlace(source.value, segments);
  const passing = error.params.passingSchemas as unknown;
  if (kinds.length === 0) return kindlessDeclaration(context, value);
  if (kinds.length > 1) {
    const [, second] = kinds;
    return dataError(
      DataCode.DeclarationKind,
      `${capitalize(where)} has both ${kinds.map((k) => `\`${k}\``).join(" and ")}; write one declaration per list item.`,
      keyRange(context, segments, second ?? ""),
      source.file,
    );
  }
  const [kind] = kinds;
  const both = Array.isArray(passing);
  if (kind === "tier") {
    return both
      ? dataError(DataCode.ConflictingKeys, `${capitalize(where)} has both \`when\` and \`otherwise\`; a tier has one or the other.`, keyRange(context, segments, "otherwise"), source.file)
      : dataError(DataCode.MissingKey, `${capitalize(where)} needs \`when: CONDITION\`, or \`otherwise: true\` if it is the last tier.`, ownerRange(context), source.file);
  }
  if (kind === "score") {
    return both
      ? dataError(
          DataCode.ConflictingKeys,
          `${capitalize(where)} has both \`rules\` and \`value\`; a score is either a points group (\`rules\`) or computed (\`value\`).`,
          keyRange(context, segments, "value"),
          source.file,
        )
      : dataError(DataCode.MissingKey, `${capitalize(where)} needs \`rules\` (a points group) or \`value\` (a computed score).`, ownerRange(context), source.file);
  }
  return invalid(context, DataCode.InvalidValue, `${capitalize(where)} ${error.message ?? "is not valid"}.`);
}

function kindlessDeclaration(context: ErrorContext, value: unknown): Diagnostic {
  const { source, segments } = context;
  const where = describePlace(source.value, segments);
  const keys = typeof value === "object" && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
  for (const key of keys) {
    const guess = closestMatch(key, DECLARATION_KINDS, "loose");
    if (guess !== undefined) {
      const range = keyRange(context, segments, key);
      return dataError(DataCode.UnknownKey, `unknown key \`${key}\` in ${where} — did you mean \`${guess}\`?`, range, source.file, replaceWith(range, guess));
    }
  }
  const kinds = DECLARATION_KINDS.map((k) => `\`${k}\``).join(", ");
  return dataError(DataCode.DeclarationKind, `${capitalize(where)} does not say what it declares: start it with one of ${kinds}.`, rangeOf(context, segments, "value"), source.file);
}

function unknownTypeName(context: ErrorContext): Diagnostic {
  const { source, segments } = context;
  const found = String(valueAt(source.value, segments));
  const range = rangeOf(context, segments, "value");
  const guess = closestMatch(found, TYPE_NAMES);
  const where = describePlace(source.value, segments.slice(0, -1));
  const known = "the types are `number`, `text`, `bool` and `date`, or a mapping with `list`, `one_of` or `record`";
  const message = `unknown type \`${found}\` for ${where}${guess === undefined ? "" : ` — did you mean \`${guess}\`?`} (${known}).`;
  return dataError(DataCode.InvalidValue, message, range, source.file, guess === undefined ? undefined : replaceWith(range, guess));
}

function invalidName(context: ErrorContext): Diagnostic {
  const { source, segments, error } = context;
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    // A field name (a key of `input` or of a record) that is not a valid name.
    const range = keyRange(context, segments, propertyName);
    const where = describePlace(source.value, [...segments, propertyName]);
    return dataError(DataCode.InvalidValue, nameProblem(propertyName, error.keyword, where), range, source.file);
  }
  const value = valueAt(source.value, segments);
  // The name of a declaration is described by its position alone: the name itself is what is wrong.
  const where = isDeclarationPath(segments.slice(0, -1)) ? `declaration ${Number(segments[1]) + 1}` : describePlace(source.value, segments);
  if (error.keyword === "pattern" && error.params.pattern === "\\S") {
    return invalid(context, DataCode.InvalidValue, `${capitalize(where)} is empty: write an expression.`);
  }
  return invalid(context, DataCode.InvalidValue, nameProblem(String(value), error.keyword, where));
}

function nameProblem(name: string, keyword: string, where: string): string {
  if (keyword === "not") return `\`${name}\` is a reserved word of Qual and cannot be used as a name, in ${where}.`;
  return `\`${name}\` is not a valid name, in ${where}: use letters, digits and \`_\`, not starting with a digit.`;
}

function capitalize(text: string): string {
  return text.length === 0 ? text : (text[0] ?? "").toUpperCase() + text.slice(1);
}
