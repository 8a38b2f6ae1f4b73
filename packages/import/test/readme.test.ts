import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SUITE_FIGURES } from "./jsonlogic-suite.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const packageReadme = read("../README.md");
const rootReadme = read("../../../README.md");

/** The fenced block of `language` that follows `text` in a README. */
function blockAfter(readme: string, text: string, language: string): string {
  const start = readme.indexOf(text);
  expect(start, `the README has ${text}`).toBeGreaterThanOrEqual(0);
  const open = readme.indexOf("```" + language + "\n", start);
  const close = readme.indexOf("\n```", open + 4);
  return readme.slice(open + language.length + 4, close + 1);
}

describe("the import READMEs", () => {
  it("state the JsonLogic suite figures the suite test checks", () => {
    const { identical, refused, different } = SUITE_FIGURES;
    expect(packageReadme).toContain(`**${identical} give the\nsame answer, ${refused} are refused with a reason, ${different} give a different answer**`);
    expect(rootReadme).toContain(`**${identical} identical answers, ${refused} refusals with a reason, and ${different} different\nanswers**`);
  });

  it("count the refusals by reason so they add up to the refused figure", () => {
    const start = packageReadme.indexOf("The refusals, by reason:");
    expect(start).toBeGreaterThan(0);
    const rows = packageReadme
      .slice(start)
      .split("\n")
      .filter((l) => /^\| \d+ \|/.test(l))
      .map((l) => Number(l.split("|")[1]));
    expect(rows.reduce((a, b) => a + b, 0)).toBe(SUITE_FIGURES.refused);
  });

  it("show the HubSpot-style example and the model it becomes as they are in examples/imported", () => {
    expect(blockAfter(packageReadme, "This export (", "json")).toBe(read("../../../examples/imported/hubspot-score.json"));
    expect(blockAfter(packageReadme, "becomes (", "qual")).toBe(read("../../../examples/imported/hubspot-score.qual"));
  });
});
