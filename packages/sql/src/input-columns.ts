import type { InputField, JsonValue, QualType } from "@qualify/ir";
import { mayBeAbsent } from "@qualify/ir";
import { dateTextToMs } from "./date-text.js";
import type { Dialect } from "./dialect.js";
import { numberText, textLiteral } from "./sql-text.js";

/**
 * The input relation's columns: one per leaf field, named by its dotted path
 * (`company.size` for a field of the record `company`), as CSV files and
 * `--map` files name them. Lists are one column of the engine's list type;
 * the records inside a list are the engine's record type (DuckDB STRUCT,
 * PostgreSQL jsonb objects), whose own fields keep their names.
 */
export interface InputColumn {
  /** The dotted path: the column's name. */
  readonly name: string;
  readonly path: readonly string[];
  readonly field: InputField;
  readonly type: QualType;
}

/** Every leaf field of the model, records flattened to dotted names, in declaration order. */
export function inputColumns(inputs: readonly InputField[], prefix: readonly string[] = []): InputColumn[] {
  return inputs.flatMap((field): InputColumn[] => {
    const path = [...prefix, field.name];
    if (field.type.kind === "record") return inputColumns(field.type.fields, path);
    return [{ name: path.join("."), path, field, type: field.type }];
  });
}

/** `CASE lower(x) WHEN 'smb' THEN 'SMB' ... END`: a choice in its declared spelling, NULL when it is none of them. */
function choiceOf(x: string, options: readonly string[]): string {
  // The last option wins when two fold alike, as the closures' lookup map does.
  const byFold = new Map<string, string>();
  for (const o of options) byFold.set(o.toLowerCase(), o);
  if (byFold.size === 0) return "CAST(NULL AS VARCHAR)";
  return `CASE lower(${x}) ${[...byFold].map(([fold, o]) => `WHEN ${textLiteral(fold)} THEN ${textLiteral(o)}`).join(" ")} END`;
}

/** Writes the runtime form of values read from the input. */
export class InputReader {
  private aliases = 0;
  constructor(private readonly d: Dialect) {}

  /** The runtime form of a raw value of a type (a column, or a field of a list element), defaults applied. */
  read(raw: string, type: QualType, fallback?: JsonValue): string {
    const value = this.convert(raw, type);
    if (fallback === undefined || fallback === null) return value;
    return `coalesce(${value}, ${this.literalOf(fallback, type)})`;
  }

  private convert(raw: string, type: QualType): string {
    const d = this.d;
    switch (type.kind) {
      case "date":
        return dateTextToMs(d, raw, `__q_d${++this.aliases}`);
      case "choice":
        return choiceOf(raw, type.options);
      case "number":
        return `CAST(${raw} AS ${d.double})`;
      case "list": {
        const element = type.element;
        if (!changesForm(element)) return raw;
        const alias = `__q_l${++this.aliases}`;
        const item = element.kind === "record" ? this.record(alias, element) : this.convert(d.rawSelf(alias, element), element);
        return d.mapList(raw, alias, item);
      }
      case "record":
        return raw;
      default:
        return raw;
    }
  }

  /** A record element: exactly its declared fields, each in runtime form with its default. */
  private record(alias: string, type: QualType & { kind: "record" }): string {
    return this.d.recordOf(
      type.fields.map((f) => {
        const raw = this.d.rawField(alias, f.name, f.type);
        if (f.type.kind === "record") {
          const inner = `__q_l${++this.aliases}`;
          const built = this.d.letIn(raw, inner, this.record(inner, f.type));
          // An absent record reads as one with its defaults only when every field of it may be absent.
          return [f.name, f.type.fields.every(mayBeAbsent) ? built : `CASE WHEN ${raw} IS NULL THEN NULL ELSE ${built} END`] as const;
        }
        return [f.name, this.read(raw, f.type, f.default)] as const;
      }),
    );
  }

  /** A default (JSON) as a runtime-form literal. */
  literalOf(value: JsonValue, type: QualType): string {
    if (Array.isArray(value)) {
      const element = type.kind === "list" ? type.element : type;
      return this.d.listOf(
        value.map((v) => this.literalOf(v, element)),
        element,
      );
    }
    switch (type.kind) {
      case "number":
        return `CAST(${numberText(value as number)} AS ${this.d.double})`;
      case "bool":
        return value === true ? "TRUE" : "FALSE";
      case "date":
        return this.convert(textLiteral(String(value)), type);
      default:
        return textLiteral(String(value));
    }
  }
}

/** Whether reading a value of the type changes its form (dates to milliseconds, choices to their spelling, records rebuilt). */
function changesForm(type: QualType): boolean {
  if (type.kind === "list") return changesForm(type.element);
  return type.kind === "date" || type.kind === "choice" || type.kind === "record" || type.kind === "number";
}

