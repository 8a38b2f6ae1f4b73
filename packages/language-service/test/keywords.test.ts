import { describe, expect, it } from "vitest";
import { analyze } from "@qualify/language";
import { BUILTIN_FUNCTIONS, CONTEXTUAL_WORDS, RESERVED_WORDS } from "../src/keywords.js";

const HEADER = 'model m "M"\ninput {\n  x: number?\n}\n';
const TIERS = '\ntier t "T" otherwise\n';

function errorsOf(text: string) {
  return analyze(text).diagnostics.filter((d) => d.severity === "error");
}

describe("the editor's word tables agree with the parser", () => {
  it.each(RESERVED_WORDS.map((w) => [w]))("`%s` cannot be a name", (word) => {
    expect(errorsOf(`${HEADER}let ${word} = x${TIERS}`).length).toBeGreaterThan(0);
  });

  it.each(CONTEXTUAL_WORDS.map((w) => [w]))("`%s` can be a name outside its construct", (word) => {
    expect(errorsOf(`${HEADER}let ${word} = x\ncriterion c "C" = ${word} > 1${TIERS}`)).toEqual([]);
  });

  it.each(BUILTIN_FUNCTIONS.map((f) => [f.name, f.signature]))("`%s` is a built-in function (%s)", (name) => {
    const unknown = analyze(`${HEADER}let v = ${name}(x)${TIERS}`).diagnostics.filter((d) => d.code === "QUAL214");
    expect(unknown).toEqual([]);
  });
});
