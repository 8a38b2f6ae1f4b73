import type { SourceRange, TextEdit } from "@qualify/ir";
import { RESERVED_WORDS } from "./keywords.js";
import { symbolAt } from "./navigation.js";
import type { QualDocument } from "./qual-document.js";

/** The edits of a rename, or why it cannot be done. */
export type RenameResult = { readonly edits: readonly TextEdit[] } | { readonly error: string };

/** The name part under the cursor that a rename would change, or why nothing there can be renamed. */
export type RenameTarget = { readonly range: SourceRange; readonly text: string } | { readonly error: string };

const RESERVED: ReadonlySet<string> = new Set(RESERVED_WORDS);

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf(".") + 1);
}

/** What a rename at `offset` would rename: the last part of the name under the cursor. */
export function renameTargetAt(doc: QualDocument, offset: number): RenameTarget {
  const found = symbolAt(doc, offset);
  if (!found) return { error: "There is no declared name here to rename." };
  const segment = lastSegment(found.symbol.name);
  const end = found.range.end.offset;
  const start = end - segment.length;
  if (doc.text.slice(start, end) !== segment) return { error: "This name cannot be renamed from here." };
  return { range: doc.lineMap.range(start, end), text: segment };
}

/**
 * Renames the name under the cursor at its declaration and every use. For a
 * nested field only its own part of each dotted path changes
 * (`company.employees` -> `company.staff`). The new name must be a valid,
 * unreserved name that the model does not use yet.
 */
export function renameAt(doc: QualDocument, offset: number, newName: string): RenameResult {
  const found = symbolAt(doc, offset);
  if (!found) return { error: "There is no declared name here to rename." };
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(newName)) return { error: `\`${newName}\` is not a valid name: use letters, digits and _, not starting with a digit.` };
  if (RESERVED.has(newName)) return { error: `\`${newName}\` is a reserved word of Qual.` };
  const { symbol } = found;
  const segment = lastSegment(symbol.name);
  const parent = symbol.name.slice(0, symbol.name.length - segment.length);
  const renamed = parent + newName;
  if (doc.analysis.symbols.some((s) => s.name === renamed)) return { error: `The model already has a name \`${renamed}\`.` };

  const edits: TextEdit[] = [{ range: symbol.range, newText: newName }];
  // The segment sits at the same place in every path that starts with this symbol's path.
  const segmentStart = parent.length;
  for (const reference of doc.analysis.references) {
    if (reference.name !== symbol.name && !reference.name.startsWith(`${symbol.name}.`)) continue;
    const start = reference.range.start.offset + segmentStart;
    const end = start + segment.length;
    // Skip a use written differently from its path (spaces around a dot) rather than corrupt it.
    if (doc.text.slice(start, end) !== segment) continue;
    if (edits.some((e) => e.range.start.offset === start)) continue;
    edits.push({ range: doc.lineMap.range(start, end), newText: newName });
  }
  return { edits };
}
