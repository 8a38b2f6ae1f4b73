/**
 * The types of Qual values. `list` elements are never null. `choice` is
 * `one of ("a", "b")`; its values are text normalised to the declared spelling.
 * `record` is a nested input record. `empty` is the element type of the empty
 * list literal `[]`, which fits any list.
 */
export type QualType =
  | { readonly kind: "number" }
  | { readonly kind: "text" }
  | { readonly kind: "bool" }
  | { readonly kind: "date" }
  | { readonly kind: "empty" }
  | { readonly kind: "list"; readonly element: QualType }
  | { readonly kind: "choice"; readonly options: readonly string[] }
  | { readonly kind: "record"; readonly fields: readonly InputField[] };

/** One declared input field, as the IR keeps it. */
export interface InputField {
  readonly name: string;
  readonly type: QualType;
  /** `?` after the type: absent or null reads as unknown. */
  readonly optional: boolean;
  /** The `= LITERAL` default, as a JSON value (dates as ISO `YYYY-MM-DD` strings). */
  readonly default?: JsonValue;
  readonly doc?: string;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The person-readable spelling of a type, as used in messages: `list of text`. */
export function typeToString(type: QualType): string {
  switch (type.kind) {
    case "list":
      return `list of ${typeToString(type.element)}`;
    case "choice":
      return `one of (${type.options.map((o) => JSON.stringify(o)).join(", ")})`;
    case "record":
      return "record";
    case "empty":
      return "nothing";
    default:
      return type.kind;
  }
}
