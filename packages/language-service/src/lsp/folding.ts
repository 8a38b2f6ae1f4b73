import type { Comment, Model } from "@qualify/language";
import { FoldingRangeKind } from "vscode-languageserver-types";
import type { FoldingRange } from "vscode-languageserver-types";
import type { OutlineSymbol } from "../types.js";

/**
 * Folding ranges (0-based lines): every outline entry that spans lines (the
 * input block, nested records, score groups, multi-line declarations) and
 * every run of two or more comment lines. A block that ends with its
 * closing `}` line folds up to the line before it, so the brace stays
 * visible, as editors fold braces elsewhere.
 */
export function foldingRangesOf(model: Model, outline: readonly OutlineSymbol[], text: string): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const visit = (symbol: OutlineSymbol): void => {
    const startLine = symbol.range.start.line - 1;
    const closing = text.charAt(symbol.range.end.offset - 1) === "}";
    const endLine = symbol.range.end.line - 1 - (closing ? 1 : 0);
    if (endLine > startLine) ranges.push({ startLine, endLine });
    symbol.children.forEach(visit);
  };
  outline.forEach(visit);
  ranges.push(...commentRuns(model.comments));
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Runs of comments on consecutive lines, each as one comment folding range. */
function commentRuns(comments: readonly Comment[]): FoldingRange[] {
  const runs: FoldingRange[] = [];
  let start: number | undefined;
  let end = -2;
  const flush = (): void => {
    if (start !== undefined && end > start) runs.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Comment });
  };
  for (const comment of comments) {
    const line = comment.range.start.line - 1;
    if (line === end + 1 && start !== undefined) end = line;
    else {
      flush();
      start = line;
      end = line;
    }
  }
  flush();
  return runs;
}
