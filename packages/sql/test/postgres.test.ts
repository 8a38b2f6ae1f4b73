import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "@qualify/compiler";
import { analyze } from "@qualify/language";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { assertAgreement } from "./agreement.js";
import type { Engine } from "./engines.js";
import { closureRow } from "./engines.js";
import { postgresForTests } from "./postgres-server.js";

/*
 * The same suite as DuckDB's, against a real PostgreSQL server (started by
 * scripts/ensure-postgres.sh): every example's fixture leads, and generated
 * models and leads, score as the closures score them.
 */

const EXAMPLES = fileURLToPath(new URL("../../../examples", import.meta.url));
const models = readdirSync(EXAMPLES).filter((name) => name.endsWith(".qual"));

let engine: Engine | undefined;
let skip: string | undefined;
beforeAll(async () => {
  ({ engine, skip } = await postgresForTests());
});
afterAll(async () => {
  await engine?.close();
});

interface Fixture {
  now?: string;
  cases: { name: string; lead: unknown; now?: string; error?: boolean }[];
}

describe("the compiled query in PostgreSQL", () => {
  for (const name of models) {
    it(`${name}: every valid fixture lead scores as the closures score it`, async (context) => {
      if (engine === undefined) return context.skip(skip);
      const ir = analyze(readFileSync(join(EXAMPLES, name), "utf8")).ir;
      if (ir === undefined) throw new Error(`${name} produced no IR`);
      const model = compile(ir);
      const fixture = parseYaml(readFileSync(join(EXAMPLES, name.replace(/\.qual$/, ".test.yaml")), "utf8")) as Fixture;
      let compared = 0;
      for (const c of fixture.cases) {
        if (c.error === true) continue;
        const now = Date.parse(String(c.now ?? fixture.now ?? "2026-11-01"));
        const [row] = await engine.score(ir, [c.lead], now);
        expect(row, c.name).toEqual(closureRow(ir, model.evaluate(c.lead, { now })));
        compared++;
      }
      expect(compared).toBeGreaterThan(0);
    });
  }

  it("agrees with the closures on generated models and valid leads", async (context) => {
    if (engine === undefined) return context.skip(skip);
    await assertAgreement(engine, 60, 20261207, false);
  });

  it("agrees with the closures on generated models with a list of records", async (context) => {
    if (engine === undefined) return context.skip(skip);
    await assertAgreement(engine, 40, 20261208, true);
  });
});
