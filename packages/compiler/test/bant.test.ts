import { describe, expect, it } from "vitest";
import { compile, InvalidLeadError } from "../src/index.js";
import { bantModel } from "./ir-builders.js";

describe("the BANT model", () => {
  const bant = compile(bantModel());

  it("qualifies a CFO with budget, a pain and a quarter timeline as sales qualified", () => {
    const lead = { budget_usd: 50_000, role: "cfo", pains: ["churn"], timeline_days: 30 };
    expect(bant.score(lead)).toEqual({ tier: "sql", scores: { met: 4 } });
    const full = bant.evaluate(lead);
    expect(full.criteria).toEqual({ budget: true, authority: true, need: true, timing: true, qualified: true });
    expect(full.unknown).toEqual([]);
  });

  it("reports an unknown budget with the field to ask about", () => {
    const full = bant.evaluate({ role: "VP", pains: ["churn"], timeline_days: 30 });
    expect(full.tier).toBe("sql");
    expect(full.criteria["budget"]).toBeNull();
    expect(full.scores).toEqual({ met: 3 });
    expect(full.unknown).toEqual([{ id: "budget", missing: ["budget_usd"] }]);
  });

  it("passes over an unknown tier and reports it", () => {
    const full = bant.evaluate({ role: "VP", pains: ["churn"] });
    expect(full.tier).toBe("mql");
    expect(full.unknown.map((u) => u.id)).toEqual(["budget", "timing", "qualified", "sql"]);
    expect(full.unknown.find((u) => u.id === "sql")?.missing).toEqual(["budget_usd", "timeline_days"]);
  });

  it("rejects a lead without the required pains list", () => {
    expect(() => bant.score({ role: "VP" })).toThrow(InvalidLeadError);
    expect(bant.validate({ role: "VP" })).toEqual([
      expect.objectContaining({ path: "pains", expected: "list of text", value: undefined }),
    ]);
  });
});
