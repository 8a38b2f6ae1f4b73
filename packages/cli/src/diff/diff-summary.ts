import type { DiffReport } from "@qualify/backtest";
import { textTable } from "../backtest/backtest-summary.js";

const pct = (v: number | null) => (v === null ? "-" : `${(v * 100).toFixed(1)}%`);
const count = (n: number) => n.toLocaleString("en-US");
const signed = (v: number | null) => (v === null ? "-" : `${v > 0 ? "+" : ""}${Number(v.toFixed(2))}`);

/** The two versions of a diff as the summary names them. */
export interface DiffNames {
  readonly old: string;
  readonly new: string;
}

/** The readable terminal summary of `qualify diff`. */
export function diffSummary(report: DiffReport, names: DiffNames): string[] {
  const t = report.transitions;
  const lines: string[] = [];
  const share = report.leads === 0 ? "" : ` (${pct(report.moved / report.leads)})`;
  lines.push(`Diff of ${names.old} -> ${names.new} on ${count(report.leads)} leads: ${count(report.moved)} change tier${share}`);
  lines.push("");
  const columnTotals = t.to.map((_, j) => t.counts.reduce((s, row) => s + (row[j] ?? 0), 0));
  lines.push(
    ...textTable([
      ["old \\ new", ...t.to, "total"],
      ...t.from.map((tier, i) => {
        const row = t.counts[i] ?? [];
        return [tier, ...row.map(count), count(row.reduce((s, v) => s + v, 0))];
      }),
      ["total", ...columnTotals.map(count), count(t.total)],
    ]),
  );
  if (report.scores.length > 0) {
    lines.push("");
    lines.push("Score changes (over leads where both versions know the score):");
    lines.push(...textTable([["Score", "Leads", "Changed", "Mean", "Min", "Max"], ...report.scores.map((s) => [s.score, count(s.leads), count(s.changed), signed(s.meanDelta), signed(s.minDelta), signed(s.maxDelta)])], "  "));
  }
  if (report.rules.length > 0) {
    lines.push("");
    lines.push("Rules whose change moved leads (fired in one version only, or gave other points), by moved leads:");
    lines.push(...textTable(report.rules.map((r) => [r.rule, count(r.movedLeads)]), "  "));
  }
  if (report.conversion) {
    const c = report.conversion;
    lines.push("");
    lines.push("Conversion of the leads that moved (95% interval):");
    lines.push(
      ...textTable(
        ([["moved up", c.movedUp], ["moved down", c.movedDown], ["stayed", c.stayed]] as const).map(([name, r]) => [name, `${count(r.leads)} leads`, pct(r.rate), r.low === null ? "-" : `${pct(r.low)}-${pct(r.high)}`]),
        "  ",
      ),
    );
  }
  return lines;
}
