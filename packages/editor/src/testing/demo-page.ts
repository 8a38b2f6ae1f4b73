import type { Browser, ConsoleMessage, Page } from "playwright-core";
import type * as Monaco from "monaco-editor/editor";
import type { QualEditor } from "../create-qual-editor.js";

/** What the demo page exposes on `window.qualDemo` (see demo/main.ts). */
export interface DemoHandle {
  readonly monaco: typeof Monaco;
  editor(): QualEditor | undefined;
  open(name: string): QualEditor | undefined;
  readonly examples: string[];
}

/** The demo's handle, inside the page (for `page.evaluate` callbacks). */
export type DemoWindow = Window & { qualDemo: DemoHandle };

/** A demo page and the console errors and page errors it produced. */
export interface DemoPage {
  readonly page: Page;
  readonly errors: string[];
}

/**
 * Opens the demo in a new page of `browser` and waits until the editor has
 * applied its first diagnostics and shown its first lead result.
 */
export async function openDemo(browser: Browser, url: string): Promise<DemoPage> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as DemoWindow).qualDemo?.editor() !== undefined);
  await page.waitForSelector(".qual-result[data-status]");
  return { page, errors };
}

/** Replaces the model's text and waits until the markers of that text are applied. */
export async function setSourceAndValidate(page: Page, source: string): Promise<void> {
  await page.evaluate(async (text) => {
    const editor = (window as unknown as DemoWindow).qualDemo.editor();
    if (!editor) throw new Error("no editor");
    editor.setValue(text);
    await editor.validate();
  }, source);
}

/** A marker as the tests read it. */
export interface MarkerSnapshot {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
  readonly code: string;
  readonly severity: number;
}

/** The Qual markers now on the model. */
export function readMarkers(page: Page): Promise<MarkerSnapshot[]> {
  return page.evaluate(() =>
    ((window as unknown as DemoWindow).qualDemo.editor()?.getMarkers() ?? []).map((m) => ({
      line: m.startLineNumber,
      column: m.startColumn,
      endLine: m.endLineNumber,
      endColumn: m.endColumn,
      message: m.message,
      code: typeof m.code === "string" ? m.code : (m.code?.value ?? ""),
      severity: m.severity,
    })),
  );
}

/**
 * Waits until the markers satisfy `predicate` (polling in the page is not
 * possible with a node predicate, so this polls from node).
 */
export async function waitForMarkers(page: Page, predicate: (markers: MarkerSnapshot[]) => boolean, timeoutMs = 20_000): Promise<MarkerSnapshot[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const markers = await readMarkers(page);
    if (predicate(markers)) return markers;
    if (Date.now() > deadline) throw new Error(`Markers did not reach the expected state; last: ${JSON.stringify(markers)}`);
    await page.waitForTimeout(50);
  }
}
