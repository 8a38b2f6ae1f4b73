import { analyze } from "@qualify/language";
import { describe, expect, it } from "vitest";
import { compileToSql } from "../src/index.js";

/*
 * A text field that several conditions compare is folded once per row, in
 * the `folded` CTE, and the conditions read that column. (That the results
 * stay the closures' is the job of the engine tests and properties.)
 */

const MODEL = `model m "M"
input {
  role: text?
  plan: one of ("Team", "Pro")?
  note: text?
}
score fit "Fit" {
  "Chief": +5 when role = "CEO"
  "Deciders": +3 when role in ["VP", "Owner"]
  "Head": +2 when role starts with "Head of"
  "Pro": +1 when plan = "Pro"
}
tier hot "Hot" when fit >= 5
tier cold "Cold" otherwise
`;

const count = (text: string, part: string): number => text.split(part).length - 1;

describe("folded text fields", () => {
  for (const dialect of ["duckdb", "postgres"] as const) {
    it(`${dialect}: each compared field is folded once, unread fields not at all`, () => {
      const ir = analyze(MODEL).ir;
      if (ir === undefined) throw new Error("the model did not check");
      const { sql } = compileToSql(ir, { dialect, source: "leads", now: 0 });
      expect(count(sql, 'lower("__q_f:role")')).toBe(1);
      expect(count(sql, 'lower("__q_f:plan")')).toBe(1);
      expect(sql).not.toContain("__q_lf:note");
      // Defined once and read by the three rules (DuckDB also names it once more, to leave it out of the output).
      expect(count(sql, '"__q_lf:role"')).toBeGreaterThanOrEqual(4);
      expect(sql).toMatch(/"folded" AS (MATERIALIZED )?\(/);
    });
  }
});
