import { DuckDBInstance } from "@duckdb/node-api";
import type { DuckDBConnection } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textLiteral } from "@qualify/sql";
import { coerceCell, MISSING } from "../src/score/coerce.js";
import { cellValue } from "../src/score/duckdb-csv-cell.js";

/*
 * A CSV cell of a number field read in DuckDB must be what the JS path reads
 * (coerce.ts): the same number, or missing, or not a number (NULL here, a
 * problem for the row). DuckDB's own parser, which the SQL tries first, reads
 * more than JavaScript does (`inf`, `nan`, `1_000`), so the generated cells
 * lean on those and on padding of every kind.
 */

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await (await DuckDBInstance.create(":memory:")).connect();
});
afterAll(() => connection.closeSync());

/** What the JS path makes of a number cell: the number, or null for missing and for text that is not a number. */
function jsNumber(cell: string): number | null {
  const value = coerceCell(cell, { kind: "number" });
  return value === MISSING || typeof value !== "number" ? null : value;
}

/** Reads every cell through the SQL, in one query. */
async function duckNumbers(cells: readonly string[]): Promise<(number | null)[]> {
  const rows = cells.map((cell, i) => `(${i}, ${textLiteral(cell)})`).join(", ");
  const reader = await connection.runAndReadAll(`SELECT i, ${cellValue("cell", { kind: "number" })} AS n FROM (VALUES ${rows}) AS t(i, cell) ORDER BY i`);
  return reader.getRowObjectsJS().map((r) => (r["n"] === null ? null : Number(r["n"])));
}

const pieces = ["0", "1", "7", "42", "007", ".", "+", "-", "e", "E", "_", "5_0", "inf", "Infinity", "nan", "NaN", "0x1F", "0b1", " ", "\t", "\u00a0", "\u2003", "\ufeff", "1e400", "1e-400", ",", "x", "d", "f"];
const cellArb = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((parts) => parts.join(""));

describe("a CSV number cell read in DuckDB", () => {
  it("reads as the JS path reads it: tricky cells", async () => {
    const cells = ["1", " 12 ", "\t3\n", "\u00a04\u2003", "1_000", "inf", "-Infinity", "nan", "1e400", "-1e400", "1e-400", ".5", "5.", "+5", "-0", "1.e5", "0x10", "", "  ", "1 000", "1,5", "9007199254740993"];
    const read = await duckNumbers(cells);
    cells.forEach((cell, i) => expect(read[i], JSON.stringify(cell)).toStrictEqual(jsNumber(cell)));
  });

  it("reads as the JS path reads it: generated cells (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cellArb, { minLength: 1, maxLength: 200 }), async (cells) => {
        const read = await duckNumbers(cells);
        cells.forEach((cell, i) => expect(read[i], JSON.stringify(cell)).toStrictEqual(jsNumber(cell)));
      }),
      { numRuns: 60 },
    );
  });
});
