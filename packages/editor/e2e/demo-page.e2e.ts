import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { readMarkers, setSourceAndValidate } from "../src/testing/demo-page.js";
import type { DemoWindow } from "../src/testing/demo-page.js";
import { BASE_MODEL } from "./fixtures.js";
import { useDemoSession, ERROR } from "./session.js";

const session = useDemoSession();
const { reset } = session;
let page: Page;
beforeAll(() => {
  page = session.page;
});

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
    expect(session.errors).toEqual([]);
  });

  it("runs under a Content-Security-Policy without 'unsafe-eval'", async () => {
    // DevTools evaluation is exempt from the policy, so probe it the way page code would meet it: an inline script.
    const probe = await page.evaluate(() => {
      const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "";
      const script = document.createElement("script");
      script.textContent = "window.__cspProbe = true";
      document.head.append(script);
      return { policy, ran: (window as unknown as { __cspProbe?: boolean }).__cspProbe === true };
    });
    expect(probe.policy).toContain("script-src 'self'");
    expect(probe.policy).not.toContain("unsafe-eval");
    expect(probe.ran).toBe(false);
    const errors = session.takeErrors();
    expect(errors.every((e) => /Content Security Policy/i.test(e))).toBe(true);
    // The result shown was computed under that policy, by the checker and evaluator in the worker.
    await page.waitForSelector(".qual-result-tier[data-tier]");
  });

  it("switches examples from the dropdown, each with its sample lead evaluated", async () => {
    const names = await page.evaluate(() => (window as unknown as DemoWindow).qualDemo.examples);
    for (const name of names.slice(0, 3)) {
      await page.selectOption("#example", name);
      await page.waitForFunction((n) => (window as unknown as DemoWindow).qualDemo.editor()?.getValue().includes(`model ${n}`) ?? false, name.replace(/-/g, "_"));
      await page.waitForSelector(".qual-result[data-status]");
    }
    await page.selectOption("#example", "bant");
    expect(session.errors).toEqual([]);
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
    expect(session.errors).toEqual([]);
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
