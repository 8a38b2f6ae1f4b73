import { isQualName, toQualId } from "./qual-expr.js";

/** Hands out unique Qual ids: every name in a model (fields, criteria, scores, tiers) is unique. */
export class IdAllocator {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  /** The name itself when it is a free Qual name, or a free id made from it. */
  claim(name: string): string {
    let id = isQualName(name) ? name : toQualId(name);
    const base = id;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.taken.add(id);
    return id;
  }
}
