import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { qualify, workspace } from "./run-cli.js";

/*
 * List items checked by `qualify score --engine duckdb` as the JS path checks
 * them: the same rows rejected, with the same problems (`sizes[1]`, the
 * item's value, the JS path's message), byte for byte in `--errors` and in
 * the scored CSV, for lists written in CSV cells and in JSON Lines.
 */

const LISTS_MODEL = `model lists "Lists of every kind"

input {
  name: text
  tags: list of text
  sizes: list of number = []
  flags: list of bool = []
  seen: list of date = []
  plans: list of one of ("free", "team", "Enterprise") = []
  deals: list of {
    stage: one of ("open", "won", "lost")
    amount: number?
    closed: date?
  } = []
}

criterion big "Big" = max of sizes > 100
criterion won "Won" = any of deals where stage = "won"
criterion tagged "Tagged" = count(tags) > 0 and count(flags) >= 0 and count(seen) >= 0
criterion planned "Planned" = count(plans) > 0

score fit "Fit" {
  "Big": +10 when big
  "Won": +20 when won
  "Tagged": +5 when tagged
  "Planned": +1 when planned
}

tier hot "Hot" when fit >= 20
tier cold "Cold" otherwise
`;

/** The model without the list of records, which a CSV cell cannot hold. */
const CSV_MODEL = LISTS_MODEL.replace(/  deals: list of \{[^}]*\} = \[\]\n/, "").replace(/criterion won .*\n/, "").replace(/  "Won": .*\n/, "");

type EngineRun = { readonly summary: string | undefined; readonly errors: string; readonly out: string };

/** The DuckDB run wrote what the JS run wrote: the summary, the rejected rows and the scored rows, byte for byte. */
function expectSameRun(duck: EngineRun, js: EngineRun): void {
  expect(duck.summary).toBe(js.summary);
  expect(duck.errors).toBe(js.errors);
  expect(duck.out).toBe(js.out);
}

/** Scores `file` with both engines into CSV and returns each engine's scored CSV, error lines and summary. */
function bothEngines(files: Record<string, string>, input: string) {
  const ws = workspace(files);
  try {
    const run = (engine: string) => {
      const r = qualify(["score", ws.path("m.qual"), "--in", ws.path(input), "--out", ws.path(`${engine}.csv`), "--errors", ws.path(`${engine}.jsonl`), "--now", "2026-11-01", "--engine", engine], { cwd: ws.dir });
      // 1 when no row could be scored, which generated files can give.
      expect([0, 1], r.stderr).toContain(r.code);
      return { code: r.code, out: readFileSync(ws.path(`${engine}.csv`), "utf8"), errors: readFileSync(ws.path(`${engine}.jsonl`), "utf8"), summary: /\d+ rows read: \d+ scored, \d+ rejected/.exec(r.stderr)?.[0] };
    };
    return { js: run("js"), duck: run("duckdb") };
  } finally {
    ws.cleanup();
  }
}

