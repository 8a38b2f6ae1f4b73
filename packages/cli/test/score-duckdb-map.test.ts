import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { qualify, workspace } from "./run-cli.js";

/*
 * `--map` with `--engine duckdb` on JSON Lines and Parquet input: renamed
 * keys or columns and value tables read as the JS path reads a JSON Lines
 * row, so the scored CSV and the error lines are byte for byte the JS
 * path's (for Parquet, the JS path's on the same rows as JSON Lines, which
 * is all it reads).
 */

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const MAP = [
  "fields:",
  '  budget_usd: { column: Budget, values: { "n/a": null, "lots": 99999, "50000": 50000 } }',
  '  role: { column: Who, values: { "Chief Financial Officer": cfo } }',
  "  pains: Pains",
  "  timeline_days: Days",
  '  existing_customer: { column: Customer, values: { "Y": true, "N": false, "?": null, "maybe": "perhaps" } }',
].join("\n");

function score(ws: ReturnType<typeof workspace>, input: string, engine: string, name: string) {
  const run = qualify(["score", "examples/bant.qual", "--map", ws.path("map.yaml"), "--in", ws.path(input), "--out", ws.path(`${name}.csv`), "--errors", ws.path(`${name}.jsonl`), "--now", "2026-11-01", "--engine", engine], { cwd: ROOT });
  expect(run.code, run.stderr).toBe(0);
  return { out: readFileSync(ws.path(`${name}.csv`), "utf8"), errors: readFileSync(ws.path(`${name}.jsonl`), "utf8"), summary: /\d+ rows read: \d+ scored, \d+ rejected/.exec(run.stderr)?.[0] };
}

describe("qualify score --engine duckdb --map on JSON Lines and Parquet", () => {
  it("reads renamed JSON Lines keys through the value tables and rejects the same rows with the same problems as the JS path", () => {
    const rows = [
      { Budget: 50000, Who: "Chief Financial Officer", Pains: ["churn"], Days: 30, Customer: "Y" },
      { Budget: "n/a", Who: "cfo", Pains: ["cost"], Days: 10, Customer: "N" },
      { Budget: " lots ", Who: " Chief Financial Officer ", Pains: ["speed", 4], Days: 5, Customer: "?" },
      { Budget: 1000, Who: "intern", Pains: "churn", Days: "500", Customer: 1 },
      { Budget: "x", Who: null, Days: null, Customer: "maybe", budget_usd: 5 },
      { Budget: 20000, Who: "VP Sales", Pains: [], Customer: true },
    ];
    const ws = workspace({ "map.yaml": `${MAP}\n`, "leads.jsonl": rows.map((r) => JSON.stringify(r)).join("\n") + "\n" });
    try {
      const js = score(ws, "leads.jsonl", "js", "js");
      const duck = score(ws, "leads.jsonl", "duckdb", "duck");
      expect(js.summary).toBe("6 rows read: 3 scored, 3 rejected");
      expect(js.errors).toContain('"path":"existing_customer","expected":"bool","value":"perhaps"');
      expect(duck.summary).toBe(js.summary);
      expect(duck.errors).toBe(js.errors);
      expect(duck.out).toBe(js.out);
    } finally {
      ws.cleanup();
    }
  });

  it("scores a Parquet file through the map as the JS path scores the same rows as JSON Lines", async () => {
    // Each column of one type, as a Parquet column is: Budget is text, so the map's table turns it into numbers.
    const rows = [
      { Budget: "50000", Who: "Chief Financial Officer", Pains: ["churn"], Days: 30, Customer: "Y" },
      { Budget: "n/a", Who: "cfo", Pains: ["cost"], Days: 10.5, Customer: "N" },
      { Budget: " lots ", Who: " Chief Financial Officer ", Pains: ["speed"], Days: 5, Customer: "?" },
      { Budget: "1000", Who: "intern", Pains: [], Days: 500, Customer: "maybe" },
      { Budget: null, Who: null, Pains: null, Days: null, Customer: "N" },
    ];
    const ws = workspace({ "map.yaml": `${MAP}\n`, "leads.jsonl": rows.map((r) => JSON.stringify(r)).join("\n") + "\n" });
    try {
      const instance = await DuckDBInstance.create(":memory:");
      const c = await instance.connect();
      await c.run(
        `COPY (SELECT * FROM read_json('${ws.path("leads.jsonl")}', format = 'newline_delimited', columns = {Budget: 'VARCHAR', Who: 'VARCHAR', Pains: 'VARCHAR[]', Days: 'DOUBLE', Customer: 'VARCHAR'})) TO '${ws.path("leads.parquet")}' (FORMAT parquet)`,
      );
      c.closeSync();
      instance.closeSync();
      const js = score(ws, "leads.jsonl", "js", "js");
      const duck = score(ws, "leads.parquet", "duckdb", "duck");
      expect(js.summary).toBe("5 rows read: 3 scored, 2 rejected");
      expect(duck.summary).toBe(js.summary);
      expect(duck.out).toBe(js.out);
      // The rejected rows' problems agree; their `input` is the Parquet row (numbers as doubles), so it is left out here.
      const problems = (text: string) => text.trim().split("\n").map((l) => { const r = JSON.parse(l) as { row: number; errors: unknown }; return { row: r.row, errors: r.errors }; });
      expect(problems(duck.errors)).toEqual(problems(js.errors));
    } finally {
      ws.cleanup();
    }
  });
});
