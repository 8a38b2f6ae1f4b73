import { describe, expect, it } from "vitest";
import { QualLanguageService, questionsOf } from "../src/index.js";
import { CLEAN_MODEL } from "./models.js";

const URI = "inmemory://test/lead.qual";

function serviceWith(text: string): QualLanguageService {
  const service = new QualLanguageService();
  service.update(URI, 1, text);
  return service;
}

describe("trying a lead", () => {
  it("evaluates a valid lead to the model's result", () => {
    const lead = { budget_usd: 50_000, role: "cfo", pains: ["churn"], company: { employees: 900, country: "DE" } };
    const outcome = serviceWith(CLEAN_MODEL).evaluate(URI, JSON.stringify(lead));
    expect(outcome.status).toBe("ok");
    if (outcome.status !== "ok") return;
    expect(outcome.result.tier).toBe("sql");
    expect(outcome.tierLabel).toBe("Sales qualified");
    expect(outcome.result.scores).toMatchObject({ fit: 50, total: 52 });
    expect(outcome.result.criteria).toEqual({ budget: true, authority: true, need: true });
    expect(outcome.questions).toEqual([]);
  });

  it("labels the disqualified tier", () => {
    const outcome = serviceWith(CLEAN_MODEL).evaluate(URI, JSON.stringify({ pains: [], company: { country: "xx" } }));
    expect(outcome.status === "ok" && [outcome.result.tier, outcome.tierLabel]).toEqual(["disqualified", "Disqualified"]);
  });

  it("turns unknown results into questions about the missing fields", () => {
    const outcome = serviceWith(CLEAN_MODEL).evaluate(URI, JSON.stringify({ pains: [] }));
    expect(outcome.status).toBe("ok");
    if (outcome.status !== "ok") return;
    const fields = outcome.questions.map((q) => q.field);
    expect(fields).toEqual(expect.arrayContaining(["budget_usd", "role"]));
    expect(outcome.questions.find((q) => q.field === "budget_usd")?.neededBy).toContain("budget");
  });

  it("reports JSON that does not parse, and JSON that is not an object", () => {
    const service = serviceWith(CLEAN_MODEL);
    expect(service.evaluate(URI, "{ budget: ")).toMatchObject({ status: "invalid-json", message: expect.stringContaining("not valid JSON") });
    expect(service.evaluate(URI, "[1, 2]")).toMatchObject({ status: "invalid-json" });
  });

  it("lists every problem of a lead that does not fit the inputs", () => {
    const outcome = serviceWith(CLEAN_MODEL).evaluate(URI, JSON.stringify({ budget_usd: "lots", pains: [1] }));
    expect(outcome.status).toBe("invalid-lead");
    if (outcome.status !== "invalid-lead") return;
    expect(outcome.issues.map((i) => i.path).sort()).toEqual(["budget_usd", "pains[0]"]);
  });

  it("explains that a model with errors cannot be tried", () => {
    const outcome = serviceWith(CLEAN_MODEL.replace("budget_usd >= 10_000", "role >= 10_000")).evaluate(URI, "{}");
    expect(outcome).toMatchObject({ status: "model-error", message: expect.stringContaining("1 error") });
  });

  it("uses the given evaluation time", () => {
    const model = CLEAN_MODEL.replace("  role: text?", "  seen: date?\n  role: text?").replace("count(pains) > 0", "count(pains) > 0 or seen within 7 days");
    const service = serviceWith(model);
    const lead = JSON.stringify({ pains: [], seen: "2026-01-01" });
    const near = service.evaluate(URI, lead, "2026-01-03");
    const far = service.evaluate(URI, lead, "2026-03-01");
    expect(near.status === "ok" && near.result.criteria["need"]).toBe(true);
    expect(far.status === "ok" && far.result.criteria["need"]).toBe(false);
  });
});

describe("questionsOf", () => {
  it("groups unknown items by missing field in first-seen order without duplicates", () => {
    const questions = questionsOf({
      model: "m", tier: "t", disqualified: [], scores: {}, raw: {}, criteria: {}, reasons: [],
      unknown: [
        { id: "a", missing: ["x", "y"] },
        { id: "b", missing: ["y"] },
        { id: "b", missing: ["y"] },
        { id: "c", missing: [] },
      ],
    });
    expect(questions).toEqual([
      { field: "x", neededBy: ["a"] },
      { field: "y", neededBy: ["a", "b"] },
    ]);
  });
});
