import { describe, expect, it } from "vitest";
import { errorCodes, expectOne, model, rangeOf, run } from "./helpers.js";

const FIELDS = "  a: bool = false\n  b: bool = false\n  n: number?\n  deals: list of { amount: number? }";
const CRITERIA = 'criterion ca "A" = a\ncriterion cb "B" = b\ncriterion cn "N" = n > 1';
const SET = 'set meddic "MEDDIC" = (ca, cb, cn)';
const withSet = (body: string): string => model(FIELDS, `${CRITERIA}\n${SET}\n${body}`);

/** `expectOne` at the first `needle` after the input block (the fields' names do not count). */
function expectAt(source: string, code: string, needle: string, skip = 0) {
  const inputEnd = source.indexOf("\n}\n");
  let occurrence = 0;
  while (rangeOf(source, needle, occurrence).start.offset < inputEnd) occurrence++;
  return expectOne(source, code, needle, occurrence + skip);
}
/** The replacement a suggestion offers. */
const replacement = (d: { suggestion?: { edits: ReadonlyArray<{ newText: string }> } }): string | undefined => d.suggestion?.edits[0]?.newText;

describe("sets", () => {
  it.each<[string, unknown]>([
    ["at least 2 of meddic", { kind: "quantifier", quantifier: "atLeast", n: 2, type: { kind: "bool" } }],
    ["all of meddic", { kind: "quantifier", quantifier: "all" }],
    ["any of meddic", { kind: "quantifier", quantifier: "any" }],
    ["none of meddic", { kind: "quantifier", quantifier: "none" }],
    ["(count of meddic) >= 1", { kind: "compare", left: { kind: "quantifier", quantifier: "count", type: { kind: "number" } } }],
  ])("lowers `%s` to a quantifier over the set's items", (expr, shape) => {
    const ir = run(withSet(`criterion q "Q" = ${expr}`)).ir!;
    const q = ir.criteria.find((c) => c.id === "q")!.expr;
    expect(q).toMatchObject(shape as object);
    const items = q.kind === "quantifier" ? q.items : (q as unknown as { left: { items: unknown[] } }).left.items;
    expect(items).toMatchObject([{ kind: "ref", id: "ca" }, { kind: "ref", id: "cb" }, { kind: "ref", id: "cn" }]);
  });

  it("keeps the items' ranges at the set's declaration, and sets out of the IR", () => {
    const source = withSet('criterion q "Q" = all of meddic');
    const ir = run(source).ir!;
    const q = ir.criteria.find((c) => c.id === "q")!.expr as unknown as { items: Array<{ range: unknown }> };
    expect(q.items[0]!.range).toEqual(rangeOf(source, "ca", 1));
    expect(JSON.stringify(ir)).not.toContain("meddic");
    expect(ir.order).not.toContain("meddic");
  });

  it("checks N against the number of items (QUAL407), with const expressions folded", () => {
    const d = expectAt(withSet('criterion q "Q" = at least 4 of meddic'), "QUAL407", "4");
    expect(d.message).toBe("`at least 4 of` can never be true: only 3 items are listed");
    expect(errorCodes(withSet('const k = 1\ncriterion q "Q" = at least k + 2 of meddic'))).toEqual([]);
    expectAt(withSet('const k = 1\ncriterion q "Q" = at least k * 4 of meddic'), "QUAL407", "k * 4");
  });

  it("checks the items once, at the declaration (QUAL311)", () => {
    const source = model(FIELDS, `${CRITERIA}\nset s = (ca, n)\ncriterion q "Q" = any of s\ncriterion r "R" = all of s`);
    const d = expectAt(source, "QUAL311", "n", 1);
    expect(d.message).toBe("the items of `set s` are yes/no tests (criteria or conditions), but this is a number");
  });

  it("accepts any yes/no expression as an item", () => {
    expect(errorCodes(model(FIELDS, 'set s = (a, n > 3, any of deals where amount > 1)\ncriterion q "Q" = any of s'))).toEqual([]);
  });

  it("shares the one namespace (QUAL203)", () => {
    expectAt(withSet("set ca = (a)"), "QUAL203", "ca", 2);
    expectAt(withSet("const meddic = 1"), "QUAL203", "meddic", 1);
  });

  it("reports cycles through sets (QUAL401)", () => {
    const source = model(FIELDS, 'set s = (a, q)\ncriterion q "Q" = any of s');
    const d = expectAt(source, "QUAL401", "q");
    expect(d.message).toContain("`s` -> `q` -> `s`");
  });

  it("warns about an unused set (QUAL223)", () => {
    const d = expectAt(withSet(""), "QUAL223", "meddic");
    expect(d.severity).toBe("warning");
    expect(d.message).toBe("the set `meddic` is never used");
    expect(run(withSet("")).ir).toBeDefined();
  });

  it("explains how sets are used when one is used as a value (QUAL216)", () => {
    const d = expectAt(withSet('criterion q "Q" = meddic'), "QUAL216", "meddic", 1);
    expect(d.message).toBe(
      "`meddic` is a set of yes/no items, not a value; use it by name after a quantifier: `at least 2 of meddic`, `all of meddic`, `any of meddic`, `none of meddic` or `count of meddic`",
    );
    expectAt(withSet('criterion q "Q" = at least 1 of (meddic, a)'), "QUAL216", "meddic", 1);
    // Used, if wrongly: no unused warning on top.
    expect(run(withSet('criterion q "Q" = meddic')).diagnostics.map((x) => x.code)).not.toContain("QUAL223");
  });

  it("rejects `where` after a set (QUAL323)", () => {
    const d = expectAt(withSet('criterion q "Q" = any of meddic where a'), "QUAL323", "a", 1);
    expect(d.message).toContain("takes no `where`");
  });

  it("rejects sets with value aggregates (QUAL324)", () => {
    const d = expectAt(withSet('score s "S" = sum of meddic'), "QUAL324", "meddic", 1);
    expect(d.message).toBe(
      "`meddic` is a set of yes/no items, which `sum of` cannot combine; use it with `at least N of meddic`, `all of`, `any of`, `none of` or `count of`",
    );
  });

  it("describes a set's symbol with its label", () => {
    const result = run(withSet('criterion q "Q" = all of meddic'));
    expect(result.symbols.find((s) => s.name === "meddic")).toMatchObject({ kind: "set", label: "MEDDIC" });
    expect(result.references.filter((r) => r.name === "meddic")).toHaveLength(1);
  });
});

