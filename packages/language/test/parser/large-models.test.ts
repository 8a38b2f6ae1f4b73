import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/parse.js";

/** A points model like the benchmark's: `rules` rules over 30 optional fields, one in ten with two tests. */
function pointsModel(rules: number, perGroup = rules): string {
  const lines = ['model points "Points"', "", "input {"];
  for (let f = 0; f < 30; f++) lines.push(`  f${f}: number?`);
  lines.push("}");
  for (let i = 0; i < rules; i++) {
    if (i % perGroup === 0) lines.push(...(i > 0 ? ["}"] : []), "", `score g${i} "Group ${i}" max 100 {`);
    const extra = i % 10 === 0 ? ` and f${(i + 1) % 30} <= 3` : "";
    lines.push(`  "Rule ${i + 1}": +${(i % 20) + 1} when f${i % 30} > ${i % 50}${extra}`);
  }
  lines.push("}", "", 'tier hot "Hot" when g0 >= 50', 'tier cold "Cold" otherwise', "");
  return lines.join("\n");
}

describe("parsing large models", () => {
  // Speed and growth are measured by the benchmarks (`pnpm bench`, compile
  // time against model size), never asserted here: this machine is shared.
  it("parses the 100-rule model without a diagnostic", () => {
    const result = parse(pointsModel(100));
    expect(result.diagnostics).toEqual([]);
    expect(result.ast.declarations.filter((d) => d.kind === "ScoreGroupDecl")).toHaveLength(1);
  });

  it("parses 10,000 rules, in one group or many, keeping every rule", () => {
    for (const text of [pointsModel(10_000, 100), pointsModel(10_000)]) {
      const result = parse(text);
      expect(result.diagnostics).toEqual([]);
      const rules = result.ast.declarations.flatMap((d) => (d.kind === "ScoreGroupDecl" ? d.rules : []));
      expect(rules).toHaveLength(10_000);
      expect(rules[9_999]?.label.value).toBe("Rule 10000");
    }
  });
});
