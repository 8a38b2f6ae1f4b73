import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "@qualify/language";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../src/testing/chromium.js";
import { EDITOR_PACKAGE_DIR } from "../src/testing/demo-server.js";
import { openDemo, readMarkers, setSourceAndValidate, waitForMarkers } from "../src/testing/demo-page.js";
import type { DemoPage, DemoWindow } from "../src/testing/demo-page.js";
import { BASE_MODEL, QUALIFIED_LEAD, lineOf } from "./fixtures.js";

const RESULTS_DIR = join(EDITOR_PACKAGE_DIR, "test-results");
const ERROR = 8; // monaco.MarkerSeverity.Error

let browser: Browser;
let demo: DemoPage;
let page: Page;

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  browser = await launchChromium();
  demo = await openDemo(browser, inject("demoUrl"));
  page = demo.page;
});

afterAll(async () => {
  await browser?.close();
});

/** Loads BASE_MODEL with QUALIFIED_LEAD and waits for clean markers and a result. */
async function reset(): Promise<void> {
  await page.evaluate((lead) => (window as unknown as DemoWindow).qualDemo.editor()?.setLead(lead), QUALIFIED_LEAD);
  await setSourceAndValidate(page, BASE_MODEL);
  await page.evaluate(() => (window as unknown as DemoWindow).qualDemo.editor()?.evaluateLead());
}

/** Puts the cursor at the end of a 1-based line and focuses the model editor. */
async function cursorAtEndOf(line: number): Promise<void> {
  await page.evaluate((lineNumber) => {
    const editor = (window as unknown as DemoWindow).qualDemo.editor()?.editor;
    const model = editor?.getModel();
    if (!editor || !model) throw new Error("no editor");
    editor.setPosition({ lineNumber, column: model.getLineMaxColumn(lineNumber) });
    editor.focus();
  }, line);
}

function source(): Promise<string> {
  return page.evaluate(() => (window as unknown as DemoWindow).qualDemo.editor()?.getValue() ?? "");
}

async function suggestionLabels(): Promise<string[]> {
  await page.waitForSelector(".suggest-widget.visible .monaco-list-row", { timeout: 20_000 });
  return page.$$eval(".suggest-widget.visible .monaco-list-row", (rows) => rows.map((row) => row.getAttribute("aria-label") ?? ""));
}

describe("the demo page", () => {
  it("loads the BANT example with no console errors, no error markers and a tier", async () => {
    const state = await page.evaluate(() => {
      const handle = (window as unknown as DemoWindow).qualDemo;
      return { examples: handle.examples, selected: (document.getElementById("example") as HTMLSelectElement).value };
    });
    expect(state.examples[0]).toBe("bant");
    expect(state.selected).toBe("bant");
    const markers = await readMarkers(page);
    expect(markers.filter((m) => m.severity === ERROR)).toEqual([]);
    await page.waitForSelector(".qual-result-tier[data-tier]");
    expect(demo.errors).toEqual([]);
  });

  it("switches examples from the dropdown, each with its sample lead evaluated", async () => {
    const names = await page.evaluate(() => (window as unknown as DemoWindow).qualDemo.examples);
    for (const name of names.slice(0, 3)) {
      await page.selectOption("#example", name);
      await page.waitForFunction((n) => (window as unknown as DemoWindow).qualDemo.editor()?.getValue().includes(`model ${n}`) ?? false, name.replace(/-/g, "_"));
      await page.waitForSelector(".qual-result[data-status]");
    }
    await page.selectOption("#example", "bant");
    expect(demo.errors).toEqual([]);
  });
});

