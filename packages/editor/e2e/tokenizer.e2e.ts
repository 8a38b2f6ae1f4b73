import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { DemoWindow } from "../src/testing/demo-page.js";
import { useDemoSession } from "./session.js";

const session = useDemoSession();
let page: Page;
beforeAll(() => {
  page = session.page;
});

describe("the Qual tokenizer", () => {
  const table: [line: string, part: string, type: string][] = [
    ['criterion budget "Budget" = budget_usd >= 10_000', "criterion", "keyword.qual"],
    ['criterion budget "Budget" = budget_usd >= 10_000', "budget ", "entity.name.qual"],
    ['criterion budget "Budget" = budget_usd >= 10_000', '"Budget"', "string.quote.qual"],
    ['criterion budget "Budget" = budget_usd >= 10_000', "budget_usd", "identifier.qual"],
    ['criterion budget "Budget" = budget_usd >= 10_000', ">=", "operator.qual"],
    ['criterion budget "Budget" = budget_usd >= 10_000', "10_000", "number.qual"],
    ["let d = signup within 30 days # recent", "within", "keyword.contextual.qual"],
    ["let d = signup within 30 days # recent", "days", "keyword.contextual.qual"],
    ["let d = signup within 30 days # recent", "# recent", "comment.qual"],
    ["let days = 3", "days", "entity.name.qual"],
    ["let x = days + 1", "days", "identifier.qual"],
    ["tier a when at least 2 of (b, c)", "at", "keyword.contextual.qual"],
    ["tier a when at least 2 of (b, c)", "least", "keyword.contextual.qual"],
    ["tier a when at least 2 of (b, c)", "of", "keyword.qual"],
    ["let n = count of (b, c)", "count", "keyword.contextual.qual"],
    ["let n = count(pains)", "count", "predefined.qual"],
    ["let m = x is missing", "missing", "keyword.contextual.qual"],
    ["let missing = 1", "missing", "entity.name.qual"],
    ["const start = 2026-01-31", "2026-01-31", "number.date.qual"],
    ['let e = email ends with "@gmail.com"', "ends", "keyword.qual"],
    ['let e = "a\\"b"', '\\"', "string.escape.qual"],
    ['score fit "Fit" max 60 {', "max", "keyword.contextual.qual"],
    ["let m = max(a, b)", "max", "predefined.qual"],
  ];

  it("tokenizes keywords, contextual words, names, literals and comments as the table says", async () => {
    const actual = await page.evaluate((rows) => {
      const { monaco } = (window as unknown as DemoWindow).qualDemo;
      return rows.map(([line, part]) => {
        const tokens = monaco.editor.tokenize(line, "qual")[0] ?? [];
        const at = line.indexOf(part);
        let type = "";
        for (const token of tokens) if (token.offset <= at) type = token.type;
        return type;
      });
    }, table);
    expect(actual).toEqual(table.map(([, , type]) => type));
  });

  it("treats type words as types inside the input block only", async () => {
    const types = await page.evaluate(() => {
      const { monaco } = (window as unknown as DemoWindow).qualDemo;
      const lines = monaco.editor.tokenize('input {\n  pains: list of text "doc"\n  nested: {\n    n: number?\n  }\n}\nlet text = 1', "qual");
      return lines.map((tokens) => tokens.map((t) => t.type));
    });
    expect(types[1]).toContain("type.qual");
    expect(types[1]).toContain("variable.name.qual");
    expect(types[3]).toContain("type.qual");
    expect(types[6]).not.toContain("type.qual");
  });
});
