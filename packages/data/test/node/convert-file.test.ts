import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { QUAL_MODEL_SCHEMA_ID } from "../../src/index.js";
import { convertModelFile, defaultOutputPath, retargetFixture, SCHEMA_FILE } from "../../src/node/index.js";

const dir = mkdtempSync(join(tmpdir(), "qualify-data-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("converting model files", () => {
  it("names the output beside the model, in both directions", () => {
    expect(defaultOutputPath("m/bant.qual", "yaml")).toBe("m/bant.qual.yaml");
    expect(defaultOutputPath("m/bant.qual", "json")).toBe("m/bant.qual.json");
    expect(defaultOutputPath("m/bant.qual.yaml", "qual")).toBe("m/bant.qual");
    expect(defaultOutputPath("m/bant.qual.yml", "json")).toBe("m/bant.qual.json");
    expect(defaultOutputPath("m/bant.json", "qual")).toBe("m/bant.qual");
  });

  it("writes the published schema's id as $schema, the same wherever the file is written", () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as { $id: string };
    expect(QUAL_MODEL_SCHEMA_ID).toBe(schema.$id);
    const path = join(dir, "deep", "m.qual");
    mkdirSync(join(dir, "deep"), { recursive: true });
    writeFileSync(path, 'model m "M"\ninput { a: number }\ntier t "T" otherwise\n');
    for (const outputPath of [join(dir, "a.qual.yaml"), join(tmpdir(), "elsewhere.qual.yaml")]) {
      const yaml = convertModelFile(path, "yaml", { outputPath });
      expect(yaml.text?.split("\n")[0]).toBe(`$schema: ${schema.$id}`);
    }
    expect(JSON.parse(convertModelFile(path, "json").text ?? "{}").$schema).toBe(schema.$id);
  });

  it("converts .qual to YAML and back, and reports a missing file instead of throwing", () => {
    const path = join(dir, "m.qual");
    writeFileSync(path, 'model m "M"\ninput { a: number }\ncriterion c "C" = a > 1\ntier t "T" otherwise\n');
    const yaml = convertModelFile(path, "yaml");
    expect(yaml.outputPath).toBe(`${path}.yaml`);
    expect(yaml.text).toContain("criterion: c");
    expect(yaml.text).toContain("$schema: ");
    writeFileSync(yaml.outputPath, yaml.text ?? "");
    const back = convertModelFile(yaml.outputPath, "qual");
    expect(back.text).toContain('criterion c "C" = a > 1');
    const missing = convertModelFile(join(dir, "none.qual"), "json");
    expect(missing.text).toBeUndefined();
    expect(missing.diagnostics.map((d) => d.code)).toEqual(["QUAL600"]);
    expect(missing.diagnostics[0]?.message).toContain("does not exist");
  });

  it("does not convert a model with syntax errors", () => {
    const path = join(dir, "broken.qual");
    writeFileSync(path, 'model m "M"\ninput { a: number }\ncriterion c "C" = a >\n');
    const result = convertModelFile(path, "yaml");
    expect(result.text).toBeUndefined();
    expect(result.diagnostics.some((d) => d.code.startsWith("QUAL1"))).toBe(true);
  });

  it("retargets a fixture at the converted model, keeping its cases", () => {
    const fixture = "# cases\nmodel: bant.qual   # relative\nnow: 2026-11-01\ncases: []\n";
    const text = retargetFixture(fixture, "bant.qual.yaml", "examples/bant.test.yaml");
    expect(text).toContain("model: bant.qual.yaml\nnow: 2026-11-01\ncases: []\n");
    expect(text?.startsWith("# The cases of examples/bant.test.yaml")).toBe(true);
    expect(retargetFixture("cases: []\n", "x.qual.yaml", "x")).toBeUndefined();
  });
});
