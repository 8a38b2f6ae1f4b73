/**
 * How `qualify score --split P% --id-column COLUMN` assigns a lead to the
 * challenger, reproducibly: from the lead's id alone, the same on every run,
 * machine and worker thread, and the same in any language that implements it.
 *
 * 1. The id is the column's text with surrounding white space trimmed
 *    (a JSON number is written as JavaScript writes it: `42`, `1.5`).
 * 2. h = FNV-1a 32-bit over the id's UTF-8 bytes
 *    (offset basis 2166136261, prime 16777619).
 * 3. h goes through the MurmurHash3 32-bit finaliser (fmix32), so ids that
 *    differ only in their last character (`lead-1`, `lead-2`) spread evenly.
 * 4. bucket = h mod 10000; the lead goes to the challenger when
 *    bucket < round(P × 100), so `--split 20%` takes buckets 0..1999.
 *
 * Raising the share only adds leads to the challenger: a lead assigned at
 * 10% stays assigned at 20%.
 */

/** Buckets of the assignment: a share is honoured to 0.01%. */
export const ASSIGNMENT_BUCKETS = 10_000;

const encoder = new TextEncoder();

/** FNV-1a 32-bit of the UTF-8 bytes of `text`; an unsigned 32-bit integer. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The MurmurHash3 32-bit finaliser: every input bit affects every output bit. */
export function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The assignment hash of an id: fmix32(fnv1a32(text)). */
export function assignmentHash(text: string): number {
  return fmix32(fnv1a32(text));
}

/** The bucket (0..9999) of a lead id. */
export function assignmentBucket(id: string): number {
  return assignmentHash(id.trim()) % ASSIGNMENT_BUCKETS;
}

/** The number of buckets a share in percent takes: `20` -> 2000. */
export function challengerBuckets(percent: number): number {
  return Math.round(percent * (ASSIGNMENT_BUCKETS / 100));
}

/**
 * Parses `--split`: a percentage from 0 to 100 (`20%`, `20`, `12.5%`).
 * @returns the number of buckets the challenger takes, or a message saying what is wrong.
 */
export function parseSplit(text: string): number | string {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  const percent = match ? Number(match[1]) : Number.NaN;
  if (!(percent >= 0 && percent <= 100)) return `--split must be a percentage from 0 to 100 (20%), not ${JSON.stringify(text)}`;
  return challengerBuckets(percent);
}
