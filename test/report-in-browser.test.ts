// The HTML reports of `qualify backtest --html` and `qualify diff --html`, opened
// from disk in real (headless) Chromium, as a person would open them: the page
// must load with no network and no console error, and every chart must draw
// pixels, not just exist as markup. Screenshots go to test-results/ (gitignored).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The editor package owns the project's Chromium launcher (system Chromium through playwright-core, which never downloads a browser).
import { launchChromium } from "../packages/editor/src/testing/chromium.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(root, "packages/cli/bin/qualify.js");
const RESULTS = join(root, "test-results");
const SAMPLE = ["--data", "examples/data/x-education-sample.csv", "--map", "examples/data/x-education-fit.map.yaml", "--label", "Converted"];

let browser: Browser | undefined;
let dir = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "qualify-report-"));
  mkdirSync(RESULTS, { recursive: true });
  // No skip: a machine without Chromium fails here, saying so (scripts/ensure-chromium.sh installs it).
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

function writeReport(args: readonly string[]): string {
  const run = spawnSync(process.execPath, [BIN, ...args], { timeout: 300_000, killSignal: "SIGKILL", cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "1" } });
  expect(run.status, run.stderr).toBe(0);
  return args[args.indexOf("--html") + 1] as string;
}

/** Opens a report from disk, failing on any request that is not the file itself and on any console error. */
async function open(file: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await (browser as Browser).newPage({ viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { page, errors, requests };
}

/**
 * For each SVG on the page: its rendered size, how many of its shapes have a
 * non-empty box, and how many pixels it paints that are not white, counted by
 * drawing the SVG onto a canvas in the page.
 */
async function chartPixels(page: Page): Promise<{ title: string; width: number; height: number; shapes: number; painted: number }[]> {
  return page.evaluate(async () => {
    const out: { title: string; width: number; height: number; shapes: number; painted: number }[] = [];
    for (const svg of Array.from(document.querySelectorAll("svg"))) {
      const box = svg.getBoundingClientRect();
      const shapes = Array.from(svg.querySelectorAll("rect, polyline, path")).filter((s) => {
        const b = (s as SVGGraphicsElement).getBBox();
        return b.width > 0 || b.height > 0;
      }).length;
      const image = new Image();
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(box.width);
      canvas.height = Math.round(box.height);
      const context = canvas.getContext("2d") as CanvasRenderingContext2D;
      context.fillStyle = "#fff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] as number) < 240 || (data[i + 1] as number) < 240 || (data[i + 2] as number) < 240) painted++;
      out.push({ title: svg.querySelector("title")?.textContent ?? "", width: box.width, height: box.height, shapes, painted });
    }
    return out;
  });
}

describe("the HTML reports in Chromium", () => {
  it("shows the backtest's four charts, each drawn with content, offline", async () => {
    const file = writeReport(["backtest", "examples/x-education-fit.qual", ...SAMPLE, "--html", join(dir, "backtest.html")]);
    const { page, errors, requests } = await open(file);
    await page.screenshot({ path: join(RESULTS, "backtest-report.png"), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith("file://"))).toBe(true);
    const charts = await chartPixels(page);
    // Conversion by tier, then ROC, gains and distribution for each of the model's four scores.
    expect(charts.map((c) => c.title.split(":")[0])).toEqual(["Conversion by tier", ...Array.from({ length: 4 }, () => ["ROC curve", "Gains and lift by decile", "Score distribution by outcome"]).flat()]);
    for (const chart of charts) {
      expect(chart.width, chart.title).toBeGreaterThan(100);
      expect(chart.height, chart.title).toBeGreaterThan(100);
      // At least the curve and its reference line (ROC), or bars.
      expect(chart.shapes, chart.title).toBeGreaterThanOrEqual(2);
      // Axes and text alone paint a few thousand pixels; bars and curves paint more.
      expect(chart.painted, chart.title).toBeGreaterThan(3000);
    }
    const bars = await page.$$eval("svg rect.bar", (rects) => rects.filter((r) => Number(r.getAttribute("height")) > 0).length);
    expect(bars).toBeGreaterThan(10);
    await page.close();
  });

  it("shows the diff's transition grid and tier mix", async () => {
    const file = writeReport(["diff", "examples/x-education-fit.qual", "examples/x-education-fit-v2.qual", ...SAMPLE, "--html", join(dir, "diff.html")]);
    const { page, errors, requests } = await open(file);
    await page.screenshot({ path: join(RESULTS, "diff-report.png"), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith("file://"))).toBe(true);
    const charts = await chartPixels(page);
    expect(charts.map((c) => c.title)).toEqual(["Tier transitions (rows: old tier, columns: new tier)", "Leads per tier: old and new version"]);
    for (const chart of charts) expect(chart.painted, chart.title).toBeGreaterThan(3000);
    const cells = await page.$$eval("svg rect.cell", (rects) => rects.length);
    expect(cells).toBe(16);
    await page.close();
  });
});
