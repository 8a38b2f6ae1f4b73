// The README's chart, docs/x-education-fit-by-tier.svg, is the conversion-by-tier
// chart of `qualify backtest --html` on the full X Education file, and the
// README's backtest table gives the same figures. With the full file beside
// the repository (../shared/data, as on the team's machines) the chart is
// rebuilt and compared byte for byte; without it, the committed chart is still
// checked against the README's table.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const CHART = join(root, "docs/x-education-fit-by-tier.svg");
const FULL = join(process.env["QUALIFY_DATA_DIR"] ?? join(root, "../shared/data"), "leads/x-education-leads.csv");
/** Regenerates the chart (what the README says to run). */
const REGENERATE = "npx qualify backtest examples/x-education-fit.qual --data ../shared/data/leads/x-education-leads.csv --map examples/data/x-education-fit.map.yaml --label Converted --html report.html, then copy its first <svg> to docs/x-education-fit-by-tier.svg";

describe("the README's backtest chart", () => {
  const svg = readFileSync(CHART, "utf8");

  it("draws the tiers with the counts of the README's X Education table", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const bars = [...svg.matchAll(/<title>(\w+): (\d+) of (\d+)<\/title>/g)].map((m) => ({ tier: m[1] as string, converted: Number(m[2]), leads: Number(m[3]) }));
    expect(bars.map((b) => b.tier)).toEqual(["Disqualified", "Hot", "Warm", "Cold"]);
    for (const bar of bars.filter((b) => b.leads > 0)) {
      // The README's row: | Hot | 1,034 | 974 | 94.2% | ...
      const row = new RegExp(`\\|\\s*${bar.tier}\\s*\\|\\s*${bar.leads.toLocaleString("en-US")}\\s*\\|\\s*${bar.converted.toLocaleString("en-US")}\\s*\\|\\s*${((100 * bar.converted) / bar.leads).toFixed(1)}%`);
      expect(readme, `README row for ${bar.tier}`).toMatch(row);
    }
    expect(readme).toContain("docs/x-education-fit-by-tier.svg");
  });

  it("is the chart the backtest draws on the full file", () => {
    if (!existsSync(FULL)) {
      console.warn(`[readme-chart] ${FULL} is not here, so the chart is checked only against the README's table; to rebuild it: ${REGENERATE}`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "qualify-readme-chart-"));
    try {
      const report = join(dir, "report.html");
      const run = spawnSync(process.execPath, [join(root, "packages/cli/bin/qualify.js"), "backtest", "examples/x-education-fit.qual", "--data", FULL, "--map", "examples/data/x-education-fit.map.yaml", "--label", "Converted", "--html", report], { timeout: 300_000, killSignal: "SIGKILL", cwd: root, encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
      const html = readFileSync(report, "utf8");
      const first = html.slice(html.indexOf("<svg "), html.indexOf("</svg>") + "</svg>".length);
      expect(`${first}\n`, `docs/x-education-fit-by-tier.svg is out of date: ${REGENERATE}`).toBe(svg);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
