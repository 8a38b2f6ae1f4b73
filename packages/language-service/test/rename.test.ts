import { describe, expect, it } from "vitest";
import type { TextEdit } from "@qualify/ir";
import { analyze } from "@qualify/language";
import { QualLanguageService } from "../src/index.js";
import { CLEAN_MODEL, offsetOf } from "./models.js";

const URI = "inmemory://test/rename.qual";

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.range.start.offset - a.range.start.offset)
    .reduce((acc, e) => acc.slice(0, e.range.start.offset) + e.newText + acc.slice(e.range.end.offset), text);
}

function renamed(offset: number, newName: string): string {
  const service = new QualLanguageService();
  service.update(URI, 1, CLEAN_MODEL);
  const result = service.rename(URI, offset, newName);
  if ("error" in result) throw new Error(result.error);
  return apply(CLEAN_MODEL, result.edits);
}

describe("rename", () => {
  it("renames a criterion at its declaration and every use, and the model still checks clean", () => {
    const text = renamed(offsetOf(CLEAN_MODEL, "budget    \"", 2), "money");
    expect(text).toContain('criterion money    "Budget"');
    expect(text).toContain("when money\n");
    expect(text).toContain("(money, authority, need)");
    expect(analyze(text).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("renames only a nested field's own part of each dotted path", () => {
    const text = renamed(offsetOf(CLEAN_MODEL, "employees > 500", 3), "staff");
    expect(text).toContain("    staff: number?");
    expect(text).toContain("company.staff > 500");
    expect(text).toContain('company.country = "XX"');
    expect(analyze(text).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("renames a record field in every path that starts with it", () => {
    const text = renamed(offsetOf(CLEAN_MODEL, "company: {", 2), "firm");
    expect(text).toContain("firm.employees > 500");
    expect(text).toContain('firm.country = "XX"');
    expect(analyze(text).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("refuses invalid, reserved and clashing names, and places without a name, saying why", () => {
    const service = new QualLanguageService();
    service.update(URI, 1, CLEAN_MODEL);
    const at = offsetOf(CLEAN_MODEL, "big_company =", 1);
    expect(service.rename(URI, at, "2big")).toMatchObject({ error: expect.stringContaining("not a valid name") });
    expect(service.rename(URI, at, "when")).toMatchObject({ error: expect.stringContaining("reserved") });
    expect(service.rename(URI, at, "budget")).toMatchObject({ error: expect.stringContaining("already has a name `budget`") });
    expect(service.rename(URI, 0, "x")).toMatchObject({ error: expect.stringContaining("no declared name") });
    expect(service.renameTarget(URI, offsetOf(CLEAN_MODEL, "company.employees >", 9))).toMatchObject({ text: "employees" });
  });
});
