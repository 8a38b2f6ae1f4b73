import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { ModelIR } from "@qualify/ir";
import { parse } from "csv-parse";
import { describeIoError } from "qualify/node";
import { UsageError } from "../exit-codes.js";
import { readFieldMap } from "../score/field-map.js";
import { RowScorer } from "../score/row-scorer.js";

/** Where `explain --in FILE --row N` reads its lead. */
export interface RowSource {
  readonly file: string;
  /** 1-based data row, as `score` numbers rows in `--errors` (the CSV header is not a row). */
  readonly row: number;
  readonly map?: string;
}

/**
 * Reads data row N of a CSV or JSON Lines file and turns it into a lead the
 * way `score` does (the same conversions and `--map`), so a person can
 * explain the very row they are looking at. Stops reading at that row.
 */
export async function leadFromRow(ir: ModelIR, source: RowSource): Promise<unknown> {
  const map = source.map === undefined ? undefined : await readFieldMap(source.map);
  const scorer = new RowScorer({ ir, ...(map ? { map: [...map.fields] } : {}) });
  const jsonLines = /\.(jsonl|ndjson)$/i.test(source.file);
  try {
    if (jsonLines) {
      const text = await nthLine(source.file, source.row);
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch (error) {
        throw new UsageError(`${source.file}: row ${source.row} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      if (typeof row !== "object" || row === null || Array.isArray(row)) throw new UsageError(`${source.file}: row ${source.row} is not a JSON object`);
      return scorer.leadOfObject(row as Record<string, unknown>);
    }
    const { header, cells } = await nthCsvRecord(source.file, source.row);
    return scorer.leadOfCells(header, cells);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: string }).code;
    if (typeof code === "string" && /^E[A-Z]+$/.test(code)) throw new UsageError(`${source.file}: cannot read the input (${describeIoError(error)})`);
    throw new UsageError(`${source.file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function nthLine(file: string, row: number): Promise<string> {
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  let seen = 0;
  for await (const line of lines) {
    if (line.trim() === "") continue;
    if (++seen === row) {
      lines.close();
      return line;
    }
  }
  throw new UsageError(`${file} has ${seen} row${seen === 1 ? "" : "s"}; there is no row ${row}`);
}

async function nthCsvRecord(file: string, row: number): Promise<{ header: string[]; cells: string[] }> {
  const parser = createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, to_line: undefined }));
  let header: string[] | undefined;
  let seen = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    if (header === undefined) {
      header = record;
      continue;
    }
    if (++seen === row) {
      parser.destroy();
      return { header, cells: record };
    }
  }
  throw new UsageError(`${file} has ${seen} row${seen === 1 ? "" : "s"} after its header; there is no row ${row}`);
}
