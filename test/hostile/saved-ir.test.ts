// A saved IR (`qualify compile` output) is a model too, and may come from
// anywhere: reading one as a model file must apply the same regex safety as
// the checker, since its `matches` patterns never went through the checker.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileModel, IRFormatError, loadIR, ModelError, saveIR } from "../../packages/qualify/src/index.js";
import { loadModelFile, MODEL_FORMATS } from "../../packages/qualify/src/node.js";

const inbound = compileModel(readFileSync(new URL("../../examples/inbound.qual", import.meta.url), "utf8"));
const saved = saveIR(inbound.ir);
const dir = mkdtempSync(join(tmpdir(), "qualify-ir-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const savedFormat = MODEL_FORMATS.find((f) => f.extensions.includes(".json") && !f.extensions.includes(".qual.json"));

describe("a saved IR with a `matches` pattern the engine cannot run", () => {
  const evil = saved.replace('"^test[0-9]*@"', '"(a)\\\\1"');

  it("is what the test means: the pattern was swapped in", () => {
    expect(evil).not.toBe(saved);
  });

  it("is refused when read as a model file, with the regex safety code", () => {
    const analysis = savedFormat?.analyze(evil, "inbound.json");
    expect(analysis?.ir).toBeUndefined();
    expect(analysis?.diagnostics.map((d) => d.code)).toEqual(["QUAL554"]);
    expect(analysis?.diagnostics[0]?.message).toContain("\\1");
  });

  it("is refused by loadModelFile (what `qualify score model.json` uses)", async () => {
    const path = join(dir, "evil.json");
    writeFileSync(path, evil);
    await expect(loadModelFile(path)).rejects.toBeInstanceOf(ModelError);
    writeFileSync(join(dir, "good.json"), saved);
    const good = await loadModelFile(join(dir, "good.json"));
    expect(good.score({ email: "test1@acme.example" }, { now: "2026-11-01" }).tier).toBe("disqualified");
  });
});

describe("a saved IR nested far deeper than any model", () => {
  it("is an IRFormatError from loadIR, not a stack overflow, and a plain diagnostic as a model file", async () => {
    const leaf = '{"kind":"field","path":["email"],"type":{"kind":"text"}}';
    const ir = JSON.parse(saved) as { lets: Array<{ id: string; expr: unknown }> };
    for (const depth of [10_000, 100_000]) {
      const deep = `${'{"kind":"not","type":{"kind":"bool"},"operand":'.repeat(depth)}${leaf}${"}".repeat(depth)}`;
      const text = JSON.stringify({ ...ir, lets: [{ id: "deep", expr: "__DEEP__" }, ...ir.lets] }).replace('"__DEEP__"', deep);
      expect(() => loadIR(text)).toThrow(IRFormatError);
      expect(() => loadIR(text)).toThrow(/nests too deeply/);
      const analysis = savedFormat?.analyze(text, "deep.json");
      expect(analysis?.ir).toBeUndefined();
      expect(analysis?.diagnostics[0]?.message).toContain("nests too deeply");
    }
  });
});
