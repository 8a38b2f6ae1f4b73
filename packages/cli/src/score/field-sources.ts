import type { InputField, JsonValue, QualType } from "@qualify/ir";
import { UsageError } from "../exit-codes.js";

// Kept apart from field-map.ts (which reads YAML files) so worker threads,
// which only need the plan, do not load the YAML parser and the language front end.

/** How one model field is read from an input row. */
export interface FieldSource {
  /** The model field's path: `["company", "employees"]`. */
  readonly path: readonly string[];
  readonly type: QualType;
  /** The input column (CSV header name, or JSON Lines key). */
  readonly column: string;
  /** Input text -> model value; `null` means missing. */
  readonly values?: Readonly<Record<string, JsonValue>>;
}

/** A `--map fields.yaml` file: model field (dotted path) <- column, with optional value mapping. */
export interface FieldMap {
  readonly fields: ReadonlyMap<string, { readonly column: string; readonly values?: Readonly<Record<string, JsonValue>> }>;
}

/**
 * Where each leaf field of the model is read from: the mapped column, else a
 * column of the same (dotted) name.
 * @throws UsageError when the map names a field the model does not have.
 */
export function planFieldSources(inputs: readonly InputField[], map: FieldMap | undefined, mapFile = "--map"): FieldSource[] {
  const sources: FieldSource[] = [];
  const known = new Set<string>();
  const walk = (fields: readonly InputField[], prefix: readonly string[]) => {
    for (const field of fields) {
      const path = [...prefix, field.name];
      const dotted = path.join(".");
      known.add(dotted);
      if (field.type.kind === "record" && !map?.fields.has(dotted)) {
        walk(field.type.fields, path);
        continue;
      }
      const mapped = map?.fields.get(dotted);
      sources.push({
        path,
        type: field.type,
        column: mapped?.column ?? dotted,
        ...(mapped?.values ? { values: mapped.values } : {}),
      });
    }
  };
  walk(inputs, []);
  for (const field of map?.fields.keys() ?? []) {
    if (!known.has(field)) {
      const names = [...known].join(", ");
      throw new UsageError(`${mapFile}: the model has no field \`${field}\` (its fields are ${names})`);
    }
  }
  return sources;
}
