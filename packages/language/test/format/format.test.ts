import { existsSync, readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as A from "../../src/ast.js";
import { analyze } from "../../src/analyze.js";
import { format, printModel } from "../../src/format/format.js";
import { printExpression } from "../../src/format/print-expression.js";
import { lex } from "../../src/lexer/lexer.js";
import { PositionMapper } from "../../src/lexer/positions.js";
import { parse, parseExpression } from "../../src/parser/parse.js";
import { exprArb, longModelArb, modelArb, NO_RANGE, qual2ModelArb } from "../arbitraries/model.js";
import { printSource } from "../arbitraries/print-source.js";
import { stripRanges } from "../arbitraries/strip.js";

const fixturesDir = new URL("../parser/fixtures/", import.meta.url);
const examplesDir = new URL("../../../../examples/", import.meta.url);
const samples = ["bant.qual", "inbound.qual"].map((name) => [name, readFileSync(new URL(name, fixturesDir), "utf8")] as const);
const examples = existsSync(examplesDir)
  ? readdirSync(examplesDir)
      .filter((name) => name.endsWith(".qual"))
      .map((name) => [name, readFileSync(new URL(name, examplesDir), "utf8")] as const)
  : [];

function formatted(text: string): string {
  const result = format(text);
  expect(result.diagnostics, text).toEqual([]);
  return result.text as string;
}

describe("format on real models", () => {
  it.each([...samples, ...examples])("is idempotent and keeps the meaning of %s", (_name, text) => {
    const once = formatted(text);
    expect(formatted(once)).toBe(once);
    expect(stripRanges(parse(once).ast)).toEqual(stripRanges(parse(text).ast));
  });

  it("keeps every comment of the samples", () => {
    for (const [, text] of samples) {
      const before = parse(text).ast.comments.map((c) => c.text);
      expect(parse(formatted(text)).ast.comments.map((c) => c.text)).toEqual(before);
    }
  });
});

describe("the canonical layout", () => {
  it("puts the model line first, blank lines between kinds, and aligns doc strings", () => {
    const text = `model   m  "M"   input{a:number? "Doc a" long_name : list of text "Doc b" c: bool = false}
const x=1 const y = [1,2]
criterion c1 "One"=a>1 criterion second = a < 2`;
    expect(formatted(text)).toBe(`model m "M"

input {
  a: number?              "Doc a"
  long_name: list of text "Doc b"
  c: bool = false
}

const x = 1
const y = [1, 2]

criterion c1     "One" = a > 1
criterion second       = a < 2
`);
  });

  it("aligns score rule points and puts each score group apart", () => {
    const text = `model m "M"
score fit "Fit" max 60 min 0 { "Big": +20 when size > 100 "Tiny company": -5 when size < 5 "Base": 1 }
score total "Total" = fit`;
    expect(formatted(text)).toBe(`model m "M"

score fit "Fit" max 60 min 0 {
  "Big":          +20 when size > 100
  "Tiny company": -5 when size < 5
  "Base":         1
}

score total "Total" = fit
`);
  });

  it("aligns tier names and labels", () => {
    expect(formatted('model m "M"\ntier sql "Sales qualified" when a\ntier lead "Lead" otherwise')).toBe(
      'model m "M"\n\ntier sql  "Sales qualified" when a\ntier lead "Lead"            otherwise\n',
    );
  });

  it("writes nested records over several lines", () => {
    expect(formatted('model m "M"\ninput { company: { employees: number? country: text? }? "Doc" }')).toBe(
      'model m "M"\n\ninput {\n  company: {\n    employees: number?\n    country: text?\n  }? "Doc"\n}\n',
    );
  });

  it("re-escapes strings and keeps numbers as written", () => {
    expect(formatted('model m "M"\nconst s = "a\\"b\\\\c\\n\\td"\nconst n = 10_000 + 2.50')).toBe(
      'model m "M"\n\nconst s = "a\\"b\\\\c\\n\\td"\nconst n = 10_000 + 2.50\n',
    );
  });

  it("keeps parentheses as written and normalises spacing in expressions", () => {
    expect(formatted('model m "M"\nlet v = ( a+b )*c\nlet w = not(x)and y')).toBe('model m "M"\n\nlet v = (a + b) * c\nlet w = not (x) and y\n');
  });

  it("keeps a blank line the author left between items of the same kind, but only one", () => {
    expect(formatted('model m "M"\nconst a = 1\n\n\n\nconst b = 2\nconst c = 3')).toBe('model m "M"\n\nconst a = 1\n\nconst b = 2\nconst c = 3\n');
  });
});

describe("the canonical layout of Qual 2", () => {
  it("writes set declarations on one line and aligns runs of them like criteria", () => {
    const text = 'model m "M"\nset meddic "MEDDIC" = ( a,b ,\n  c )\nset quick=(a)\ncriterion q = at least 2 of meddic';
    expect(formatted(text)).toBe('model m "M"\n\nset meddic "MEDDIC" = (a, b, c)\nset quick           = (a)\n\ncriterion q = at least 2 of meddic\n');
  });

  it("prints score bounds that are const expressions", () => {
    const text = 'model m "M"\nconst cap = 50\nscore s "S" min -10 max cap+5*2 { "R": 1 }\nscore t max (cap ?? 1) min cap {}';
    expect(formatted(text)).toBe(
      'model m "M"\n\nconst cap = 50\n\nscore s "S" min -10 max cap + 5 * 2 {\n  "R": 1\n}\n\nscore t max (cap ?? 1) min cap {\n}\n',
    );
  });

  it("keeps the parentheses an aggregate with `where` needs and brackets one that is an operand, like `if`", () => {
    const text = `model m "M"
criterion fan = ( count of activities where kind="webinar" and at within 30 days )>=2
score won = sum of deals.amount where stage="won"
let last = latest of activities.at
criterion big = sum of deals.amount > 1000 and at least 3 of activities where at within 7 days
criterion nested = any of activities where any of attendees where role = "CEO"`;
    expect(formatted(text)).toBe(`model m "M"

criterion fan = (count of activities where kind = "webinar" and at within 30 days) >= 2

score won = sum of deals.amount where stage = "won"

let last = latest of activities.at

criterion big    = sum of deals.amount > 1000 and (at least 3 of activities where at within 7 days)
criterion nested = any of activities where any of attendees where role = "CEO"
`);
  });

  it("prints the `any of` tests and `matches any of`", () => {
    const text = `model m "M"
const free = ["@gmail.com","@yahoo.com"]
disqualify "Free mail" when email ends with any of free
criterion exec = title starts with any of ["chief" ,"vp"] or title matches any of ["^c[efort]o\\\\b"]
criterion pains = pains contains any of [ "churn" ] and tags contains any of (a, b)`;
    expect(formatted(text)).toBe(`model m "M"

const free = ["@gmail.com", "@yahoo.com"]

disqualify "Free mail" when email ends with any of free

criterion exec  = title starts with any of ["chief", "vp"] or title matches any of ["^c[efort]o\\\\b"]
criterion pains = pains contains any of ["churn"] and tags contains any of (a, b)
`);
  });
});

const n = (raw: string): A.Expr => ({ kind: "NumberLiteral", value: Number(raw), raw, range: NO_RANGE });
const ref = (...parts: string[]): A.NameRef => ({ kind: "NameRef", parts: parts.map((name) => ({ kind: "Identifier", name, range: NO_RANGE })), range: NO_RANGE });
const bin = (op: A.BinaryOp, left: A.Expr, right: A.Expr): A.Expr => ({ kind: "BinaryExpr", op, left, right, range: NO_RANGE });
const agg = (aggregate: A.AggregateWord, source: A.NameRef, where?: A.Expr, count?: A.Expr): A.Expr => ({
  kind: "AggregateExpr",
  aggregate,
  source,
  ...(where === undefined ? {} : { where }),
  ...(count === undefined ? {} : { n: count }),
  range: NO_RANGE,
});
const ifExpr = (condition: A.Expr, then: A.Expr, otherwise: A.Expr): A.Expr => ({ kind: "IfExpr", condition, then, else: otherwise, range: NO_RANGE });

describe("printing Qual 2 trees built without parentheses", () => {
  it.each<[string, A.Expr, string]>([
    ["brackets an aggregate with `where` as an operand", bin(">=", agg("count", ref("a"), ref("x")), n("2")), "(count of a where x) >= 2"],
    ["brackets an aggregate with `where` on the left of `and`", bin("and", agg("any", ref("a"), ref("x")), ref("y")), "(any of a where x) and y"],
    ["leaves an aggregate without `where` bare", bin(">", agg("sum", ref("d", "amount")), n("1000")), "sum of d.amount > 1000"],
    ["brackets an aggregate with `where` that is an operand inside another's `where`", agg("count", ref("a"), bin("and", ref("x"), agg("any", ref("b"), ref("y")))), "count of a where x and (any of b where y)"],
    ["leaves an aggregate with `where` bare where a whole expression goes", agg("any", ref("a"), agg("any", ref("b"), ref("y"))), "any of a where any of b where y"],
    ["brackets `any of LIST` after `contains`, which would otherwise join the operator", bin("contains", ref("tags"), agg("any", ref("l"))), "tags contains (any of l)"],
    ["brackets a test after `starts with` that starts with `any of LIST`", bin("starts with", ref("t"), bin("??", agg("any", ref("l")), ref("z"))), "t starts with (any of l ?? z)"],
    ["brackets N of `at least N of LIST` that ends in an aggregate word", agg("atLeast", ref("a"), undefined, ref("sum")), "at least (sum) of a"],
    ["leaves a dotted N bare", agg("atLeast", ref("a"), undefined, ref("x", "latest")), "at least x.latest of a"],
    ["leaves an `if` bare after `ends with any of` when nothing follows", bin("ends with any of", ref("t"), ifExpr(ref("c"), ref("l"), ref("m"))), "t ends with any of if c then l else m"],
    [
      "brackets the whole `any of` test when something follows its open list",
      bin("or", bin("contains any of", ref("t"), agg("all", ref("l"), ref("w"))), ref("y")),
      "(t contains any of all of l where w) or y",
    ],
    [
      "drops parentheses around the list after `any of`, which would make the quantifier",
      bin("contains any of", ref("t"), { kind: "ParenExpr", inner: ref("l"), range: NO_RANGE }),
      "t contains any of l",
    ],
  ])("%s", (_name, expr, text) => {
    expect(printExpression(expr)).toBe(text);
    const result = parseExpression(text);
    expect(result.diagnostics, text).toEqual([]);
    expect(stripRanges(result.expr)).toEqual(stripRanges(expr));
  });

  it("prints a bound whose value was lost to a syntax error as its word alone", () => {
    const model: A.Model = {
      kind: "Model",
      id: { kind: "Identifier", name: "m", range: NO_RANGE },
      declarations: [{ kind: "ScoreGroupDecl", name: { kind: "Identifier", name: "s", range: NO_RANGE }, bounds: [{ kind: "Bound", which: "max", range: NO_RANGE }], rules: [], range: NO_RANGE }],
      comments: [],
      range: NO_RANGE,
    };
    expect(printModel(model)).toBe("model m\n\nscore s max {\n}\n");
  });
});

describe("the line width", () => {
  it("breaks a long condition before `and`/`or` at the outermost level first, operators at the start of lines two spaces in", () => {
    const text = 'model m "M"\ncriterion long = (plan = "enterprise_edition" or plan = "business_edition" or plan = "team") and employees >= 50 and country in ["US", "CA"]';
    expect(formatted(text)).toBe(
      'model m "M"\n\ncriterion long = (plan = "enterprise_edition" or plan = "business_edition" or plan = "team")\n  and employees >= 50\n  and country in ["US", "CA"]\n',
    );
  });

  it("then breaks inside parentheses and lists, one item per line with the closing bracket aligned", () => {
    const names = Array.from({ length: 12 }, (_, i) => `"country_${i}"`);
    const text = `model m "M"\ncriterion c = (plan = "enterprise_edition_with_support" or plan = "business_edition_with_support_and_more") and country in [${names.join(", ")}]`;
    expect(formatted(text)).toBe(
      `model m "M"\n\ncriterion c = (\n  plan = "enterprise_edition_with_support"\n  or plan = "business_edition_with_support_and_more"\n)\n  and country in [\n    ${names.join(",\n    ")}\n  ]\n`,
    );
  });

  it("moves a rule's `when` to a line of its own only when breaking its condition is not enough", () => {
    const text = `model m "M"\nscore s {\n  "A rule with a long label to push the condition right": 10 when some_long_function_name(company.annual_revenue_usd) >= 1000\n}`;
    expect(formatted(text)).toBe(
      'model m "M"\n\nscore s {\n  "A rule with a long label to push the condition right": 10\n    when some_long_function_name(company.annual_revenue_usd) >= 1000\n}\n',
    );
  });

  it("keeps a string longer than the line on one line", () => {
    const long = "x".repeat(120);
    expect(formatted(`model m "M"\nconst s = "${long}"`)).toBe(`model m "M"\n\nconst s = "${long}"\n`);
  });
});

describe("comments", () => {
  it("keeps the header comment on top, leading comments above and trailing comments on their line", () => {
    const text = `# Header of the file
model m "M" # the model
input { # fields
  # the budget
  budget: number? "Budget"   # trailing field comment
  # last in block
}
# about a
const a = 1 # one
score s "S" {
  # about the rule
  "R": 5 # five
}
# the end`;
    expect(formatted(text)).toBe(`# Header of the file
model m "M" # the model

input { # fields
  # the budget
  budget: number? "Budget" # trailing field comment
  # last in block
}

# about a
const a = 1 # one

score s "S" {
  # about the rule
  "R": 5 # five
}
# the end
`);
  });

  it("keeps a comment at the end of a line of a multi-line expression at the end of that line", () => {
    const text = 'model m "M"\ncriterion a "A" = plan = "a"   # first option\n  or plan = "b"  # second';
    expect(formatted(text)).toBe('model m "M"\n\ncriterion a "A" = plan = "a" # first option\n  or plan = "b" # second\n');
  });

  it("keeps a comment on its own line inside an expression on its own line, before the operator of the operand it precedes", () => {
    expect(formatted('model m "M"\ncriterion c = a and\n  # why b\n  b')).toBe('model m "M"\n\ncriterion c = a\n  # why b\n  and b\n');
    expect(formatted('model m "M"\ncriterion c = a\n  # why b\n  and b')).toBe('model m "M"\n\ncriterion c = a\n  # why b\n  and b\n');
  });

  it("keeps comments in brackets after the bracket or comma they followed", () => {
    const text = 'model m "M"\nconst c = f( # open\n a, # one\n # two\n b # three\n)';
    expect(formatted(text)).toBe('model m "M"\n\nconst c = f( # open\n  a, # one\n  # two\n  b # three\n)\n');
  });

  it("keeps comments in order around a rule's points and its `when`, and in a set", () => {
    const text = 'model m "M"\nset s = (a, # a\n b)\nscore g {\n "R": 5 # five\n when x # x\n or y\n}';
    expect(formatted(text)).toBe('model m "M"\n\nset s = (\n  a, # a\n  b\n)\n\nscore g {\n  "R": 5 # five\n    when x # x\n      or y\n}\n');
  });

  it("puts a comment between a declaration's name and its expression above the declaration", () => {
    expect(formatted('model m "M"\ncriterion c "C" # why\n = a # a\n or b')).toBe('model m "M"\n\n# why\ncriterion c "C" = a # a\n  or b\n');
  });
});

describe("line endings", () => {
  it("formats a CRLF file to LF lines, without carriage returns in comments", () => {
    expect(formatted('# top\r\nmodel m "M"\r\nconst a = 1 # one\r\n')).toBe('# top\nmodel m "M"\n\nconst a = 1 # one\n');
  });
});

describe("format with syntax errors", () => {
  it("returns no text and the syntax diagnostics", () => {
    const result = format('model m "M"\ncriterion c = a >=');
    expect(result.text).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["QUAL111"]);
  });
});

