import type { SourceRange, Suggestion } from "@qualify/ir";

/**
 * The optimal-string-alignment distance between two words: insertions,
 * deletions, substitutions and swaps of neighbours each cost 1. Stops early
 * (returning `limit + 1`) once the distance must exceed `limit`, so scanning
 * many candidates for one misspelling stays cheap.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(best);
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidate closest to a misspelt word, or undefined when none is close
 * enough to be a plausible typo. A case-only difference always wins; otherwise
 * the allowed distance grows with the word (1 for short words, up to a third).
 * A shortened name also counts as close (`budget` for `budget_usd`): the
 * start of a name, or one of its `_`-separated words, of three letters or more.
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return candidate;
    let distance = editDistance(lower, candidateLower, Math.min(bestDistance - 1, limit));
    if (distance > limit && isShortening(lower, candidateLower)) distance = limit;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best;
}

function isShortening(word: string, candidate: string): boolean {
  const [shorter, longer] = word.length <= candidate.length ? [word, candidate] : [candidate, word];
  if (shorter.length < 3) return false;
  return longer.startsWith(shorter) || longer.split("_").includes(shorter);
}

/** A "did you mean" suggestion that replaces the text at `range` with `replacement`. */
export function didYouMean(range: SourceRange, replacement: string, shown: string = replacement): Suggestion {
  return { message: `did you mean \`${shown}\`?`, edits: [{ range, newText: replacement }] };
}
