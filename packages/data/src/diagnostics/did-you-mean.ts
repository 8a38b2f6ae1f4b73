/**
 * The candidate closest to `word` by edit distance (insertions, deletions,
 * substitutions and swaps of neighbours), if it is close enough to be a
 * plausible typo: at most one edit for short words, a third of the length
 * for longer ones ("typo"), or about half the length ("loose"). Case is
 * ignored when measuring.
 */
export function closestMatch(word: string, candidates: Iterable<string>, leniency: "typo" | "loose" = "typo"): string | undefined {
  // "loose" serves short fixed vocabularies (the seven declaration kinds), where
  // a farther guess is still unambiguous: `critera` -> `criterion`.
  const limit = leniency === "loose" ? Math.max(2, Math.ceil(word.length / 2)) : Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      d[i * cols + j] = value;
    }
  }
  return at(a.length, b.length);
}
