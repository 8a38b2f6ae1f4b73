import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { DuckDBConnection } from "@duckdb/node-api";
import { expect } from "vitest";
import type { EvaluationResult, InputField, ModelIR } from "@qualify/ir";
import { createRequire } from "node:module";
import type pgTypes from "pg";
import { compileToSql, DIALECTS, inputColumns, rawColumn } from "../src/index.js";
import type { DialectName } from "../src/index.js";
import { reasonsText } from "../../cli/src/score/row-scorer.js";

// The client alone: pg's main entry also loads pg-pool, whose ES build the test runner's export conditions pick and pg cannot extend.
const PgClient = createRequire(import.meta.url)("pg/lib/client") as typeof pgTypes.Client;

/*
 * Real engines for the agreement tests: embedded DuckDB, and the PostgreSQL
 * server that scripts/ensure-postgres.sh starts (its address in
 * QUALIFY_PG_URL). Leads become rows of a table in the layout the SQL back
 * end documents (dotted columns for records, lists as the engine's lists),
 * the compiled query runs over it, and each output row is put in the shape
 * the closures' result has, to compare them as they are.
 */

/** What both sides are compared on. */
export interface ScoredRow {
  readonly tier: string;
  readonly scores: Record<string, number | null>;
  readonly criteria: Record<string, boolean | null>;
  readonly disqualified: readonly string[];
  readonly raw: Record<string, number>;
  readonly reasons: string;
}

/** The closures' result in the compared shape: raw sums for every group (the result lists only those that differ). */
export function closureRow(ir: ModelIR, result: EvaluationResult): ScoredRow {
  const raw: Record<string, number> = {};
  for (const s of ir.scores) if (s.kind === "group") raw[s.id] = zero(result.raw[s.id] ?? (result.scores[s.id] as number));
  const scores: Record<string, number | null> = {};
  for (const [k, v] of Object.entries(result.scores)) scores[k] = v === null ? null : zero(v);
  return { tier: result.tier, scores, criteria: { ...result.criteria }, disqualified: [...result.disqualified], raw, reasons: reasonsText(result) };
}

function zero(x: number): number {
  return x + 0;
}

function sqlRow(ir: ModelIR, row: Record<string, unknown>): ScoredRow {
  const scores: Record<string, number | null> = {};
  for (const s of ir.scores) scores[s.id] = row[s.id] === null ? null : zero(Number(row[s.id]));
  const criteria: Record<string, boolean | null> = {};
  for (const c of ir.criteria) criteria[c.id] = row[c.id] as boolean | null;
  const raw: Record<string, number> = {};
  for (const s of ir.scores) if (s.kind === "group") raw[s.id] = zero(Number(row[rawColumn(s.id)]));
  return { tier: String(row["tier"]), scores, criteria, disqualified: [...((row["disqualified"] as string[] | null) ?? [])], raw, reasons: String(row["reasons"] ?? "") };
}

/** A lead as a row of the input relation: leaf fields by dotted name, dates as text, lists and their records as they are. */
export function leadRow(inputs: readonly InputField[], lead: unknown): Record<string, unknown> {
  const row: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const column of inputColumns(inputs)) {
    let value: unknown = lead;
    for (const name of column.path) {
      value = typeof value === "object" && value !== null && Object.prototype.hasOwnProperty.call(value, name) ? (value as Record<string, unknown>)[name] : undefined;
    }
    row[column.name] = value === undefined ? null : value instanceof Date ? value.toISOString() : value;
  }
  return row;
}

const ROW = "__row";

/** An engine that scores leads through the compiled query. */
export interface Engine {
  readonly dialect: DialectName;
  score(ir: ModelIR, leads: readonly unknown[], now: number): Promise<ScoredRow[]>;
  close(): Promise<void>;
}

