// The example models in their YAML and JSON forms (examples/yaml, examples/json):
// each is what converting examples/*.qual gives today, checks to the same IR,
// and passes the original's fixture cases through the facade's fixture runner.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// The repository root is not a workspace package, so it imports the packages' TypeScript sources directly.
import { analyzeData } from "../packages/data/src/index.js";
import { convertModelFile, retargetFixture } from "../packages/data/src/node/index.js";
import { analyze } from "../packages/language/src/index.js";
import { runFixtureFile } from "../packages/qualify/src/node.js";

const examples = fileURLToPath(new URL("../examples/", import.meta.url));
const regenerate = "regenerate with `npx tsc -b packages/data && node packages/data/scripts/convert-examples.mjs`";

function stripRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripRanges);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== "range").map(([key, item]) => [key, stripRanges(item)]));
}

const names = readdirSync(examples)
  .filter((name) => name.endsWith(".qual"))
  .map((name) => name.replace(/\.qual$/, ""))
  .sort();

describe("the examples in YAML and JSON", () => {
  it("exist for every example model", () => {
    expect(names.length).toBeGreaterThan(0);
  });

  for (const name of names) {
    for (const format of ["yaml", "json"] as const) {
      const modelFile = `${name}.qual.${format}`;
      const path = join(examples, format, modelFile);

      describe(`${format}/${modelFile}`, () => {
        it(`is up to date with ${name}.qual (${regenerate})`, () => {
          const fresh = convertModelFile(join(examples, `${name}.qual`), format, { outputPath: path });
          expect(fresh.text).toBeDefined();
          expect(existsSync(path), `${path} is missing; ${regenerate}`).toBe(true);
          expect(readFileSync(path, "utf8")).toBe(fresh.text);
          const fixture = join(examples, `${name}.test.yaml`);
          if (existsSync(fixture)) {
            const expected = retargetFixture(readFileSync(fixture, "utf8"), modelFile, `examples/${name}.test.yaml`);
            expect(readFileSync(join(examples, format, `${name}.test.yaml`), "utf8")).toBe(expected);
          }
        });

        it("checks clean to the IR of the .qual model", () => {
          const original = analyze(readFileSync(join(examples, `${name}.qual`), "utf8"));
          const converted = analyzeData(readFileSync(path, "utf8"), { file: path });
          expect(converted.diagnostics).toEqual([]);
          expect(stripRanges(converted.ir)).toEqual(stripRanges(original.ir));
        });

        it("converts back to .qual with the same IR", () => {
          const back = convertModelFile(path, "qual");
          expect(back.text).toBeDefined();
          const original = analyze(readFileSync(join(examples, `${name}.qual`), "utf8"));
          expect(stripRanges(analyze(back.text ?? "").ir)).toEqual(stripRanges(original.ir));
        });

        if (format === "yaml") {
          it("converts back to the .qual file's own text: comments, blank lines and number spellings kept", () => {
            const back = convertModelFile(path, "qual");
            expect(back.text).toBe(readFileSync(join(examples, `${name}.qual`), "utf8"));
          });
        }

        it("passes the original's fixture cases", async () => {
          const fixture = join(examples, format, `${name}.test.yaml`);
          expect(existsSync(fixture), `${fixture} is missing; ${regenerate}`).toBe(true);
          const run = await runFixtureFile(fixture);
          expect(run.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
          const failed = run.cases.filter((c) => !c.passed).map((c) => `${c.name}: ${c.error ?? JSON.stringify(c.differences)}`);
          expect(failed).toEqual([]);
          expect(run.cases.length).toBeGreaterThan(0);
        });
      });
    }
  }
});
