import { describe, expect, it } from "vitest";
import type { Expr } from "@qualify/ir";
import { errorCodes, expectOne, model, rangeOf, run } from "./helpers.js";

const FIELDS = [
  "  activities: list of { kind: text  at: date  pages: number?  meta: { source: text? }  attendees: list of { role: text } }",
  '  deals: list of { stage: one of ("open", "won", "lost")  amount: number?  closed: date? }',
  "  tags: list of text",
  "  nums: list of number",
  "  dates: list of date",
  "  company: { contacts: list of { email: text } }",
  "  email: text",
  "  n: number?",
].join("\n");

/** A model whose one criterion is `expr`. */
const crit = (expr: string): string => model(FIELDS, `criterion c "C" = ${expr}`);
/** A model whose one let is `expr` (lets take any type). */
const letOf = (expr: string): string => model(FIELDS, `let v = ${expr}\ncriterion use "U" = v is present`);

/** The IR of `let v = EXPR`, asserting there is no error. */
function lower(expr: string): Expr {
  const result = run(letOf(expr));
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.ir!.lets.find((l) => l.id === "v")!.expr;
}

const NUMBER = { kind: "number" };
const BOOL = { kind: "bool" };
const DATE = { kind: "date" };
const TEXT = { kind: "text" };

/** `expectOne` at the first `needle` after the input block (the fields' names do not count). */
function expectAt(source: string, code: string, needle: string, skip = 0) {
  const inputEnd = source.indexOf("\n}\n");
  let occurrence = 0;
  while (rangeOf(source, needle, occurrence).start.offset < inputEnd) occurrence++;
  return expectOne(source, code, needle, occurrence + skip);
}
/** The replacement a suggestion offers. */
const replacement = (d: { suggestion?: { edits: ReadonlyArray<{ newText: string }> } }): string | undefined => d.suggestion?.edits[0]?.newText;

