import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "@qualify/compiler";
import { analyze } from "@qualify/language";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { Engine } from "./engines.js";
import { closureRow, openDuckDb } from "./engines.js";

/*
 * Every example model's fixture leads score identically through the
 * closures and through the compiled query in embedded DuckDB: tier, scores,
 * criteria, knockouts, raw sums and the reasons text.
 */

const EXAMPLES = fileURLToPath(new URL("../../../examples", import.meta.url));
const models = readdirSync(EXAMPLES).filter((name) => name.endsWith(".qual"));

interface Fixture {
  now?: string;
  cases: { name: string; lead: unknown; now?: string; error?: boolean }[];
}

let engine: Engine;
beforeAll(async () => {
  engine = await openDuckDb();
});
afterAll(async () => {
  await engine.close();
});

describe("the example models in DuckDB", () => {
  it("are there to test", () => {
    expect(models.length).toBeGreaterThanOrEqual(5);
  });
  for (const name of models) {
    it(`${name}: every valid fixture lead scores as the closures score it`, async () => {
      const ir = analyze(readFileSync(join(EXAMPLES, name), "utf8")).ir;
      if (ir === undefined) throw new Error(`${name} produced no IR`);
      const model = compile(ir);
      const fixture = parseYaml(readFileSync(join(EXAMPLES, name.replace(/\.qual$/, ".test.yaml")), "utf8")) as Fixture;
      const byNow = new Map<number, { name: string; lead: unknown }[]>();
      for (const c of fixture.cases) {
        if (c.error === true) continue;
        const now = Date.parse(String(c.now ?? fixture.now ?? "2026-11-01"));
        byNow.set(now, [...(byNow.get(now) ?? []), c]);
      }
      expect(byNow.size).toBeGreaterThan(0);
      for (const [now, cases] of byNow) {
        const rows = await engine.score(ir, cases.map((c) => c.lead), now);
        cases.forEach((c, i) => expect(rows[i], c.name).toEqual(closureRow(ir, model.evaluate(c.lead, { now }))));
      }
    });
  }
});
