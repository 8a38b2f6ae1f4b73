import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";
import { launchChromium } from "../src/testing/chromium.js";
import { EDITOR_PACKAGE_DIR } from "../src/testing/demo-server.js";
import { openDemo, setSourceAndValidate } from "../src/testing/demo-page.js";
import type { DemoWindow } from "../src/testing/demo-page.js";
import { BASE_MODEL, QUALIFIED_LEAD } from "./fixtures.js";

/** Where test runs leave screenshots (gitignored). */
export const RESULTS_DIR = join(EDITOR_PACKAGE_DIR, "test-results");
/** monaco.MarkerSeverity.Error. */
export const ERROR = 8;

/** One Chromium with the demo open, shared by the tests of a file, and helpers that drive it. */
export interface DemoSession {
  readonly page: Page;
  /** Console errors and page errors seen so far. */
  readonly errors: readonly string[];
  /** Returns the errors seen so far and forgets them (for a test that provokes one on purpose). */
  takeErrors(): string[];
  /** Loads BASE_MODEL with QUALIFIED_LEAD and waits for its markers and result. */
  reset(): Promise<void>;
  /** Puts the cursor at the end of a 1-based line and focuses the model editor. */
  cursorAtEndOf(line: number): Promise<void>;
  /** The model's text. */
  source(): Promise<string>;
  /** Waits for the suggest widget and returns its rows' labels. */
  suggestionLabels(): Promise<string[]>;
}

/**
 * Opens the demo (served by the global setup) in a fresh Chromium before the
 * file's tests, checks after each test that the page logged no errors, and
 * closes the browser after the file.
 */
export function useDemoSession(): DemoSession {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let errors: string[] = [];
  const current = (): Page => {
    if (!page) throw new Error("The demo page is not open yet.");
    return page;
  };

  beforeAll(async () => {
    mkdirSync(RESULTS_DIR, { recursive: true });
    browser = await launchChromium();
    const demo = await openDemo(browser, inject("demoUrl"));
    page = demo.page;
    errors = demo.errors;
  });
  // No test may leave a console error or an uncaught page error behind.
  afterEach(() => {
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    get page() {
      return current();
    },
    get errors() {
      return errors;
    },
    takeErrors: () => errors.splice(0, errors.length),
    reset: async () => {
      const p = current();
      await p.evaluate((lead) => (window as unknown as DemoWindow).qualDemo.editor()?.setLead(lead), QUALIFIED_LEAD);
      await setSourceAndValidate(p, BASE_MODEL);
      await p.evaluate(() => (window as unknown as DemoWindow).qualDemo.editor()?.evaluateLead());
    },
    cursorAtEndOf: async (line) => {
      await current().evaluate((lineNumber) => {
        const editor = (window as unknown as DemoWindow).qualDemo.editor()?.editor;
        const model = editor?.getModel();
        if (!editor || !model) throw new Error("no editor");
        editor.setPosition({ lineNumber, column: model.getLineMaxColumn(lineNumber) });
        editor.focus();
      }, line);
    },
    source: () => current().evaluate(() => (window as unknown as DemoWindow).qualDemo.editor()?.getValue() ?? ""),
    suggestionLabels: async () => {
      const p = current();
      await p.waitForSelector(".suggest-widget.visible .monaco-list-row", { timeout: 20_000 });
      return p.$$eval(".suggest-widget.visible .monaco-list-row", (rows) => rows.map((row) => row.getAttribute("aria-label") ?? ""));
    },
  };
}