describe("aggregates over lists", () => {
  it("lowers `count of LIST where ...` to `each` with element reads", () => {
    expect(lower('count of activities where kind = "webinar" and at within 30 days')).toMatchObject({
      kind: "each",
      aggregate: "count",
      list: { kind: "field", path: ["activities"], type: { kind: "list", element: { kind: "record" } } },
      where: {
        kind: "and",
        left: { kind: "compare", left: { kind: "element", path: ["kind"], type: TEXT }, right: { value: "webinar" } },
        right: { kind: "within", date: { kind: "element", path: ["at"], type: DATE } },
      },
      type: NUMBER,
    });
  });

  it.each<[string, unknown]>([
    ["any of activities", { aggregate: "any", type: BOOL }],
    ["all of deals where amount > 0", { aggregate: "all", type: BOOL }],
    ["none of tags", { aggregate: "none", list: { path: ["tags"] }, type: BOOL }],
    ["at least 2 of activities where pages > 3", { aggregate: "atLeast", n: 2, type: BOOL }],
    ["sum of nums", { aggregate: "sum", type: NUMBER }],
    ["avg of deals.amount", { aggregate: "avg", value: { kind: "element", path: ["amount"], type: NUMBER }, type: NUMBER }],
    ["min of dates", { aggregate: "min", type: DATE }],
    ["max of deals.amount where stage = \"won\"", { aggregate: "max", type: NUMBER }],
    ["latest of activities.at", { aggregate: "max", value: { kind: "element", path: ["at"] }, type: DATE }],
    ["earliest of deals.closed", { aggregate: "min", value: { kind: "element", path: ["closed"] }, type: DATE }],
    ["count of company.contacts where email ends with \"@acme.com\"", { list: { kind: "field", path: ["company", "contacts"] }, type: NUMBER }],
    ["sum of activities.meta.source", undefined],
  ])("types `%s`", (expr, shape) => {
    if (shape === undefined) {
      expect(errorCodes(letOf(expr))).toEqual(["QUAL320"]);
      return;
    }
    expect(lower(expr)).toMatchObject({ kind: "each", ...(shape as object) });
  });

  it("leaves out `value` and `where` when not written", () => {
    const ir = lower("count of tags") as Expr & { kind: "each" };
    expect(ir).not.toHaveProperty("value");
    expect(ir).not.toHaveProperty("where");
    expect(ir).not.toHaveProperty("n");
  });

  it("normalises choices of element fields", () => {
    expect(lower('count of deals where stage = "WON"')).toMatchObject({ where: { right: { value: "won" } } });
    expectAt(crit('any of deals where stage = "wonn"'), "QUAL303", '"wonn"');
  });

  it("reads nested element records by dotted path", () => {
    expect(lower('any of activities where meta.source = "ads"')).toMatchObject({
      where: { left: { kind: "element", path: ["meta", "source"], type: TEXT } },
    });
  });

  it("lowers a nested aggregate over an element field that is a list; its `where` sees its own elements", () => {
    expect(lower('count of activities where any of attendees where role = "CEO"')).toMatchObject({
      list: { kind: "field", path: ["activities"] },
      where: { kind: "each", aggregate: "any", list: { kind: "element", path: ["attendees"] }, where: { left: { kind: "element", path: ["role"] } } },
    });
    // `kind` belongs to the activities, not the attendees.
    const d = expectAt(crit('any of activities where any of attendees where kind = "x"'), "QUAL217", "kind");
    expect(d.message).toBe(
      "the elements of `activities.attendees` have no field `kind`, and there is no field, const, let, criterion or score called `kind`",
    );
  });

  it("resolves names in `where` to the element's fields first, then to the model's names", () => {
    const source = model(FIELDS, 'let kind = "demo"\ncriterion c "C" = any of activities where kind = "webinar" and n > 1', "");
    const ir = run(source + 'tier lead "Lead" otherwise\n').ir!;
    expect(ir.criteria[0]!.expr).toMatchObject({ where: { left: { left: { kind: "element", path: ["kind"] } }, right: { left: { kind: "field", path: ["n"] } } } });
  });

  it("folds a const expression as N of `at least N of LIST`", () => {
    const source = model(FIELDS, "const k = 2\ncriterion c \"C\" = at least k * 2 + 1 of activities");
    expect(run(source).ir!.criteria[0]!.expr).toMatchObject({ kind: "each", aggregate: "atLeast", n: 5 });
    expectAt(crit("at least n of activities"), "QUAL406", "n");
    expectAt(crit("at least -1 of activities"), "QUAL406", "-1");
  });

  it("has no upper bound on N over a list", () => {
    expect(errorCodes(crit("at least 99 of tags"))).toEqual([]);
  });

  it("rejects a source that is not a list (QUAL317)", () => {
    const d = expectAt(crit("count of email"), "QUAL317", "email");
    expect(d.message).toBe("`count of` goes over a list (a list field of the lead) or a named set, but `email` is text");
    expectAt(model(FIELDS, "let xs = tags\ncriterion c \"C\" = any of xs"), "QUAL317", "xs", 1);
  });

  it("asks which field when summing records (QUAL319)", () => {
    const d = expectAt(letOf("sum of deals"), "QUAL319", "deals");
    expect(d.message).toBe("the elements of `deals` are records; say which field `sum of` should use: `sum of deals.amount`");
    expect(expectAt(letOf("latest of activities"), "QUAL319", "activities").message).toContain("`latest of activities.at`");
  });

  it("rejects values of the wrong type (QUAL320)", () => {
    const d = expectAt(letOf("sum of tags"), "QUAL320", "tags");
    expect(d.message).toBe("`sum of` works on numbers, but `tags` is a list of text");
    expectAt(letOf("latest of nums"), "QUAL320", "nums");
    expectAt(letOf("max of deals.stage"), "QUAL320", "deals.stage");
    expect(errorCodes(letOf("avg of dates"))).toEqual(["QUAL320"]);
  });

  it("rejects a path into the elements with a yes/no or count aggregate (QUAL321)", () => {
    const d = expectAt(crit("(count of deals.amount) > 1"), "QUAL321", "deals.amount");
    expect(d.message).toBe(
      "`count of` looks at whole elements, so it goes over the list itself, not one of its fields: write `count of deals`, with `where` to choose elements (`count of deals where amount is present`)",
    );
    expectAt(crit("any of activities.kind"), "QUAL321", "activities.kind");
  });

  it("rejects `where` on a list that is not of records (QUAL322), once", () => {
    const source = crit('any of tags where tags = "x"');
    const d = expectAt(source, "QUAL322", 'tags = "x"');
    expect(d.message).toBe("`where` picks elements by their fields, but `tags` is a list of text, whose elements have no fields");
    expect(errorCodes(source)).toEqual(["QUAL322"]);
  });

  it("requires `where` to be yes/no (QUAL306)", () => {
    const d = expectAt(crit("any of deals where amount"), "QUAL306", "amount");
    expect(d.message).toBe("the `where` of `any of deals` must be a yes/no (bool) expression, but this is a number");
  });

  it("suggests the element's fields for an unknown name in `where` (QUAL217)", () => {
    const source = crit('any of activities where knd = "demo"');
    const d = expectAt(source, "QUAL217", "knd");
    expect(replacement(d)).toBe("kind");
    const member = expectAt(crit("sum of deals.amont > 1"), "QUAL217", "amont");
    expect(member.message).toBe("the elements of `deals` have no field `amont`");
    expect(replacement(member)).toBe("amount");
    expectAt(crit('any of activities where meta.sorce = "x"'), "QUAL211", "sorce");
  });

  it("falls back to the model's names in the suggestion when no element field is close", () => {
    const source = model(FIELDS, 'criterion c "C" = any of activities where emial = "x"');
    expect(replacement(expectAt(source, "QUAL217", "emial"))).toBe("email");
  });

  it("does not let element fields leak out of `where`", () => {
    expectAt(crit('(any of activities) and kind = "x"'), "QUAL210", "kind");
  });

  it("reports an unknown source once, not the names of its `where`", () => {
    const source = crit('any of activites where kind = "x"');
    expect(errorCodes(source)).toEqual(["QUAL210"]);
    expect(replacement(expectAt(source, "QUAL210", "activites"))).toBe("activities");
  });

  it("rejects a dotted path beyond a list's elements (QUAL212)", () => {
    expectAt(letOf("sum of activities.attendees.role"), "QUAL212", "role");
    expectAt(crit("deals.amount > 1"), "QUAL212", "amount");
  });

  it("treats aggregates as not known at compile time in consts", () => {
    expectAt(model(FIELDS, "const k = count of tags"), "QUAL215", "count of tags");
  });
});

