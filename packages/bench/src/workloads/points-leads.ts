import type { FieldSpec } from "./model-spec.js";
import { POINTS_FIELDS } from "./points-spec.js";
import { Prng } from "./prng.js";

/** A lead as `JSON.parse` returns it. */
export type Lead = Record<string, unknown>;

/** The seed of the points leads. */
export const POINTS_LEADS_SEED = 7;

function value(prng: Prng, field: FieldSpec): unknown {
  switch (field.kind) {
    case "number": {
      const [low, high] = field.range ?? [0, 100];
      return prng.int(low, high);
    }
    case "text":
      // About 1 in 10 values is outside the vocabulary, as in real CRM exports.
      return prng.chance(0.1) ? "Other" : prng.shuffleCase(prng.pick(field.vocabulary ?? ["x"]));
    case "email": {
      const domain = prng.shuffleCase(prng.pick(field.domains ?? [".com"]));
      const user = `user${prng.int(1, 99_999)}`;
      return domain.startsWith("@") ? `${user}${domain}` : `${user}@org${prng.int(1, 500)}${domain}`;
    }
    case "bool":
      return prng.chance(0.4);
    case "list":
      return prng.sample(["churn", "cost", "speed", "security"], prng.int(0, 3));
  }
}

/**
 * Points leads one at a time (for the million-row CSV, which must not be held
 * in memory). About 10% of leads miss 3 to 8 fields, half of them absent and
 * half `null`.
 */
export function* pointsLeads(count: number, seed: number = POINTS_LEADS_SEED, fields: readonly FieldSpec[] = POINTS_FIELDS): Generator<Lead> {
  const prng = new Prng(seed);
  for (let i = 0; i < count; i++) {
    const lead: Lead = {};
    const missing = prng.chance(0.1) ? new Set(prng.sample(fields, prng.int(3, 8)).map((f) => f.name)) : undefined;
    for (const field of fields) {
      if (missing?.has(field.name)) {
        if (prng.chance(0.5)) lead[field.name] = null;
        continue;
      }
      lead[field.name] = value(prng, field);
    }
    yield lead;
  }
}

/** `count` points leads as `JSON.parse` output, so objects have the shapes a service would see. */
export function generatePointsLeads(count: number, seed: number = POINTS_LEADS_SEED): Lead[] {
  return JSON.parse(JSON.stringify([...pointsLeads(count, seed)])) as Lead[];
}
