import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { analyze } from "@qualify/language";
import type { ModelIR } from "@qualify/ir";
import { BatchProcessor } from "../src/score/batch-processor.js";
import { parseCsvRecord, parseCsvTexts } from "../src/score/csv-cells.js";
import { csvCell, isPlainCsvText } from "../src/score/csv-text.js";
import { setOwn } from "../src/score/own-property.js";
import { RowScorer } from "../src/score/row-scorer.js";
import { MINI_MODEL } from "./run-cli.js";

// The CSV fast paths must give exactly what csv-parse and csv-stringify give; these tests use the libraries as oracles.

const ir = analyze(MINI_MODEL).ir as ModelIR;

/** Cell text from characters that matter to CSV (comma, quote, line breaks, spaces, a BOM, non-ASCII) and plain ones. */
const cellText = fc.array(fc.constantFrom("a", "B", "7", ".", "-", " ", ",", '"', "\n", "\r", "\t", ";", "é", "😀", "\uFEFF", "\u2028"), { maxLength: 8 }).map((cs) => cs.join(""));
const plainCellText = cellText.map((t) => t.replace(/["\n\r]/g, ""));

/** The batch parser before its fast path: the whole batch in one csv-parse call, else record by record. */
function libraryParse(texts: readonly string[]): (readonly string[] | string)[] {
  try {
    const rows = parse(texts.join("\n"), { relax_column_count: true, skip_empty_lines: false }) as string[][];
    if (rows.length === texts.length) return rows;
  } catch {
    // fall through to record by record
  }
  return texts.map(parseCsvRecord);
}

describe("csvCell", () => {
  it("writes every row byte for byte as csv-stringify does", () => {
    const value = fc.oneof(cellText, fc.double(), fc.integer(), fc.constantFrom(0, -0, 1e21, 0.1 + 0.2));
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), { maxLength: 5 }), (rows) => {
        const ours = rows.map((row) => `${row.map(csvCell).join(",")}\n`).join("");
        expect(ours).toBe(stringify(rows, { cast: { number: String, boolean: String } }));
      }),
      { numRuns: 300 },
    );
  });

  it("quotes only cells with a comma, quote or line break", () => {
    expect(["", "a b", "a,b", 'say "hi"', "x\ny", "x\ry", 12.5].map(csvCell)).toEqual(["", "a b", '"a,b"', '"say ""hi"""', '"x\ny"', '"x\ry"', "12.5"]);
    expect([isPlainCsvText("a,b, c"), isPlainCsvText('a,"b"'), isPlainCsvText("a\rb")]).toEqual([true, false, false]);
  });
});

describe("parseCsvTexts", () => {
  it("gives what csv-parse gives for batches of plain, quoted, malformed and carriage-return records", () => {
    const record = fc.oneof(
      fc.array(plainCellText, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(",")),
      fc.array(cellText, { minLength: 1, maxLength: 5 }).map((cells) => stringify([cells]).slice(0, -1)),
      fc.constantFrom('a"b,c', '"x"y,z', "a\rb", "1,2\r", '"open\nstill"', "\uFEFFa,b"),
    );
    fc.assert(
      fc.property(fc.array(record.filter((t) => t !== ""), { minLength: 1, maxLength: 12 }), (texts) => {
        expect(parseCsvTexts(texts)).toEqual(libraryParse(texts));
      }),
      { numRuns: 300 },
    );
  });

  it("splits a plain record on commas, keeping spaces and empty cells", () => {
    expect(parseCsvTexts([" a , b ,,", 'q,"r,s"'])).toEqual([[" a ", " b ", "", ""], ["q", "r,s"]]);
  });
});

describe("BatchProcessor CSV output", () => {
  it("equals csv-stringify of the kept cells, tier, scores and reasons, for plain and quoted rows", () => {
    const row = fc.tuple(
      fc.oneof(fc.constantFrom("", "5000", "20000", " 15000 ", "lots"), cellText),
      fc.oneof(fc.constantFrom("a", "a;b", ""), cellText),
      fc.oneof(fc.constantFrom("old", ""), cellText),
    );
    fc.assert(
      fc.property(fc.boolean(), fc.array(row, { minLength: 1, maxLength: 10 }), (replaceTier, rows) => {
        // An input column named like an output column (`tier`) is dropped from the output row.
        const columns = replaceTier ? ["budget", "pains", "tier"] : ["budget", "pains", "note"];
        const records = rows.map((cells, i) => ({ row: i + 1, line: i + 2, text: stringify([cells]).slice(0, -1) }));
        const result = new BatchProcessor({ ir, outputFormat: "csv", now: "2026-11-01" }).process({ format: "csv", columns, records });
        const scorer = new RowScorer({ ir, now: "2026-11-01" });
        const expected: unknown[][] = [];
        for (const record of records) {
          const cells = parseCsvRecord(record.text);
          if (typeof cells === "string" || cells.length !== columns.length) continue;
          const outcome = scorer.scoreCells(columns, cells);
          if (!outcome.ok) continue;
          const kept = replaceTier ? cells.slice(0, 2) : cells;
          expected.push([...kept, outcome.tier, ...outcome.scores.map((s) => (s === null ? "" : s)), outcome.reasons]);
        }
        expect(result.scored).toBe(expected.length);
        expect(result.text).toBe(expected.length === 0 ? "" : stringify(expected, { cast: { number: String, boolean: String } }));
      }),
      { numRuns: 150 },
    );
  });
});

describe("setOwn", () => {
  it("assigns ordinary keys and defines __proto__ as an own data property", () => {
    const target: Record<string, unknown> = {};
    setOwn(target, "toString", 1);
    setOwn(target, "__proto__", { polluted: true });
    setOwn(target, "a", 2);
    expect(Object.keys(target)).toEqual(["toString", "__proto__", "a"]);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(target["toString"]).toBe(1);
    expect(Object.getOwnPropertyDescriptor(target, "__proto__")).toMatchObject({ value: { polluted: true }, writable: true, enumerable: true });
  });
});
