import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { POINTS_FIELDS } from "../workloads/points-spec.js";
import { pointsLeads } from "../workloads/points-leads.js";

/** One CSV cell: missing values are empty cells, text is quoted only when it has to be (RFC 4180). */
function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes `rows` points leads as CSV (header = the model's field names, as
 * `qualify score` reads columns by name) to `path`, streaming with
 * backpressure so a million rows never sit in memory. Returns the byte count.
 */
export async function writeLeadsCsv(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  const names = POINTS_FIELDS.map((f) => f.name);
  let bytes = 0;
  let buffer = `${names.join(",")}\n`;
  for (const lead of pointsLeads(rows)) {
    buffer += `${names.map((name) => cell(lead[name])).join(",")}\n`;
    if (buffer.length > 1 << 16) {
      bytes += Buffer.byteLength(buffer);
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  bytes += Buffer.byteLength(buffer);
  out.end(buffer);
  await once(out, "finish");
  return bytes;
}
