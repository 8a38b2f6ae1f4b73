import type { ModelIR } from "@qualify/ir";
import { UsageError } from "../exit-codes.js";
import { planFieldSources } from "./field-sources.js";
import type { FieldMap } from "./field-sources.js";

/** Whether the model has a field (or record) at this dotted path. */
function hasField(ir: ModelIR, dotted: string): boolean {
  try {
    planFieldSources(ir.inputs, { fields: new Map([[dotted, { column: dotted }]]) });
    return true;
  } catch {
    return false;
  }
}

/**
 * One `--map` read by two or more models at once (`diff`, `score --shadow`):
 * each model gets the entries for the fields it has, so a field that only one
 * version has is mapped for that version alone.
 * @returns one map per model, in the order given; undefined without a map.
 * @throws UsageError for a mapped field that no model has.
 */
export function mapsForModels(map: FieldMap | undefined, models: readonly ModelIR[], mapFile = "--map"): (FieldMap | undefined)[] {
  if (!map) return models.map(() => undefined);
  for (const field of map.fields.keys()) {
    if (!models.some((ir) => hasField(ir, field))) {
      throw new UsageError(`${mapFile}: ${models.length === 2 ? "neither" : "none"} of the models has a field \`${field}\``);
    }
  }
  return models.map((ir) => ({ fields: new Map([...map.fields].filter(([field]) => hasField(ir, field))) }));
}
