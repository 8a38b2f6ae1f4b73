import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { setSourceAndValidate } from "../src/testing/demo-page.js";
import type { DemoWindow } from "../src/testing/demo-page.js";
import { BASE_MODEL } from "./fixtures.js";
import { useDemoSession } from "./session.js";

const session = useDemoSession();
const { reset } = session;
let page: Page;
beforeAll(() => {
  page = session.page;
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
