import { compileModel } from "qualify";
import { describe, expect, it } from "vitest";
import { BacktestCollector, tierThresholds } from "../src/index.js";

const SOURCE = `model demo "Demo"
input {
  size: number
  channel: text?
}
score fit "Fit" max 50 {
  "Big":      +30 when size >= 100
  "Referral": +20 when channel = "referral"
}
disqualify "Tiny" when size < 1
tier hot  "Hot"  when fit >= 40
tier warm "Warm" when 20 <= fit
tier cold "Cold" otherwise
`;

const model = compileModel(SOURCE);

function observe(lead: Record<string, unknown>, positive: boolean, period?: string) {
  const r = model.evaluate(lead);
  return {
    tier: r.tier,
    scores: model.ir.scores.map((s) => r.scores[s.id] ?? null),
    fired: [...r.reasons.map((x) => `${x.score}/${x.rule}`), ...r.disqualified.map((d) => `disqualify/${d}`)],
    positive,
    period,
  };
}

describe("backtest report", () => {
  it("reads the score thresholds from tier conditions, either way round", () => {
    expect(tierThresholds(model.ir)).toEqual([
      { tier: "hot", score: "fit", op: ">=", value: 40 },
      { tier: "warm", score: "fit", op: ">=", value: 20 },
    ]);
  });

  it("counts tiers, rules, thresholds and periods on a hand-made history", () => {
    const c = new BacktestCollector(model.ir);
    // hot (50): 2 leads, both converted; warm (30 or 20): 3 leads, 1 converted; cold: 2, none; disqualified: 1.
    c.add(observe({ size: 200, channel: "referral" }, true, "2024-01"));
    c.add(observe({ size: 300, channel: "referral" }, true, "2024-02"));
    c.add(observe({ size: 150 }, true, "2024-01"));
    c.add(observe({ size: 120 }, false, "2024-02"));
    c.add(observe({ size: 5, channel: "referral" }, false, "2024-03"));
    c.add(observe({ size: 5 }, false, "2024-03"));
    c.add(observe({ size: 9 }, false, "2024-04"));
    c.add(observe({ size: 0 }, false));
    const r = c.report();
    expect(r.leads).toBe(8);
    expect(r.conversions).toBe(3);
    expect(r.tiers.map((t) => [t.tier, t.leads, t.conversions])).toEqual([["disqualified", 1, 0], ["hot", 2, 2], ["warm", 3, 1], ["cold", 2, 0]]);
    expect(r.tiers[1]?.lift).toBeCloseTo(1 / (3 / 8), 12);
    const fit = r.scores[0];
    // Past 40: the two hot leads, both converted; past 20: five leads, all three conversions.
    expect(fit?.thresholds).toEqual([
      { tier: "hot", op: ">=", value: 40, leads: 2, precision: 1, recall: 2 / 3 },
      { tier: "warm", op: ">=", value: 20, leads: 5, precision: 0.6, recall: 1 },
    ]);
    const big = r.rules.find((x) => x.rule === "fit/Big");
    expect(big).toMatchObject({ firedConverted: 3, firedUnconverted: 1, rateWhenFired: 0.75, rateWhenNotFired: 0 });
    expect(r.rules.find((x) => x.rule === "disqualify/Tiny")).toMatchObject({ firedConverted: 0, firedUnconverted: 1 });
    // Median of the 7 periods (sorted) is "2024-02": 2 leads before, 5 from then on, 1 without.
    expect(r.stability).toMatchObject({ splitAt: "2024-02", before: 2, after: 5, unassigned: 1 });
    expect(r.stability?.tiers.before.reduce((s, v) => s + v, 0)).toBe(2);
    expect(r.stability?.tiers.band).toBe("major shift");
    expect(fit?.histogram.converted.reduce((s, v) => s + v, 0)).toBe(3);
    expect(fit?.histogram.unconverted.reduce((s, v) => s + v, 0)).toBe(5);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("reports no stability without a period column", () => {
    const c = new BacktestCollector(model.ir);
    c.add(observe({ size: 200 }, true));
    expect(c.report().stability).toBeNull();
  });
});
