import { describe, expect, it } from "vitest";
import { binCounts, decileEdges, gainsTable, populationStability, psiBand, rankingMetrics, ruleStats, wilsonInterval } from "../src/index.js";

const outcomes = (pos: number[], neg: number[]) => [...pos.map((score) => ({ score, positive: true })), ...neg.map((score) => ({ score, positive: false }))];

describe("Wilson interval", () => {
  it("matches the textbook bounds for 5 of 10", () => {
    const r = wilsonInterval(5, 10);
    expect(r.rate).toBe(0.5);
    expect(r.low).toBeCloseTo(0.2366, 4);
    expect(r.high).toBeCloseTo(0.7634, 4);
  });
  it("does not collapse for a tier with no conversions", () => {
    const r = wilsonInterval(0, 10);
    expect(r.low).toBe(0);
    expect(r.high).toBeCloseTo(0.2775, 4);
  });
  it("has no rate without leads", () => {
    expect(wilsonInterval(0, 0)).toEqual({ rate: null, low: null, high: null });
  });
});

describe("ranking metrics", () => {
  it("counts tied pairs one half in the AUC (hand-computed 5/6)", () => {
    // Pairs (pos, neg): (3,2)=1 (3,1)=1 (2,2)=1/2 (2,1)=1 (2,2)=1/2 (2,1)=1 -> 5 of 6.
    const m = rankingMetrics(outcomes([3, 2, 2], [2, 1]));
    expect(m.auc).toBeCloseTo(5 / 6, 12);
    expect(m.gini).toBeCloseTo(2 / 3, 12);
  });
  it("finds the KS gap at the threshold where TPR - FPR is largest", () => {
    // At >= 3: TPR 1/3, FPR 0; at >= 2: TPR 1, FPR 1/2; at >= 1: both 1.
    const m = rankingMetrics(outcomes([3, 2, 2], [2, 1]));
    expect(m.ks).toBeCloseTo(0.5, 12);
    expect(m.ksThreshold).toBe(2);
    expect(m.roc.map((p) => [p.fpr, p.tpr])).toEqual([[0, 0], [0, 1 / 3], [0.5, 1], [1, 1]]);
  });
  it("gives AUC 1 for a perfect ranking and 0.5 when every score ties", () => {
    expect(rankingMetrics(outcomes([5, 4], [1, 0])).auc).toBe(1);
    expect(rankingMetrics(outcomes([1, 1], [1, 1, 1])).auc).toBe(0.5);
  });
  it("has no AUC when only one outcome occurs", () => {
    expect(rankingMetrics(outcomes([1, 2], [])).auc).toBeNull();
  });
});

describe("gains table", () => {
  it("cuts ten leads into ten deciles with capture and lift", () => {
    // Scores 10..1, converted at 10, 9 and 5: base rate 0.3.
    const rows = gainsTable([10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((score) => ({ score, positive: [10, 9, 5].includes(score) })));
    expect(rows.map((r) => r.conversions)).toEqual([1, 1, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(rows[0]?.lift).toBeCloseTo(1 / 0.3, 12);
    expect(rows[1]?.cumulativeCapture).toBeCloseTo(2 / 3, 12);
    expect(rows[1]?.cumulativeLift).toBeCloseTo(1 / 0.3, 12);
    expect(rows[5]?.cumulativeCapture).toBe(1);
    expect(rows[9]?.cumulativeLift).toBeCloseTo(1, 12);
  });
  it("spreads leads that do not divide by ten over the deciles", () => {
    const rows = gainsTable(Array.from({ length: 25 }, (_, i) => ({ score: i, positive: i % 2 === 0 })));
    expect(rows.map((r) => r.leads)).toEqual([3, 2, 3, 2, 3, 2, 3, 2, 3, 2]);
    expect(rows[0]).toMatchObject({ maxScore: 24, minScore: 22 });
  });
});

describe("population stability", () => {
  it("matches the hand-computed PSI of a 50/50 mix that became 25/75", () => {
    // (0.25 - 0.5) ln(0.5) + (0.75 - 0.5) ln(1.5) = 0.25 (ln 2 + ln 1.5)
    const psi = populationStability([50, 50], [25, 75]);
    expect(psi).toBeCloseTo(0.25 * (Math.log(2) + Math.log(1.5)), 12);
    expect(psiBand(psi as number)).toBe("major shift");
  });
  it("is 0 for the same mix and reads the usual bands", () => {
    expect(populationStability([10, 30], [20, 60])).toBe(0);
    expect([0.05, 0.1, 0.2, 0.25, 0.3].map(psiBand)).toEqual(["stable", "moderate shift", "moderate shift", "moderate shift", "major shift"]);
  });
  it("floors empty bins instead of giving infinity", () => {
    expect(Number.isFinite(populationStability([10, 0], [5, 5]))).toBe(true);
  });
  it("bins scores by the baseline's deciles without repeated edges", () => {
    const edges = decileEdges([0, 0, 0, 0, 0, 10, 10, 10, 20, 30]);
    expect(edges).toEqual([0, 10, 20]);
    expect(binCounts([0, 5, 10, 15, 20, 99], edges)).toEqual([1, 2, 2, 1]);
  });
});

describe("rule statistics", () => {
  it("compares conversion when a rule fired with when it did not", () => {
    // 40 converted, 60 not; the rule fired for 30 converted and 10 unconverted.
    const r = ruleStats("fit/Big", 30, 10, 40, 60);
    expect(r.rateWhenFired).toBe(0.75);
    expect(r.rateWhenNotFired).toBeCloseTo(10 / 60, 12);
    expect(r.lift).toBeCloseTo(4.5, 12);
    expect(r.firedConvertedShare).toBe(0.75);
    expect(r.firedUnconvertedShare).toBeCloseTo(1 / 6, 12);
  });
});
