import { describe, expect, it } from "vitest";
import { analyze } from "@qualify/language";
import { QualLanguageService, UnknownDocumentError } from "../src/index.js";
import { CLEAN_MODEL, offsetOf } from "./models.js";

const URI = "inmemory://test/model.qual";

function serviceWith(text: string): QualLanguageService {
  const service = new QualLanguageService();
  service.update(URI, 1, text);
  return service;
}

describe("document reports", () => {
  it("reports no errors and the lead schema for a clean model", () => {
    const report = new QualLanguageService().update(URI, 1, CLEAN_MODEL);
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(report.version).toBe(1);
  });

  it("gives the lead schema of a model that compiles, and none for a broken one", () => {
    const service = serviceWith(CLEAN_MODEL);
    expect(service.leadSchema(URI)?.modelId).toBe("demo");
    expect(service.leadSchema(URI)?.inputSchema).toHaveProperty("properties.budget_usd");
    service.update(URI, 2, CLEAN_MODEL.replace("budget_usd >= 10_000", "role >= 10_000"));
    expect(service.leadSchema(URI)).toBeUndefined();
  });

  it("reports the checker's diagnostics with their codes and ranges, and no schema, for a broken model", () => {
    const broken = CLEAN_MODEL.replace("budget_usd >= 10_000", "role >= 10_000");
    const report = new QualLanguageService().update(URI, 1, broken);
    const expected = analyze(broken, { file: URI }).diagnostics;
    expect(report.diagnostics).toEqual(expected);
    const error = report.diagnostics.find((d) => d.severity === "error");
    expect(error?.code).toMatch(/^QUAL3/);
    expect(error?.range.start.line).toBe(broken.split("\n").findIndex((l) => l.includes("role >= 10_000")) + 1);
  });

  it("keeps the newer document when an older version arrives late", () => {
    const service = new QualLanguageService();
    service.update(URI, 5, CLEAN_MODEL);
    const report = service.update(URI, 4, "model broken");
    expect(report.version).toBe(5);
    expect(service.versionOf(URI)).toBe(5);
  });

  it("refuses requests for documents it does not hold, by name", () => {
    const service = serviceWith(CLEAN_MODEL);
    service.remove(URI);
    expect(() => service.completions(URI, 0)).toThrow(UnknownDocumentError);
  });
});