describe("const expressions in bounds", () => {
  const group = (bounds: string, extra = ""): string => model(FIELDS, `${extra}\nscore fit "Fit" ${bounds} { "A": 10 when a }`);
  const bounds = (source: string): unknown => {
    const ir = run(source).ir!;
    const fit = ir.scores.find((s) => s.id === "fit")!;
    return fit.kind === "group" ? { min: fit.min, max: fit.max } : undefined;
  };

  it("folds numbers, consts, negation and arithmetic", () => {
    expect(bounds(group("min -10 max 60"))).toEqual({ min: -10, max: 60 });
    expect(bounds(group("max fit_cap", "const fit_cap = 45"))).toEqual({ min: undefined, max: 45 });
    expect(bounds(group("max fit_cap + 5 min -fit_cap", "const fit_cap = 45"))).toEqual({ min: -45, max: 50 });
    expect(bounds(group("max a1 + b1", "const a1 = 2\nconst b1 = 3"))).toEqual({ min: undefined, max: 5 });
  });

  it("rejects a bound not known at compile time (QUAL411)", () => {
    const d = expectAt(group("max n"), "QUAL411", "n");
    expect(d.message).toBe(
      "the `max` of a score group must be a number known when the model is compiled (a number, a const, or arithmetic on them), but it uses the input field `n`",
    );
    expect(expectAt(group("min t", 'const t = "x"'), "QUAL411", "t", 1).message).toContain("but it is text");
    expect(expectAt(group("max 1 / 0"), "QUAL411", "1 / 0").message).toContain("it divides by zero");
  });

  it("still reports inverted and duplicate bounds over folded values", () => {
    expectAt(group("min k max 5", "const k = 10"), "QUAL409", "min k");
    expectAt(group("max 5 max k", "const k = 10"), "QUAL408", "max k");
  });

  it("orders the const before the group and counts it as used", () => {
    const result = run(group("max k * 2", "const k = 10"));
    expect(result.diagnostics.map((d) => d.code)).not.toContain("QUAL221");
  });

  it("reports an unknown name in a bound with a suggestion", () => {
    expect(replacement(expectAt(group("max fit_cp", "const fit_cap = 4"), "QUAL210", "fit_cp"))).toBe("fit_cap");
  });
});
