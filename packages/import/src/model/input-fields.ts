import type { ImportType } from "./qual-expr.js";
import { literal } from "./qual-expr.js";

/** One input field an importer found, with how its type was decided. */
export interface FoundField {
  readonly path: readonly string[];
  type?: ImportType;
  /** Why the type is what it is (`compared with a number by ">"`), written beside the field. */
  evidence?: string;
  optional: boolean;
  default?: unknown;
  /** A JSON Pointer to the first use, for the report. */
  at?: string;
  /** For a `list of record`: the fields of its elements. */
  elements?: InputFields;
}

/**
 * The input fields of an imported model, keyed by dotted path. A path's
 * parents become nested records, so `company.employees` declares
 * `company: { employees: ... }`.
 */
export class InputFields {
  private readonly fields = new Map<string, FoundField>();

  /** The field at a path, created untyped on first use. */
  use(path: readonly string[]): FoundField {
    const key = path.join(".");
    let field = this.fields.get(key);
    if (field === undefined) {
      field = { path, optional: false };
      this.fields.set(key, field);
    }
    return field;
  }

  /** An independent copy, so a rule can be tried and dropped without leaving its fields behind. */
  clone(): InputFields {
    const copy = new InputFields();
    for (const [key, field] of this.fields) {
      copy.fields.set(key, { ...field, ...(field.elements === undefined ? {} : { elements: field.elements.clone() }) });
    }
    return copy;
  }

  get(path: readonly string[]): FoundField | undefined {
    return this.fields.get(path.join("."));
  }

  /**
   * A conflict between a field read as a value and as a record (`a` and
   * `a.b`), as a sentence, or undefined.
   */
  shapeConflict(): string | undefined {
    const keys = [...this.fields.keys()];
    for (const key of keys) {
      const nested = keys.find((k) => k.startsWith(`${key}.`));
      if (nested !== undefined) return `"${key}" is read both as a value and as a record (through "${nested}")`;
    }
    return undefined;
  }

  all(): readonly FoundField[] {
    return [...this.fields.values()];
  }

  /** The `input { ... }` block, nested records in first-use order, each field with its evidence as a comment. */
  print(): string {
    const lines = ["input {"];
    printLevel(this.all(), [], 1, lines);
    lines.push("}");
    return lines.join("\n");
  }
}

function printLevel(fields: readonly FoundField[], prefix: readonly string[], depth: number, lines: string[]): void {
  const indent = "  ".repeat(depth);
  const done = new Set<string>();
  for (const field of fields) {
    if (!prefix.every((p, i) => field.path[i] === p) || field.path.length <= prefix.length) continue;
    const name = field.path[prefix.length]!;
    if (done.has(name)) continue;
    done.add(name);
    if (field.path.length > prefix.length + 1) {
      lines.push(`${indent}${name}: {`);
      printLevel(fields, [...prefix, name], depth + 1, lines);
      lines.push(`${indent}}`);
      continue;
    }
    if (field.evidence !== undefined) lines.push(`${indent}# review: ${field.evidence}`);
    if (field.type === "list of record" && field.elements !== undefined) {
      lines.push(`${indent}${name}: list of {`);
      printLevel(field.elements.all(), [], depth + 1, lines);
      lines.push(`${indent}}${field.optional ? "?" : ""}`);
      continue;
    }
    const type = field.type ?? "number";
    const defaultText = field.default === undefined ? "" : ` = ${literal(field.default)?.text ?? "?"}`;
    lines.push(`${indent}${name}: ${type}${field.optional ? "?" : ""}${defaultText}`);
  }
}