describe("completion", () => {
  it("offers input fields, consts, lets, criteria and scores with their types, but not tiers", () => {
    const text = CLEAN_MODEL.replace("tier cold", "criterion x \"X\" = bud\ntier cold");
    const service = serviceWith(text);
    const list = service.completions(URI, offsetOf(text, "= bud", 5));
    const byLabel = new Map(list.items.map((i) => [i.label, i]));
    expect(byLabel.get("budget_usd")).toMatchObject({ kind: "field", detail: expect.stringContaining("number") });
    expect(byLabel.get("budget_usd")?.documentation).toContain("Budget for this purchase");
    expect(byLabel.get("deciders")?.kind).toBe("const");
    expect(byLabel.get("big_company")?.kind).toBe("let");
    expect(byLabel.get("authority")).toMatchObject({ kind: "criterion", detail: expect.stringContaining("Authority") });
    expect(byLabel.get("total")?.kind).toBe("score");
    expect(byLabel.get("decay")?.kind).toBe("function");
    expect(byLabel.has("sql")).toBe(false);
    expect(byLabel.has("company.employees")).toBe(false);
    const at = offsetOf(text, "= bud", 2);
    expect(list.replace).toEqual({ start: at, end: at + 3 });
  });

  it("offers a record's fields after `record.`, with their docs", () => {
    const text = CLEAN_MODEL.replace("tier cold", "criterion x \"X\" = company.\ntier cold");
    const service = serviceWith(text);
    const list = service.completions(URI, offsetOf(text, "company.\n", 8));
    expect(list.items.map((i) => i.label).sort()).toEqual(["country", "employees"]);
    expect(list.items.find((i) => i.label === "employees")?.documentation).toContain("Headcount");
  });

  it("offers the element fields of a list of records inside its `where` and after `list.`, and sets and Qual 2 functions", () => {
    const events = `model ev "Events"
input {
  email: text
  activities: list of { kind: text "What happened"  at: date }
  deals: list of { amount: number  stage: text }
}
set engaged = (webinar, demo)
criterion webinar "Webinar" = any of activities where kind = "webinar"
criterion demo "Demo" = count of activities where ki
score won "Won" = sum of deals.
tier lead "Lead" otherwise
`;
    const service = serviceWith(events);
    const inWhere = service.completions(URI, offsetOf(events, "where ki", 8)).items;
    const sorted = [...inWhere].sort((a, b) => a.sortText.localeCompare(b.sortText));
    expect(sorted.slice(0, 2).map((i) => i.label).sort()).toEqual(["at", "kind"]);
    expect(inWhere.find((i) => i.label === "kind")?.documentation).toBe("What happened");
    expect(inWhere.find((i) => i.label === "amount")).toBeUndefined();
    expect(inWhere.find((i) => i.label === "engaged")?.kind).toBe("set");
    for (const fn of ["domain", "trim", "length"]) expect(inWhere.find((i) => i.label === fn)?.kind).toBe("function");
    const afterDot = service.completions(URI, offsetOf(events, "deals.\n", 6)).items.map((i) => i.label).sort();
    expect(afterDot).toEqual(["amount", "stage"]);
    // Outside any `where`, element fields are not offered.
    const outside = service.completions(URI, offsetOf(events, "= sum", 2)).items.map((i) => i.label);
    expect(outside).not.toContain("kind");
  });

  it("offers type words after `name:` in the input block", () => {
    const text = CLEAN_MODEL.replace("  role: text?", "  seats: \n  role: text?");
    const service = serviceWith(text);
    const labels = service.completions(URI, offsetOf(text, "seats: ", 7)).items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(["number", "text", "bool", "date", "list of", "one of"]));
    expect(labels).not.toContain("budget_usd");
  });

  it("offers nothing inside comments and strings", () => {
    const text = `${CLEAN_MODEL}# a comment bud\n`;
    const service = serviceWith(text);
    expect(service.completions(URI, text.length - 1).items).toEqual([]);
    expect(service.completions(URI, offsetOf(CLEAN_MODEL, '"Demo', 3)).items).toEqual([]);
  });

  it("ranks declaration keywords first at the start of a line", () => {
    const text = `${CLEAN_MODEL}cri`;
    const service = serviceWith(text);
    const items = [...service.completions(URI, text.length).items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    expect(items[0]?.kind).toBe("keyword");
    expect(items.find((i) => i.label === "criterion")?.isSnippet).toBe(true);
  });

  it("keeps offering names the broken text lost, from the previous version", () => {
    const service = serviceWith(CLEAN_MODEL);
    service.completions(URI, 0);
    const broken = CLEAN_MODEL.replace("input {", "input {{{ ((");
    service.update(URI, 2, broken);
    const labels = service.completions(URI, broken.length).items.map((i) => i.label);
    expect(labels).toContain("budget_usd");
  });
});

describe("hover, definition and references", () => {
  it("describes a field use by its kind, type and doc", () => {
    const service = serviceWith(CLEAN_MODEL);
    const hover = service.hover(URI, offsetOf(CLEAN_MODEL, "budget_usd >=", 3));
    expect(hover?.contents[0]).toContain("field budget_usd: number");
    expect(hover?.contents.join("\n")).toContain("Budget for this purchase");
    expect(hover?.range.start.offset).toBe(offsetOf(CLEAN_MODEL, "budget_usd >="));
  });

  it("resolves each part of a dotted path on its own", () => {
    const service = serviceWith(CLEAN_MODEL);
    const head = service.hover(URI, offsetOf(CLEAN_MODEL, "company.employees >", 2));
    const tail = service.hover(URI, offsetOf(CLEAN_MODEL, "employees > 500", 2));
    expect(head?.contents[0]).toContain("field company: record");
    expect(tail?.contents[0]).toContain("field company.employees: number");
  });

  it("describes criteria with their labels and built-in functions with their signatures", () => {
    const service = serviceWith(CLEAN_MODEL);
    expect(service.hover(URI, offsetOf(CLEAN_MODEL, "when budget\n", 6))?.contents).toContain("**Budget**");
    expect(service.hover(URI, offsetOf(CLEAN_MODEL, "count(pains)", 1))?.contents.join("\n")).toContain("count(list) -> number");
  });

  it("goes from a use to its declaration", () => {
    const service = serviceWith(CLEAN_MODEL);
    const location = service.definition(URI, offsetOf(CLEAN_MODEL, "big_company\n", 1));
    expect(location?.range.start.offset).toBe(offsetOf(CLEAN_MODEL, "big_company ="));
    expect(location?.range.start.line).toBe(14);
  });

  it("finds every use of a name", () => {
    const service = serviceWith(CLEAN_MODEL);
    const uses = service.references(URI, offsetOf(CLEAN_MODEL, "budget    \"", 1), false);
    expect(uses.map((u) => u.range.start.offset)).toEqual([offsetOf(CLEAN_MODEL, "budget\n"), offsetOf(CLEAN_MODEL, "(budget,", 1)]);
  });
});

