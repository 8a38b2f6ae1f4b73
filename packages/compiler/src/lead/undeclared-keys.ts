import type { InputField, QualType } from "@qualify/ir";

/** A key of a lead that no input field declares (at its level: the top, a record, or a list element). */
export interface UndeclaredLeadKey {
  /** The key's place: names and list indexes, `["contacts", 2, "nmae"]`. */
  readonly path: readonly (string | number)[];
  /** The place written the way lead issues write it: `company.employes`, `contacts[2].nmae`. */
  readonly dotted: string;
  /** The key as written. */
  readonly key: string;
  /** The declared field at that level closest to the key, when one is close enough to be a typo. */
  readonly suggestion?: string;
  /** "`unsubscibed` is not a field of the model (did you mean `unsubscribed`?)". */
  readonly message: string;
}

/** Options of {@link undeclaredLeadKeys}. */
export interface UndeclaredKeyOptions {
  /** Top-level keys that are not fields but are expected anyway (the source columns of a field map). */
  readonly alsoAllowed?: Iterable<string>;
  /** Stop after this many keys (a row of a thousand stray columns needs no thousand messages). */
  readonly limit?: number;
}

/**
 * The keys of a lead that no input field declares: top-level keys, the keys
 * of nested records, and the keys of the records inside lists, each with the
 * closest declared name as a "did you mean". Evaluation ignores such keys (a
 * CRM export carries many extra columns), so a misspelt optional field
 * (`unsubscibed: true`) silently reads as unknown; fixtures and strict
 * scoring use this to say so. Values of the wrong shape are not looked into:
 * validation reports those. Own enumerable keys only, in the lead's order.
 */
export function undeclaredLeadKeys(inputs: readonly InputField[], lead: unknown, options: UndeclaredKeyOptions = {}): UndeclaredLeadKey[] {
  const found: UndeclaredLeadKey[] = [];
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const extra = new Set(options.alsoAllowed ?? []);

  const walkRecord = (fields: readonly InputField[], value: unknown, path: readonly (string | number)[], allowed: ReadonlySet<string>): void => {
    if (!isPlainObject(value)) return;
    for (const key of Object.keys(value)) {
      if (found.length >= limit) return;
      const field = fields.find((f) => f.name === key);
      const at = [...path, key];
      if (field === undefined) {
        if (allowed.has(key)) continue;
        const suggestion = closestName(key, fields.map((f) => f.name));
        found.push(describe(at, key, suggestion, path.length === 0));
        continue;
      }
      walkValue(field.type, value[key], at);
    }
  };
  const walkValue = (type: QualType, value: unknown, path: readonly (string | number)[]): void => {
    if (type.kind === "record") walkRecord(type.fields, value, path, EMPTY);
    else if (type.kind === "list" && Array.isArray(value)) {
      for (let i = 0; i < value.length && found.length < limit; i++) walkValue(type.element, value[i], [...path, i]);
    }
  };
  walkRecord(inputs, lead, [], extra);
  return found;
}

const EMPTY: ReadonlySet<string> = new Set();

function describe(path: readonly (string | number)[], key: string, suggestion: string | undefined, topLevel: boolean): UndeclaredLeadKey {
  const dotted = dottedPath(path);
  const owner = topLevel ? "the model" : `\`${dottedPath(path.slice(0, -1))}\``;
  const hint = suggestion === undefined ? "" : ` (did you mean \`${suggestion}\`?)`;
  const message = `\`${dotted}\` is not a field of ${owner}${hint}; the model ignores it.`;
  return { path, dotted, key, ...(suggestion === undefined ? {} : { suggestion }), message };
}

/** `["contacts", 2, "name"]` -> `contacts[2].name`. */
export function dottedPath(path: readonly (string | number)[]): string {
  let text = "";
  for (const part of path) text += typeof part === "number" ? `[${part}]` : text === "" ? part : `.${part}`;
  return text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * The candidate closest to a misspelt name, or undefined when none is close
 * enough to be a plausible typo: a case-only difference, at most one edit for
 * short names and a third of the length for longer ones, or a shortened name
 * (`budget` for `budget_usd`, three letters or more).
 */
export function closestName(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return candidate;
    let distance = Math.abs(candidate.length - word.length) > limit ? limit + 1 : editDistance(lower, candidateLower);
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

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
function editDistance(a: string, b: string): number {
  let prevPrev: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (prevPrev[j - 2] ?? 0) + 1);
      row.push(best);
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? 0;
}