describe("references and symbols of element fields", () => {
  it("gives element fields symbols named after their list", () => {
    const result = run(crit('any of activities where kind = "x"'));
    const kind = result.symbols.find((s) => s.name === "activities.kind");
    expect(kind).toMatchObject({ kind: "field", type: TEXT });
    expect(result.symbols.find((s) => s.name === "activities.meta.source")).toMatchObject({ kind: "field" });
    expect(result.symbols.find((s) => s.name === "activities.attendees.role")).toMatchObject({ kind: "field" });
    expect(result.symbols.find((s) => s.name === "company.contacts.email")).toMatchObject({ kind: "field" });
  });

  it("refers a bare element name to its field, with the list as the unwritten prefix", () => {
    const source = crit('any of activities where kind = "x" and meta.source = "y"');
    const refs = run(source).references;
    expect(refs).toContainEqual({ name: "activities", range: rangeOf(source, "activities", 1) });
    expect(refs).toContainEqual({ name: "activities.kind", range: rangeOf(source, "kind", 1), implicit: "activities" });
    expect(refs).toContainEqual({ name: "activities.meta", range: rangeOf(source, "meta", 1), implicit: "activities" });
    expect(refs).toContainEqual({ name: "activities.meta.source", range: rangeOf(source, "meta.source"), implicit: "activities" });
  });

  it("refers a written element path (`deals.amount`) like a record path", () => {
    const source = letOf("sum of deals.amount");
    const refs = run(source).references;
    expect(refs).toContainEqual({ name: "deals", range: rangeOf(source, "deals", 1) });
    expect(refs).toContainEqual({ name: "deals.amount", range: rangeOf(source, "deals.amount") });
  });

  it("counts a list used through an aggregate as used", () => {
    const source = model("  tags: list of text\n  other: list of { x: number }", 'criterion c "C" = any of tags');
    const warnings = run(source).diagnostics.filter((d) => d.code === "QUAL220");
    expect(warnings.map((d) => d.message)).toEqual(["the input field `other` is never used by any rule"]);
  });
});

