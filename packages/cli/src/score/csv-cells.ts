import { parse } from "csv-parse/sync";
import { isPlainCsvText } from "./csv-text.js";

/**
 * Parses CSV record texts (each one complete record, quotes balanced) into
 * cells. A plain record (no quote, no line break) is split on commas, which is
 * what csv-parse gives for it and several times cheaper. The other records are
 * parsed in one csv-parse call; if that fails, each is parsed alone so only
 * the malformed ones are rejected. Each entry is the cells, or the reason the
 * record is not valid CSV.
 */
export function parseCsvTexts(texts: readonly string[]): (readonly string[] | string)[] {
  if (texts.length === 0) return [];
  // A carriage return anywhere can change which record delimiter csv-parse detects for the
  // whole batch, so such a batch keeps the library path throughout.
  if (texts.some((t) => t.includes("\r"))) return parseWithLibrary(texts);
  const out: (readonly string[] | string)[] = new Array<readonly string[] | string>(texts.length);
  const quotedAt: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    if (text !== "" && isPlainCsvText(text)) out[i] = text.split(",");
    else quotedAt.push(i);
  }
  if (quotedAt.length > 0) {
    // Without a carriage return each complete record parses the same alone as in a batch.
    const parsed = parseWithLibrary(quotedAt.map((i) => texts[i] as string));
    quotedAt.forEach((at, k) => (out[at] = parsed[k] as readonly string[] | string));
  }
  return out;
}

function parseWithLibrary(texts: readonly string[]): (readonly string[] | string)[] {
  try {
    const rows = parse(texts.join("\n"), { relax_column_count: true, skip_empty_lines: false }) as string[][];
    if (rows.length === texts.length) return rows;
  } catch {
    // Some record in the batch is malformed: find it below.
  }
  return texts.map(parseCsvRecord);
}

/** Parses one CSV record text; see {@link parseCsvTexts}. */
export function parseCsvRecord(text: string): readonly string[] | string {
  try {
    const rows = parse(text, { relax_column_count: true }) as string[][];
    if (rows.length === 1 && rows[0]) return rows[0];
    return `the line holds ${rows.length} rows`;
  } catch (error) {
    return describeCsvError(error);
  }
}

function describeCsvError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case "INVALID_OPENING_QUOTE":
      return 'a quote appears inside an unquoted cell (quote the whole cell and double inner quotes: "a ""b""")';
    case "CSV_INVALID_CLOSING_QUOTE":
      return 'text follows a closing quote (double a quote inside a quoted cell: "a ""b"" c")';
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted cell is never closed (unbalanced quote)";
    default:
      return `not valid CSV (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** A parsed CSV row checked against the header: the cells, or why the row is rejected. */
export function checkCellCount(cells: readonly string[] | string, columns: readonly string[]): readonly string[] | string {
  if (typeof cells === "string" || cells.length === columns.length) return cells;
  return `the row has ${cells.length} cells, but the header has ${columns.length} columns`;
}
