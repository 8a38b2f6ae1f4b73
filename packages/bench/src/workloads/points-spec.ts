import type { Condition, FieldSpec, GroupId, ModelSpec, RuleSpec } from "./model-spec.js";
import { Prng } from "./prng.js";

/**
 * The points workload: 100 generated rules over 30 optional fields in two
 * capped groups (fit max 60, engagement max 40), tiers on the total. The same
 * generator makes the 1,000- and 10,000-rule models of the compile benchmark.
 */

/** The seed of the 100-rule points workload; the hand-written function is generated from it. */
export const POINTS_SEED = 20261122;
/** How many rules the points workload has. */
export const POINTS_RULE_COUNT = 100;

const WORDS = {
  country: ["US", "CA", "GB", "DE", "FR", "NL", "SE", "BR", "IN", "JP", "AU", "ES"],
  industry: ["Software", "Finance", "Retail", "Health", "Education", "Government", "Media", "Energy", "Logistics"],
  role: ["CEO", "CFO", "CTO", "VP", "Director", "Manager", "Engineer", "Analyst", "Intern", "Owner"],
  seniority: ["Executive", "Senior", "Mid", "Junior", "Student"],
  department: ["Sales", "Marketing", "Engineering", "Finance", "Operations", "HR", "IT"],
  lead_source: ["Webinar", "Referral", "Organic", "Paid", "Event", "Partner", "Outbound"],
  crm: ["Salesforce", "HubSpot", "Pipedrive", "Zoho", "None"],
  plan_interest: ["Starter", "Team", "Business", "Enterprise"],
  region: ["NA", "EMEA", "APAC", "LATAM"],
} as const;

const DOMAINS = ["@gmail.com", "@yahoo.com", "@outlook.com", ".edu", ".gov", "@acme.io", "@globex.com", ".co.uk"];

/** The 30 input fields: 16 about fit (who the lead is), 14 about engagement (what they did). */
export const POINTS_FIELDS: readonly FieldSpec[] = [
  { name: "employees", kind: "number", group: "fit", range: [1, 20_000] },
  { name: "revenue_musd", kind: "number", group: "fit", range: [0, 5_000] },
  { name: "founded_year", kind: "number", group: "fit", range: [1950, 2026] },
  { name: "it_budget_kusd", kind: "number", group: "fit", range: [0, 2_000] },
  { name: "locations", kind: "number", group: "fit", range: [1, 200] },
  { name: "tech_stack_size", kind: "number", group: "fit", range: [0, 60] },
  { name: "country", kind: "text", group: "fit", vocabulary: WORDS.country },
  { name: "industry", kind: "text", group: "fit", vocabulary: WORDS.industry },
  { name: "role", kind: "text", group: "fit", vocabulary: WORDS.role },
  { name: "seniority", kind: "text", group: "fit", vocabulary: WORDS.seniority },
  { name: "department", kind: "text", group: "fit", vocabulary: WORDS.department },
  { name: "crm", kind: "text", group: "fit", vocabulary: WORDS.crm },
  { name: "region", kind: "text", group: "fit", vocabulary: WORDS.region },
  { name: "email", kind: "email", group: "fit", domains: DOMAINS },
  { name: "is_customer", kind: "bool", group: "fit" },
  { name: "has_partner", kind: "bool", group: "fit" },
  { name: "page_views_30d", kind: "number", group: "engagement", range: [0, 120] },
  { name: "email_opens_30d", kind: "number", group: "engagement", range: [0, 40] },
  { name: "email_clicks_30d", kind: "number", group: "engagement", range: [0, 20] },
  { name: "webinars_attended", kind: "number", group: "engagement", range: [0, 8] },
  { name: "days_since_visit", kind: "number", group: "engagement", range: [0, 365] },
  { name: "downloads", kind: "number", group: "engagement", range: [0, 15] },
  { name: "pricing_page_views", kind: "number", group: "engagement", range: [0, 12] },
  { name: "support_tickets", kind: "number", group: "engagement", range: [0, 10] },
  { name: "lead_source", kind: "text", group: "engagement", vocabulary: WORDS.lead_source },
  { name: "plan_interest", kind: "text", group: "engagement", vocabulary: WORDS.plan_interest },
  { name: "trial_started", kind: "bool", group: "engagement" },
  { name: "demo_requested", kind: "bool", group: "engagement" },
  { name: "whitepaper", kind: "bool", group: "engagement" },
  { name: "unsubscribed", kind: "bool", group: "engagement" },
];

function atom(prng: Prng, field: FieldSpec): Condition {
  switch (field.kind) {
    case "number": {
      const [low, high] = field.range ?? [0, 100];
      const op = prng.pick([">=", ">=", "<", "="] as const);
      // Thresholds from the lower part of the range so that `>=` fires often enough to matter.
      const value = op === "=" ? prng.int(low, Math.min(high, low + 5)) : prng.int(low, low + Math.ceil((high - low) * 0.6));
      return { kind: "numberCompare", field: field.name, op, value };
    }
    case "text": {
      const vocabulary = field.vocabulary ?? ["x"];
      if (prng.chance(0.4)) return { kind: "textEquals", field: field.name, value: prng.pick(vocabulary) };
      return { kind: "textIn", field: field.name, values: prng.sample(vocabulary, prng.int(2, Math.min(4, vocabulary.length))) };
    }
    case "email":
      return { kind: "endsWith", field: field.name, suffix: prng.pick(field.domains ?? [".com"]) };
    case "bool":
      return { kind: "boolIs", field: field.name, value: prng.chance(0.7) };
    case "list":
      return { kind: "listNotEmpty", field: field.name };
  }
}

/**
 * Generates a points model with `ruleCount` rules over the 30 fields, in two
 * groups capped at 60 (fit) and 40 (engagement), with about 20% negative
 * rules and 10% rules that combine two tests with `and`; tiers on the total.
 */
export function generatePointsSpec(ruleCount: number, seed: number = POINTS_SEED): ModelSpec {
  const prng = new Prng(seed);
  const byGroup = (group: GroupId) => POINTS_FIELDS.filter((f) => f.group === group);
  const rules: RuleSpec[] = [];
  for (let i = 0; i < ruleCount; i++) {
    // Every field is tested at least once (the first 30 rules), so no input is unused.
    const first = POINTS_FIELDS[i];
    const group: GroupId = first ? first.group : prng.chance(0.55) ? "fit" : "engagement";
    const field = first ?? prng.pick(byGroup(group));
    let when = atom(prng, field);
    if (prng.chance(0.1)) {
      const other = prng.pick(byGroup(group).filter((f) => f.name !== field.name));
      when = { kind: "and", left: when, right: atom(prng, other) };
    }
    const points = prng.chance(0.2) ? -prng.int(3, 12) : prng.int(1, 8);
    rules.push({ group, label: `Rule ${i + 1}`, points, when });
  }
  return {
    id: "points",
    totalId: "total",
    fields: POINTS_FIELDS,
    groups: [
      { id: "fit", label: "Profile fit", max: 60 },
      { id: "engagement", label: "Engagement", max: 40 },
    ],
    rules,
    tiers: [
      { id: "sql", label: "Sales qualified", minTotal: 70 },
      { id: "mql", label: "Marketing qualified", minTotal: 40 },
    ],
    fallbackTier: { id: "cold", label: "Cold" },
  };
}

