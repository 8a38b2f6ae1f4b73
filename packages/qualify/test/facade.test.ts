import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toData } from "@qualify/data";
import { parse } from "@qualify/language";
import { afterAll, describe, expect, it } from "vitest";
import { analyzeModel, compileModel, InvalidLeadError, loadIR, ModelError, saveIR } from "../src/index.js";
import { loadModelFile, ModelFileError, readModelFile } from "../src/node.js";

const BANT = `model bant "BANT"
input {
  budget_usd: number?
  role: text?
}
criterion budget "Budget" = budget_usd >= 10_000
criterion authority "Authority" = role in ["CEO", "CFO"]
tier sql "Sales qualified" when budget and authority
tier cold "Cold" otherwise
`;

const dir = mkdtempSync(join(tmpdir(), "qualify-facade-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("compileModel", () => {
  it("compiles source into a model that scores and explains leads", () => {
    const model = compileModel(BANT);
    expect(model.id).toBe("bant");
    expect(model.score({ budget_usd: 20_000, role: "cfo" }).tier).toBe("sql");
    const result = model.evaluate({ role: "CEO" });
    expect(result.tier).toBe("cold");
    expect(result.criteria).toEqual({ budget: null, authority: true });
    expect(() => model.evaluate({ budget_usd: "lots" })).toThrow(InvalidLeadError);
  });

  it("compiles the YAML and JSON data forms, chosen by file name or by format, to the same model", () => {
    const ast = parse(BANT).ast;
    const lead = { budget_usd: 20_000, role: "cfo" };
    const expected = compileModel(BANT).evaluate(lead);
    for (const format of ["yaml", "json"] as const) {
      const data = toData(ast, format);
      expect(compileModel(data, { file: `bant.qual.${format}` }).evaluate(lead)).toEqual(expected);
      expect(compileModel(data, { format }).evaluate(lead)).toEqual(expected);
    }
  });

  it("reports data-form errors at their line in the YAML file", () => {
    const yaml = toData(parse(BANT).ast, "yaml").replace("budget_usd >= 10_000", "budget_us >= 10_000");
    const line = yaml.split("\n").findIndex((l) => l.includes("budget_us >="));
    const analysis = analyzeModel(yaml, { file: "bant.qual.yaml" });
    const error = analysis.diagnostics.find((d) => d.severity === "error");
    expect(error?.range.start.line).toBe(line + 1);
    expect(() => compileModel(yaml, { file: "bant.qual.yaml" })).toThrow(ModelError);
  });

  it("throws a ModelError whose message prints the diagnostics with file, line and caret", () => {
    const broken = BANT.replace("budget_usd >= 10_000", "budget_us >= 10_000");
    let caught: unknown;
    try {
      compileModel(broken, { file: "bant.qual" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ModelError);
    const error = caught as ModelError;
    expect(error.diagnostics.some((d) => d.severity === "error" && d.range.start.line === 6)).toBe(true);
    expect(error.message).toMatch(/bant\.qual:6:29: error QUAL\d{3}/);
    expect(error.message).toContain("^^^^^^^^^");
  });

  it("analyzeModel never throws and returns the IR only without errors", () => {
    expect(analyzeModel(BANT).ir?.id).toBe("bant");
    const bad = analyzeModel("model");
    expect(bad.ir).toBeUndefined();
    expect(bad.diagnostics.length).toBeGreaterThan(0);
  });
});

describe("loadModelFile", () => {
  it("loads .qual source and saved IR (.json) alike", async () => {
    const qual = join(dir, "bant.qual");
    writeFileSync(qual, BANT);
    const fromSource = await loadModelFile(qual);
    const saved = join(dir, "bant.json");
    writeFileSync(saved, saveIR(fromSource.ir));
    const fromSaved = await loadModelFile(saved);
    expect(fromSaved.ir).toEqual(loadIR(saveIR(fromSource.ir)));
    expect(fromSaved.score({ budget_usd: 20_000, role: "cfo" })).toEqual(fromSource.score({ budget_usd: 20_000, role: "cfo" }));
  });

  it("loads the YAML and JSON data forms to the same model as the source", async () => {
    const ast = parse(BANT).ast;
    const fromSource = await loadModelFile(join(dir, "bant.qual"));
    for (const [name, format] of [["bant.qual.yaml", "yaml"], ["bant.qual.json", "json"]] as const) {
      writeFileSync(join(dir, name), toData(ast, format));
      const model = await loadModelFile(join(dir, name));
      expect(model.score({ budget_usd: 20_000, role: "cfo" })).toEqual(fromSource.score({ budget_usd: 20_000, role: "cfo" }));
      expect(model.ir.criteria.map((c) => c.id)).toEqual(["budget", "authority"]);
    }
    writeFileSync(join(dir, "broken.qual.yaml"), "model: 3\n");
    const broken = await readModelFile(join(dir, "broken.qual.yaml"));
    expect(broken.ir).toBeUndefined();
    expect(broken.diagnostics.some((d) => /^QUAL6\d\d$/.test(d.code))).toBe(true);
  });

  it("names the file when it cannot be read or its kind is unknown", async () => {
    await expect(loadModelFile(join(dir, "missing.qual"))).rejects.toThrow(ModelFileError);
    await expect(loadModelFile(join(dir, "missing.qual"))).rejects.toThrow(/missing\.qual: cannot read the file \(no such file or directory\)/);
    await expect(readModelFile(join(dir, "model.txt"))).rejects.toThrow(/model\.txt: not a model file/);
  });

  it("throws ModelError for a model with errors and reports a bad saved model as a diagnostic", async () => {
    const bad = join(dir, "bad.qual");
    writeFileSync(bad, BANT.replace("otherwise", ""));
    await expect(loadModelFile(bad)).rejects.toThrow(ModelError);
    const fake = join(dir, "fake.json");
    writeFileSync(fake, '{"format":"qualify-ir","version":99}');
    const read = await readModelFile(fake);
    expect(read.ir).toBeUndefined();
    expect(read.diagnostics.map((d) => d.code)).toEqual(["QUAL791"]);
  });
});
