import type { ModelIR } from "@qualify/ir";
import { E, field, model, T } from "./ir-builders.js";

/** The design's inbound points model (fit and engagement), built by hand. */
export function inboundModel(): ModelIR {
  const email = E.field("email", T.text);
  const endsWith = (suffix: string) => ({ kind: "endsWith" as const, text: email, affix: E.text(suffix), type: T.bool });
  const trial = E.field("trial_started", T.bool);
  const total = E.score("total");
  return model({
    id: "inbound",
    title: "Inbound fit and engagement",
    inputs: [
      field("email", T.text),
      field("company", T.record(field("employees", T.number, { optional: true }), field("country", T.text, { optional: true }))),
      field("page_views_30d", T.number, { default: 0 }),
      field("whitepaper", T.bool, { default: false }),
      field("trial_started", T.bool, { default: false }),
      field("last_activity", T.date, { optional: true }),
    ],
    scores: [
      {
        kind: "group",
        id: "fit",
        label: "Profile fit",
        max: 60,
        rules: [
          {
            label: "Mid-market company",
            points: E.num(20),
            when: { kind: "between", value: E.field("company.employees", T.number), low: E.num(50), high: E.num(1000), type: T.bool },
          },
          { label: "Target country", points: E.num(10), when: E.inList(E.field("company.country", T.text), E.texts("US", "CA", "GB", "DE")) },
          { label: "Personal email", points: E.num(-30), when: E.or(endsWith("@gmail.com"), endsWith("@yahoo.com")) },
        ],
      },
      {
        kind: "group",
        id: "engagement",
        label: "Engagement",
        max: 40,
        rules: [
          { label: "Page views", points: E.arith("*", E.num(2), E.call("min", [E.field("page_views_30d", T.number), E.num(10)])) },
          { label: "Whitepaper", points: E.num(15), when: E.field("whitepaper", T.bool) },
          { label: "Started a trial", points: E.num(25), when: trial },
          {
            label: "Gone quiet",
            points: E.num(-10),
            when: E.not({ kind: "within", date: E.field("last_activity", T.date), days: E.num(60), type: T.bool }),
          },
        ],
      },
      { kind: "computed", id: "total", label: "Total", expr: E.arith("+", E.score("fit"), E.score("engagement")) },
    ],
    disqualify: [{ reason: "Competitor", when: endsWith("@rival.example") }],
    tiers: [
      { id: "pql", label: "Product qualified", when: E.and(trial, E.cmp(">=", total, E.num(50))) },
      { id: "sql", label: "Sales qualified", when: E.cmp(">=", total, E.num(70)) },
      { id: "mql", label: "Marketing qualified", when: E.cmp(">=", total, E.num(40)) },
      { id: "lead", label: "Lead" },
    ],
  });
}
