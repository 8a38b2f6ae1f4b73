import { axes, escapeXml, FRAME, legend, px, scale, svgOpen, ticks } from "./svg.js";
import type { TransitionMatrix } from "./transitions.js";

const BLUE = "#2b6cb0";
const ORANGE = "#dd6b20";
const bottom = FRAME.height - FRAME.bottom;
const right = FRAME.width - FRAME.right;

/**
 * The transition matrix as a grid of cells (rows: old tier, columns: new
 * tier), each shaded by its share of the old tier's leads and labelled with
 * its count; the diagonal (leads that stayed) is outlined.
 */
export function transitionChart(matrix: TransitionMatrix): string {
  const rows = Math.max(1, matrix.from.length);
  const columns = Math.max(1, matrix.to.length);
  const left = FRAME.left + 60;
  const width = (right - left) / columns;
  const height = (bottom - FRAME.top - 16) / rows;
  const top = FRAME.top + 16;
  let out = svgOpen("Tier transitions (rows: old tier, columns: new tier)");
  matrix.to.forEach((tier, j) => {
    out += `<text x="${px(left + (j + 0.5) * width)}" y="${px(top - 4)}" text-anchor="middle">${escapeXml(tier)}</text>`;
  });
  matrix.from.forEach((tier, i) => {
    const counts = matrix.counts[i] ?? [];
    const rowTotal = counts.reduce((s, v) => s + v, 0);
    out += `<text x="${px(left - 6)}" y="${px(top + (i + 0.5) * height + 4)}" text-anchor="end">${escapeXml(tier)}</text>`;
    counts.forEach((count, j) => {
      const share = rowTotal === 0 ? 0 : count / rowTotal;
      const x = left + j * width;
      const y = top + i * height;
      const stayed = matrix.from[i] === matrix.to[j];
      // A floor of 0.06 keeps empty cells visible as cells.
      out += `<rect class="cell" x="${px(x + 1)}" y="${px(y + 1)}" width="${px(width - 2)}" height="${px(height - 2)}" fill="${BLUE}" fill-opacity="${px(0.06 + 0.84 * share)}"${stayed ? ' stroke="#222" stroke-width="2"' : ""}><title>${escapeXml(`${tier} -> ${matrix.to[j]}: ${count} leads`)}</title></rect>`;
      out += `<text x="${px(x + width / 2)}" y="${px(y + height / 2 + 4)}" text-anchor="middle" fill="${share > 0.5 ? "#fff" : "#222"}">${count}</text>`;
    });
  });
  out += `<text x="${px((left + right) / 2)}" y="${FRAME.height - 8}" text-anchor="middle">${escapeXml(`${matrix.moved} of ${matrix.total} leads change tier`)}</text>`;
  return `${out}</svg>`;
}

/** Leads per tier under the old and the new version, side by side. */
export function tierMixChart(matrix: TransitionMatrix): string {
  const tiers = [...matrix.from, ...matrix.to.filter((t) => !matrix.from.includes(t))];
  const before = tiers.map((t) => {
    const i = matrix.from.indexOf(t);
    return i < 0 ? 0 : (matrix.counts[i] ?? []).reduce((s, v) => s + v, 0);
  });
  const after = tiers.map((t) => {
    const j = matrix.to.indexOf(t);
    return j < 0 ? 0 : matrix.counts.reduce((s, row) => s + (row[j] ?? 0), 0);
  });
  const topValue = Math.max(1, ...before, ...after);
  const y = scale(0, topValue, bottom, FRAME.top);
  const band = (right - FRAME.left) / Math.max(1, tiers.length);
  let out = svgOpen("Leads per tier: old and new version");
  out += axes({ ticks: [], at: () => 0, label: "tier" }, { ticks: ticks(0, topValue), at: y, label: "leads" });
  tiers.forEach((tier, i) => {
    const x = FRAME.left + i * band + band * 0.15;
    const w = band * 0.35;
    const b = before[i] as number;
    const a = after[i] as number;
    out += `<rect class="bar" x="${px(x)}" y="${px(y(b))}" width="${px(w)}" height="${px(bottom - y(b))}" fill="${BLUE}"><title>${escapeXml(`${tier}, old: ${b}`)}</title></rect>`;
    out += `<rect class="bar" x="${px(x + w)}" y="${px(y(a))}" width="${px(w)}" height="${px(bottom - y(a))}" fill="${ORANGE}"><title>${escapeXml(`${tier}, new: ${a}`)}</title></rect>`;
    out += `<text x="${px(x + w)}" y="${bottom + 14}" text-anchor="middle">${escapeXml(tier)}</text>`;
  });
  out += legend([["old version", BLUE], ["new version", ORANGE]]);
  return `${out}</svg>`;
}
