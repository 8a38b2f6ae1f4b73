/**
 * Declarations, rules and input fields (nested ones too) of a data document,
 * as the .qual parser counts them against `maxDeclarations`. Tolerates any
 * shape: what is not a model part is not counted.
 */
export function countDeclarations(value: unknown): number {
  const document = (typeof value === "object" && value !== null ? value : {}) as { input?: unknown; declarations?: unknown[] };
  let count = 0;
  const fields: unknown[] = [document.input];
  while (fields.length > 0) {
    const map = fields.pop();
    if (typeof map !== "object" || map === null) continue;
    for (const field of Object.values(map)) {
      count++;
      let type = typeof field === "object" && field !== null ? (field as { type?: unknown }).type : undefined;
      while (typeof type === "object" && type !== null && "list" in type) type = (type as { list: unknown }).list;
      if (typeof type === "object" && type !== null && "record" in type) fields.push((type as { record: unknown }).record);
    }
  }
  if (Array.isArray(document.declarations)) {
    for (const declaration of document.declarations) {
      const rules = typeof declaration === "object" && declaration !== null ? (declaration as { rules?: unknown }).rules : undefined;
      count += 1 + (Array.isArray(rules) ? rules.length : 0);
    }
  }
  return count;
}
