import { describe, expect, it } from "vitest";
import { expectOne, model, rangeOf, run } from "./helpers.js";

const FIELDS = '  employees: number?\n  total: number\n  role: one of ("cfo", "cto", "intern")?\n  email: text';

/** The codes reported, leaving out unused-field warnings (the test models use few of their fields). */
function codes(source: string): string[] {
  return run(source).diagnostics.map((d) => d.code).filter((code) => code !== "QUAL220");
}

describe("ordering checks", () => {
  it("warns about a tier whose condition implies an earlier tier's (QUAL412), still producing IR", () => {
    const tiers = 'tier mql "MQL" when total >= 40\ntier sql "SQL" when total >= 60 and role in ["cfo", "cto"]\ntier lead "Lead" otherwise';
    const source = model(FIELDS, "", tiers);
    const d = expectOne(source, "QUAL412", 'tier sql "SQL" when total >= 60 and role in ["cfo", "cto"]');
    expect(d.severity).toBe("warning");
    expect(d.message).toContain("the tier `sql` can never be chosen");
    expect(d.message).toContain("move `sql` above `mql`");
    expect(run(source).ir).toBeDefined();
  });

  it("does not warn when the later tier is wider or unrelated, or in the right order", () => {
    expect(codes(model(FIELDS, "", 'tier sql "SQL" when total >= 60\ntier mql "MQL" when total >= 40\ntier lead "Lead" otherwise'))).toEqual([]);
    expect(codes(model(FIELDS, "", 'tier a "A" when total >= 40 and role = "cfo"\ntier b "B" when total >= 40\ntier lead "Lead" otherwise'))).toEqual([]);
    expect(codes(model(FIELDS, "", 'tier a "A" when total > 40\ntier b "B" when total >= 40\ntier lead "Lead" otherwise'))).toEqual([]);
  });

  it("follows criteria and reads `not`, `between`, `in` and `!=` as sets of values", () => {
    const body = 'criterion big "Big" = employees > 1000\ncriterion huge "Huge" = not (employees <= 5000) and role != "intern"';
    const source = model(FIELDS, body, 'tier a "A" when big\ntier b "B" when huge\ntier lead "Lead" otherwise');
    expectOne(source, "QUAL412", 'tier b "B" when huge');
    const between = model(FIELDS, "", 'tier a "A" when employees between 10 and 100\ntier b "B" when employees = 50\ntier lead "Lead" otherwise');
    expectOne(between, "QUAL412", 'tier b "B" when employees = 50');
  });

  it("warns about `between` bounds the wrong way round (QUAL413), with the fix of swapping them", () => {
    const source = model(FIELDS, 'criterion sized "Sized" = employees between 500 and 100');
    const d = expectOne(source, "QUAL413", "employees between 500 and 100");
    expect(d.message).toContain("500 is above 100");
    expect(d.suggestion?.edits).toEqual([
      { range: rangeOf(source, "500"), newText: "100" },
      { range: rangeOf(source, "100"), newText: "500" },
    ]);
  });

  it("warns about conditions that contradict themselves (QUAL413) in criteria, rules, knockouts and tiers", () => {
    expectOne(model(FIELDS, 'criterion odd "Odd" = employees > 500 and employees < 100'), "QUAL413", "employees > 500 and employees < 100");
    expectOne(model(FIELDS, 'score fit "Fit" {\n  "Never": 5 when role = "cfo" and role = "intern"\n}'), "QUAL413", 'role = "cfo" and role = "intern"');
    expectOne(model(FIELDS, 'disqualify "Never" when total > 5 and not (total > 1)'), "QUAL413", "total > 5 and not (total > 1)");
    expectOne(model(FIELDS, "", 'tier a "A" when role in ["cfo"] and role = "cto"\ntier lead "Lead" otherwise'), "QUAL413", 'role in ["cfo"] and role = "cto"');
    // Unknown is neither true nor false, but a test that is true only for known values still contradicts its negation.
    expect(codes(model(FIELDS, 'criterion c "C" = employees > 500 or employees < 100'))).toEqual([]);
  });

  it("warns about a points rule repeating another rule's condition in its group (QUAL414)", () => {
    const source = model(FIELDS, 'score fit "Fit" {\n  "Big": 20 when employees > 1000\n  "Big again": 10 when employees > 1000\n}');
    const d = expectOne(source, "QUAL414", "employees > 1000", 1);
    expect(d.message).toContain('the rule "Big again" has the same condition as the rule "Big"');
  });

  it("warns about a knockout with the same condition as another (QUAL414) or covered by another (QUAL415)", () => {
    const same = model(FIELDS, 'disqualify "Intern" when role = "intern"\ndisqualify "Intern again" when role in ["INTERN"]');
    expectOne(same, "QUAL414", 'role in ["INTERN"]');
    const covered = model(FIELDS, 'disqualify "Rival" when email ends with "@rival.example"\ndisqualify "Rival or test" when email ends with "@rival.example" or email matches "^test"');
    const d = expectOne(covered, "QUAL415", 'email ends with "@rival.example"');
    expect(d.message).toBe('the knockout "Rival" never fires alone: whenever it does, "Rival or test" fires too; merge them or narrow one');
    const later = model(FIELDS, 'disqualify "Rival or test" when email ends with "@rival.example" or email matches "^test"\ndisqualify "Rival" when email ends with "@rival.example"');
    expectOne(later, "QUAL415", 'email ends with "@rival.example"', 1);
  });
});
