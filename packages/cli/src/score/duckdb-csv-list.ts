import type { QualType } from "@qualify/ir";
import { textLiteral as sqlText } from "@qualify/sql";
import { cellValue, csvListItems, jsTrim } from "./duckdb-csv-cell.js";
import type { RowCheck } from "./duckdb-checks.js";
import { invalidText, textCanBeInvalid } from "./duckdb-checks.js";
import { wrongText } from "./duckdb-problem.js";

/**
 * The check of a list cell's items, as the JS path checks each item: a number
 * or bool item that does not convert, an impossible date, a choice none
 * matches. Each bad item is one problem, at `field[i]`, with the item's
 * trimmed text as its value. `typed` is the cell as typed by {@link cellValue}
 * (the cheap test reads it: a number or bool item that failed is NULL there).
 * Undefined for items that cannot be wrong (text).
 */
export function listItemsCheck(cell: string, typed: string, field: string, type: QualType & { kind: "list" }): RowCheck | undefined {
  const element = type.element;
  const converts = element.kind === "number" || element.kind === "bool";
  if (!converts && !textCanBeInvalid(element)) return undefined;
  const badTyped = converts ? "__q_i IS NULL" : invalidText("__q_i", element);
  const badText = (item: string): string => (converts ? `${cellValue(item, element)} IS NULL` : invalidText(item, element));
  const item = jsTrim("__q_p");
  const path = `${sqlText(field)} || '[' || CAST(__q_n - 1 AS VARCHAR) || ']'`;
  return {
    when: `coalesce(list_bool_or(list_transform(${typed}, lambda __q_i: ${badTyped})), FALSE)`,
    problems: `list_filter(list_transform(${csvListItems(cell)}, lambda __q_p, __q_n: CASE WHEN ${badText(item)} THEN ${wrongText(path, element, item)} END), lambda __q_x: __q_x IS NOT NULL)`,
  };
}
