/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/** A number for an SVG attribute: rounded to 0.01 so files stay small and stable. */
export function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The plotting area of every chart: the SVG size and the margins that hold axes and labels. */
export const FRAME = { width: 520, height: 300, left: 56, right: 16, top: 28, bottom: 48 } as const;

/** Maps a value in [min, max] onto [from, to] (a degenerate domain maps to the middle). */
export function scale(min: number, max: number, from: number, to: number): (v: number) => number {
  if (max === min) return () => (from + to) / 2;
  return (v) => from + ((v - min) / (max - min)) * (to - from);
}

/** Round tick values across [min, max], about `count` of them. */
export function ticks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}

/**
 * Opens an SVG chart with a title; `role="img"` and the title make it
 * readable to screen readers. The white background keeps a chart saved on its
 * own legible on a dark page.
 */
export function svgOpen(title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${FRAME.width} ${FRAME.height}" width="${FRAME.width}" height="${FRAME.height}" role="img" aria-label="${escapeXml(title)}" font-family="sans-serif" font-size="11"><title>${escapeXml(title)}</title><rect class="background" width="100%" height="100%" fill="#fff"/><text x="${FRAME.left}" y="16" font-size="13" font-weight="bold">${escapeXml(title)}</text>`;
}

/** The x and y axes with ticks and labels. */
export function axes(x: { ticks: readonly number[]; at: (v: number) => number; label: string; format?: (v: number) => string }, y: { ticks: readonly number[]; at: (v: number) => number; label: string; format?: (v: number) => string }): string {
  const bottom = FRAME.height - FRAME.bottom;
  const right = FRAME.width - FRAME.right;
  const fx = x.format ?? String;
  const fy = y.format ?? String;
  let out = `<g class="axes" stroke="#444" fill="none"><line x1="${FRAME.left}" y1="${bottom}" x2="${right}" y2="${bottom}"/><line x1="${FRAME.left}" y1="${FRAME.top}" x2="${FRAME.left}" y2="${bottom}"/></g>`;
  for (const t of x.ticks) out += `<text x="${px(x.at(t))}" y="${bottom + 14}" text-anchor="middle">${escapeXml(fx(t))}</text>`;
  for (const t of y.ticks) out += `<line x1="${FRAME.left}" y1="${px(y.at(t))}" x2="${right}" y2="${px(y.at(t))}" stroke="#ddd"/><text x="${FRAME.left - 4}" y="${px(y.at(t) + 4)}" text-anchor="end">${escapeXml(fy(t))}</text>`;
  out += `<text x="${px((FRAME.left + right) / 2)}" y="${FRAME.height - 8}" text-anchor="middle">${escapeXml(x.label)}</text>`;
  out += `<text transform="translate(14 ${px((FRAME.top + bottom) / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(y.label)}</text>`;
  return out;
}

/** A polyline through points already in pixel space. */
export function polyline(points: readonly (readonly [number, number])[], colour: string, dashed = false): string {
  const d = points.map(([x, y]) => `${px(x)},${px(y)}`).join(" ");
  return `<polyline points="${d}" fill="none" stroke="${colour}" stroke-width="2"${dashed ? ' stroke-dasharray="4 3"' : ""}/>`;
}

/** A small legend in the top right corner. */
export function legend(entries: readonly (readonly [string, string])[]): string {
  const x = FRAME.width - FRAME.right - 130;
  return entries.map(([label, colour], i) => `<rect x="${x}" y="${FRAME.top + 4 + i * 16}" width="10" height="10" fill="${colour}"/><text x="${x + 14}" y="${FRAME.top + 13 + i * 16}">${escapeXml(label)}</text>`).join("");
}