describe("text against lists", () => {
  it.each<[string, unknown]>([
    ['email ends with any of ["@gmail.com", "@yahoo.com"]', { kind: "endsWith", affix: { kind: "literal", value: ["@gmail.com", "@yahoo.com"], type: { kind: "list", element: TEXT } } }],
    ["email starts with any of tags", { kind: "startsWith", text: { path: ["email"] }, affix: { kind: "field", path: ["tags"] } }],
    ['email contains any of ["x", "y"]', { kind: "contains", container: { type: TEXT }, item: { value: ["x", "y"] } }],
    ['tags contains any of ["x"]', { kind: "contains", container: { type: { kind: "list", element: TEXT } }, item: { value: ["x"] } }],
    ["email ends with any of []", { kind: "endsWith", affix: { value: [] } }],
  ])("lowers `%s`", (expr, shape) => {
    expect(lower(expr)).toMatchObject(shape as object);
  });

  it("uses lists of consts wherever a list literal goes", () => {
    const source = model(FIELDS, 'const free_mail = ["@gmail.com"]\ncriterion c "C" = email ends with any of free_mail');
    expect(run(source).ir!.criteria[0]!.expr).toMatchObject({ kind: "endsWith", affix: { kind: "literal", value: ["@gmail.com"] } });
  });

  it.each([
    ['n starts with any of ["a"]', "n", "works on text"],
    ['email ends with any of "@x"', '"@x"', "for one text, use `ends with`"],
    ["email ends with any of nums", "nums", "needs a list of texts"],
    ['nums contains any of "x"', '"x"', "needs a list on its right; for one value, use `contains`"],
    ['n contains any of ["x"]', "n", "looks inside a list or a text"],
    ['email ends with ["a", "b"]', '["a", "b"]', "to test several, use `ends with any of`"],
    ['email contains ["a", "b"]', '["a", "b"]', "use `contains any of`"],
  ])("rejects `%s` with QUAL301 at `%s`", (expr, culprit, text) => {
    const d = expectAt(crit(expr), "QUAL301", culprit);
    expect(d.message).toContain(text);
  });

  it("compares element types of two lists (QUAL302) and checks choices", () => {
    expectAt(crit("nums contains any of tags"), "QUAL302", "nums contains any of tags");
    const source = model('  plans: list of one of ("free", "pro")', 'criterion c "C" = plans contains any of ["Pro", "gold"]');
    expectAt(source, "QUAL303", '"gold"');
    expect(run(model('  plans: list of one of ("free", "pro")', 'criterion c "C" = plans contains any of ["PRO"]')).ir!.criteria[0]!.expr).toMatchObject({
      item: { value: ["pro"] },
    });
  });
});

