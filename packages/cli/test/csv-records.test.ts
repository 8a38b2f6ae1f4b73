import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRecordBatches, MAX_RECORD_LINES } from "../src/score/csv-records.js";
import type { InputRecord } from "../src/score/input-records.js";
import { jsonlRecordBatches } from "../src/score/jsonl-records.js";

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function readCsv(text: string, size = 7): Promise<{ columns?: readonly string[]; records: InputRecord[] }> {
  const records: InputRecord[] = [];
  let columns: readonly string[] | undefined;
  for await (const batch of csvRecordBatches(chunked(text, size))) {
    columns ??= batch.columns;
    records.push(...batch.records);
  }
  return columns === undefined ? { records } : { columns, records };
}

describe("csvRecordBatches", () => {
  it("reads the header and rows, whatever the chunk boundaries", async () => {
    const text = "name,visits\r\nAda,3\r\n\"Lovelace, A\",\"line one\nline two\"\r\n";
    for (const size of [1, 2, 5, 100]) {
      const { columns, records } = await readCsv(text, size);
      expect(columns).toEqual(["name", "visits"]);
      expect(records).toEqual([
        { row: 1, line: 2, cells: ["Ada", "3"] },
        { row: 2, line: 3, cells: ["Lovelace, A", "line one\nline two"] },
      ]);
    }
  });

  it("rejects a row with the wrong number of cells and goes on", async () => {
    const { records } = await readCsv("a,b\n1,2\n3,4,5\n6,7\n");
    expect(records.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(records[1]).toMatchObject({ row: 2, line: 3, error: expect.stringContaining("3 cells") });
    expect(records[2]).toEqual({ row: 3, line: 4, cells: ["6", "7"] });
  });

  it("contains an unbalanced quote to its own line", async () => {
    const { records } = await readCsv('a,b\n1,2\n3,"oops\n5,6\n7,8\n');
    expect(records[0]).toEqual({ row: 1, line: 2, cells: ["1", "2"] });
    expect(records[1]).toMatchObject({ row: 2, line: 3, error: expect.stringContaining("unbalanced quote") });
    expect(records.slice(2)).toEqual([
      { row: 3, line: 4, cells: ["5", "6"] },
      { row: 4, line: 5, cells: ["7", "8"] },
    ]);
  });

  it("rejects a stray quote inside a cell without losing the rows around it", async () => {
    const { records } = await readCsv('a,b\n1,2\nab"c"d,5\n"q"z,9\n9,10\n');
    expect(records.map((r) => ("error" in r ? `error@${r.line}` : r.cells.join("|")))).toEqual([
      "1|2",
      "error@3",
      "error@4",
      "9|10",
    ]);
  });

  it("blames a quote left open across too many lines on its first line", async () => {
    const lines = Array.from({ length: MAX_RECORD_LINES + 5 }, (_, i) => `${i},x`);
    const { records } = await readCsv(`a,b\n"open,1\n${lines.join("\n")}\n`, 4096);
    expect(records[0]).toMatchObject({ row: 1, line: 2, error: expect.any(String) });
    expect(records).toHaveLength(1 + lines.length);
    expect(records.filter((r) => "error" in r)).toHaveLength(1);
  });

  it("skips blank lines and a byte order mark", async () => {
    const { columns, records } = await readCsv("\uFEFFa\n\n1\n\n2");
    expect(columns).toEqual(["a"]);
    expect(records).toEqual([
      { row: 1, line: 3, cells: ["1"] },
      { row: 2, line: 5, cells: ["2"] },
    ]);
  });

  it("gives the header even when there are no rows", async () => {
    const { columns, records } = await readCsv("a,b\n");
    expect(columns).toEqual(["a", "b"]);
    expect(records).toEqual([]);
  });
});

describe("jsonlRecordBatches", () => {
  it("reads objects and rejects lines that are not JSON objects, numbering rows and lines", async () => {
    const records: InputRecord[] = [];
    for await (const batch of jsonlRecordBatches(chunked('{"a":1}\n\n[1]\n{bad\n{"a":2}', 3))) records.push(...batch.records);
    expect(records).toEqual([
      { row: 1, line: 1, json: { a: 1 } },
      { row: 2, line: 3, error: "the line is not a JSON object", text: "[1]" },
      { row: 3, line: 4, error: expect.stringContaining("not valid JSON"), text: "{bad" },
      { row: 4, line: 5, json: { a: 2 } },
    ]);
  });
});

describe("csvRecordBatches on generated files", () => {
  // Cells with the characters that make CSV hard: quotes, separators, line breaks.
  const cell = fc.string({ unit: fc.constantFrom("a", "b", " ", ",", '"', "\n", "\r\n", ";", "é"), maxLength: 8 });

  it("reads back exactly the rows csv-stringify wrote, whatever the chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((width) =>
          fc.tuple(fc.array(cell, { minLength: width, maxLength: width }), fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 12 })),
        ),
        fc.integer({ min: 1, max: 40 }),
        async ([header, rows], chunkSize) => {
          // A row whose cells are all empty is a blank line, which readers skip by design; keep one cell non-empty.
          const data = rows.map((r) => (r.every((c) => c === "") ? ["x", ...r.slice(1)] : r));
          const head = header.every((c) => c === "") ? ["h", ...header.slice(1)] : header;
          const text = stringify([head, ...data], { quoted_match: /[\r\n]/ });
          const { columns, records } = await readCsv(text, chunkSize);
          // Quoted line breaks are read back as written, except CR LF inside a cell, which is kept as LF.
          const expected = data.map((r) => r.map((c) => c.replace(/\r\n/g, "\n")));
          expect(columns).toEqual(head.map((c) => c.replace(/\r\n/g, "\n")));
          expect(records.map((r) => ("cells" in r ? r.cells : r))).toEqual(expected);
          expect(records.map((r) => r.row)).toEqual(data.map((_, i) => i + 1));
        },
      ),
      { numRuns: 150, seed: 20261122 },
    );
  });
});
