import { describe, expect, it } from "vitest";
import { QualLanguageService, documentFormatOf } from "../src/index.js";

const URI = "inmemory://test/bant.qual.yaml";

const YAML_MODEL = `model: bant
title: BANT qualification
input:
  budget_usd: { type: number, optional: true, doc: "Budget for this purchase, in USD" }
  role: { type: text, optional: true }
declarations:
  - criterion: budget
    label: Budget
    when: budget_usd >= 10_000
  - criterion: authority
    label: Authority
    when: role = "CEO"
  - tier: sql
    label: Sales qualified
    when: budget and authority
  - tier: cold
    label: Cold
    otherwise: true
`;

describe("models in the YAML data form", () => {
  it("completes names after an expression key such as `when:`, and type words only after `type:`", () => {
    const service = new QualLanguageService();
    service.update(URI, 1, YAML_MODEL);
    const afterWhen = YAML_MODEL.indexOf("when: budget_usd") + "when: ".length;
    const names = service.completions(URI, afterWhen).items.map((i) => i.label);
    expect(names).toEqual(expect.arrayContaining(["budget_usd", "role", "budget"]));
    expect(names).not.toContain("number");
    const afterType = YAML_MODEL.indexOf("type: number") + "type: ".length;
    expect(service.completions(URI, afterType).items.map((i) => i.label)).toEqual(expect.arrayContaining(["number", "text", "bool"]));
  });

  it("picks the form from the uri", () => {
    expect(documentFormatOf("a/b.qual.yaml")).toBe("yaml");
    expect(documentFormatOf("a/b.qual.yml")).toBe("yaml");
    expect(documentFormatOf("a/b.qual.json")).toBe("json");
    expect(documentFormatOf("a/b.qual")).toBe("qual");
  });

  it("checks a clean YAML model and offers its lead schema and evaluation", () => {
    const service = new QualLanguageService();
    const report = service.update(URI, 1, YAML_MODEL);
    expect(report.diagnostics).toEqual([]);
    expect(service.leadSchema(URI)?.modelId).toBe("bant");
    const outcome = service.evaluate(URI, JSON.stringify({ budget_usd: 20_000, role: "ceo" }));
    expect(outcome.status === "ok" && outcome.result.tier).toBe("sql");
  });

  it("points a misspelt name inside an expression string at its place in the YAML file, with a quick fix", () => {
    const broken = YAML_MODEL.replace("when: budget_usd >= 10_000", "when: budgt_usd >= 10_000");
    const service = new QualLanguageService();
    const report = service.update(URI, 1, broken);
    const unknown = report.diagnostics.find((d) => d.code === "QUAL210");
    const at = broken.indexOf("budgt_usd");
    expect(unknown?.range.start).toMatchObject({ line: 9, offset: at });
    expect(service.codeActions(URI, at, at)[0]?.edits[0]?.newText).toBe("budget_usd");
  });

  it("reports a schema problem of the data form and leaves formatting alone", () => {
    const service = new QualLanguageService();
    const report = service.update(URI, 1, YAML_MODEL.replace("title: BANT qualification", "title: [1, 2]"));
    expect(report.diagnostics.some((d) => d.code.startsWith("QUAL6"))).toBe(true);
    expect(service.format(URI)).toEqual([]);
    expect(service.documentSymbols(URI)).toEqual([]);
  });
});

describe("converting to the data form", () => {
  it("writes a Qual model as YAML that checks clean and evaluates the same", () => {
    const service = new QualLanguageService();
    const qual = 'model m "M"\ninput {\n  x: number?\n}\ncriterion big "Big" = x > 10\ntier hot "Hot" when big\ntier cold "Cold" otherwise\n';
    service.update("m.qual", 1, qual);
    const yaml = service.toData("m.qual", "yaml");
    expect(yaml).toContain("criterion: big");
    service.update("m.qual.yaml", 1, yaml ?? "");
    expect(service.report("m.qual.yaml").diagnostics).toEqual([]);
    const lead = JSON.stringify({ x: 11 });
    const fromQual = service.evaluate("m.qual", lead);
    const fromYaml = service.evaluate("m.qual.yaml", lead);
    expect(fromYaml).toEqual(fromQual);
    expect(fromQual.status === "ok" && fromQual.result.tier).toBe("hot");
  });

  it("refuses to convert text with syntax errors", () => {
    const service = new QualLanguageService();
    service.update("m.qual", 1, 'model m "M"\ninput {\n  x: number?\n}\ncriterion big "Big" = x >\n');
    expect(service.toData("m.qual", "yaml")).toBeUndefined();
  });
});