describe("live validation", () => {
  it("marks a typed type error on its line with the checker's message, and clears it when fixed", async () => {
    await reset();
    expect((await readMarkers(page)).filter((m) => m.severity === ERROR)).toEqual([]);
    const line = lineOf(BASE_MODEL, "criterion timing");
    await cursorAtEndOf(line);
    const typed = " and role >= 3";
    await page.keyboard.type(typed);

    const broken = await source();
    const expected = analyze(broken).diagnostics.filter((d) => d.severity === "error");
    expect(expected.length).toBeGreaterThan(0);
    const markers = await waitForMarkers(page, (ms) => ms.some((m) => m.severity === ERROR));
    const errors = markers.filter((m) => m.severity === ERROR);
    expect(errors.map((m) => ({ line: m.line, code: m.code, message: m.message }))).toEqual(
      expected.map((d) => ({ line: d.range.start.line, code: d.code, message: d.message })),
    );
    expect(errors[0]?.line).toBe(line);

    await page.locator(".qual-editor-main").screenshot({ path: join(RESULTS_DIR, "editor-with-marker.png") });

    for (let i = 0; i < typed.length; i++) await page.keyboard.press("Backspace");
    await waitForMarkers(page, (ms) => !ms.some((m) => m.severity === ERROR));
    expect(await source()).toBe(BASE_MODEL);
  });

  it("marks a syntax error and keeps validating the rest of the file", async () => {
    await reset();
    const line = lineOf(BASE_MODEL, "criterion need");
    await cursorAtEndOf(line);
    await page.keyboard.type(" >");
    const expected = analyze(await source()).diagnostics.filter((d) => d.severity === "error");
    const markers = await waitForMarkers(page, (ms) => ms.some((m) => m.severity === ERROR));
    expect(markers.filter((m) => m.severity === ERROR).map((m) => m.code)).toEqual(expected.map((d) => d.code));
    expect(markers.some((m) => m.line === line || m.line === line + 1)).toBe(true);
  });
});

describe("completion", () => {
  it("offers an input field after typing part of its name", async () => {
    await reset();
    await cursorAtEndOf(lineOf(BASE_MODEL, "criterion sized"));
    await page.keyboard.press("Enter");
    await page.keyboard.type('criterion soon "Soon" = timeli');
    const labels = await suggestionLabels();
    expect(labels[0]).toMatch(/^timeline_days/);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => (window as unknown as DemoWindow).qualDemo.editor()?.getValue().includes('"Soon" = timeline_days\n') ?? false);
  });

  it("offers a nested record's fields after `company.`", async () => {
    await reset();
    await cursorAtEndOf(lineOf(BASE_MODEL, "criterion sized"));
    await page.keyboard.press("Enter");
    await page.keyboard.type('criterion local "Local" = company.');
    const labels = await suggestionLabels();
    expect(labels.some((label) => label.startsWith("employees"))).toBe(true);
    expect(labels.some((label) => label.startsWith("country"))).toBe(true);
    expect(labels.some((label) => label.startsWith("budget_usd"))).toBe(false);
    await page.keyboard.press("Escape");
  });
});

describe("quick fixes", () => {
  it("replaces a misspelt name with the checker's suggestion", async () => {
    await reset();
    const line = lineOf(BASE_MODEL, "criterion sized");
    await cursorAtEndOf(line);
    await page.keyboard.press("Enter");
    await page.keyboard.type('criterion rich "Rich" = budgt_usd > 100000');
    await page.keyboard.press("Escape");
    const expected = analyze(await source()).diagnostics.find((d) => d.suggestion);
    expect(expected?.suggestion?.edits[0]?.newText).toBe("budget_usd");
    await waitForMarkers(page, (ms) => ms.some((m) => m.severity === ERROR && m.line === line + 1));
    await page.evaluate((lineNumber) => {
      const editor = (window as unknown as DemoWindow).qualDemo.editor()?.editor;
      editor?.setPosition({ lineNumber, column: 27 });
      editor?.focus();
    }, line + 1);
    await page.keyboard.press("Control+.");
    await page.waitForSelector(".action-widget", { state: "visible", timeout: 20_000 });
    const widgetText = await page.locator(".action-widget").first().innerText();
    expect(widgetText).toContain("budget_usd");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => (window as unknown as DemoWindow).qualDemo.editor()?.getValue().includes('"Rich" = budget_usd > 100000') ?? false);
    await waitForMarkers(page, (ms) => !ms.some((m) => m.severity === ERROR));
  });
});

