import type { ImportType } from "../model/qual-expr.js";

/** What the inference passes learned about one `var` path. */
export interface VarFacts {
  /** Decided by an operator (compared with a number, added, ...). */
  type?: ImportType;
  evidence?: string;
  /** A weak preference (only tested for truth) used when nothing decides the type. */
  hint?: ImportType;
}

/**
 * The types of the `var`s, learned over repeated passes: a pass may learn
 * from `{"==": [{"var": "a"}, 1]}` that `a` is a number, and the next pass
 * then types every other use of `a`. Passes repeat until nothing new is
 * learned.
 */
export class TypeStore {
  private readonly facts = new Map<string, VarFacts>();
  /** Set when a pass learns a type; the driver runs another pass then. */
  learned = false;

  of(path: readonly string[]): VarFacts {
    const key = path.join(".");
    let facts = this.facts.get(key);
    if (facts === undefined) {
      facts = {};
      this.facts.set(key, facts);
    }
    return facts;
  }

  decide(path: readonly string[], type: ImportType, evidence: string): void {
    const facts = this.of(path);
    if (facts.type !== undefined) return;
    facts.type = type;
    facts.evidence = evidence;
    this.learned = true;
  }

  /** Gives every undecided var its hint, or number; returns the paths that got a guess. */
  settle(): void {
    for (const facts of this.facts.values()) {
      if (facts.type !== undefined) continue;
      facts.type = facts.hint ?? "number";
      facts.evidence =
        facts.hint === "bool"
          ? "only tested for truth, so read as yes/no (true/false)"
          : facts.hint === undefined
            ? "nothing in the rules fixes its type; number is a guess"
            : `nothing in the rules fixes its type; ${facts.hint} is a guess`;
    }
  }
}
