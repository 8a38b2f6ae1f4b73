// Every limit gives its own diagnostic or error, at the right place, instead
// of a stack overflow, a hang or runaway memory. Each test builds input just
// past a limit; without the limit the same input would overflow the stack
// (nesting), take quadratic work (operators), or be read whole (size).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS as LEAD_LIMITS } from "../../packages/compiler/src/index.js";
import { MAX_RECORD_LINES } from "../../packages/cli/src/score/csv-records.js";
import { MAX_JSON_DEPTH } from "../../packages/cli/src/score/jsonl-records.js";
import { analyze, DEFAULT_LIMITS, format } from "../../packages/language/src/index.js";
import { compileModel, InvalidLeadError, ModelError } from "../../packages/qualify/src/index.js";
import type { Diagnostic } from "../../packages/ir/src/index.js";

const HEAD = 'model m "M"\n\ninput {\n  a: number?\n}\n\n';
const TIERS = '\ntier yes "Yes" when a > 1\ntier no "No" otherwise\n';

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

function only(diagnostics: readonly Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  expect(found, `expected one ${code} in ${JSON.stringify(codes(diagnostics))}`).toHaveLength(1);
  return found[0] as Diagnostic;
}

/** The model is refused by compileModel with a ModelError carrying the same code. */
function expectRefused(source: string, code: string): void {
  let caught: unknown;
  try {
    compileModel(source);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ModelError);
  expect(codes((caught as ModelError).diagnostics)).toContain(code);
}

describe("model limits (language)", () => {
  it("the defaults are the documented ones", () => {
    expect(DEFAULT_LIMITS).toEqual({ maxSourceLength: 5_000_000, maxNestingDepth: 64, maxDeclarations: 100_000, maxListItems: 10_000, maxOperators: 1_000 });
  });

  it("100,000 nested brackets: QUAL502 at the bracket past the limit, no stack overflow", () => {
    const prefix = `${HEAD}let x = `;
    const source = `${prefix}${"(".repeat(100_000)}1${")".repeat(100_000)}${TIERS}`;
    const result = analyze(source);
    const d = only(result.diagnostics, "QUAL502");
    expect(d.range.start.line).toBe(7);
    // The expression is level 1, so the 64th bracket is where the nesting first exceeds 64.
    expect(d.range.start.offset).toBe(prefix.length + 63);
    expect(result.ir).toBeUndefined();
    expect(format(source).text).toBeUndefined();
    expectRefused(source, "QUAL502");
  });

  it("100,000 nested `not`, unary minus and `if`: QUAL502", () => {
    for (const deep of ["not ".repeat(100_000) + "true", "-".repeat(100_000) + "1", "if true then ".repeat(100_000) + "1" + " else 2".repeat(100_000)]) {
      const result = analyze(`${HEAD}let x = ${deep}${TIERS}`);
      expect(codes(result.diagnostics)).toContain("QUAL502");
    }
  });

  it("records nested 10,000 deep in the input block: QUAL502 (100,000 would first hit the declaration limit)", () => {
    let block = "";
    for (let i = 0; i < 10_000; i++) block += `r${i}: { `;
    block += "x: number" + " }".repeat(10_000);
    const source = `model m "M"\ninput {\n  ${block}\n}\ntier no "No" otherwise\n`;
    const result = analyze(source);
    expect(codes(result.diagnostics)).toContain("QUAL502");
    expect(result.ir).toBeUndefined();
  });

  it("nesting right at the limit is accepted", () => {
    const result = analyze(`${HEAD}let x = ${"(".repeat(63)}a${")".repeat(63)} + 1${TIERS}`);
    expect(codes(result.diagnostics)).not.toContain("QUAL502");
  });

  it("a 10 MB source: QUAL501 covering the text past 5,000,000 characters, without reading it", () => {
    const source = `${HEAD}${"# filler\n".repeat(10_000_000 / 9)}${TIERS}`;
    expect(source.length).toBeGreaterThan(10_000_000);
    const result = analyze(source);
    // Nothing is read, so the checker adds that it found no tiers (QUAL410); nothing else.
    expect(codes(result.diagnostics).filter((c) => c !== "QUAL410")).toEqual(["QUAL501"]);
    const d = only(result.diagnostics, "QUAL501");
    expect(d.range.start.offset).toBe(5_000_000);
    expect(d.range.end.offset).toBe(source.length);
    expect(d.message).toContain("5000000");
    expectRefused(source, "QUAL501");
  });

  it("more declarations than the limit: QUAL503 at the first one past it (lowered to 50 here; the default is checked above)", () => {
    const lines = Array.from({ length: 60 }, (_, i) => `const c${i} = ${i}`);
    const source = `${HEAD}${lines.join("\n")}${TIERS}`;
    const result = analyze(source, { limits: { maxDeclarations: 50 } });
    const d = only(result.diagnostics, "QUAL503");
    // The model line, the input block and its field count too: `a` is the 3rd, so c47 is the 51st.
    expect(source.slice(d.range.start.offset, d.range.end.offset)).toBe("const");
    expect(d.range.start.line).toBe(7 + 47);
  });

  it("a list of 10,001 items: QUAL504; 10,000 is accepted", () => {
    const list = (n: number) => `${HEAD}const big = [${Array.from({ length: n }, (_, i) => i).join(", ")}]\ncriterion c "C" = a in big${TIERS}`;
    expect(codes(analyze(list(10_000)).diagnostics)).not.toContain("QUAL504");
    const d = only(analyze(list(10_001)).diagnostics, "QUAL504");
    expect(d.message).toContain("10001");
  });

  it("1,001 operators in one expression: QUAL505; a call with 10,001 arguments: QUAL504", () => {
    const chain = Array.from({ length: 1002 }, () => "a > 1").join(" or ");
    expect(codes(analyze(`${HEAD}criterion c "C" = ${chain}${TIERS}`).diagnostics)).toContain("QUAL505");
    const args = Array.from({ length: 10_001 }, () => "a").join(", ");
    expect(codes(analyze(`${HEAD}let m = max(${args})${TIERS}`).diagnostics)).toContain("QUAL504");
  });

  it("more than 1,000 problems: 1,000 are listed, then one QUAL506 counts the rest", () => {
    const source = `${HEAD}${"@ ".repeat(5000)}${TIERS}`;
    const result = analyze(source);
    expect(result.diagnostics.length).toBeLessThanOrEqual(1002);
    expect(codes(result.diagnostics)).toContain("QUAL506");
  });

  it("limits can be lowered per call, and a misspelt limit is a TypeError, not silence", () => {
    const result = analyze(`${HEAD}let x = ((((a))))${TIERS}`, { limits: { maxNestingDepth: 3 } });
    expect(codes(result.diagnostics)).toContain("QUAL502");
    expect(() => analyze(HEAD, { limits: { maxDepth: 3 } as never })).toThrow(TypeError);
  });
});