describe("the try-a-lead panel", () => {
  it("shows the tier and changes it when the lead is edited", async () => {
    await reset();
    await page.waitForSelector('.qual-result-tier[data-tier="sql"]');
    // Select the role's value in the lead editor and type over it, as a person would.
    await page.evaluate(() => {
      const lead = (window as unknown as DemoWindow).qualDemo.editor()?.leadEditor;
      const match = lead?.getModel()?.findMatches("CFO", false, false, true, null, false)[0];
      if (!lead || !match) throw new Error("no role in the lead");
      lead.setSelection(match.range);
      lead.focus();
    });
    await page.keyboard.type("intern");
    await page.waitForSelector('.qual-result-tier[data-tier="mql"]', { timeout: 20_000 });
    const criteria = await page.$$eval(".qual-criterion", (items) => items.map((item) => item.textContent));
    expect(criteria).toContain("budget: yes");
    expect(criteria).toContain("authority: no");
    expect(await page.evaluate(() => (window as unknown as DemoWindow).qualDemo.editor()?.getLead())).toContain('"intern"');
  });

  it("lists the questions to ask when the lead is missing data", async () => {
    await reset();
    await page.evaluate(() => (window as unknown as DemoWindow).qualDemo.editor()?.setLead({ role: "CFO", pains: ["churn"] }));
    await page.waitForSelector('.qual-question[data-field="budget_usd"]', { timeout: 20_000 });
    const fields = await page.$$eval(".qual-question", (items) => items.map((item) => item.getAttribute("data-field")));
    expect(fields).toContain("timeline_days");
  });

  it("re-evaluates when the model changes", async () => {
    await reset();
    await page.waitForSelector('.qual-result-tier[data-tier="sql"]');
    const edited = BASE_MODEL.replace('tier sql  "Sales qualified"     when qualified', 'tier sql  "Sales qualified"     when qualified and budget_usd > 1_000_000');
    await setSourceAndValidate(page, edited);
    await page.waitForSelector('.qual-result-tier[data-tier="mql"]', { timeout: 20_000 });
  });

  it("marks a lead field of the wrong type through the model's JSON Schema", async () => {
    await reset();
    await page.evaluate(() => (window as unknown as DemoWindow).qualDemo.editor()?.setLead('{ "budget_usd": "lots", "pains": [] }'));
    await page.waitForSelector('.qual-result[data-status="invalid-lead"]', { timeout: 20_000 });
    const jsonMarkers = await page.waitForFunction(() => {
      const handle = (window as unknown as DemoWindow).qualDemo;
      const model = handle.editor()?.leadEditor?.getModel();
      if (!model) return 0;
      return handle.monaco.editor.getModelMarkers({ resource: model.uri }).length;
    }, undefined, { timeout: 20_000 });
    expect(await jsonMarkers.jsonValue()).toBeGreaterThan(0);
  });
});

