import { describe, expect, it } from "vitest";
import type { Diagnostic, SourceRange } from "@qualify/ir";
import { analyze } from "@qualify/language";
import { parse as parseYaml } from "yaml";
import type { ScoreGroupDecl, SetDecl } from "@qualify/language";
import { analyzeData, fromData, toData } from "../src/index.js";
import type { DataFormat } from "../src/index.js";
import { stripRanges } from "./helpers/strip-ranges.js";

const FORMATS: readonly DataFormat[] = ["yaml", "json"];
/** The text of the data file that a node's or a diagnostic's range covers. */
const textAt = (text: string, node: { range: SourceRange }): string => text.slice(node.range.start.offset, node.range.end.offset);
const problems = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`);

/** A model that uses Qual 2: aggregates over lists of records, a set, const-expression bounds, `... any of` tests. */
const QUAL2_MODEL = `model deals "Deals and activities"

input {
  email: text
  title: text?
  activities: list of { kind: text  at: date  pages: number? }
  deals: list of { stage: one of ("open", "won", "lost")  amount: number? }
}

const fit_cap = 60
const free_mail = ["@gmail.com", "@yahoo.com"]
const exec_titles = ["^vp\\\\b", "\\\\bchief\\\\b"]

criterion webinar_fan "Webinar fan" = (count of activities where kind = "webinar" and at within 30 days) >= 2
criterion demo_recent "Recent demo" = any of activities where kind = "demo" and at within 7 days
criterion exec "Executive" = title matches any of exec_titles
criterion work_mail "Work email" = not (email ends with any of free_mail)
set engaged "Engaged" = (webinar_fan, demo_recent, exec, work_mail)
criterion hot "Hot" = at least 3 of engaged
let last_demo = latest of activities.at where kind = "demo"

score fit "Fit" min -10 max fit_cap + 5 {
  "Executive": +20 when exec
  "Pages": sum of activities.pages where kind = "web"
  "Met": 5 * count of engaged
}
score won "Won revenue" = sum of deals.amount where stage = "won"

tier sql "Sales qualified" when hot and fit >= 40 and last_demo is present
tier lead "Lead" otherwise
`;

/** {@link QUAL2_MODEL} written by hand in YAML, in several scalar styles. */
const QUAL2_YAML = `model: deals
title: Deals and activities
input:
  email: { type: text }
  title: { type: text, optional: true }
  activities:
    type: { list: { record: { kind: { type: text }, at: { type: date }, pages: { type: number, optional: true } } } }
  deals:
    type:
      list:
        record:
          stage: { type: { one_of: [open, won, lost] } }
          amount: { type: number, optional: true }
declarations:
  - const: fit_cap
    value: 60
  - const: free_mail
    value: ["@gmail.com", "@yahoo.com"]
  - const: exec_titles
    value: ['^vp\\b', '\\bchief\\b']
  - criterion: webinar_fan
    label: Webinar fan
    when: (count of activities where kind = "webinar" and at within 30 days) >= 2
  - criterion: demo_recent
    label: Recent demo
    when: >-
      any of activities where kind = "demo"
      and at within 7 days
  - criterion: exec
    label: Executive
    when: title matches any of exec_titles
  - criterion: work_mail
    label: Work email
    when: "not (email ends with any of free_mail)"
  - set: engaged
    label: Engaged
    items:
      - webinar_fan
      - demo_recent
      - exec
      - work_mail
  - criterion: hot
    label: Hot
    when: at least 3 of engaged
  - let: last_demo
    value: latest of activities.at where kind = "demo"
  - score: fit
    label: Fit
    min: -10
    max: fit_cap + 5
    rules:
      - label: Executive
        points: 20
        when: exec
      - label: Pages
        points: sum of activities.pages where kind = "web"
      - label: Met
        points: 5 * count of engaged
  - score: won
    label: Won revenue
    value: sum of deals.amount where stage = "won"
  - tier: sql
    label: Sales qualified
    when: hot and fit >= 40 and last_demo is present
  - tier: lead
    label: Lead
    otherwise: true
