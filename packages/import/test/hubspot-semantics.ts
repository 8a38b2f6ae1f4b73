import type { HubSpotCriterion, HubSpotScore } from "../src/index.js";
import { DAYS_PER_MONTH } from "../src/index.js";

/**
 * The documented meaning of a HubSpot-style score (package README), written
 * directly and apart from the importer: the oracle the imported model must
 * agree with. A lead is a plain object; dates are ISO strings.
 */
export function scoreLead(score: HubSpotScore, lead: Record<string, unknown>, now: Date): { groups: number[]; total: number } {
  const groups = score.groups.map((group) => {
    let sum = 0;
    for (const rule of group.rules) {
      const tests = (rule.criteria ?? []).map((c) => holds(c, lead));
      const matched = tests.length === 0 ? true : rule.match === "any" ? tests.some((t) => t) : tests.every((t) => t);
      if (!matched) continue;
      let points = rule.points;
      if (rule.event !== undefined) {
        const date = read(lead, rule.event.property);
        if (typeof date !== "string") continue;
        const days = (now.getTime() - Date.parse(date)) / 86_400_000;
        if (days < 0 || days > rule.event.withinDays) continue;
        if (group.decay !== undefined) points *= (1 - group.decay.percent / 100) ** (days / (group.decay.everyMonths * DAYS_PER_MONTH));
      }
      sum += points;
    }
    return group.limit === undefined ? sum : Math.min(sum, group.limit);
  });
  const sum = groups.reduce((a, b) => a + b, 0);
  return { groups, total: score.totalLimit === undefined ? sum : Math.min(sum, score.totalLimit) };
}

function read(lead: Record<string, unknown>, property: string): unknown {
  let value: unknown = lead;
  for (const key of property.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value ?? undefined;
}

const same = (a: unknown, b: unknown) => (typeof a === "string" && typeof b === "string" ? a.toLowerCase() === b.toLowerCase() : a === b);

/** One criterion: false when the property is absent, except `is_unknown`. Text comparisons ignore case. */
function holds(c: HubSpotCriterion, lead: Record<string, unknown>): boolean {
  const value = read(lead, c.property);
  if (c.operator === "is_unknown") return value === undefined;
  if (value === undefined) return false;
  const v = c.value;
  switch (c.operator) {
    case "is_known":
      return true;
    case "is":
      return same(value, v);
    case "is_not":
      return !same(value, v);
    case "is_any_of":
      return (v as unknown[]).some((x) => same(value, x));
    case "is_none_of":
      return !(v as unknown[]).some((x) => same(value, x));
    case "gt":
      return (value as number) > (v as number);
    case "gte":
      return (value as number) >= (v as number);
    case "lt":
      return (value as number) < (v as number);
    case "lte":
      return (value as number) <= (v as number);
    case "between":
      return (value as number) >= (v as number[])[0]! && (value as number) <= (v as number[])[1]!;
    case "contains":
      return (value as string).toLowerCase().includes((v as string).toLowerCase());
    case "starts_with":
      return (value as string).toLowerCase().startsWith((v as string).toLowerCase());
    case "ends_with":
      return (value as string).toLowerCase().endsWith((v as string).toLowerCase());
    case "is_true":
      return value === true;
    case "is_false":
      return value === false;
    default:
      throw new Error(`unknown operator ${c.operator}`);
  }
}
