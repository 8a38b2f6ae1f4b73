import { describe, expect, it } from "vitest";
import type { Declaration, Model } from "../../src/ast.js";
import { analyze } from "../../src/analyze.js";
import { createIncrementalParser } from "../../src/parser/incremental-parser.js";
import { parse, parseExpression } from "../../src/parser/parse.js";
import { sexpr } from "./sexpr.js";

function shape(text: string): string {
  const result = parseExpression(text);
  expect(result.diagnostics, text).toEqual([]);
  return sexpr(result.expr);
}

function model(text: string): Model {
  const result = parse(text);
  expect(result.diagnostics, text).toEqual([]);
  return result.ast;
}

function declarations(text: string): readonly Declaration[] {
  return model(`model m "M"\n${text}`).declarations;
}

/** Each diagnostic as `CODE line:column-endColumn message`. */
function problems(text: string): string[] {
  return parse(text).diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}-${d.range.end.column} ${d.message}`);
}

function columns(node: { range: { start: { column: number }; end: { column: number } } } | undefined): [number, number] | undefined {
  return node === undefined ? undefined : [node.range.start.column, node.range.end.column];
}

describe("aggregates over lists and sets", () => {
  it.each([
    ['count of activities where kind = "webinar" and at within 30 days', '(count of activities where (and (= kind "webinar") (within at 30)))'],
    ['(count of activities where kind = "webinar") >= 2', '(>= {(count of activities where (= kind "webinar"))} 2)'],
    ['any of activities where kind = "demo"', '(any of activities where (= kind "demo"))'],
    ["all of deals where amount > 0", "(all of deals where (> amount 0))"],
    ["none of deals where stage = lost", "(none of deals where (= stage lost))"],
    ['sum of deals.amount where stage = "won"', '(sum of deals.amount where (= stage "won"))'],
    ["avg of deals.amount", "(avg of deals.amount)"],
    ["min of deals.amount", "(min of deals.amount)"],
    ["max of activities.at", "(max of activities.at)"],
    ['latest of activities.at where kind = "demo"', '(latest of activities.at where (= kind "demo"))'],
    ["earliest of activities.at", "(earliest of activities.at)"],
    ["at least 3 of activities where at within 7 days", "(atLeast 3 of activities where (within at 7))"],
    ["at least 5 of meddic", "(atLeast 5 of meddic)"],
    ["at least n + 1 of meddic", "(atLeast (+ n 1) of meddic)"],
    ["count of company.contacts", "(count of company.contacts)"],
  ])("reads %j", (text, expected) => {
    expect(shape(text)).toBe(expected);
  });

  it.each([
    // Without `where` an aggregate is a primary and binds tightly.
    ["sum of deals.amount > 1000", "(> (sum of deals.amount) 1000)"],
    ["count of tags + 1", "(+ (count of tags) 1)"],
    // With `where`, the condition is a whole expression and extends as far as possible.
    ["count of a where x >= 2", "(count of a where (>= x 2))"],
    ["count of a where x or y", "(count of a where (or x y))"],
    ["any of a where any of b where x", "(any of a where (any of b where x))"],
    ["if count of a where x then 1 else 2", "(if (count of a where x) 1 2)"],
    ["f(count of a where x, 2)", "(call f (count of a where x) 2)"],
    ["not any of a where x", "(not (any of a where x))"],
  ])("reads %j with `where` extending as far as possible", (text, expected) => {
    expect(shape(text)).toBe(expected);
  });

  it.each([
    ["count of (a, b)", "(count a b)"],
    ["at least 2 of (a, b, c)", "(atLeast 2 a b c)"],
    ["min(a, b)", "(call min a b)"],
    ["at least min of (a, b)", "(atLeast min a b)"],
    ["sum + avg * latest - earliest", "(- (+ sum (* avg latest)) earliest)"],
    ["where = set", "(= where set)"],
    ["sum(x)", "(call sum x)"],
    ["count of where where where", "(count of where where where)"],
  ])("keeps the Qual 1 reading and the soft keywords as names: %j", (text, expected) => {
    expect(shape(text)).toBe(expected);
  });

  it("gives the aggregate, its source and its condition their ranges", () => {
    const { expr } = parseExpression('sum of deals.amount where stage = "won"');
    expect(expr?.kind).toBe("AggregateExpr");
    if (expr?.kind !== "AggregateExpr") return;
    expect(columns(expr)).toEqual([1, 40]);
    expect(columns(expr.source)).toEqual([8, 20]);
    expect(expr.source?.parts.map(columns)).toEqual([
      [8, 13],
      [14, 20],
    ]);
    expect(columns(expr.where)).toEqual([27, 40]);
    const atLeast = parseExpression("at least 3 of meddic").expr;
    expect(atLeast?.kind === "AggregateExpr" && [columns(atLeast), columns(atLeast.n), columns(atLeast.source)]).toEqual([
      [1, 21],
      [10, 11],
      [15, 21],
    ]);
  });

  it("says what `of` needs", () => {
    expect(problems('model m "M"\nlet a = count of 5')).toEqual([
      "QUAL110 2:18-19 Expected items in parentheses (`count of (a, b)`) or the name of a list or set (`count of activities`) after `of` but found `5`",
    ]);
    expect(problems('model m "M"\nlet a = sum of (x, y)')).toEqual([
      "QUAL110 2:13-15 `sum of` takes the name of a list, not items in parentheses: `sum of deals.amount`",
    ]);
    expect(problems('model m "M"\nlet a = latest of')[0]).toContain("Expected the name of a list after `of`");
    expect(problems('model m "M"\nlet a = count of a where')[0]).toMatch(/^QUAL111 2:20-25 Expected an expression after `where`/);
  });
});

describe("set declarations", () => {
  it("reads a set with and without a label, with ranges", () => {
    const [labelled, bare] = declarations('set meddic "MEDDIC" = (metrics, economic_buyer, champion)\nset s = (a)');
    expect(labelled?.kind).toBe("SetDecl");
    if (labelled?.kind !== "SetDecl" || bare?.kind !== "SetDecl") return;
    expect(labelled.name.name).toBe("meddic");
    expect(labelled.label?.value).toBe("MEDDIC");
    expect(labelled.items.map(sexpr)).toEqual(["metrics", "economic_buyer", "champion"]);
    expect([labelled.range.start.line, ...(columns(labelled) ?? [])]).toEqual([2, 1, 58]);
    expect(columns(labelled.name)).toEqual([5, 11]);
    expect(labelled.items.map(columns)).toEqual([
      [24, 31],
      [33, 47],
      [49, 57],
    ]);
    expect(bare.label).toBeUndefined();
    expect(bare.items.map(sexpr)).toEqual(["a"]);
  });

  it("takes any yes/no expressions as items", () => {
    const [set] = declarations("set s = (a and b, x > 1, count of (c, d) >= 1)");
    expect(set?.kind === "SetDecl" && set.items.map(sexpr)).toEqual(["(and a b)", "(> x 1)", "(>= (count c d) 1)"]);
  });

  it("keeps `set` a name everywhere else: fields, values, criteria, aggregate sources", () => {
    const ast = model(
      'model m "M"\ninput {\n  set: number\n  settings: text\n}\nlet set_size = set + 1\nconst set2 = set\ncriterion c = count of set where "a" = settings\nset s = (c)\ntier t otherwise\n',
    );
    expect(ast.input?.fields.map((f) => f.name.name)).toEqual(["set", "settings"]);
    expect(ast.declarations.map((d) => d.kind)).toEqual(["LetDecl", "ConstDecl", "CriterionDecl", "SetDecl", "TierDecl"]);
    const criterion = ast.declarations[2];
    expect(criterion?.kind === "CriterionDecl" && sexpr(criterion.condition)).toBe('(count of set where (= "a" settings))');
  });

  it("cuts the tokens at a set, so a broken declaration before it does not hide it", () => {
    const result = parse('model m "M"\nlet a = (1 +\nset s "S" = (x, y)\ncriterion c = x\n');
    expect(result.ast.declarations.map((d) => d.kind)).toEqual(["LetDecl", "SetDecl", "CriterionDecl"]);
    expect(result.diagnostics.map((d) => d.range.start.line)).toEqual([2]);
  });

  it("reports a broken set", () => {
    expect(problems('model m "M"\nset s = a, b')[0]).toMatch(/^QUAL110 2:9-10 Expected `\(`/);
    expect(problems('model m "M"\nset "S" = (a)')[0]).toMatch(/^QUAL110 2:5-8 /);
    expect(problems('hello\nset s = (a)')[0]).toBe(
      "QUAL112 1:1-6 Expected a declaration (model, input, set, const, let, criterion, score, disqualify or tier) but found `hello`",
    );
  });
});

describe("score bounds as const expressions", () => {
  function bounds(text: string): string[] {
    const [group] = declarations(text);
    return group?.kind === "ScoreGroupDecl" ? group.bounds.map((b) => `${b.which} ${sexpr(b.value)}`) : [];
  }

  it.each([
    ['score fit "Fit" max 60 min 0 { "a": 1 }', ["max 60", "min 0"]],
    ['score fit "Fit" max fit_cap { "a": 1 }', ["max fit_cap"]],
    ['score fit "Fit" min -10 max fit_cap + 5 { }', ["min (- 10)", "max (+ fit_cap 5)"]],
    ["score fit max (a + b) * 2 min min {}", ["max (* {(+ a b)} 2)", "min min"]],
    ["score fit max caps.fit min 0 {}", ["max caps.fit", "min 0"]],
  ])("reads %j", (text, expected) => {
    expect(bounds(text)).toEqual(expected);
  });

  it("gives a bound and its value ranges", () => {
    const [group] = declarations('score fit "Fit" max fit_cap + 5 { }');
    const bound = group?.kind === "ScoreGroupDecl" ? group.bounds[0] : undefined;
    expect([columns(bound), columns(bound?.value)]).toEqual([
      [17, 32],
      [21, 32],
    ]);
  });

  it("asks for a number after a bare bound", () => {
    expect(problems('model m "M"\nscore s "S" max {}')).toEqual(["QUAL110 2:17-18 Expected a number after `max` (`max 60`, `min -10`, `max fit_cap`) but found `{`"]);
  });
});

describe("text against lists", () => {
  it.each([
    ["email ends with any of free_mail", "(ends with any of email free_mail)"],
    ['email starts with any of ["ceo", "cfo"]', '(starts with any of email ["ceo" "cfo"])'],
    ["tags contains any of wanted_tags", "(contains any of tags wanted_tags)"],
    ['title contains any of lower_words ?? ["x"]', '(contains any of title (?? lower_words ["x"]))'],
    ['role matches any of ["^c.o$", "^vp"]', '(matches any of role ["^c.o$" "^vp"])'],
    ["role matches any of patterns", "(matches any of role patterns)"],
    ["role matches any of config.patterns and x", "(and (matches any of role config.patterns) x)"],
    // `any of (` is the quantifier, as everywhere.
    ["flags contains any of (a, b)", "(contains flags (any a b))"],
    ['role matches "^vp"', '(matches role "^vp")'],
  ])("reads %j", (text, expected) => {
    expect(shape(text)).toBe(expected);
  });

  it("gives the test the range from its operand to its list", () => {
    const { expr } = parseExpression("email ends with any of free_mail");
    expect([columns(expr), expr?.kind === "BinaryExpr" ? columns(expr.right) : undefined]).toEqual([
      [1, 33],
      [24, 33],
    ]);
    const matches = parseExpression('role matches any of ["a"]').expr;
    expect(matches?.kind === "MatchesExpr" && [columns(matches), columns(matches.anyOf), matches.pattern]).toEqual([[1, 26], [21, 26], undefined]);
  });

  it("says what `matches` needs", () => {
    expect(problems('model m "M"\ncriterion c = x matches any of 5')).toEqual([
      'QUAL110 2:32-33 Expected a list after `matches any of` (`["^ceo", "^cfo"]` or the name of a const) but found `5`',
    ]);
  });
});

describe("diagnostics for newcomers", () => {
  it.each([
    ["a == b", "(= a b)", ["QUAL122 1:3-5 Qual compares with a single `=`: write `=` instead of `==`"]],
    ["a && b", "(and a b)", ["QUAL122 1:3-5 Qual writes `and`: use `and` instead of `&&`"]],
    ["a || b && c", "(or a (and b c))", ["QUAL122 1:3-5 Qual writes `or`: use `or` instead of `||`", "QUAL122 1:8-10 Qual writes `and`: use `and` instead of `&&`"]],
    ["email ends with @ourco.example", '(ends with email "@ourco.example")', ['QUAL123 1:17-31 Text values are written in double quotes: "@ourco.example"']],
    ["email ends with @my-co.co.uk or x", '(or (ends with email "@my-co.co.uk") x)', ['QUAL123 1:17-29 Text values are written in double quotes: "@my-co.co.uk"']],
  ])("reads %j on, as %s, with one diagnostic that says the fix", (text, expected, diagnostics) => {
    const result = parseExpression(text);
    expect(sexpr(result.expr)).toBe(expected);
    expect(result.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}-${d.range.end.column} ${d.message}`)).toEqual(diagnostics);
  });

  it("keeps a lone `@` an unknown character", () => {
    expect(parseExpression("a @ b").diagnostics.map((d) => d.code)).toContain("QUAL101");
  });

  it("reads bare choices of `one of` as texts, with one diagnostic", () => {
    const result = parse('model m "M"\ninput {\n  level: one of (low, "mid", high)?\n}\n');
    expect(result.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}-${d.range.end.column} ${d.message}`)).toEqual([
      'QUAL123 3:18-34 Text values are written in double quotes: "low", "high"',
    ]);
    const type = result.ast.input?.fields[0]?.type;
    expect(type?.kind === "OneOfType" && type.options.map((o) => [o.value, ...(columns(o) ?? [])])).toEqual([
      ["low", 18, 21],
      ["mid", 23, 28],
      ["high", 30, 34],
    ]);
    expect(result.ast.input?.fields[0]?.optional).toBe(true);
  });

  it("reads bare words in the default of a text field as texts, and says a default is a literal elsewhere", () => {
    const result = parse('model m "M"\ninput {\n  tags: list of text = [software, fintech]\n  kind: text = lead\n  n: number = x\n}\n');
    expect(result.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}-${d.range.end.column} ${d.message}`)).toEqual([
      'QUAL123 3:25-42 Text values are written in double quotes: "software", "fintech"',
      'QUAL123 4:16-20 Text values are written in double quotes: "lead"',
      "QUAL117 5:15-16 A default must be a literal value (a number, a text in double quotes, true, false, a date or a list of these), not the name `x`",
    ]);
    const [tags, kind, n] = result.ast.input?.fields ?? [];
    expect(sexpr(tags?.default)).toBe('["software" "fintech"]');
    expect(sexpr(kind?.default)).toBe('"lead"');
    expect(n?.default).toBeUndefined();
  });

  it("never reads the next field as a default", () => {
    const result = parse('model m "M"\ninput {\n  a: text =\n  b: number\n}\n');
    expect(result.ast.input?.fields.map((f) => f.name.name)).toEqual(["a", "b"]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["QUAL117"]);
  });

  it("reports `one of (low, high)?` once, without the checker's follow-on about an empty list of choices", () => {
    const text = 'model m "M"\ninput {\n  level: one of (low, high)?\n}\ncriterion c "C" = level = "low"\ntier t "T" otherwise\n';
    expect(analyze(text).diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}`)).toEqual(["QUAL123 3:18"]);
    const none = 'model m "M"\ninput {\n  level: one of (1, 2)?\n}\ncriterion c "C" = level = "low"\ntier t "T" otherwise\n';
    expect(analyze(none).diagnostics.map((d) => d.code)).toEqual(["QUAL110"]);
  });
});

describe("the incremental parser on Qual 2 syntax", () => {
  it("gives what parse gives while a set and an aggregate are typed", () => {
    const final = 'model m "M"\nset meddic "MEDDIC" = (a, b)\ncriterion c = (count of activities where kind = "webinar") >= 2\nscore s max cap + 5 { "x": 1 when email ends with any of free }\n';
    const parser = createIncrementalParser();
    for (let i = 0; i <= final.length; i += 3) {
      const text = final.slice(0, i);
      expect(JSON.stringify(parser.parse(text))).toBe(JSON.stringify(parse(text)));
    }
  });
});
