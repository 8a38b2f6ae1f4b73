import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { MINI_MODEL, qualify, startQualify, workspace } from "./run-cli.js";

const CSV = [
  "Name,budget,role,pains,company.employees,do_not_email",
  "Ada,50000,CFO,churn;cost,200,no",
  "Bob,,intern,x,,",
  "Cy,lots,CEO,a,,",
  "Di,20000,ceo,speed,40,YES",
  "",
].join("\n");

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function csvRows(text: string): Record<string, string>[] {
  return parse(text, { columns: true }) as Record<string, string>[];
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("qualify score", () => {
  it("scores CSV to CSV: input row plus tier, a column per score and reasons; converts CSV text to the declared types", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL, "leads.csv": CSV });
    cleanup = ws.cleanup;
    const run = qualify(["score", "mini.qual", "--in", "leads.csv", "--out", "scored.csv", "--errors", "errors.jsonl"], { cwd: ws.dir });
    // A completed run exits 0; the rejected row is counted and listed.
    expect(run.code).toBe(0);
    const rows = csvRows(readFileSync(ws.path("scored.csv"), "utf8"));
    expect(Object.keys(rows[0] ?? {})).toEqual(["Name", "budget", "role", "pains", "company.employees", "do_not_email", "tier", "fit", "reasons"]);
    expect(rows.map((r) => [r["Name"], r["tier"], r["fit"]])).toEqual([
      ["Ada", "hot", "30"],
      ["Bob", "cold", "10"],
      ["Di", "disqualified", "30"],
    ]);
    expect(rows[0]?.["reasons"]).toBe("fit: Big budget +20; Mid-market +15; Home market +5; Has pains +10");
    expect(rows[2]?.["reasons"]).toMatch(/^disqualified: Opted out; fit: /);
    expect(run.stderr).toContain("\n4 rows read: 3 scored, 1 rejected (see errors.jsonl)\n");
    expect(run.stderr).toContain("tiers: hot 1 (33.3%), cold 1 (33.3%), disqualified 1 (33.3%)");
    expect(run.stderr.trim().split("\n").at(-1)).toBe("scored rows: scored.csv");
    const errors = jsonLines(readFileSync(ws.path("errors.jsonl"), "utf8"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      row: 3,
      line: 4,
      input: { Name: "Cy", budget: "lots", role: "CEO" },
      errors: [{ path: "budget", value: "lots", expected: expect.stringContaining("number"), message: expect.any(String) }],
    });
  });

  it("sends bad CSV rows (wrong column count, unbalanced quote) to --errors with their line, and goes on", () => {
    const csv = ["budget,pains", "1,a", "2,b,extra", '3,"never closed', "4,d", ""].join("\n");
    const ws = workspace({ "mini.qual": MINI_MODEL, "leads.csv": csv });
    cleanup = ws.cleanup;
    const run = qualify(["score", "mini.qual", "--in", "leads.csv", "--out", "out.csv", "--errors", "errors.jsonl", "--strict"], { cwd: ws.dir });
    expect(run.code).toBe(1);
    expect(csvRows(readFileSync(ws.path("out.csv"), "utf8")).map((r) => r["budget"])).toEqual(["1", "4"]);
    const errors = jsonLines(readFileSync(ws.path("errors.jsonl"), "utf8"));
    expect(errors.map((e) => [e["row"], e["line"]])).toEqual([
      [2, 3],
      [3, 4],
    ]);
    expect(JSON.stringify(errors[0])).toMatch(/3 cells, but the header has 2 columns/);
    expect(JSON.stringify(errors[1])).toMatch(/unbalanced quote/);
    expect(run.stderr).toContain("4 rows read: 2 scored, 2 rejected");
  });

  it("prints rejected rows to stderr when there is no --errors file", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL, "leads.csv": CSV });
    cleanup = ws.cleanup;
    const run = qualify(["score", "mini.qual", "--in", "leads.csv", "--out", "out.csv"], { cwd: ws.dir });
    expect(run.stderr).toMatch(/row 3 \(line 4\) rejected:\n {2}budget: /);
    expect(run.stderr).toContain("4 rows read: 3 scored, 1 rejected (listed above)");
    const json = qualify(["score", "mini.qual", "--in", "leads.csv", "--out", "out.csv", "--errors", "-", "--force"], { cwd: ws.dir });
    expect(JSON.parse(json.stderr.split("\n").find((l) => l.startsWith("{")) ?? "")).toMatchObject({ row: 3, line: 4, errors: [{ path: "budget" }] });
    expect(readdirSync(ws.dir)).not.toContain("-");
  });

  it("treats an empty cell as missing, so an empty required list makes the row invalid", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL, "leads.csv": "budget,pains\n5,\n" });
    cleanup = ws.cleanup;
    const run = qualify(["score", "mini.qual", "--in", "leads.csv", "--out", "out.csv", "--errors", "e.jsonl"], { cwd: ws.dir });
    // Nothing could be scored: the run fails, so a job scoring nothing never looks green.
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("no row could be scored");
    expect(jsonLines(readFileSync(ws.path("e.jsonl"), "utf8"))[0]).toMatchObject({ row: 1, errors: [{ path: "pains" }] });
    expect(readFileSync(ws.path("out.csv"), "utf8")).toBe("budget,pains,tier,fit,reasons\n");
  });

  it("reads and writes JSON Lines, and keeps the counts adding up", () => {
    const leads = [
      { id: 1, budget: 50000, role: "CFO", pains: ["churn"], company: { employees: 100 } },
      { id: 2, pains: [] },
      "not an object",
      { id: 4, pains: "churn" },
    ]
      .map((l) => JSON.stringify(l))
      .join("\n");
    const ws = workspace({ "mini.qual": MINI_MODEL, "leads.jsonl": `${leads}\n{oops\n` });
    cleanup = ws.cleanup;
    const run = qualify(["score", "mini.qual", "--in", "leads.jsonl", "--out", "scored.jsonl", "--errors", "errors.jsonl"], { cwd: ws.dir });
    const scored = jsonLines(readFileSync(ws.path("scored.jsonl"), "utf8"));
    expect(scored.map((s) => [s["id"], s["tier"], s["fit"]])).toEqual([
      [1, "hot", 30],
      [2, "cold", 5],
    ]);
    expect(scored[0]).toMatchObject({ company: { employees: 100 }, reasons: expect.stringContaining("fit: Big budget +20") });
    const errors = jsonLines(readFileSync(ws.path("errors.jsonl"), "utf8"));
    expect(errors.map((e) => e["row"])).toEqual([3, 4, 5]);
    expect(errors[1]).toMatchObject({ input: { id: 4, pains: "churn" }, errors: [{ path: "pains" }] });
    expect(run.stderr).toContain("5 rows read: 2 scored, 3 rejected");
  });

  it("reads stdin and writes stdout with -, CSV in and JSON Lines out", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL });
    cleanup = ws.cleanup;
    const run = qualify(["score", "mini.qual", "--in", "-", "--out", "-", "--out-format", "jsonl"], {
      cwd: ws.dir,
      input: "budget,pains\n50000,a;b\n",
    });
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)).toEqual([{ budget: "50000", pains: "a;b", tier: "warm", fit: 30, reasons: "fit: Big budget +20; Home market +5; Has pains +10" }]);
    expect(run.stderr).toContain("1 rows read: 1 scored, 0 rejected\ntiers: warm 1 (100.0%)\n");
    expect(run.stderr).toMatch(/^not in the input: role, .*company\.employees.* — read as missing$/m);
  });

  it("maps CRM columns and values to model fields with --map", () => {
    const csv = ["Lead Budget,Title,Problems,Do Not Email", "50000,Select,churn,No", "10,CFO,x,Yes", ""].join("\n");
    const map = `fields:
  budget: Lead Budget
  role:
    column: Title
    values: { "Select": null }
  pains: Problems
  do_not_email: { column: Do Not Email, values: { "Yes": true, "No": false } }
`;
    const ws = workspace({ "mini.qual": MINI_MODEL, "crm.csv": csv, "fields.yaml": map });
    cleanup = ws.cleanup;
    const run = qualify(["score", "mini.qual", "--in", "crm.csv", "--out", "out.jsonl", "--map", "fields.yaml"], { cwd: ws.dir });
    expect(run.code).toBe(0);
    const rows = jsonLines(readFileSync(ws.path("out.jsonl"), "utf8"));
    // "Select" means no answer: role is unknown, so `hot` is passed over, not false.
    expect(rows.map((r) => r["tier"])).toEqual(["warm", "disqualified"]);
    expect(rows[0]).toMatchObject({ "Lead Budget": "50000", Title: "Select", fit: 30 });
  });

  it("exits 2 for a map naming a field the model lacks, and for an unreadable map", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL, "leads.csv": CSV, "bad.yaml": "fields:\n  budgt: Budget\n" });
    cleanup = ws.cleanup;
    const bad = qualify(["score", "mini.qual", "--in", "leads.csv", "--out", "o.csv", "--map", "bad.yaml"], { cwd: ws.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("bad.yaml: the model has no field `budgt`");
    const missing = qualify(["score", "mini.qual", "--in", "leads.csv", "--out", "o.csv", "--map", "nope.yaml"], { cwd: ws.dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.yaml: cannot read the map file");
    expect(existsSync(ws.path("o.csv"))).toBe(false);
  });

  it("exits 2 naming an input file that does not exist, and writes no output", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL });
    cleanup = ws.cleanup;
    const run = qualify(["score", "mini.qual", "--in", "missing.csv", "--out", "out.csv"], { cwd: ws.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("missing.csv: cannot read the input (no such file or directory)");
    expect(readdirSync(ws.dir)).toEqual(["mini.qual"]);
    mkdirSync(ws.path("folder.csv"));
    const folder = qualify(["score", "mini.qual", "--in", "folder.csv", "--out", "out.csv"], { cwd: ws.dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain("folder.csv: cannot read the input (it is a directory)");
  });

  it("leaves no output file after a failed run (errors file in a missing directory; a bad model)", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL, "bad.qual": "model broken", "leads.csv": CSV });
    cleanup = ws.cleanup;
    const run = qualify(["score", "mini.qual", "--in", "leads.csv", "--out", "out.csv", "--errors", "no/such/dir/errors.jsonl"], { cwd: ws.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no/such/dir/errors.jsonl: cannot write the file");
    const badModel = qualify(["score", "bad.qual", "--in", "leads.csv", "--out", "out.csv"], { cwd: ws.dir });
    expect(badModel.code).toBe(1);
    expect(readdirSync(ws.dir).sort()).toEqual(["bad.qual", "leads.csv", "mini.qual"]);
  });

  it("leaves no output file when interrupted with SIGINT", async () => {
    const ws = workspace({ "mini.qual": MINI_MODEL });
    cleanup = ws.cleanup;
    const child = startQualify(["score", "mini.qual", "--in", "-", "--out", "out.csv"], ws.dir);
    child.stdin.write("budget,pains\n");
    for (let i = 0; i < 2000; i++) child.stdin.write(`${i},a\n`);
    // Wait until the temporary output file exists, i.e. scoring is under way, then interrupt.
    await waitFor(() => readdirSync(ws.dir).some((f) => f.endsWith(".tmp")));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(readdirSync(ws.dir)).toEqual(["mini.qual"]);
  });

  it("stops quietly with exit 0 when the reader of stdout goes away", async () => {
    const lines = ["budget,pains"];
    for (let i = 0; i < 20000; i++) lines.push(`${i},a`);
    const ws = workspace({ "mini.qual": MINI_MODEL, "leads.csv": `${lines.join("\n")}\n` });
    cleanup = ws.cleanup;
    const child = startQualify(["score", "mini.qual", "--in", "leads.csv", "--out", "-"], ws.dir);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    expect(await exited).toBe(0);
    expect(stderr).not.toContain("EPIPE");
  });

  it("gives the same output in the same order with --workers 2", () => {
    const lines = ["budget,role,pains,company.employees"];
    for (let i = 0; i < 3000; i++) lines.push(`${i * 17},${i % 3 === 0 ? "CFO" : ""},${i % 5 === 0 ? "x" : "a;b"},${i % 7 === 0 ? "" : i % 1200}`);
    const ws = workspace({ "mini.qual": MINI_MODEL, "leads.csv": `${lines.join("\n")}\n` });
    cleanup = ws.cleanup;
    const one = qualify(["score", "mini.qual", "--in", "leads.csv", "--out", "one.csv"], { cwd: ws.dir });
    const two = qualify(["score", "mini.qual", "--in", "leads.csv", "--out", "two.csv", "--workers", "2"], { cwd: ws.dir });
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stderr).toContain("3000 rows read: 3000 scored, 0 rejected\n");
    expect(readFileSync(ws.path("two.csv"), "utf8")).toBe(readFileSync(ws.path("one.csv"), "utf8"));
  });

  it("exits 2 for a bad --workers value or an output name without a format", () => {
    const ws = workspace({ "mini.qual": MINI_MODEL, "leads.csv": CSV });
    cleanup = ws.cleanup;
    const workers = qualify(["score", "mini.qual", "--in", "leads.csv", "--workers", "zero"], { cwd: ws.dir });
    expect(workers.code).toBe(2);
    expect(workers.stderr).toContain("--workers must be a whole number");
    const format = qualify(["score", "mini.qual", "--in", "leads.csv", "--out", "scored.txt"], { cwd: ws.dir });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("scored.txt: cannot tell the format");
    const same = qualify(["score", "mini.qual", "--in", "leads.csv", "--out", "x.csv", "--errors", "./x.csv"], { cwd: ws.dir });
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("--errors and --out name the same file");
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
