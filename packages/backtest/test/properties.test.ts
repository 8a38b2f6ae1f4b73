import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DiffCollector, gainsTable, rankingMetrics, transitionMatrix, wilsonInterval } from "../src/index.js";

const outcome = fc.record({ score: fc.integer({ min: -5, max: 5 }), positive: fc.boolean() });

/** The Mann-Whitney statistic by brute force over every (converted, unconverted) pair. */
function mannWhitney(outcomes: readonly { score: number; positive: boolean }[]): number | null {
  const pos = outcomes.filter((o) => o.positive);
  const neg = outcomes.filter((o) => !o.positive);
  if (pos.length === 0 || neg.length === 0) return null;
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p.score > n.score ? 1 : p.score === n.score ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

describe("metric properties", () => {
  it("AUC equals the brute-force Mann-Whitney statistic, ties included", () => {
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 40 }), (outcomes) => {
        const auc = rankingMetrics(outcomes).auc;
        const expected = mannWhitney(outcomes);
        if (expected === null) expect(auc).toBeNull();
        else expect(auc).toBeCloseTo(expected, 10);
      }),
      { numRuns: 500 },
    );
  });

  it("each transition row sums to the old tier's count and the diagonal is what did not move", () => {
    const tier = fc.constantFrom("hot", "warm", "cold", "disqualified");
    fc.assert(
      fc.property(fc.array(fc.tuple(tier, tier), { maxLength: 60 }), (pairs) => {
        const m = transitionMatrix(pairs, ["hot", "warm"], ["warm", "cold"]);
        m.from.forEach((from, i) => {
          const row = (m.counts[i] ?? []).reduce((s, v) => s + v, 0);
          expect(row).toBe(pairs.filter(([a]) => a === from).length);
        });
        const stayed = m.from.reduce((s, from, i) => s + (m.to.includes(from) ? (m.counts[i]?.[m.to.indexOf(from)] ?? 0) : 0), 0);
        expect(m.moved).toBe(pairs.length - stayed);
        expect(m.total).toBe(pairs.length);
      }),
    );
  });

  it("a diff's matrix rows sum to the old tier counts, columns to the new, and up, down and stayed split the labelled leads", () => {
    const order = ["hot", "warm", "cold", "disqualified"];
    const tier = fc.constantFrom(...order);
    const rules = fc.dictionary(fc.constantFrom("s/a", "s/b", "disqualify/x"), fc.integer({ min: -3, max: 3 }), { maxKeys: 3 });
    const version = fc.record({ tier, score: fc.option(fc.integer({ min: -10, max: 10 })), rules });
    fc.assert(
      fc.property(fc.array(fc.tuple(version, version, fc.boolean()), { maxLength: 50 }), (leads) => {
        const collector = new DiffCollector(order, order, ["s"]);
        const outcome = (v: { tier: string; score: number | null; rules: Record<string, number> }) => ({ tier: v.tier, scores: { s: v.score }, fired: new Map(Object.entries(v.rules)) });
        for (const [a, b, positive] of leads) collector.add(outcome(a), outcome(b), positive);
        const report = collector.report();
        const t = report.transitions;
        t.from.forEach((from, i) => expect((t.counts[i] ?? []).reduce((s, v) => s + v, 0)).toBe(leads.filter(([a]) => a.tier === from).length));
        t.to.forEach((to, j) => expect(t.counts.reduce((s, row) => s + (row[j] ?? 0), 0)).toBe(leads.filter(([, b]) => b.tier === to).length));
        const c = report.conversion;
        // With no lead there is no label either, so no conversion figures.
        if (leads.length === 0) expect(c).toBeNull();
        else expect(c).not.toBeNull();
        const up = leads.filter(([a, b]) => order.indexOf(b.tier) < order.indexOf(a.tier));
        expect(c?.movedUp.leads ?? 0).toBe(up.length);
        expect((c?.movedUp.leads ?? 0) + (c?.movedDown.leads ?? 0)).toBe(report.moved);
        expect((c?.stayed.leads ?? 0) + report.moved).toBe(leads.length);
        // A rule is counted for a moved lead exactly when its points differ (absent = did not fire).
        for (const r of report.rules) {
          const expected = leads.filter(([a, b]) => a.tier !== b.tier && a.rules[r.rule] !== b.rules[r.rule]).length;
          expect(r.movedLeads).toBe(expected);
        }
        const known = leads.filter(([a, b]) => a.score !== null && b.score !== null);
        expect(report.scores[0]?.leads).toBe(known.length);
        expect(report.scores[0]?.changed).toBe(known.filter(([a, b]) => a.score !== b.score).length);
      }),
    );
  });

  it("gains deciles hold every lead and every conversion, and capture ends at 100%", () => {
    fc.assert(
      fc.property(fc.array(outcome, { minLength: 1, maxLength: 80 }), (outcomes) => {
        const rows = gainsTable(outcomes);
        expect(rows.reduce((s, r) => s + r.leads, 0)).toBe(outcomes.length);
        const conversions = outcomes.filter((o) => o.positive).length;
        expect(rows.reduce((s, r) => s + r.conversions, 0)).toBe(conversions);
        if (conversions > 0) expect(rows[9]?.cumulativeCapture).toBeCloseTo(1, 12);
      }),
    );
  });

  it("the Wilson interval holds the observed rate and stays in [0, 1]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const k = Math.floor(share * n);
        const r = wilsonInterval(k, n);
        expect(r.low as number).toBeGreaterThanOrEqual(0);
        expect(r.high as number).toBeLessThanOrEqual(1);
        expect(r.low as number).toBeLessThanOrEqual((r.rate as number) + 1e-12);
        expect(r.high as number).toBeGreaterThanOrEqual((r.rate as number) - 1e-12);
      }),
    );
  });
});
