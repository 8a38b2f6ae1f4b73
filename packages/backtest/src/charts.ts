import type { GainsRow } from "./gains.js";
import type { RocPoint } from "./roc.js";
import type { ScoreHistogram } from "./backtest-report.js";
import { axes, escapeXml, FRAME, legend, polyline, px, scale, svgOpen, ticks } from "./svg.js";
import type { TierStats } from "./tier-stats.js";

const BLUE = "#2b6cb0";
const ORANGE = "#dd6b20";
const GREY = "#888";
const percent = (v: number) => `${Math.round(v * 100)}%`;
const bottom = FRAME.height - FRAME.bottom;
const right = FRAME.width - FRAME.right;

/** Conversion rate by tier as bars, with the Wilson interval as a whisker and the base rate as a dashed line. */
export function conversionByTierChart(tiers: readonly TierStats[], baseRate: number | null): string {
  const top = Math.max(0.01, ...tiers.map((t) => t.high ?? 0), baseRate ?? 0);
  const y = scale(0, top, bottom, FRAME.top);
  const band = (right - FRAME.left) / Math.max(1, tiers.length);
  let out = svgOpen("Conversion by tier");
  out += axes({ ticks: [], at: () => 0, label: "tier" }, { ticks: ticks(0, top), at: y, label: "conversion rate", format: percent });
  tiers.forEach((t, i) => {
    const x = FRAME.left + i * band + band * 0.2;
    const w = band * 0.6;
    const rate = t.rate ?? 0;
    out += `<rect class="bar" x="${px(x)}" y="${px(y(rate))}" width="${px(w)}" height="${px(bottom - y(rate))}" fill="${BLUE}"><title>${escapeXml(`${t.label}: ${t.conversions} of ${t.leads}`)}</title></rect>`;
    if (t.low !== null && t.high !== null) {
      const cx = x + w / 2;
      out += `<path d="M${px(cx)} ${px(y(t.low))}V${px(y(t.high))}M${px(cx - 5)} ${px(y(t.low))}h10M${px(cx - 5)} ${px(y(t.high))}h10" stroke="#222"/>`;
    }
    out += `<text x="${px(x + w / 2)}" y="${bottom + 14}" text-anchor="middle">${escapeXml(t.label)}</text>`;
    out += `<text x="${px(x + w / 2)}" y="${px(y(rate) - 4)}" text-anchor="middle" fill="#fff" dy="14">${t.rate === null ? "" : percent(t.rate)}</text>`;
  });
  if (baseRate !== null) out += polyline([[FRAME.left, y(baseRate)], [right, y(baseRate)]], ORANGE, true) + legend([["base rate", ORANGE]]);
  return `${out}</svg>`;
}

/** The ROC curve against the diagonal of a random ranking. */
export function rocChart(label: string, roc: readonly RocPoint[], auc: number | null): string {
  const x = scale(0, 1, FRAME.left, right);
  const y = scale(0, 1, bottom, FRAME.top);
  let out = svgOpen(`ROC curve: ${label}${auc === null ? "" : ` (AUC ${auc.toFixed(3)})`}`);
  out += axes({ ticks: ticks(0, 1), at: x, label: "false positive rate", format: percent }, { ticks: ticks(0, 1), at: y, label: "true positive rate", format: percent });
  out += polyline([[x(0), y(0)], [x(1), y(1)]], GREY, true);
  if (roc.length > 0) out += polyline(thin(roc).map((p) => [x(p.fpr), y(p.tpr)]), BLUE);
  return `${out}</svg>`;
}

/** Cumulative capture (gains) and lift by decile. */
export function gainsChart(label: string, gains: readonly GainsRow[]): string {
  const x = scale(0, gains.length, FRAME.left, right);
  const y = scale(0, 1, bottom, FRAME.top);
  const maxLift = Math.max(1, ...gains.map((g) => g.lift ?? 0));
  const yLift = scale(0, maxLift, bottom, FRAME.top);
  let out = svgOpen(`Gains and lift by decile: ${label}`);
  out += axes({ ticks: gains.map((g) => g.decile), at: (d) => x(d - 0.5), label: "decile (highest scores first)" }, { ticks: ticks(0, 1), at: y, label: "share of conversions captured", format: percent });
  const band = (right - FRAME.left) / Math.max(1, gains.length);
  gains.forEach((g, i) => {
    const h = bottom - yLift(g.lift ?? 0);
    out += `<rect class="bar" x="${px(x(i) + band * 0.25)}" y="${px(bottom - h)}" width="${px(band * 0.5)}" height="${px(h)}" fill="${ORANGE}" opacity="0.6"><title>decile ${g.decile}: lift ${(g.lift ?? 0).toFixed(2)}</title></rect>`;
  });
  out += polyline([[x(0), y(0)], [x(gains.length), y(1)]], GREY, true);
  out += polyline([[x(0), y(0)], ...gains.map((g, i): [number, number] => [x(i + 1), y(g.cumulativeCapture ?? 0)])], BLUE);
  out += legend([["cumulative capture", BLUE], [`lift (bar top = ${maxLift.toFixed(1)}x)`, ORANGE]]);
  return `${out}</svg>`;
}

/** The score's distribution for converted and unconverted leads, each as a share of its own group. */
export function distributionChart(label: string, histogram: ScoreHistogram): string {
  const bins = histogram.converted.length;
  const totalC = histogram.converted.reduce((s, v) => s + v, 0) || 1;
  const totalU = histogram.unconverted.reduce((s, v) => s + v, 0) || 1;
  const shares = (counts: readonly number[], total: number) => counts.map((c) => c / total);
  const c = shares(histogram.converted, totalC);
  const u = shares(histogram.unconverted, totalU);
  const top = Math.max(0.01, ...c, ...u);
  const first = histogram.edges[0] ?? 0;
  const last = histogram.edges[bins] ?? 1;
  const x = scale(first, last, FRAME.left, right);
  const y = scale(0, top, bottom, FRAME.top);
  let out = svgOpen(`Score distribution by outcome: ${label}`);
  out += axes({ ticks: ticks(first, last), at: x, label }, { ticks: ticks(0, top), at: y, label: "share of the group", format: percent });
  for (let i = 0; i < bins; i++) {
    const x0 = x(histogram.edges[i] as number);
    const w = (x(histogram.edges[i + 1] as number) - x0) / 2;
    out += `<rect class="bar" x="${px(x0)}" y="${px(y(u[i] as number))}" width="${px(w)}" height="${px(bottom - y(u[i] as number))}" fill="${GREY}"/>`;
    out += `<rect class="bar" x="${px(x0 + w)}" y="${px(y(c[i] as number))}" width="${px(w)}" height="${px(bottom - y(c[i] as number))}" fill="${BLUE}"/>`;
  }
  out += legend([["converted", BLUE], ["not converted", GREY]]);
  return `${out}</svg>`;
}

/** At most about 400 points of a long curve (every k-th, always keeping the ends), so the file stays small. */
function thin<T>(points: readonly T[]): T[] {
  if (points.length <= 400) return [...points];
  const step = Math.ceil(points.length / 400);
  return points.filter((_, i) => i % step === 0 || i === points.length - 1);
}
