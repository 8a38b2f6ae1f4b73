import { DECLARATION_KINDS } from "../document/declaration-kinds.js";

/**
 * What a place in a data document is, read from its JSON pointer segments:
 * the document root, an input field, a type, a declaration, a rule, or a
 * plain value. Error messages and the "did you mean" key lists depend on it.
 */
export type PlaceKind = "root" | "fields" | "field" | "type" | "declarations" | "declaration" | "rules" | "rule" | "literal" | "value";

/** The kind of place that `segments` lead to. */
export function placeKind(segments: readonly string[]): PlaceKind {
  let place: PlaceKind = "root";
  for (const segment of segments) place = step(place, segment);
  return place;
}

function step(place: PlaceKind, segment: string): PlaceKind {
  switch (place) {
    case "root":
      return segment === "input" ? "fields" : segment === "declarations" ? "declarations" : "value";
    case "fields":
      return "field";
    case "field":
      return segment === "type" ? "type" : segment === "default" ? "literal" : "value";
    case "type":
      return segment === "list" ? "type" : segment === "record" ? "fields" : "value";
    case "declarations":
      return "declaration";
    case "declaration":
      return segment === "rules" ? "rules" : segment === "value" ? "literal" : "value";
    case "rules":
      return "rule";
    default:
      return "value";
  }
}

/** The kind keys (`criterion`, `tier`, ...) present in a declaration's value. */
export function kindKeysOf(value: unknown): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  return DECLARATION_KINDS.filter((kind) => Object.hasOwn(value, kind));
}

/** The keys allowed at a place (for "did you mean"), given the value found there. */
export function allowedKeys(place: PlaceKind, value: unknown): readonly string[] {
  switch (place) {
    case "root":
      return ["model", "title", "input", "declarations", "$schema"];
    case "field":
      return ["type", "optional", "default", "doc"];
    case "type":
      return ["list", "one_of", "record"];
    case "rule":
      return ["label", "points", "when"];
    case "declaration":
      switch (kindKeysOf(value)[0]) {
        case "const":
          return ["const", "value"];
        case "set":
          return ["set", "label", "items"];
        case "let":
          return ["let", "value"];
        case "criterion":
          return ["criterion", "label", "when"];
        case "score":
          return ["score", "label", "min", "max", "rules", "value"];
        case "disqualify":
          return ["disqualify", "when"];
        case "tier":
          return ["tier", "label", "when", "otherwise"];
        default:
          return DECLARATION_KINDS;
      }
    default:
      return [];
  }
}

/** The value at a path of a plain JSON-like value. */
export function valueAt(root: unknown, segments: readonly string[]): unknown {
  let value = root;
  for (const segment of segments) {
    if (Array.isArray(value)) value = value[Number(segment)];
    else if (typeof value === "object" && value !== null && Object.hasOwn(value, segment)) value = (value as Record<string, unknown>)[segment];
    else return undefined;
  }
  return value;
}

/**
 * A person-readable name of a place: "the document", "input field
 * `company.employees`", "declaration 3 (criterion `budget`)", "rule 2 of score
 * `fit`", "the type of input field `plan`".
 */
export function describePlace(root: unknown, segments: readonly string[]): string {
  if (segments.length === 0) return "the document";
  if (segments[0] === "input") return describeInput(segments.slice(1));
  if (segments[0] === "declarations" && segments.length >= 2) {
    const index = Number(segments[1]);
    const declaration = describeDeclaration(valueAt(root, segments.slice(0, 2)), index);
    if (segments.length === 2) return declaration;
    if (segments[2] === "rules" && segments.length >= 4) {
      const rule = valueAt(root, segments.slice(0, 4));
      const label = typeof rule === "object" && rule !== null && typeof (rule as { label?: unknown }).label === "string" ? ` ("${(rule as { label: string }).label}")` : "";
      const where = `rule ${Number(segments[3]) + 1}${label} of ${declaration}`;
      return segments.length === 4 ? where : `\`${segments.slice(4).join(".")}\` in ${where}`;
    }
    return `\`${segments.slice(2).join(".")}\` in ${declaration}`;
  }
  return `\`${segments.join(".")}\``;
}

function describeInput(segments: readonly string[]): string {
  if (segments.length === 0) return "`input`";
  const names: string[] = [];
  const rest: string[] = [];
  let index = 0;
  while (index < segments.length) {
    const name = segments[index];
    if (name === undefined) break;
    names.push(name);
    // A nested record's fields sit under `type.record`.
    if (segments[index + 1] === "type" && segments[index + 2] === "record" && index + 3 < segments.length) {
      index += 3;
      continue;
    }
    rest.push(...segments.slice(index + 1));
    break;
  }
  const field = `input field \`${names.join(".")}\``;
  return rest.length === 0 ? field : `\`${rest.join(".")}\` of ${field}`;
}

function describeDeclaration(value: unknown, index: number): string {
  const [kind] = kindKeysOf(value);
  const position = `declaration ${index + 1}`;
  if (kind === undefined) return position;
  const name = (value as Record<string, unknown>)[kind];
  if (typeof name !== "string") return `${position} (${kind})`;
  return kind === "disqualify" ? `${position} (disqualify "${name}")` : `${position} (${kind} \`${name}\`)`;
}