describe("lead limits (compiler)", () => {
  const model = compileModel(`model m "M"

input {
  name: text?
  tags: list of text = []
  size: number?
  company: { employees: number? }
}

criterion named "Named" = name contains "a"
criterion tagged "Tagged" = "x" in tags
criterion big "Big" = size > 10 or company.employees > 10

tier a "A" when named and tagged and big
tier b "B" otherwise
`);

  function issuesOf(lead: unknown): Array<{ path: string; message: string }> {
    let caught: unknown;
    try {
      model.score(lead, { now: 0 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidLeadError);
    const issues = (caught as InvalidLeadError).issues;
    expect(model.validate(lead).map((i) => i.path)).toEqual(issues.map((i) => i.path));
    // The error names the problem without echoing megabytes of the value.
    expect((caught as Error).message.length).toBeLessThan(2000);
    return issues.map((i) => ({ path: i.path, message: i.message }));
  }

  it("a text over 100,000 characters is invalid, naming the field and the limit; 100,000 is fine", () => {
    expect(model.validate({ name: "a".repeat(100_000) })).toEqual([]);
    const [issue] = issuesOf({ name: "a".repeat(100_001) });
    expect(issue?.path).toBe("name");
    expect(issue?.message).toMatch(/100[,_ ]?000/);
  });

  it("a list over 10,000 items, or one item over the text limit, is invalid", () => {
    expect(issuesOf({ tags: Array.from({ length: 10_001 }, () => "x") })[0]?.path).toBe("tags");
    expect(issuesOf({ tags: ["x", "y".repeat(100_001)] })[0]?.path).toMatch(/^tags/);
  });

  it("NaN, Infinity and -Infinity are invalid numbers, never NaN results", () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(issuesOf({ size: bad })[0]?.path).toBe("size");
      expect(issuesOf({ company: { employees: bad } })[0]?.path).toBe("company.employees");
      const lenient = model.evaluate({ size: bad }, { now: 0, validate: false });
      expect(JSON.stringify(lenient)).not.toMatch(/NaN|Infinity/);
    }
  });

  it("a value nested 100,000 deep is a wrong type, reported without a stack overflow", () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(issuesOf({ tags: deep })[0]?.path).toMatch(/^tags/);
    expect(issuesOf({ name: deep })[0]?.path).toBe("name");
    let deepObject: unknown = {};
    for (let i = 0; i < 100_000; i++) deepObject = { employees: deepObject };
    expect(issuesOf({ company: deepObject })[0]?.path).toBe("company.employees");
  });

  it("wrong types are invalid with the expected type named", () => {
    const issues = issuesOf({ name: 5, tags: "x", size: "10", company: [] });
    expect(issues.map((i) => i.path).sort()).toEqual(["company", "name", "size", "tags"]);
  });

  it("lead limits can be set per model", () => {
    const strict = compileModel('model s "S"\ninput {\n  name: text?\n}\ntier a "A" when name = "x"\ntier b "B" otherwise\n', { limits: { maxStringLength: 3 } });
    expect(strict.validate({ name: "abc" })).toEqual([]);
    expect(strict.validate({ name: "abcd" }).map((i) => i.path)).toEqual(["name"]);
  });
});

describe("grammar/limits.md", () => {
  const doc = readFileSync(new URL("../../grammar/limits.md", import.meta.url), "utf8");
  const row = (name: string): string => doc.split("\n").find((line) => line.startsWith(`| \`${name}\` |`)) ?? "";

  it("states every model and lead limit with its current default", () => {
    for (const [name, value] of Object.entries({ ...DEFAULT_LIMITS, ...LEAD_LIMITS })) {
      expect(row(name), `no row for ${name}`).not.toBe("");
      expect(row(name)).toContain(value.toLocaleString("en-US"));
    }
  });

  it("states the batch scoring limits", () => {
    expect(doc).toContain(`| lines of one quoted CSV cell | ${MAX_RECORD_LINES} |`);
    expect(doc).toContain(`| nesting of one JSON Lines row | ${MAX_JSON_DEPTH.toLocaleString("en-US")} levels |`);
  });

  it("names the diagnostic of each language limit and each regex check", () => {
    for (const code of ["QUAL501", "QUAL502", "QUAL503", "QUAL504", "QUAL505", "QUAL506", "QUAL550", "QUAL554", "QUAL609"]) {
      expect(doc).toContain(code);
    }
  });
});
