import type { Report } from "./context.js";
import type { Resolutions } from "./resolve.js";
import type { FieldSymbol, SymbolTable } from "./symbols.js";

/**
 * Warns about input fields, consts, lets and sets that nothing uses. A record counts
 * as used when it or any of its fields is used; an unused record gets one
 * warning, not one per field.
 */
export function checkUnused(table: SymbolTable, resolutions: Resolutions, report: Report): void {
  const usedFields = new Set<string>();
  for (const name of resolutions.used) {
    // Using `company.employees` also uses `company`.
    const parts = name.split(".");
    for (let i = 1; i <= parts.length; i++) usedFields.add(parts.slice(0, i).join("."));
  }
  const reportField = (field: FieldSymbol, parentUsedWhole: boolean): void => {
    if (!usedFields.has(field.name)) {
      if (!parentUsedWhole) report("unusedField", field.decl.name.range, [field.name]);
      return;
    }
    // A record used as a whole (`company is present`) uses all of its fields.
    const usedWhole = resolutions.wholeUses.has(field.name);
    for (const member of field.members?.values() ?? []) reportField(member, usedWhole);
  };
  for (const symbol of table.globals.values()) {
    if (symbol.kind === "field") reportField(symbol, false);
    else if (symbol.kind === "const" && !resolutions.used.has(symbol.name)) report("unusedConst", symbol.decl.name.range, [symbol.name]);
    else if (symbol.kind === "let" && !resolutions.used.has(symbol.name)) report("unusedLet", symbol.decl.name.range, [symbol.name]);
    else if (symbol.kind === "set" && !resolutions.used.has(symbol.name)) report("unusedSet", symbol.decl.name.range, [symbol.name]);
  }
}
