import { describe, expect, it } from "vitest";
import type { Diagnostic } from "@qualify/ir";
import { parseSourceDocument } from "../../src/document/parse-document.js";
import type { DataFormat } from "../../src/document/parse-document.js";
import { validateDocument } from "../../src/schema/validate-document.js";
import { covered, positionOf } from "../helpers/positions.js";

function schemaProblems(text: string, format: DataFormat = "yaml"): Diagnostic[] {
  const parsed = parseSourceDocument(text, { format, file: `model.qual.${format}` });
  expect(parsed.diagnostics).toEqual([]);
  if (parsed.source === undefined) throw new Error("unreachable: no diagnostics but no document");
  return validateDocument(parsed.source);
}

const validYaml = `model: bant
title: BANT qualification
input:
  budget_usd: { type: number, optional: true, doc: Budget in USD }
  pains: { type: { list: text } }
  company:
    type:
      record:
        employees: { type: number, optional: true }
declarations:
  - const: deciders
    value: [CEO, CFO]
  - criterion: budget
    label: Budget
    when: budget_usd >= 10_000
  - score: fit
    label: Profile fit
    max: 60
    rules:
      - label: Mid-market company
        points: 20
        when: company.employees between 50 and 1000
  - disqualify: Competitor
    when: count(pains) > 5
  - tier: sql
    label: Sales qualified
    when: budget
  - tier: cold
    label: Cold
    otherwise: true
`;

