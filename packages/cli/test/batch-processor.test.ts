import { describe, expect, it } from "vitest";
import { analyze } from "@qualify/language";
import type { EvaluationResult, ModelIR } from "@qualify/ir";
import { BatchProcessor } from "../src/score/batch-processor.js";
import { reasonsText } from "../src/score/row-scorer.js";
import { MINI_MODEL } from "./run-cli.js";

const ir = analyze(MINI_MODEL).ir as ModelIR;

describe("BatchProcessor", () => {
  it("turns CSV rows into output rows and rejected rows, in row order, counting every row", () => {
    const processor = new BatchProcessor({ ir, outputFormat: "csv", now: "2026-11-01" });
    const result = processor.process({
      format: "csv",
      columns: ["budget", "pains", "tier"],
      records: [
        { row: 1, line: 2, text: "50000,a;b,old" },
        { row: 2, line: 3, text: "lots,a,old" },
        { row: 3, line: 4, text: "1,2,3,4" },
        { row: 4, line: 5, text: '"open', error: "a quoted cell on this line is never closed (unbalanced quote)" },
        { row: 5, line: 6, text: ",x," },
      ],
    });
    expect(result.read).toBe(5);
    expect(result.scored).toBe(2);
    // The input's own `tier` column gives way to the computed one.
    expect(result.text).toBe("50000,a;b,warm,30,fit: Big budget +20; Home market +5; Has pains +10\n,x,cold,10,fit: Home market +5; Has pains +5\n");
    expect(BatchProcessor.csvHeader(ir, ["budget", "pains", "tier"])).toEqual(["budget", "pains", "tier", "fit", "reasons"]);
    expect(result.rejected.map((r) => [r.row, r.line, r.errors[0]?.path])).toEqual([
      [2, 3, "budget"],
      [3, 4, ""],
      [4, 5, ""],
    ]);
    expect(result.rejected[0]?.input).toEqual({ budget: "lots", pains: "a", tier: "old" });
    expect(result.rejected[1]?.input).toBeNull();
    expect(result.rejected[1]?.errors[0]?.message).toBe("the row has 4 cells, but the header has 3 columns");
  });

  it("writes JSON Lines input back as objects with tier, scores and reasons, and as CSV by the model's fields", () => {
    const batch = { format: "jsonl" as const, records: [{ row: 1, line: 1, text: '{"id":7,"budget":20000,"pains":["a"],"company":{"employees":60}}' }] };
    const jsonl = new BatchProcessor({ ir, outputFormat: "jsonl" }).process(batch);
    expect(JSON.parse(jsonl.text)).toEqual({
      id: 7,
      budget: 20000,
      pains: ["a"],
      company: { employees: 60 },
      tier: "warm",
      fit: 30,
      reasons: "fit: Big budget +20; Mid-market +15; Home market +5; Has pains +5",
    });
    const csv = new BatchProcessor({ ir, outputFormat: "csv" }).process(batch);
    expect(BatchProcessor.csvHeader(ir, undefined)).toEqual(["budget", "role", "country", "pains", "company.employees", "do_not_email", "tier", "fit", "reasons"]);
    expect(csv.text).toBe("20000,,,a,60,,warm,30,fit: Big budget +20; Mid-market +15; Home market +5; Has pains +5\n");
  });

  it("applies a field map to JSON objects: renamed keys and mapped values", () => {
    const processor = new BatchProcessor({
      ir,
      outputFormat: "jsonl",
      map: [
        ["budget", { column: "Budget" }],
        ["do_not_email", { column: "DNE", values: { Y: true, N: false } }],
      ],
    });
    const result = processor.process({ format: "jsonl", records: [{ row: 1, line: 1, text: '{"Budget":1,"pains":[],"DNE":"Y"}' }] });
    expect(JSON.parse(result.text)).toMatchObject({ tier: "disqualified", reasons: "disqualified: Opted out; fit: Home market +5" });
  });
});

describe("BatchProcessor and hostile names", () => {
  it("keeps a CSV column named __proto__ as data, in the output and in --errors input", () => {
    const processor = new BatchProcessor({ ir, outputFormat: "jsonl" });
    const result = processor.process({
      format: "csv",
      columns: ["__proto__", "pains", "budget"],
      records: [
        { row: 1, line: 2, text: "polluted,a," },
        { row: 2, line: 3, text: "polluted,a,lots" },
      ],
    });
    const row = JSON.parse(result.text) as Record<string, unknown>;
    expect(Object.hasOwn(row, "__proto__")).toBe(true);
    expect(row["tier"]).toBe("cold");
    expect(Object.hasOwn(result.rejected[0]?.input ?? {}, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("maps a CRM value spelled __proto__ like any other text", () => {
    const processor = new BatchProcessor({ ir, outputFormat: "jsonl", map: [["role", { column: "Title", values: JSON.parse('{"__proto__": "CFO"}') }]] });
    const result = processor.process({ format: "csv", columns: ["Title", "budget", "pains"], records: [{ row: 1, line: 2, text: "__proto__,50000,a" }] });
    expect((JSON.parse(result.text) as { tier: string }).tier).toBe("hot");
  });
});

describe("reasonsText", () => {
  it("groups rules by score, keeps signs and hides float noise", () => {
    const result = {
      disqualified: [],
      reasons: [
        { score: "fit", rule: "A", points: 20 },
        { score: "fit", rule: "B", points: -30 },
        { score: "eng", rule: "C", points: 0.1 + 0.2 },
      ],
    } as unknown as EvaluationResult;
    expect(reasonsText(result)).toBe("fit: A +20; B -30; eng: C +0.3");
  });
});
