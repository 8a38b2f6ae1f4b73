import { describe, expect, it } from "vitest";
import { FIXTURE_CODES } from "../src/fixtures/fixture-types.js";
import { parseFixture } from "../src/fixtures/parse-fixture.js";

const file = "/models/bant.test.yaml";

describe("parseFixture", () => {
  it("reads the fixture format of language.md, resolving the model next to the fixture", () => {
    const fixture = parseFixture(
      [
        "model: bant.qual",
        "now: 2026-11-01",
        "cases:",
        "  - name: CFO with budget",
        "    lead: { budget_usd: 50000, role: cfo, pains: [churn] }",
        "    expect: { tier: sql, criteria: { budget: true, authority: null }, scores: { met: 3 } }",
        "  - name: bad lead",
        "    now: 2026-12-01T10:00:00Z",
        "    lead: { budget_usd: lots }",
        "    error: true",
      ].join("\n"),
      file,
    );
    expect(fixture.diagnostics).toEqual([]);
    expect(fixture.model?.path).toBe("/models/bant.qual");
    expect(fixture.now).toBe("2026-11-01");
    expect(fixture.cases).toHaveLength(2);
    const [first, second] = fixture.cases;
    expect(first?.lead).toEqual({ budget_usd: 50000, role: "cfo", pains: ["churn"] });
    expect(first?.expect).toEqual({ tier: "sql", criteria: { budget: true, authority: null }, scores: { met: 3 } });
    expect(first?.range.start.line).toBe(4);
    expect(second?.error).toBe(true);
    expect(second?.now).toBe("2026-12-01T10:00:00Z");
    expect(second?.wellFormed).toBe(true);
  });

  it("reports YAML syntax errors with their position", () => {
    const fixture = parseFixture("model: a.qual\ncases: [\n", file);
    expect(fixture.diagnostics[0]?.code).toBe(FIXTURE_CODES.yamlSyntax);
    expect(fixture.diagnostics[0]?.file).toBe(file);
  });

  it("reports an unknown key at its range and marks the case malformed", () => {
    const fixture = parseFixture("model: a.qual\ncases:\n  - name: x\n    lead: {}\n    expected: { tier: sql }\n", file);
    const diagnostic = fixture.diagnostics.find((d) => d.code === FIXTURE_CODES.unknownKey);
    expect(diagnostic?.range.start).toMatchObject({ line: 5, column: 5 });
    expect(diagnostic?.range.end).toMatchObject({ line: 5, column: 13 });
    expect(fixture.cases[0]?.wellFormed).toBe(false);
  });

  it("rejects a score that is not a number and a criterion that is not yes/no/unknown", () => {
    const fixture = parseFixture(
      "model: a.qual\ncases:\n  - name: x\n    lead: {}\n    expect: { scores: { fit: high }, criteria: { budget: maybe } }\n",
      file,
    );
    expect(fixture.diagnostics.map((d) => d.code)).toEqual([FIXTURE_CODES.badShape, FIXTURE_CODES.badShape]);
    expect(fixture.diagnostics[0]?.range.start.line).toBe(5);
    expect(fixture.cases[0]?.wellFormed).toBe(false);
  });

  it("requires a model and a list of cases", () => {
    const fixture = parseFixture("now: 2026-01-01\ncases: 3\n", file);
    expect(fixture.model).toBeUndefined();
    expect(fixture.diagnostics.map((d) => d.code)).toEqual([FIXTURE_CODES.badShape, FIXTURE_CODES.badShape]);
  });

  it("rejects a now that is not a date", () => {
    const fixture = parseFixture("model: a.qual\nnow: tomorrow\ncases: []\n", file);
    expect(fixture.diagnostics.map((d) => d.code)).toEqual([FIXTURE_CODES.badNow]);
    expect(fixture.diagnostics[0]?.range.start).toMatchObject({ line: 2, column: 6 });
  });

  it("keeps a case without a lead, as a malformed case", () => {
    const fixture = parseFixture("model: a.qual\ncases:\n  - name: lonely\n    expect: { tier: sql }\n", file);
    expect(fixture.cases[0]?.wellFormed).toBe(false);
    expect(fixture.diagnostics[0]?.message).toContain("lonely");
  });
});
