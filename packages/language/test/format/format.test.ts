import { existsSync, readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { format, printModel } from "../../src/format/format.js";
import { lex } from "../../src/lexer/lexer.js";
import { PositionMapper } from "../../src/lexer/positions.js";
import { parse } from "../../src/parser/parse.js";
import { modelArb } from "../arbitraries/model.js";
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

  it("moves a comment from inside a multi-line declaration above it", () => {
    expect(formatted('model m "M"\ncriterion c = a and\n  # why b\n  b')).toBe('model m "M"\n\n# why b\ncriterion c = a and b\n');
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

  it("keeps every comment, in order, wherever comments are added to a model, and stays idempotent", () => {
    fc.assert(
      fc.property(modelArb, fc.infiniteStream(fc.constantFrom("none", "none", "trailing", "above")), (model, choices) => {
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
});