`;

describe("Qual 2 models in the data form", () => {
  const original = analyze(QUAL2_MODEL);

  it("starts from a model that checks clean", () => {
    expect(problems(original.diagnostics)).toEqual([]);
    expect(original.ir).toBeDefined();
  });

  it("reads a hand-written document with aggregates, a set and a const-expression bound to the IR of the .qual", () => {
    const result = analyzeData(QUAL2_YAML);
    expect(problems(result.diagnostics)).toEqual([]);
    expect(stripRanges(result.ir)).toEqual(stripRanges(original.ir));
    const json = analyzeData(JSON.stringify(parseYaml(QUAL2_YAML)), { format: "json" });
    expect(problems(json.diagnostics)).toEqual([]);
    expect(stripRanges(json.ir)).toEqual(stripRanges(original.ir));
  });

  it("writes a set as `set`, `label` and `items`, and bounds as a number or a const expression", () => {
    const json = JSON.parse(toData(original.ast, "json")) as { declarations: Record<string, unknown>[] };
    expect(json.declarations).toContainEqual({ set: "engaged", label: "Engaged", items: ["webinar_fan", "demo_recent", "exec", "work_mail"] });
    const fit = json.declarations.find((d) => d.score === "fit");
    expect(fit).toMatchObject({ min: -10, max: "fit_cap + 5" });
    expect(json.declarations).toContainEqual({ score: "won", label: "Won revenue", value: 'sum of deals.amount where stage = "won"' });
    const yaml = toData(original.ast, "yaml");
    expect(yaml).toContain("  - set: engaged\n    label: Engaged\n    items: [ webinar_fan, demo_recent, exec, work_mail ]\n");
    expect(yaml).toContain("    min: -10\n    max: fit_cap + 5\n");
  });

  it("qual -> yaml/json checks clean to the IR of the .qual", () => {
    for (const format of FORMATS) {
      const data = toData(original.ast, format);
      const back = analyzeData(data, { format });
      expect(problems(back.diagnostics), data).toEqual([]);
      expect(stripRanges(back.ir)).toEqual(stripRanges(original.ir));
    }
  });

  it("qual -> yaml/json -> qual checks clean to the same IR, and converts to the same document again", () => {
    for (const format of FORMATS) {
      const data = toData(original.ast, format);
      const converted = fromData(data, { format });
      expect(problems(converted.diagnostics), data).toEqual([]);
      expect(converted.text).toBeDefined();
      const again = analyze(converted.text ?? "");
      expect(problems(again.diagnostics), converted.text).toEqual([]);
      expect(stripRanges(again.ir)).toEqual(stripRanges(original.ir));
      expect(toData(again.ast, format)).toBe(data);
    }
  });

  it("builds bounds and set items with ranges in the data file", () => {
    const yaml = "model: m\ninput:\n  a: { type: number }\ndeclarations:\n  - const: cap\n    value: 10\n  - criterion: big\n    when: a > 1\n  - set: s\n    items: [big, 'a > 2']\n  - score: g\n    min: -5\n    max: \"cap + 5\"\n    rules:\n      - label: x\n        points: count of s\n  - tier: t\n    otherwise: true\n";
    const result = analyzeData(yaml);
    expect(problems(result.diagnostics)).toEqual([]);
    const set = result.ast?.declarations.find((d): d is SetDecl => d.kind === "SetDecl");
    expect(set?.label).toBeUndefined();
    expect(set?.items.map((item) => textAt(yaml, item))).toEqual(["big", "a > 2"]);
    const group = result.ast?.declarations.find((d): d is ScoreGroupDecl => d.kind === "ScoreGroupDecl");
    expect(group?.bounds.map((b) => textAt(yaml, b))).toEqual(["min: -5", 'max: "cap + 5"']);
    expect(group?.bounds.map((b) => b.value && textAt(yaml, b.value))).toEqual(["-5", "cap + 5"]);
    expect(stripRanges(group?.bounds[0]?.value)).toEqual({ kind: "UnaryExpr", op: "-", operand: { kind: "NumberLiteral", value: 5, raw: "5" } });
    expect(result.ir).toBeDefined();
  });

  it("reports a bound's syntax error, and the checker's findings on it, inside the bound's text", () => {
    const base = "model: m\ninput:\n  a: { type: number }\ndeclarations:\n  - score: g\n    max: MAX\n    rules:\n      - label: x\n        points: a\n  - tier: t\n    otherwise: true\n";
    const broken = base.replace("MAX", "'10 +'");
    const syntax = analyzeData(broken);
    expect(syntax.diagnostics.map((d) => d.code)).toEqual(["QUAL111"]);
    expect(syntax.diagnostics[0]?.range.start).toMatchObject({ line: 6 });
    expect(syntax.diagnostics[0]?.range.start.column).toBeGreaterThan(10);
    const perLead = base.replace("MAX", "a + 5");
    const checked = analyzeData(perLead);
    expect(checked.diagnostics.map((d) => d.code)).toContain("QUAL411");
    const finding = checked.diagnostics.find((d) => d.code === "QUAL411");
    expect(textAt(perLead, finding!)).toMatch(/^a/);
  });

  it("checks set items like the .qual form does", () => {
    const yaml = "model: m\ninput:\n  a: { type: number }\ndeclarations:\n  - set: s\n    label: S\n    items: [a]\n  - criterion: c\n    when: any of s\n  - tier: t\n    otherwise: true\n";
    const result = analyzeData(yaml);
    const finding = result.diagnostics.find((d) => d.code === "QUAL311");
    expect(finding).toBeDefined();
    expect(finding?.range.start).toMatchObject({ line: 7 });
  });

  it("reports a set without items, and unknown keys of a set with the set's keys", () => {
    const base = "model: m\ninput: {}\ndeclarations:\n  - set: s\n    label: S\n    ITEMS\n  - tier: t\n    otherwise: true\n";
    const missing = analyzeData(base.replace("    ITEMS\n", ""));
    expect(missing.diagnostics.map((d) => d.code)).toEqual(["QUAL603"]);
    expect(missing.diagnostics[0]?.message).toBe("Declaration 1 (set `s`) is missing `items`: the set's yes/no items, e.g. `items: [metrics, champion]`.");
    const misspelt = analyzeData(base.replace("ITEMS", "itmes: [x]"));
    expect(misspelt.diagnostics.map((d) => d.message)).toContain("unknown key `itmes` in declaration 1 (set `s`) — did you mean `items`?");
    const notList = analyzeData(base.replace("ITEMS", "items: a, b"));
    expect(notList.diagnostics.map((d) => d.message)).toContain("`items` in declaration 1 (set `s`) must be a list, found text.");
  });
});