describe("schema diagnostics in YAML", () => {
  it("accepts a valid model", () => {
    expect(schemaProblems(validYaml)).toEqual([]);
  });

  it("reports a misspelt key at the key, with a did-you-mean fix", () => {
    const text = validYaml.replace("    label: Budget\n", "    lable: Budget\n");
    const [problem, ...rest] = schemaProblems(text);
    expect(rest).toEqual([]);
    expect(problem?.code).toBe("QUAL601");
    expect(problem?.message).toBe("unknown key `lable` in declaration 2 (criterion `budget`) — did you mean `label`?");
    expect(problem?.range.start).toMatchObject({ line: 14, column: 5 });
    expect(covered(text, problem!)).toBe("lable");
    expect(problem?.suggestion?.edits[0]).toMatchObject({ newText: "label", range: problem?.range });
    expect(problem?.file).toBe("model.qual.yaml");
  });

  it("reports a misspelt declaration kind as an unknown key with the kind suggested", () => {
    const text = validYaml.replace("  - criterion: budget", "  - critera: budget");
    const [problem, ...rest] = schemaProblems(text);
    expect(rest).toEqual([]);
    expect(problem?.code).toBe("QUAL601");
    expect(problem?.message).toBe("unknown key `critera` in declaration 2 — did you mean `criterion`?");
    expect(problem?.range.start).toMatchObject(positionOf(text, "critera"));
  });

  it("reports a wrong value type at the value, naming what was expected and found", () => {
    const text = validYaml.replace("max: 60", "max: true");
    const [problem, ...rest] = schemaProblems(text);
    expect(rest).toEqual([]);
    expect(problem?.code).toBe("QUAL602");
    expect(problem?.message).toBe("`max` in declaration 3 (score `fit`) must be a number or an expression known in advance (text, e.g. `fit_cap + 5`), found `true`.");
    expect(problem?.range.start).toMatchObject({ line: 18, column: 10 });
    expect(covered(text, problem!)).toBe("true");
  });

  it("accepts a bound written as a number or as a const expression, and rejects an empty one", () => {
    expect(schemaProblems(validYaml.replace("max: 60", "max: -5.5"))).toEqual([]);
    expect(schemaProblems(validYaml.replace("max: 60", "max: fit_cap + 5"))).toEqual([]);
    const empty = validYaml.replace("max: 60", "max: ' '");
    const [problem, ...rest] = schemaProblems(empty);
    expect(rest).toEqual([]);
    expect(problem?.code).toBe("QUAL604");
    expect(covered(empty, problem!)).toBe("' '");
  });

  it("reports a missing condition at the declaration's kind line", () => {
    const text = validYaml.replace("    when: count(pains) > 5\n", "");
    const [problem, ...rest] = schemaProblems(text);
    expect(rest).toEqual([]);
    expect(problem?.code).toBe("QUAL603");
    expect(problem?.message).toContain("Declaration 4 (disqualify \"Competitor\") is missing `when`");
    expect(covered(text, problem!)).toBe("disqualify: Competitor");
  });

  it("suggests the nearest type name for an unknown one", () => {
    const text = validYaml.replace("{ type: number, optional: true, doc", "{ type: nmber, optional: true, doc");
    const [problem] = schemaProblems(text);
    expect(problem?.code).toBe("QUAL604");
    expect(problem?.message).toContain("unknown type `nmber` for input field `budget_usd` — did you mean `number`?");
    expect(covered(text, problem!)).toBe("nmber");
    expect(problem?.suggestion?.edits[0]?.newText).toBe("number");
  });

  it("names nested record fields by their dotted path", () => {
    const text = validYaml.replace("employees: { type: number, optional: true }", "employees: { type: number, optional: yes }");
    const [problem] = schemaProblems(text);
    expect(problem?.code).toBe("QUAL602");
    expect(problem?.message).toBe("`optional` of input field `company.employees` must be `true` or `false`, found text.");
    expect(covered(text, problem!)).toBe("yes");
  });

  it("reports a tier with neither `when` nor `otherwise`, and one with both", () => {
    const neither = validYaml.replace("    label: Sales qualified\n    when: budget\n", "    label: Sales qualified\n");
    const [missing] = schemaProblems(neither);
    expect(missing?.code).toBe("QUAL603");
    expect(covered(neither, missing!)).toBe("tier: sql");
    const both = validYaml.replace("    label: Cold\n    otherwise: true\n", "    label: Cold\n    when: budget\n    otherwise: true\n");
    const [conflict] = schemaProblems(both);
    expect(conflict?.code).toBe("QUAL606");
    expect(covered(both, conflict!)).toBe("otherwise");
  });

  it("reports a declaration with two kinds once", () => {
    const text = validYaml.replace("  - criterion: budget\n", "  - criterion: budget\n    tier: budget2\n");
    const problems = schemaProblems(text);
    expect(problems.map((p) => p.code)).toEqual(["QUAL605"]);
    expect(covered(text, problems[0]!)).toBe("tier");
  });

  it("rejects reserved words and malformed names", () => {
    const reserved = validYaml.replace("tier: cold", "tier: and");
    const [word] = schemaProblems(reserved);
    expect(word?.code).toBe("QUAL604");
    expect(word?.message).toContain("`and` is a reserved word");
    expect(covered(reserved, word!)).toBe("and");
    const malformed = validYaml.replace("  pains:", "  2pains:");
    const [name] = schemaProblems(malformed);
    expect(name?.code).toBe("QUAL604");
    expect(covered(malformed, name!)).toBe("2pains");
  });

  it("rejects bounds on a computed score and an empty expression", () => {
    const text = validYaml.replace("    max: 60\n    rules:\n      - label: Mid-market company\n        points: 20\n        when: company.employees between 50 and 1000\n", "    max: 60\n    value: '  '\n");
    const problems = schemaProblems(text);
    expect(problems.map((p) => p.code).sort()).toEqual(["QUAL604", "QUAL606"]);
    expect(problems.map((p) => covered(text, p)).sort()).toEqual(["'  '", "max"]);
  });

  it("reports unknown top-level keys and a document that is not a mapping", () => {
    const text = `${validYaml}extra: 1\n`;
    const [problem] = schemaProblems(text);
    expect(problem?.code).toBe("QUAL601");
    expect(problem?.message).toContain("the keys allowed here are `model`, `title`, `input`, `declarations`, `$schema`");
    const [shape] = schemaProblems("- 1\n- 2\n");
    expect(shape?.code).toBe("QUAL602");
    expect(shape?.message).toBe("The document must be a mapping, found a list.");
  });
});

