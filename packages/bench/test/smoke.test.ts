import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL_CONTENDERS } from "../src/contenders/all.js";
import type { Contender, Outcome, Workload } from "../src/contenders/contender.js";
import { GENERATED_POINTS_PATH, pointsHandwrittenText } from "../src/handwritten/write-handwritten.js";
import { checkAgreement, prepareAll, referenceOutcomes } from "../src/harness/agreement.js";
import { agreementOnly } from "../src/harness/throughput.js";
import { bantWorkload, pointsWorkload } from "../src/harness/workloads.js";
import type { FieldSpec } from "../src/workloads/model-spec.js";
import type { Lead } from "../src/workloads/points-leads.js";

/**
 * The benchmark's smoke check (what `pnpm --filter @qualify/bench bench:smoke`
 * runs, on a few leads): every contender gives every lead the same tier and
 * total as the hand-written function. No timings are asserted anywhere.
 */

const ALWAYS_AVAILABLE = ["handwritten", "qualify-fast", "qualify-aot", "qualify-full", "qualify-fast-validated", "json-logic", "json-rules-engine", "cel-js", "filtrex"];

function failing(reports: Awaited<ReturnType<typeof agreementOnly>>) {
  return reports
    .filter((r) => r.status === "disagrees" || r.status === "failed")
    .map((r) => ({ contender: r.contender, status: r.status, reason: r.reason, first: r.mismatches[0] }));
}

describe("the smoke check", () => {
  for (const make of [bantWorkload, pointsWorkload]) {
    it(`finds every contender agreeing with the hand-written function on ${make(1).id} leads`, async () => {
      const reports = await agreementOnly(make(150), ALL_CONTENDERS);
      expect(failing(reports)).toEqual([]);
      const agreeing = reports.filter((r) => r.status === "agrees" && r.checked === 150).map((r) => r.contender);
      expect(agreeing).toEqual(expect.arrayContaining(ALWAYS_AVAILABLE));
    });
  }

  it("reports a contender that gets one tier wrong as disagreeing, with the lead", async () => {
    const workload = bantWorkload(50);
    const [handwritten] = ALL_CONTENDERS;
    const wrong: Contender = {
      id: "wrong",
      label: "wrong",
      notes: "",
      async prepare(w) {
        const runner = await (handwritten as Contender).prepare(w);
        let calls = 0;
        // Wrong on the seventh lead only: the check must look at every lead.
        return { ...runner, outcome: (result: unknown): Outcome => ({ ...runner.outcome(result), ...(++calls === 7 ? { tier: "nope" } : {}) }) };
      },
    };
    const [prepared] = await prepareAll([wrong], workload);
    const report = await checkAgreement(prepared as NonNullable<typeof prepared>, workload, await referenceOutcomes(workload));
    expect(report.status).toBe("disagrees");
    expect(report.mismatchCount).toBe(1);
    expect(report.mismatches[0]?.index).toBe(6);
    expect(report.mismatches[0]?.actual).toMatchObject({ tier: "nope" });
  });

  it("reports a contender that throws while being built as failed, and keeps going", async () => {
    const broken: Contender = { id: "broken", label: "broken", notes: "", prepare: () => Promise.reject(new Error("model rejected")) };
    const reports = await agreementOnly(bantWorkload(5), [ALL_CONTENDERS[0] as Contender, broken]);
    expect(reports.map((r) => r.status)).toEqual(["agrees", "failed"]);
    expect(reports[1]?.reason).toBe("model rejected");
  });
});

describe("the workloads", () => {
  it("are the same on every run (seeded)", () => {
    expect(pointsWorkload(200).leads).toEqual(pointsWorkload(200).leads);
    expect(bantWorkload(200).leads).toEqual(bantWorkload(200).leads);
    expect(pointsWorkload(1).qualSource).toBe(pointsWorkload(1).qualSource);
  });

  it("miss fields in about 10% of points leads, 3 to 8 at a time", () => {
    const leads = pointsWorkload(5_000).leads;
    const missingCounts = leads.map((lead) => 30 - Object.values(lead).filter((v) => v !== null).length).filter((n) => n > 0);
    expect(missingCounts.length / leads.length).toBeGreaterThan(0.07);
    expect(missingCounts.length / leads.length).toBeLessThan(0.13);
    expect(Math.min(...missingCounts)).toBe(3);
    expect(Math.max(...missingCounts)).toBe(8);
  });

  it("spread BANT and points leads over all three tiers", async () => {
    for (const workload of [bantWorkload(2_000), pointsWorkload(2_000)]) {
      const tiers = new Set((await referenceOutcomes(workload)).map((o) => o.tier));
      expect([...tiers].sort()).toEqual(["cold", "mql", "sql"]);
    }
  });

  it("keep the checked-in hand-written points function in step with the rule generator", () => {
    expect(readFileSync(GENERATED_POINTS_PATH, "utf8")).toBe(pointsHandwrittenText());
  });
});

/** Arbitrary values for a field: right-typed values near the rules' thresholds, any case, absent or null. */
function fieldValue(field: FieldSpec): fc.Arbitrary<unknown> {
  const word = (words: readonly string[]) =>
    fc.tuple(fc.constantFrom(...words, "Other", ""), fc.constantFrom("lower", "upper", "same")).map(([w, c]) => (c === "lower" ? w.toLowerCase() : c === "upper" ? w.toUpperCase() : w));
  switch (field.kind) {
    case "number": {
      const [low, high] = field.range ?? [0, 100];
      return fc.integer({ min: low - 2, max: high });
    }
    case "text":
      return word(field.vocabulary ?? ["x"]);
    case "email":
      return fc.tuple(fc.constantFrom("a", "x.y", "ceo"), word(field.domains ?? [".com"])).map(([u, d]) => (d.startsWith("@") ? `${u}${d}` : `${u}@org${d}`));
    case "bool":
      return fc.boolean();
    case "list":
      return fc.array(fc.constantFrom("churn", "cost"), { maxLength: 2 });
  }
}

function leadArbitrary(workload: Workload): fc.Arbitrary<Lead> {
  const entries = workload.spec.fields.map((field) => {
    // A required list (BANT's pains) is always there; everything else may be absent or null.
    const value = field.kind === "list" ? fieldValue(field) : fc.option(fieldValue(field), { nil: null, freq: 4 });
    return [field.name, value] as const;
  });
  const required = workload.spec.fields.filter((f) => f.kind === "list").map((f) => f.name);
  return fc.record(Object.fromEntries(entries), { requiredKeys: required }) as fc.Arbitrary<Lead>;
}

describe("agreement on generated leads (property)", () => {
  for (const make of [bantWorkload, pointsWorkload]) {
    it(`holds for every contender on arbitrary ${make(1).id} leads`, async () => {
      const template = make(1);
      await fc.assert(
        fc.asyncProperty(fc.array(leadArbitrary(template), { minLength: 1, maxLength: 8 }), async (leads) => {
          const reports = await agreementOnly({ ...template, leads }, ALL_CONTENDERS);
          expect(failing(reports)).toEqual([]);
        }),
        { numRuns: 60, seed: 20261122 },
      );
    });
  }
});
