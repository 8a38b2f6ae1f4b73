import { describe, expect, it } from "vitest";
import { backtestHtml, conversionByTierChart, gainsTable, rankingMetrics, rocChart } from "../src/index.js";
import type { BacktestReport } from "../src/index.js";

const outcomes = Array.from({ length: 50 }, (_, i) => ({ score: i % 17, positive: i % 3 === 0 }));

describe("SVG charts", () => {
  it("draws one bar per tier, escaping labels", () => {
    const svg = conversionByTierChart(
      [
        { tier: "a", label: "A <&> B", leads: 10, share: 0.5, conversions: 5, rate: 0.5, low: 0.24, high: 0.76, lift: 1.2 },
        { tier: "b", label: "Cold", leads: 10, share: 0.5, conversions: 1, rate: 0.1, low: 0.02, high: 0.4, lift: 0.3 },
      ],
      0.3,
    );
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(2);
    expect(svg).toContain("A &lt;&amp;&gt; B");
    expect(svg).not.toContain("A <&> B");
  });
  it("draws the ROC curve through every point of a short curve", () => {
    const m = rankingMetrics(outcomes);
    const svg = rocChart("fit", m.roc, m.auc);
    const curve = [...svg.matchAll(/<polyline points="([^"]+)"/g)].map((x) => x[1] as string);
    expect(curve[1]?.split(" ")).toHaveLength(m.roc.length);
    expect(svg).toContain(`AUC ${m.auc?.toFixed(3)}`);
  });
});

describe("HTML report", () => {
  it("is one file without scripts or links to the network", () => {
    const m = rankingMetrics(outcomes);
    const report: BacktestReport = {
      format: "qualify-backtest",
      version: 1,
      model: { id: "m", title: "M" },
      leads: 50,
      conversions: 17,
      baseRate: 0.34,
      tiers: [{ tier: "t", label: "T", leads: 50, share: 1, conversions: 17, rate: 0.34, low: 0.22, high: 0.48, lift: 1 }],
      scores: [{ score: "s", label: "S", leads: 50, unknown: 0, auc: m.auc, gini: m.gini, ks: m.ks, ksThreshold: m.ksThreshold, gains: gainsTable(outcomes), thresholds: [], roc: m.roc, histogram: { edges: [0, 10, 20], converted: [10, 7], unconverted: [20, 13] } }],
      rules: [],
      stability: null,
    };
    const html = backtestHtml(report);
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});
