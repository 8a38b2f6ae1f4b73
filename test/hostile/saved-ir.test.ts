// A saved IR (`qualify compile` output) is a model too, and may come from
// anywhere: reading one as a model file must apply the same regex safety as
// the checker, since its `matches` patterns never went through the checker.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileModel, ModelError, saveIR } from "../../packages/qualify/src/index.js";
import { loadModelFile, MODEL_FORMATS } from "../../packages/qualify/src/node.js";

const inbound = compileModel(readFileSync(new URL("../../examples/inbound.qual", import.meta.url), "utf8"));
const saved = saveIR(inbound.ir);
const dir = mkdtempSync(join(tmpdir(), "qualify-ir-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const savedFormat = MODEL_FORMATS.find((f) => f.extensions.includes(".json") && !f.extensions.includes(".qual.json"));

describe("a saved IR with a catastrophic `matches` pattern", () => {
  const evil = saved.replace('"^test[0-9]*@"', '"(a+)+$"');

  it("is what the test means: the pattern was swapped in", () => {
    expect(evil).not.toBe(saved);
  });

  it("is refused when read as a model file, with the regex safety code", () => {
    const analysis = savedFormat?.analyze(evil, "inbound.json");
    expect(analysis?.ir).toBeUndefined();
    expect(analysis?.diagnostics.map((d) => d.code)).toEqual(["QUAL551"]);
    expect(analysis?.diagnostics[0]?.message).toContain("(a+)+$");
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