describe("navigation and formatting", () => {
  it("hovers a field with its type and doc, and goes to its definition", async () => {
    await reset();
    const info = await page.evaluate(async () => {
      const handle = (window as unknown as DemoWindow).qualDemo;
      const editor = handle.editor()?.editor;
      const model = editor?.getModel();
      if (!editor || !model) throw new Error("no editor");
      const use = model.findMatches("budget_usd >=", false, false, true, null, false)[0];
      if (!use) throw new Error("no use");
      editor.setPosition({ lineNumber: use.range.startLineNumber, column: use.range.startColumn + 2 });
      editor.focus();
      return use.range.startLineNumber;
    });
    expect(info).toBe(lineOf(BASE_MODEL, "budget_usd >="));
    const point = await page.evaluate(() => {
      const editor = (window as unknown as DemoWindow).qualDemo.editor()?.editor;
      const position = editor?.getPosition();
      const visible = position ? editor?.getScrolledVisiblePosition(position) : null;
      const box = editor?.getDomNode()?.getBoundingClientRect();
      if (!visible || !box) throw new Error("position not visible");
      return { x: box.left + visible.left + 2, y: box.top + visible.top + visible.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    const hover = page.locator(".monaco-hover:not(.hidden)").filter({ hasText: "field budget_usd: number" });
    await hover.first().waitFor({ state: "visible", timeout: 20_000 });
    expect(await hover.first().innerText()).toContain("Budget for this purchase, in USD");
    await page.keyboard.press("F12");
    await page.waitForFunction(
      (line) => (window as unknown as DemoWindow).qualDemo.editor()?.editor.getPosition()?.lineNumber === line,
      lineOf(BASE_MODEL, "budget_usd: number?"),
      { timeout: 20_000 },
    );
  });

  it("formats the document with the project's formatter", async () => {
    await reset();
    await setSourceAndValidate(page, BASE_MODEL.replace("criterion need      \"Need\"      = count(pains) > 0", "criterion need \"Need\" =    count(pains)>0"));
    await page.evaluate(() => (window as unknown as DemoWindow).qualDemo.editor()?.format());
    const text = await source();
    expect(text).toContain("count(pains) > 0");
    expect(demo.errors).toEqual([]);
  });
});

describe("models that go away", () => {
  it("lose their markers when the editor is disposed", async () => {
    await reset();
    await setSourceAndValidate(page, BASE_MODEL.replace("count(pains) > 0", "count(pains) > \"many\""));
    const uri = await page.evaluate(() => (window as unknown as DemoWindow).qualDemo.editor()?.editor.getModel()?.uri.toString() ?? "");
    expect((await readMarkers(page)).some((m) => m.severity === ERROR)).toBe(true);
    await page.selectOption("#example", (await page.evaluate(() => (window as unknown as DemoWindow).qualDemo.examples))[1] ?? "bant");
    await page.waitForFunction((old) => (window as unknown as DemoWindow).qualDemo.editor()?.editor.getModel()?.uri.toString() !== old, uri);
    const left = await page.evaluate((old) => {
      const { monaco } = (window as unknown as DemoWindow).qualDemo;
      return monaco.editor.getModelMarkers({}).filter((m) => m.resource.toString() === old).length;
    }, uri);
    expect(left).toBe(0);
    await page.selectOption("#example", "bant");
  });
});

describe("the outline", () => {
  it("lists the model's declarations in the quick outline and jumps to one", async () => {
    await reset();
    await cursorAtEndOf(1);
    await page.keyboard.press("Control+Shift+O");
    await page.waitForSelector(".quick-input-widget .monaco-list-row", { timeout: 20_000 });
    const rows = await page.$$eval(".quick-input-widget .monaco-list-row", (items) => items.map((item) => item.getAttribute("aria-label") ?? ""));
    expect(rows.join("|")).toContain("bant");
    await page.keyboard.type("qualif");
    await page.waitForFunction(() => {
      const labels = [...document.querySelectorAll(".quick-input-widget .monaco-list-row")].map((row) => row.getAttribute("aria-label") ?? "");
      return labels.length === 1 && labels[0]?.includes("qualified");
    }, undefined, { timeout: 20_000 });
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (line) => (window as unknown as DemoWindow).qualDemo.editor()?.editor.getPosition()?.lineNumber === line,
      lineOf(BASE_MODEL, "criterion qualified"),
      { timeout: 20_000 },
    );
  });
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

describe("the YAML data form", () => {
  it("shows the example as YAML, validates it, and gives the same tier", async () => {
    await page.selectOption("#form", "qual");
    await page.selectOption("#example", "bant");
    await page.waitForSelector(".qual-result-tier[data-tier]");
    const qualTier = await page.getAttribute(".qual-result-tier", "data-tier");
    await page.selectOption("#form", "yaml");
    await page.waitForFunction(() => (window as unknown as DemoWindow).qualDemo.editor()?.getValue().includes("model: bant") ?? false, undefined, { timeout: 20_000 });
    await page.waitForFunction(() => (window as unknown as DemoWindow).qualDemo.editor()?.editor.getModel()?.getLanguageId() === "qual-yaml");
    await page.evaluate(() => (window as unknown as DemoWindow).qualDemo.editor()?.validate());
    await page.waitForSelector(".qual-result-tier[data-tier]");
    expect(await page.getAttribute(".qual-result-tier", "data-tier")).toBe(qualTier);
    expect((await readMarkers(page)).filter((m) => m.severity === ERROR)).toEqual([]);
    await page.selectOption("#form", "qual");
    await page.waitForFunction(() => (window as unknown as DemoWindow).qualDemo.editor()?.getValue().includes("model bant") ?? false);
    expect(demo.errors).toEqual([]);
  });
});
