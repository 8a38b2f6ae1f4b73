import { join } from "node:path";
import { analyze } from "@qualify/language";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { readMarkers, waitForMarkers } from "../src/testing/demo-page.js";
import type { DemoWindow } from "../src/testing/demo-page.js";
import { BASE_MODEL, lineOf } from "./fixtures.js";
import { useDemoSession, ERROR, RESULTS_DIR } from "./session.js";

const session = useDemoSession();
const { reset, cursorAtEndOf, source } = session;
let page: Page;
beforeAll(() => {
  page = session.page;
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
