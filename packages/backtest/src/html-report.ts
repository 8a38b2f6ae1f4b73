import type { BacktestReport } from "./backtest-report.js";
import { conversionByTierChart, distributionChart, gainsChart, rocChart } from "./charts.js";
import { tierMixChart, transitionChart } from "./diff-charts.js";
import type { DiffReport } from "./diff-report.js";
import { escapeXml } from "./svg.js";

const STYLE = "body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th:first-child,td:first-child{text-align:left}.charts{display:flex;flex-wrap:wrap;gap:1em}";
const pct = (v: number | null) => (v === null ? "–" : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null, digits = 3) => (v === null ? "–" : v.toFixed(digits));

function page(title: string, body: string): string {
  // Everything inline: no script, no external style sheet, font or image, so the file opens from disk offline.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeXml(title)}</title><style>${STYLE}</style></head><body><h1>${escapeXml(title)}</h1>${body}</body></html>\n`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${escapeXml(h)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
}

/** The backtest as one self-contained HTML page with SVG charts. */
export function backtestHtml(report: BacktestReport): string {
  let body = `<p>${report.leads} leads, ${report.conversions} converted (base rate ${pct(report.baseRate)}).</p>`;
  body += `<h2>Tiers</h2>${table(["tier", "leads", "share", "converted", "rate", "95% interval", "lift"], report.tiers.map((t) => [t.label, String(t.leads), pct(t.share), String(t.conversions), pct(t.rate), `${pct(t.low)} – ${pct(t.high)}`, t.lift === null ? "–" : `${t.lift.toFixed(2)}x`]))}`;
  body += `<div class="charts">${conversionByTierChart(report.tiers, report.baseRate)}</div>`;
  for (const s of report.scores) {
    body += `<h2>Score: ${escapeXml(s.label)}</h2><p>AUC ${num(s.auc)}, Gini ${num(s.gini)}, KS ${num(s.ks)}; ${s.leads} leads${s.unknown > 0 ? `, ${s.unknown} unknown` : ""}.</p>`;
    body += `<div class="charts">${rocChart(s.label, s.roc, s.auc)}${gainsChart(s.label, s.gains)}${distributionChart(s.label, s.histogram)}</div>`;
    body += table(["decile", "leads", "converted", "rate", "cumulative capture", "lift", "scores"], s.gains.map((g) => [String(g.decile), String(g.leads), String(g.conversions), pct(g.rate), pct(g.cumulativeCapture), num(g.lift, 2), g.minScore === null ? "–" : `${g.minScore} – ${g.maxScore}`]));
    if (s.thresholds.length > 0) body += table(["tier threshold", "leads", "precision", "recall"], s.thresholds.map((t) => [`${t.tier}: ${s.score} ${t.op} ${t.value}`, String(t.leads), pct(t.precision), pct(t.recall)]));
  }
  body += `<h2>Rules</h2>${table(["rule", "fired: converted", "fired: not converted", "rate when fired", "rate when not", "lift"], report.rules.map((r) => [r.rule, `${r.firedConverted} (${pct(r.firedConvertedShare)})`, `${r.firedUnconverted} (${pct(r.firedUnconvertedShare)})`, pct(r.rateWhenFired), pct(r.rateWhenNotFired), num(r.lift, 2)]))}`;
  if (report.stability) {
    const st = report.stability;
    body += `<h2>Stability</h2><p>Before ${escapeXml(st.splitAt)}: ${st.before} leads; from it on: ${st.after}${st.unassigned > 0 ? `; ${st.unassigned} without a period` : ""}.</p>`;
    body += table(["population", "PSI", "band"], [["tier mix", num(st.tiers.psi), st.tiers.band ?? "–"], ...st.scores.map((s) => [s.score, num(s.psi), s.band ?? "–"])]);
  }
  return page(`Backtest: ${report.model.title}`, body);
}

/** The diff of two model versions as one self-contained HTML page. */
export function diffHtml(report: DiffReport, title: string): string {
  const t = report.transitions;
  let body = `<p>${report.moved} of ${report.leads} leads change tier.</p><h2>Tier transitions (rows: old, columns: new)</h2>`;
  body += table(["old \\ new", ...t.to, "total"], t.from.map((f, i) => [f, ...(t.counts[i] ?? []).map(String), String((t.counts[i] ?? []).reduce((s, v) => s + v, 0))]));
  body += `<div class="charts">${transitionChart(t)}${tierMixChart(t)}</div>`;
  body += `<h2>Scores</h2>${table(["score", "leads", "changed", "mean change", "min", "max"], report.scores.map((s) => [s.score, String(s.leads), String(s.changed), num(s.meanDelta, 2), num(s.minDelta, 2), num(s.maxDelta, 2)]))}`;
  body += `<h2>Rules that moved leads</h2>${table(["rule", "moved leads"], report.rules.map((r) => [r.rule, String(r.movedLeads)]))}`;
  if (report.conversion) {
    const c = report.conversion;
    body += `<h2>Conversion of moved leads</h2>${table(["group", "leads", "rate", "95% interval"], ([["moved up", c.movedUp], ["moved down", c.movedDown], ["stayed", c.stayed]] as const).map(([name, r]) => [name, String(r.leads), pct(r.rate), `${pct(r.low)} – ${pct(r.high)}`]))}`;
  }
  return page(title, body);
}
