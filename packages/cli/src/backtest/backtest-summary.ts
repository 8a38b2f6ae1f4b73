import type { BacktestReport, ScoreReport } from "@qualify/backtest";

const pct = (v: number | null) => (v === null ? "-" : `${(v * 100).toFixed(1)}%`);
const fixed = (v: number | null, d = 3) => (v === null ? "-" : v.toFixed(d));
const count = (n: number) => n.toLocaleString("en-US");

/** Left-aligns the first column and right-aligns the others. */
export function textTable(rows: readonly (readonly string[])[], indent = ""): string[] {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => indent + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join("  ").trimEnd());
}

/** The scores whose gains table is printed: those the tiers test, or else the last one (usually the total). */
function featured(report: BacktestReport): ScoreReport[] {
  const used = report.scores.filter((s) => s.thresholds.length > 0);
  if (used.length > 0) return used;
  const last = report.scores[report.scores.length - 1];
  return last ? [last] : [];
}

/** The readable terminal summary of `qualify backtest`. */
export function backtestSummary(report: BacktestReport): string[] {
  const lines: string[] = [];
  lines.push(`Backtest of ${report.model.id} ("${report.model.title}") on ${count(report.leads)} leads: ${count(report.conversions)} converted, base rate ${pct(report.baseRate)}`);
  lines.push("");
  lines.push(
    ...textTable([
      ["Tier", "Leads", "Share", "Converted", "Rate", "95% interval", "Lift"],
      ...report.tiers.map((t) => [t.label, count(t.leads), pct(t.share), count(t.conversions), pct(t.rate), t.low === null ? "-" : `${pct(t.low)}-${pct(t.high)}`, t.lift === null ? "-" : `${t.lift.toFixed(2)}x`]),
    ]),
  );
  lines.push("");
  lines.push(...textTable([["Score", "AUC", "Gini", "KS"], ...report.scores.map((s) => [`${s.score}${s.unknown > 0 ? ` (${count(s.unknown)} unknown)` : ""}`, fixed(s.auc), fixed(s.gini), fixed(s.ks)])]));
  for (const s of featured(report)) {
    lines.push("");
    lines.push(`Gains by decile of ${s.score} (highest scores first):`);
    lines.push(...textTable([["Decile", "Scores", "Leads", "Rate", "Captured", "Lift"], ...s.gains.map((g) => [String(g.decile), g.minScore === null ? "-" : `${g.minScore}..${g.maxScore}`, count(g.leads), pct(g.rate), pct(g.cumulativeCapture), fixed(g.lift, 2)])], "  "));
    for (const t of s.thresholds) lines.push(`  ${t.tier} (${s.score} ${t.op} ${t.value}): ${count(t.leads)} leads, precision ${pct(t.precision)}, recall ${pct(t.recall)}`);
  }
  if (report.rules.length > 0) {
    lines.push("");
    lines.push("Rules: share of converted / unconverted leads it fired for, and conversion when fired vs not:");
    lines.push(...textTable(report.rules.map((r) => [r.rule, pct(r.firedConvertedShare), pct(r.firedUnconvertedShare), pct(r.rateWhenFired), "vs", pct(r.rateWhenNotFired), r.lift === null ? "-" : `${r.lift.toFixed(2)}x`]), "  "));
  }
  if (report.stability) {
    const st = report.stability;
    lines.push("");
    lines.push(`Stability: ${count(st.before)} leads before ${st.splitAt}, ${count(st.after)} from then on${st.unassigned > 0 ? ` (${count(st.unassigned)} without a period)` : ""}`);
    lines.push(`  tier mix PSI ${fixed(st.tiers.psi)} (${st.tiers.band ?? "-"})`);
    for (const s of st.scores) lines.push(`  ${s.score} PSI ${fixed(s.psi)} (${s.band ?? "-"})`);
  }
  return lines;
}
