import type { InputField, ModelIR } from "@qualify/ir";

/** The columns `qualify score` adds to each row: tier, one per score, reasons. */
export function addedColumns(ir: ModelIR): string[] {
  return ["tier", ...ir.scores.map((s) => s.id), "reasons"];
}

/** Dotted paths of the model's leaf fields: the input columns written to CSV for JSON Lines input. */
export function leafFieldPaths(inputs: readonly InputField[], prefix = ""): string[] {
  return inputs.flatMap((f) => (f.type.kind === "record" ? leafFieldPaths(f.type.fields, `${prefix}${f.name}.`) : [`${prefix}${f.name}`]));
}

/**
 * The CSV output layout: which input columns are copied (an input column named
 * like an added column is replaced by it, so header names stay unique) and the
 * header row. Computed the same way wherever rows are serialised.
 */
export function csvLayout(inputColumns: readonly string[], added: readonly string[]): { keep: number[]; header: string[] } {
  const keep = inputColumns.flatMap((c, i) => (added.includes(c) ? [] : [i]));
  return { keep, header: [...keep.map((i) => inputColumns[i] as string), ...added] };
}