describe("qualify score --engine duckdb: list items", () => {
  it("rejects CSV rows whose list items are not numbers, bools, valid dates or choices, with the JS path's paths and messages", () => {
    const csv = [
      "name,tags,sizes,flags,seen,plans",
      "a,x;y,1;200,true; no,2026-01-01,TEAM",
      "b,x,1; big ;3,yes;maybe,2026-13-01;2026-02-02,gold; free ;silver",
      "c,,;;,,;,",
      'd,"p,q",1e3;.5;x1,Y;n;2,2024-02-29 ; 2025-02-29,Enterprise',
      `e,t,1;${"9".repeat(30)}x${"9".repeat(40)},,,`,
    ].join("\n");
    const { js, duck } = bothEngines({ "m.qual": CSV_MODEL, "leads.csv": `${csv}\n` }, "leads.csv");
    expect(js.summary).toBe("5 rows read: 1 scored, 4 rejected");
    expect(js.errors).toContain('"path":"sizes[1]","expected":"number","value":"big"');
    expect(js.errors).toContain('"path":"plans[2]"');
    expectSameRun(duck, js);
  });

  it("rejects JSON Lines rows with wrong-typed items, null items and bad fields of record items, with the JS path's paths and messages", () => {
    const rows = [
      { name: "a", tags: ["x", "y"], sizes: [1, 200], flags: [true], seen: ["2026-01-01"], plans: ["TEAM"], deals: [{ stage: "won", amount: 5 }] },
      { name: "b", tags: ["x", 3], sizes: [1, "big"], flags: ["yes"], seen: ["2026-13-01"], plans: ["gold"], deals: [{ stage: "bogus", amount: "lots" }] },
      { name: "c", tags: ["x", null], sizes: [null], deals: [{ amount: 5 }, { stage: null }, "open", { stage: "open", closed: 3 }] },
      { name: "d", tags: "x", sizes: 5, flags: [[true]], plans: [{ a: 1 }] },
      { tags: [], seen: [true, 1.5], deals: { stage: "won" } },
      { name: "f", tags: ["ok"], sizes: [2.5, -0.001, 1e300], deals: [{ stage: "LOST", amount: null, closed: "2026-02-01" }] },
    ];
    const { js, duck } = bothEngines({ "m.qual": LISTS_MODEL, "leads.jsonl": rows.map((r) => JSON.stringify(r)).join("\n") + "\n" }, "leads.jsonl");
    expect(js.summary).toBe("6 rows read: 2 scored, 4 rejected");
    expect(js.errors).toContain('"path":"deals[0].amount","expected":"number","value":"lots"');
    expect(js.errors).toContain("(list elements are never null)");
    expectSameRun(duck, js);
  });

  it("rejects the same rows as the JS path for generated lists of good and bad items (property)", () => {
    const item = fc.oneof(fc.integer({ min: -5, max: 500 }), fc.constantFrom("x", "12", "2026-02-30", "2026-03-01", "team", "Free", "gold", " ", true, false, null, 1.25));
    const row = fc.record({ name: fc.constantFrom("a", "b"), tags: fc.array(fc.constantFrom("x", "y", 7), { maxLength: 3 }), sizes: fc.array(item, { maxLength: 3 }), flags: fc.array(item, { maxLength: 2 }), seen: fc.array(item, { maxLength: 2 }), plans: fc.array(item, { maxLength: 2 }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const { js, duck } = bothEngines({ "m.qual": CSV_MODEL, "leads.jsonl": rows.map((r) => JSON.stringify(r)).join("\n") + "\n" }, "leads.jsonl");
        expect(duck.code).toBe(js.code);
        expect(duck.errors).toBe(js.errors);
        expect(duck.out).toBe(js.out);
      }),
      { numRuns: 6 },
    );
  });

  it("rejects the same rows as the JS path for generated CSV list cells: ;-separated items, blanks, padding (property)", () => {
    // Parts a CSV list cell is made of: good and bad items, blank parts, padded items, text that needs quoting.
    const part = fc.constantFrom("12", " 7 ", "x", "", "  ", "2026-03-01", "2026-02-30", "team", " Free", "gold", "true", "no", "1e3", ".5", "-0", "a,b", 'q"t');
    const cell = fc.array(part, { maxLength: 4 }).map((parts) => parts.join(";"));
    const quote = (text: string): string => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
    const row = fc.tuple(fc.constantFrom("a", "b", ""), cell, cell, cell, cell, cell).map((cells) => cells.map(quote).join(","));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const csv = ["name,tags,sizes,flags,seen,plans", ...rows].join("\n");
        const { js, duck } = bothEngines({ "m.qual": CSV_MODEL, "leads.csv": `${csv}\n` }, "leads.csv");
        expect(duck.code).toBe(js.code);
        expectSameRun(duck, js);
      }),
      { numRuns: 6 },
    );
  });
});