describe("outline", () => {
  it("lists declarations, nested fields and score rules", () => {
    const outline = serviceWith(CLEAN_MODEL).documentSymbols(URI);
    expect(outline.map((s) => `${s.kind}:${s.name}`)).toEqual([
      "model:demo", "input:input", "const:deciders", "let:big_company", "criterion:budget", "criterion:authority",
      "criterion:need", "score:fit", "score:total", "disqualify:Competitor", "tier:sql", "tier:cold",
    ]);
    const input = outline[1];
    expect(input?.children.find((c) => c.name === "company")?.children.map((c) => c.name)).toEqual(["employees", "country"]);
    expect(outline.find((s) => s.name === "fit")?.children.map((c) => c.name)).toEqual(["Big", "Budget"]);
    expect(outline.find((s) => s.name === "budget")?.selectionRange.start.line).toBe(16);
  });
});

describe("quick fixes", () => {
  it("turns the checker's did-you-mean suggestion into a fix for the misspelt name", () => {
    const text = CLEAN_MODEL.replace("budget_usd >= 10_000", "budgt_usd >= 10_000");
    const service = serviceWith(text);
    const at = offsetOf(text, "budgt_usd");
    const fixes = service.codeActions(URI, at, at);
    expect(fixes).toHaveLength(1);
    expect(fixes[0]?.title).toMatch(/^Did you mean/);
    expect(fixes[0]?.diagnostic.code).toBe("QUAL210");
    expect(fixes[0]?.edits).toEqual([{ range: expect.objectContaining({ start: expect.objectContaining({ offset: at }) }), newText: "budget_usd" }]);
    expect(service.codeActions(URI, 0, 5)).toEqual([]);
  });
});

describe("formatting", () => {
  it("returns one edit with the formatter's text, and none when already formatted", () => {
    const messy = CLEAN_MODEL.replace('criterion need      "Need"      = count(pains) > 0', 'criterion need "Need" =   count(pains)>0');
    const service = serviceWith(messy);
    const edits = service.format(URI);
    expect(edits).toHaveLength(1);
    expect(edits[0]?.range.end.offset).toBe(messy.length);
    expect(edits[0]?.newText).toContain("count(pains) > 0");
    service.update(URI, 2, edits[0]?.newText ?? "");
    expect(service.format(URI)).toEqual([]);
  });

  it("does not format text with syntax errors", () => {
    const service = serviceWith(`${CLEAN_MODEL}\ncriterion broken "B" = (`);
    expect(service.format(URI)).toEqual([]);
  });
});

describe("completion of choices", () => {
  const model = CLEAN_MODEL.replace("  role: text?", '  plan: one of ("Free", "Pro", "Enterprise")?\n  role: text?').replace(
    "criterion need      \"Need\"      = count(pains) > 0",
    "criterion need      \"Need\"      = count(pains) > 0 or plan = \"Pro\"",
  );

  it("offers a `one of` field's options inside the text it is compared with", () => {
    const text = model.replace('plan = "Pro"', 'plan = "Pr');
    const service = serviceWith(text);
    const at = offsetOf(text, 'plan = "Pr', 10);
    const list = service.completions(URI, at);
    expect(list.items.map((i) => i.label)).toEqual(["Free", "Pro", "Enterprise"]);
    expect(list.replace).toEqual({ start: at - 2, end: at });
  });

  it("offers them inside a list after `in`, and nothing for a field that is not a choice", () => {
    const text = model.replace('plan = "Pro"', 'plan in ["Free", "');
    const service = serviceWith(text);
    expect(service.completions(URI, offsetOf(text, 'plan in ["Free", "', 18)).items.map((i) => i.label)).toContain("Enterprise");
    const other = model.replace('plan = "Pro"', 'role = "C');
    service.update(URI, 2, other);
    expect(service.completions(URI, offsetOf(other, 'role = "C', 9)).items).toEqual([]);
  });
});