describe("schema diagnostics in JSON", () => {
  const json = JSON.stringify(
    {
      model: "bant",
      input: { budget_usd: { type: "number", optional: true } },
      declarations: [
        { criterion: "budget", lable: "Budget", when: "budget_usd >= 10000" },
        { score: "fit", max: false, rules: [{ label: "Big", points: 5 }] },
        { tier: "cold", otherwise: true },
      ],
    },
    null,
    2,
  );

  it("points at the key and the value in the JSON text", () => {
    const problems = schemaProblems(json, "json");
    expect(problems.map((p) => p.code)).toEqual(["QUAL601", "QUAL602"]);
    const [key, value] = problems;
    expect(key?.range.start).toMatchObject(positionOf(json, '"lable"'));
    expect(covered(json, key!)).toBe('"lable"');
    expect(key?.message).toBe("unknown key `lable` in declaration 1 (criterion `budget`) — did you mean `label`?");
    expect(value?.range.start).toMatchObject(positionOf(json, "false"));
    expect(value?.message).toBe("`max` in declaration 2 (score `fit`) must be a number or an expression known in advance (text, e.g. `fit_cap + 5`), found `false`.");
  });

  it("says `object` and `array` in JSON", () => {
    const text = JSON.stringify({ model: "m", input: [], declarations: [] });
    const [problem] = schemaProblems(text, "json");
    expect(problem?.message).toBe("`input` must be an object, found an array.");
  });
});

describe("reading the text", () => {
  it("reports malformed YAML where it breaks", () => {
    const parsed = parseSourceDocument("model: x\ninput: [a, b\ndeclarations: []\n", { format: "yaml" });
    expect(parsed.source).toBeUndefined();
    expect(parsed.diagnostics[0]?.code).toBe("QUAL600");
    expect(parsed.diagnostics[0]?.range.start.line).toBeGreaterThanOrEqual(2);
  });

  it("reports duplicate keys at the second one", () => {
    const text = "model: x\nmodel: y\n";
    const parsed = parseSourceDocument(text, { format: "yaml" });
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(["QUAL608"]);
    expect(parsed.diagnostics[0]?.range.start.line).toBe(2);
  });

  it("reports an empty file and a file with two documents", () => {
    expect(parseSourceDocument("", { format: "yaml" }).diagnostics.map((d) => d.code)).toEqual(["QUAL607"]);
    const two = parseSourceDocument("model: x\n---\nmodel: y\n", { format: "yaml" });
    expect(two.diagnostics.map((d) => d.code)).toEqual(["QUAL607"]);
    expect(two.diagnostics[0]?.range.start.line).toBe(2);
  });

  it("holds JSON to JSON's rules: bare words are errors", () => {
    const parsed = parseSourceDocument('{"model": bant}', { format: "json" });
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(["QUAL600"]);
    expect(parsed.diagnostics[0]?.range.start.column).toBe(11);
  });
});

describe("schema diagnostics on any document", () => {
  it("never throw, use QUAL6xx codes, and point inside the text", async () => {
    const fc = (await import("fast-check")).default;
    const { stringify } = await import("yaml");
    const key = fc.constantFrom("model", "title", "input", "declarations", "criterion", "tier", "when", "label", "type", "rules", "x", "2x", "and");
    const value = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof(
        { depthSize: "small", maxDepth: 4 },
        fc.jsonValue({ maxDepth: 1 }),
        fc.array(tie("v"), { maxLength: 3 }),
        fc.dictionary(key, tie("v"), { maxKeys: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, fc.constantFrom("yaml", "json") as import("fast-check").Arbitrary<DataFormat>, (document, format) => {
        const text = format === "json" ? JSON.stringify(document, null, 1) : stringify(document);
        const parsed = parseSourceDocument(text, { format });
        if (parsed.source === undefined) return;
        for (const d of validateDocument(parsed.source)) {
          expect(d.code).toMatch(/^QUAL6\d\d$/);
          expect(d.range.start.offset).toBeGreaterThanOrEqual(0);
          expect(d.range.end.offset).toBeLessThanOrEqual(text.length);
          expect(d.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 300 },
    );
  });
});
