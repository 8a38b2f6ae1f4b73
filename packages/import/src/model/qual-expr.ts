/**
 * The Qual text an importer builds, with the type Qual will give it. Importers
 * decide meaning on these types (a JsonLogic `==` is translated only when
 * both sides have one type), and write operands in parentheses unless they
 * are atoms, so the printed text never depends on precedence; the formatter
 * removes the parentheses it does not need.
 */
export type ScalarType = "number" | "text" | "bool" | "date";
/** The types importers produce: scalars and lists of scalars. */
/** `list of record` is a list of records whose fields an importer declares beside it ({@link FoundField.elements}). */
export type ImportType = ScalarType | `list of ${ScalarType}` | "list of record";

/** An expression as Qual text and its type. */
export interface QualExpr {
  readonly text: string;
  readonly type: ImportType;
  /** A literal, a name or a call: safe as an operand without parentheses. */
  readonly atom: boolean;
}

/** A compound expression. */
export function compound(text: string, type: ImportType): QualExpr {
  return { text, type, atom: false };
}

/** An atom (literal, name, call, parenthesised expression). */
export function atom(text: string, type: ImportType): QualExpr {
  return { text, type, atom: true };
}

/** The expression as an operand. */
export function operand(e: QualExpr): string {
  return e.atom ? e.text : `(${e.text})`;
}

/** The element type of a list type, or undefined. */
export function elementOf(type: ImportType): ScalarType | undefined {
  return type.startsWith("list of ") ? (type.slice(8) as ScalarType) : undefined;
}

/** A Qual string literal. JSON escapes are a subset of Qual's except for control characters and `\u`, which callers refuse. */
export function textLiteral(value: string): string {
  return JSON.stringify(value);
}

/** Whether a text can be written as a Qual string literal (Qual knows `\"`, `\\`, `\n`, `\t` only). */
export function writableText(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/.test(value);
}

/** A Qual number literal for a finite number, or undefined when Qual cannot write it (exponents, NaN). */
export function numberLiteral(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = String(Math.abs(value));
  if (/e/i.test(text)) return undefined;
  return value < 0 || Object.is(value, -0) ? `-${text}` : text;
}

/** A literal of any JSON scalar Qual can write, with its type. */
export function literal(value: unknown): QualExpr | undefined {
  if (typeof value === "boolean") return atom(String(value), "bool");
  if (typeof value === "number") {
    const text = numberLiteral(value);
    if (text === undefined) return undefined;
    return value < 0 ? compound(text, "number") : atom(text, "number");
  }
  if (typeof value === "string") return writableText(value) ? atom(textLiteral(value), "text") : undefined;
  return undefined;
}

/** A list literal of scalars of one type, or undefined. */
export function listLiteral(values: readonly unknown[]): QualExpr | undefined {
  const items = values.map(literal);
  if (items.some((i) => i === undefined)) return undefined;
  const types = new Set(items.map((i) => i!.type));
  if (types.size > 1) return undefined;
  const element = (items[0]?.type ?? "text") as ScalarType;
  return atom(`[${items.map((i) => i!.text).join(", ")}]`, `list of ${element}`);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(
  "model input const let criterion score disqualify tier when otherwise and or not in between contains starts ends with matches is if then else of true false".split(" "),
);

/** Whether a text can be a Qual name (an input field, a criterion id). */
export function isQualName(name: string): boolean {
  return NAME.test(name) && !RESERVED.has(name);
}

/** A Qual id made from any text (`"Lead score"` -> `lead_score`), avoiding reserved words. */
export function toQualId(text: string): string {
  let id = text
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toLowerCase();
  if (id === "") id = "rule";
  if (/^[0-9]/.test(id)) id = `r_${id}`;
  if (RESERVED.has(id)) id = `${id}_`;
  return id;
}