/** Embedded DuckDB, in memory; leads are loaded from a JSON Lines file with declared column types. */
export async function openDuckDb(): Promise<Engine> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection: DuckDBConnection = await instance.connect();
  const dir = mkdtempSync(join(tmpdir(), "qualify-sql-"));
  let tables = 0;
  return {
    dialect: "duckdb",
    async score(ir, leads, now) {
      const table = `leads_${++tables}`;
      const file = join(dir, `${table}.jsonl`);
      writeFileSync(file, leads.map((lead, i) => JSON.stringify({ ...leadRow(ir.inputs, lead), [ROW]: i })).join("\n") + "\n");
      const columns = [...inputColumns(ir.inputs).map((c) => `${quote(c.name)}: ${quote(DIALECTS.duckdb.columnType(c.type))}`), `${quote(ROW)}: 'INTEGER'`];
      await connection.run(`CREATE TABLE ${table} AS SELECT * FROM read_json(${quote(file)}, format = 'newline_delimited', columns = {${columns.join(", ")}})`);
      const query = compileToSql(ir, { dialect: "duckdb", source: table, now });
      // Only the added columns are read back: the input's are the leads as given.
      const reader = await connection.runAndReadAll(`SELECT ${query.added.map(ident).join(", ")} FROM (${query.sql}) AS scored ORDER BY "${ROW}"`);
      await connection.run(`DROP TABLE ${table}`);
      return reader.getRowObjectsJS().map((row) => sqlRow(ir, row as Record<string, unknown>));
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The PostgreSQL server's address, or why there is none. */
export function postgresUrl(): { url: string } | { reason: string } {
  const url = process.env["QUALIFY_PG_URL"];
  if (url !== undefined && url !== "") return { url };
  return { reason: "QUALIFY_PG_URL is not set: run scripts/ensure-postgres.sh (scripts/test.sh does) to start a local server" };
}

/** A PostgreSQL engine on the server at `url`; leads are inserted as rows with parameters (lists as jsonb). */
export async function openPostgres(url: string): Promise<Engine> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  await client.query("SET client_min_messages = warning");
  // A query that runs away fails its test instead of holding the run.
  await client.query("SET statement_timeout = 30000");
  // JIT would spend seconds compiling the long expressions of a query that reads a few rows.
  await client.query("SET jit = off");
  let tables = 0;
  return {
    dialect: "postgres",
    async score(ir, leads, now) {
      const table = `leads_${process.pid}_${++tables}`;
      const columns = inputColumns(ir.inputs);
      const defs = [...columns.map((c) => `"${c.name.replaceAll('"', '""')}" ${DIALECTS.postgres.columnType(c.type)}`), `"${ROW}" integer`];
      await client.query(`CREATE TEMP TABLE ${table} (${defs.join(", ")})`);
      for (let i = 0; i < leads.length; i++) {
        const row = leadRow(ir.inputs, leads[i]);
        const values = columns.map((c) => {
          const v = row[c.name];
          return v === null || v === undefined ? null : c.type.kind === "list" ? JSON.stringify(v) : v;
        });
        const params = [...values, i];
        await client.query(`INSERT INTO ${table} VALUES (${params.map((_, j) => `$${j + 1}`).join(", ")})`, params);
      }
      const query = compileToSql(ir, { dialect: "postgres", source: table, now });
      const result = await client.query(`SELECT ${query.added.map(ident).join(", ")} FROM (${query.sql}) AS scored ORDER BY "${ROW}"`);
      await client.query(`DROP TABLE ${table}`);
      return result.rows.map((row) => sqlRow(ir, row as Record<string, unknown>));
    },
    async close() {
      await client.end();
    },
  };
}

/**
 * Compares an engine's row with the closures': tier, criteria, knockouts and
 * reasons exactly, numbers within 4 units in the last place. `decay` is
 * `0.5 ** x`, and V8's pow and the C library's (which both engines call)
 * may round the last binary digit differently; everything else is exact
 * IEEE arithmetic in the same order, and agrees to the bit.
 */
export function expectSameRow(actual: ScoredRow | undefined, expected: ScoredRow, message: string): void {
  if (actual === undefined) throw new Error(`${message}: no row`);
  const near = (a: Record<string, number | null>, b: Record<string, number | null>): Record<string, number | null> => {
    const out: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(a)) {
      const w = b[k];
      out[k] = v !== null && typeof w === "number" && Math.abs(v - w) <= 4 * Number.EPSILON * Math.max(Math.abs(v), Math.abs(w)) ? w : v;
    }
    return out;
  };
  expect({ ...actual, scores: near(actual.scores, expected.scores), raw: near(actual.raw, expected.raw) }, message).toEqual(expected);
}