/** Re-joins a text's tokens with random layout (never a blank line), keeping every token. */
function relayout(text: string, separators: readonly string[]): string {
  const tokens = lex(text, new PositionMapper()).tokens;
  return tokens.map((t, i) => `${t.image}${separators[i % separators.length] ?? " "}`).join("");
}

describe("format properties", () => {
  it("formats any generated model to its printed text, whatever its layout", () => {
    fc.assert(
      fc.property(modelArb, fc.array(fc.constantFrom(" ", "  ", "\t", "\n", " \n  "), { minLength: 1, maxLength: 7 }), (model, separators) => {
        const canonical = printModel(model);
        expect(formatted(canonical)).toBe(canonical);
        expect(formatted(relayout(canonical, separators))).toBe(canonical);
      }),
      { numRuns: 150 },
    );
  });

  it("formats the reference text of any generated Qual 2 model to text that parses back to the same model, idempotently", () => {
    fc.assert(
      fc.property(qual2ModelArb, (model) => {
        const once = formatted(printSource(model));
        expect(formatted(once)).toBe(once);
        expect(stripRanges(parse(once).ast)).toEqual(stripRanges(model));
      }),
      { numRuns: 300 },
    );
  });

  it("prints any generated Qual 2 model, built without parentheses, to its canonical text, whatever its layout", () => {
    fc.assert(
      fc.property(qual2ModelArb, fc.array(fc.constantFrom(" ", "  ", "\t", "\n", " \n  "), { minLength: 1, maxLength: 7 }), (model, separators) => {
        const canonical = printModel(model);
        expect(stripRanges(parse(canonical).ast)).toEqual(stripRanges(model));
        expect(formatted(canonical)).toBe(canonical);
        expect(formatted(relayout(canonical, separators))).toBe(canonical);
      }),
      { numRuns: 200 },
    );
  });

  it("prints any generated Qual 2 expression to text that parses back to the same tree", () => {
    fc.assert(
      fc.property(exprArb(4, { qual2: true }), (expr) => {
        const text = printExpression(expr);
        const result = parseExpression(text);
        expect(result.diagnostics, text).toEqual([]);
        expect(stripRanges(result.expr)).toEqual(stripRanges(expr));
      }),
      { numRuns: 400 },
    );
  });

  it("keeps every comment, in order, wherever comments are added to a model, and stays idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(modelArb, qual2ModelArb), fc.infiniteStream(fc.constantFrom("none", "none", "trailing", "above")), (model, choices) => {
        const added: string[] = [];
        const lines = printModel(model)
          .trimEnd()
          .split("\n")
          .flatMap((line) => {
            const choice = choices.next().value;
            const text = ` c${added.length}`;
            if (choice === "trailing" && line.trim() !== "") {
              added.push(text);
              return [`${line} #${text}`];
            }
            if (choice === "above") {
              added.push(text);
              return [`#${text}`, line];
            }
            return [line];
          });
        const once = formatted(`${lines.join("\n")}\n`);
        expect(formatted(once)).toBe(once);
        expect(parse(once).ast.comments.map((c) => c.text)).toEqual(added);
      }),
      { numRuns: 150 },
    );
  });

  it("keeps every comment in order, the tree and the idempotence when comments sit between any tokens, inside long expressions", () => {
    // Without an input block: field lines (like score group headers) are not wrapped.
    const models = fc.oneof(longModelArb, qual2ModelArb.map((m): A.Model => ({ ...m, input: undefined })), longModelArb);
    fc.assert(
      fc.property(models, fc.infiniteStream(placementArb), (model, placements) => {
        const { text, added } = withComments(printModel(model), placements);
        const once = formatted(text);
        expect(formatted(once)).toBe(once);
        expect(parse(once).ast.comments.map((c) => c.text)).toEqual(added);
        expect(stripRanges(parse(once).ast)).toEqual(stripRanges(model));
        // A score group's header (its bounds) is not wrapped: only declarations' expressions are.
        for (const l of once.split("\n")) if (!withoutComment(l).endsWith("{")) expect(withoutComment(l).length, once).toBeLessThanOrEqual(100);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps long conditions within 100 columns and lays them out the same whatever the source layout", () => {
    fc.assert(
      fc.property(longModelArb, fc.array(fc.constantFrom(" ", "\n", " \n  "), { minLength: 1, maxLength: 5 }), (model, separators) => {
        const canonical = printModel(model);
        for (const l of canonical.split("\n")) expect(l.length, canonical).toBeLessThanOrEqual(100);
        expect(formatted(relayout(canonical, separators))).toBe(canonical);
      }),
      { numRuns: 150 },
    );
  });

  it.each(examples)("keeps the meaning (the same IR) and every comment of %s with comments between its tokens", (_name, text) => {
    const before = analyze(text).ir;
    expect(before).toBeDefined();
    fc.assert(
      fc.property(fc.infiniteStream(placementArb), (placements) => {
        const { text: commented } = withComments(formatted(text), placements);
        const once = formatted(commented);
        expect(stripRanges(analyze(once).ir)).toEqual(stripRanges(before));
        expect(parse(once).ast.comments.map((c) => c.text)).toEqual(parse(commented).ast.comments.map((c) => c.text));
        expect(formatted(once)).toBe(once);
      }),
      { numRuns: 5 },
    );
  });
});

type Placement = "none" | "end of line" | "own line";
const placementArb = fc.constantFrom<Placement>("none", "none", "none", "end of line", "own line");

/** The source ranges (start and end offsets) of the expressions of a model's declarations. */
function expressionRanges(model: A.Model): [number, number][] {
  const exprs: (A.Expr | undefined)[] = [];
  for (const d of model.declarations) {
    if (d.kind === "SetDecl") exprs.push(...d.items);
    else if (d.kind === "ConstDecl" || d.kind === "LetDecl" || d.kind === "ComputedScoreDecl") exprs.push(d.value);
    else if (d.kind === "CriterionDecl" || d.kind === "DisqualifyDecl" || d.kind === "TierDecl") exprs.push(d.condition);
    else if (d.kind === "ScoreGroupDecl") for (const r of d.rules) exprs.push(r.points, r.when);
  }
  return exprs.flatMap((e) => (e === undefined ? [] : [[e.range.start.offset, e.range.end.offset] as [number, number]]));
}

/**
 * Text with comments ` cN` after some of the tokens inside its expressions
 * (after any token but an expression's last), at the end of the line or on
 * a line of their own; existing comments stay.
 */
function withComments(text: string, placements: Iterator<Placement>): { text: string; added: string[] } {
  const added: string[] = [];
  const inside = expressionRanges(parse(text).ast);
  const { tokens } = lex(text, new PositionMapper());
  let out = "";
  let from = 0;
  for (const t of tokens) {
    const end = t.startOffset + t.image.length;
    out += text.slice(from, end);
    from = end;
    if (t.tokenType.name === "Comment" || !inside.some(([start, stop]) => t.startOffset >= start && end < stop)) continue;
    const placement = placements.next().value as Placement;
    if (placement === "none") continue;
    const comment = ` c${added.length}`;
    added.push(comment);
    out += placement === "end of line" ? ` #${comment}\n` : `\n#${comment}\n`;
  }
  return { text: out + text.slice(from), added };
}

/** A line without its `#` comment (a `#` outside strings). */
function withoutComment(line: string): string {
  return line.replace(/^((?:[^"#]|"(?:[^"\\]|\\.)*")*)#.*$/, "$1").trimEnd();
}
