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

  it("checks `now:` like --now: an 8-digit number (epoch ms) or a US date is an error at its line", () => {
    for (const written of ["20261101", "11/01/2026", "2026-02-30", "2026-11-01 09:30"]) {
      const fixture = parseFixture(`model: a.qual\nnow: ${written}\ncases:\n  - name: x\n    now: ${written}\n    lead: {}\n`, file);
      expect(fixture.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
        [FIXTURE_CODES.badNow, 2],
        [FIXTURE_CODES.badNow, 5],
      ]);
      expect(fixture.diagnostics[0]?.message).toContain(`\`${written}\` is not one`);
      expect(fixture.now).toBeUndefined();
      expect(fixture.invalidNow?.start.line).toBe(2);
      expect(fixture.cases[0]).toMatchObject({ wellFormed: false, nowInvalid: true });
    }
    const good = parseFixture("model: a.qual\nnow: 2026-11-01T09:30:00Z\ncases: []\n", file);
    expect(good.diagnostics).toEqual([]);
    expect(good.invalidNow).toBeUndefined();
  });

  it("suggests the closest key for a misspelt one, with a fix", () => {
    const fixture = parseFixture("model: a.qual\ncases:\n  - name: x\n    lead: {}\n    expect: { tier: sql, posibleTiers: [sql] }\n", file);
    const [diagnostic] = fixture.diagnostics;
    expect(diagnostic?.code).toBe(FIXTURE_CODES.unknownKey);
    expect(diagnostic?.message).toContain("`posibleTiers` is not a key of `expect:` (did you mean `possibleTiers`?)");
    expect(diagnostic?.suggestion?.edits).toEqual([{ range: diagnostic?.range, newText: "possibleTiers" }]);
    const top = parseFixture("modle: a.qual\ncases: []\n", file);
    expect(top.diagnostics[0]?.message).toContain("did you mean `model`?");
  });

  it("reads raw, reasons, possibleTiers and ranges", () => {
    const fixture = parseFixture(
      [
        "model: a.qual",
        "cases:",
        "  - name: x",
        "    lead: {}",
        "    expect:",
        "      raw: { fit: 70 }",
        '      reasons: [fit/Mid-market, "engagement/Pages / visits", { score: fit, rule: Target, points: 10 }]',
        "      possibleTiers: [sql, mql]",
        "      ranges: { fit: { min: 0, max: 45 }, total: { max: null, unknown: true } }",
      ].join("\n"),
      file,
    );
    expect(fixture.diagnostics).toEqual([]);
    expect(fixture.cases[0]?.expect).toEqual({
      raw: { fit: 70 },
      reasons: [
        { score: "fit", rule: "Mid-market" },
        { score: "engagement", rule: "Pages / visits" },
        { score: "fit", rule: "Target", points: 10 },
      ],
      possibleTiers: ["sql", "mql"],
      ranges: { fit: { min: 0, max: 45 }, total: { max: null, unknown: true } },
    });
  });

  it("rejects malformed raw, reasons, possibleTiers and ranges at their lines", () => {
    const fixture = parseFixture(
      [
        "model: a.qual",
        "cases:",
        "  - name: x",
        "    lead: {}",
        "    expect:",
        "      raw: { fit: lots }",
        "      reasons: [Mid-market, { score: fit, rule: Target, ponits: 10 }, { score: fit }]",
        "      possibleTiers: sql",
        "      ranges: { fit: { min: zero, maxx: 45 }, total: 3 }",
      ].join("\n"),
      file,
    );
    expect(fixture.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([
      [FIXTURE_CODES.badShape, 6],
      [FIXTURE_CODES.badShape, 8],
      [FIXTURE_CODES.badShape, 7],
      [FIXTURE_CODES.unknownKey, 7],
      [FIXTURE_CODES.badShape, 7],
      [FIXTURE_CODES.unknownKey, 9],
      [FIXTURE_CODES.badShape, 9],
      [FIXTURE_CODES.badShape, 9],
    ]);
    expect(fixture.diagnostics.find((d) => d.message.includes("ponits"))?.message).toContain("did you mean `points`?");
    expect(fixture.diagnostics.find((d) => d.message.includes("maxx"))?.message).toContain("did you mean `max`?");
    expect(fixture.cases[0]?.wellFormed).toBe(false);
  });

  it("records where each lead key is written, nested and in lists", () => {
    const fixture = parseFixture(
      "model: a.qual\ncases:\n  - name: x\n    lead:\n      email: a@b\n      company: { employees: 5 }\n      contacts:\n        - { name: A }\n        - name: B\n          role: VP\n",
      file,
    );
    const keys = fixture.cases[0]?.leadKeys;
    expect([...(keys?.keys() ?? [])]).toEqual(["email", "company", "company.employees", "contacts", "contacts[0].name", "contacts[1].name", "contacts[1].role"]);
    expect(keys?.get("contacts[1].role")?.start).toMatchObject({ line: 10, column: 11 });
  });

  it("keeps a case without a lead, as a malformed case", () => {
    const fixture = parseFixture("model: a.qual\ncases:\n  - name: lonely\n    expect: { tier: sql }\n", file);
    expect(fixture.cases[0]?.wellFormed).toBe(false);
    expect(fixture.diagnostics[0]?.message).toContain("lonely");
  });
});
