import { afterAll, beforeAll, describe, it } from "vitest";
import { assertAgreement } from "./agreement.js";
import type { Engine } from "./engines.js";
import { openDuckDb } from "./engines.js";

let engine: Engine;
beforeAll(async () => {
  engine = await openDuckDb();
});
afterAll(async () => {
  await engine.close();
});

describe("the compiled query in DuckDB agrees with the closures row for row", () => {
  it("on generated models and valid leads", async () => {
    await assertAgreement(engine, 120, 20261207, false);
  });
  it("on generated models with a list of records (aggregates, element reads, nested lists)", async () => {
    await assertAgreement(engine, 80, 20261208, true);
  });
});
