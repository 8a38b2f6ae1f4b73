import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { setSourceAndValidate } from "../src/testing/demo-page.js";
import type { DemoWindow } from "../src/testing/demo-page.js";
import { BASE_MODEL, lineOf } from "./fixtures.js";
import { useDemoSession } from "./session.js";

const session = useDemoSession();
const { reset, cursorAtEndOf, source, suggestionLabels } = session;
let page: Page;
beforeAll(() => {
  page = session.page;
});

describe("completion", () => {
  it("offers an input field after typing part of its name", async () => {
    await reset();
    await cursorAtEndOf(lineOf(BASE_MODEL, "criterion sized"));
    await page.keyboard.press("Enter");
    // As a person would: the line so far, a pause in which the worker catches up,
    // then part of a field's name. Typed in one burst, the widget sometimes never
    // opened (one run in three, only in this, the file's first completion; likely a
    // request made at the declaration's name still pending on the cold worker).
    await page.keyboard.type('criterion soon "Soon" = ');
    await page.keyboard.press("Escape");
    await page.evaluate(() => (window as unknown as DemoWindow).qualDemo.editor()?.validate());
    await page.keyboard.type("timeli");
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

describe("signature help", () => {
  it("shows a built-in function's parameters while typing its call", async () => {
    await reset();
    await cursorAtEndOf(lineOf(BASE_MODEL, "criterion sized"));
    await page.keyboard.press("Enter");
    await page.keyboard.type("let fading = decay(");
    const hints = page.locator(".parameter-hints-widget.visible");
    await hints.waitFor({ state: "visible", timeout: 20_000 });
    expect(await hints.innerText()).toContain("decay(days, half_life)");
    await page.keyboard.press("Escape");
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

  it("renames a criterion everywhere with F2", async () => {
    await reset();
    await page.evaluate(() => {
      const editor = (window as unknown as DemoWindow).qualDemo.editor()?.editor;
      const match = editor?.getModel()?.findMatches("criterion need", false, false, true, null, false)[0];
      if (!editor || !match) throw new Error("no criterion");
      editor.setPosition({ lineNumber: match.range.startLineNumber, column: match.range.startColumn + 11 });
      editor.focus();
    });
    await page.keyboard.press("F2");
    const input = page.locator(".rename-box input");
    await input.waitFor({ state: "visible", timeout: 20_000 });
    // The box opens with the current name selected; typing replaces it once the box has focus.
    await page.waitForFunction(() => document.activeElement?.closest(".rename-box") !== null, undefined, { timeout: 20_000 });
    expect(await input.inputValue()).toBe("need");
    await page.keyboard.type("pain");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => {
      const text = (window as unknown as DemoWindow).qualDemo.editor()?.getValue() ?? "";
      return text.includes("criterion pain ") && text.includes("(budget, authority, pain, timing)") && !/\bneed\b/.test(text);
    }, undefined, { timeout: 20_000 });
  });

  it("formats the document with the project's formatter", async () => {
    await reset();
    await setSourceAndValidate(page, BASE_MODEL.replace("criterion need      \"Need\"      = count(pains) > 0", "criterion need \"Need\" =    count(pains)>0"));
    await page.evaluate(() => (window as unknown as DemoWindow).qualDemo.editor()?.format());
    const text = await source();
    expect(text).toContain("count(pains) > 0");
    expect(session.errors).toEqual([]);
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