describe("matches any of", () => {
  it("lowers to a balanced `or` of `matches`", () => {
    const ir = lower('email matches any of ["^a", "^b", "^c"]');
    expect(ir).toMatchObject({
      kind: "or",
      left: { kind: "or", left: { kind: "matches", pattern: "^a" }, right: { kind: "matches", pattern: "^b" } },
      right: { kind: "matches", pattern: "^c", text: { kind: "field", path: ["email"] } },
    });
    expect(lower('email matches any of ["^a"]')).toMatchObject({ kind: "matches", pattern: "^a" });
  });

  it("accepts a const list of patterns", () => {
    const source = model(FIELDS, 'const patterns = ["^ceo", "chief"]\ncriterion c "C" = email matches any of patterns');
    expect(run(source).ir!.criteria[0]!.expr).toMatchObject({ kind: "or", left: { pattern: "^ceo" }, right: { pattern: "chief" } });
  });

  it("checks each pattern at the offending text of the list (QUAL554)", () => {
    const source = crit('email matches any of ["^ok", "(a)\\\\1"]');
    const d = run(source).diagnostics.filter((x) => x.code === "QUAL554");
    expect(d).toHaveLength(1);
    const literal = rangeOf(source, '"(a)\\\\1"');
    expect(d[0]!.range.start.offset).toBeGreaterThan(literal.start.offset);
    expect(d[0]!.range.end.offset).toBeLessThan(literal.end.offset);
  });

  it("reports an unsafe pattern of a const once, in the const, however often it is used", () => {
    const source = model(FIELDS, 'const p = ["[bad"]\ncriterion c "C" = email matches any of p\ncriterion d "D" = email matches any of p');
    expectAt(source, "QUAL550", '"[bad"');
  });

  it("rejects patterns not known at compile time (QUAL325)", () => {
    const d = expectAt(crit("email matches any of tags"), "QUAL325", "tags");
    expect(d.message).toBe(
      "the patterns of `matches any of` must be known when the model is compiled (a list of texts, or a const holding one), but this uses the input field `tags`",
    );
  });

  it("rejects an empty pattern list (QUAL326) and a list that is not of texts (QUAL301)", () => {
    expectAt(crit("email matches any of []"), "QUAL326", "[]");
    expectAt(crit("email matches any of [1, 2]"), "QUAL301", "[1, 2]");
    expectAt(crit('n matches any of ["a"]'), "QUAL301", "n");
  });
});

describe("new functions", () => {
  it.each<[string, unknown]>([
    ["domain(email)", { kind: "call", fn: "domain", type: TEXT }],
    ['trim(" a ")', { kind: "call", fn: "trim", type: TEXT }],
    ["length(email)", { kind: "call", fn: "length", type: NUMBER }],
    ["length(tags)", { kind: "call", fn: "length", args: [{ type: { kind: "list", element: TEXT } }], type: NUMBER }],
  ])("types `%s`", (expr, shape) => {
    expect(lower(expr)).toMatchObject(shape as object);
  });

  it("rejects wrong arguments (QUAL310, QUAL309)", () => {
    expect(expectAt(letOf("length(n)"), "QUAL310", "n").message).toBe("the first argument of `length` must be text or a list, but it is a number");
    expectAt(letOf("domain(n)"), "QUAL310", "n");
    expectAt(letOf("trim()"), "QUAL309", "trim()");
  });
});

describe("where the condition of `where` ends (grammar/reference.md)", () => {
  it("takes a comparison into the condition, and a second comparison compares the aggregate", () => {
    const inner = lower("count of activities where pages >= 3");
    expect(inner).toMatchObject({ kind: "each", aggregate: "count", where: { kind: "compare", op: ">=" } });
    const outer = lower('count of activities where kind = "webinar" >= 3');
    expect(outer).toMatchObject({ kind: "compare", op: ">=", left: { kind: "each", aggregate: "count", where: { kind: "compare", op: "=" } } });
    const both = lower('count of activities where pages >= 3 and kind = "webinar" > 1');
    expect(both).toMatchObject({ kind: "compare", op: ">", left: { kind: "each", where: { kind: "and" } } });
  });
});
