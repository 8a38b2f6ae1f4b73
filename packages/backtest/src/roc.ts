/** One scored lead with its outcome, for the ranking metrics. */
export interface ScoredOutcome {
  readonly score: number;
  readonly positive: boolean;
}

/** A point of the ROC curve: the rates when leads scoring `threshold` or more are called positive. */
export interface RocPoint {
  /** null for the origin, where no lead is called positive. */
  readonly threshold: number | null;
  readonly fpr: number;
  readonly tpr: number;
}

/** How well a score ranks converted above unconverted leads. */
export interface RankingMetrics {
  /** Leads with a known score that entered the metrics. */
  readonly n: number;
  readonly positives: number;
  /** Area under the ROC curve (ties count one half); null without both outcomes. */
  readonly auc: number | null;
  /** 2 * AUC - 1. */
  readonly gini: number | null;
  /** Kolmogorov-Smirnov statistic: the largest gap between the cumulative TPR and FPR. */
  readonly ks: number | null;
  /** The threshold at which the KS gap is largest. */
  readonly ksThreshold: number | null;
  /** From (0, 0) to (1, 1), one point per distinct score, highest first. */
  readonly roc: readonly RocPoint[];
}

/**
 * ROC AUC, Gini, KS and the ROC curve of one score. Leads are grouped by
 * distinct score value, so tied leads move the curve together (a diagonal
 * step), which gives the Mann-Whitney AUC with ties counted one half.
 */
export function rankingMetrics(outcomes: readonly ScoredOutcome[]): RankingMetrics {
  const sorted = [...outcomes].sort((a, b) => b.score - a.score);
  const positives = sorted.reduce((n, o) => n + (o.positive ? 1 : 0), 0);
  const negatives = sorted.length - positives;
  const roc: RocPoint[] = [{ threshold: null, fpr: 0, tpr: 0 }];
  if (positives === 0 || negatives === 0) {
    return { n: sorted.length, positives, auc: null, gini: null, ks: null, ksThreshold: null, roc: [] };
  }
  let tp = 0;
  let fp = 0;
  let area = 0;
  let ks = 0;
  let ksThreshold: number | null = null;
  for (let i = 0; i < sorted.length; ) {
    const threshold = (sorted[i] as ScoredOutcome).score;
    let groupTp = 0;
    let groupFp = 0;
    for (; i < sorted.length && (sorted[i] as ScoredOutcome).score === threshold; i++) {
      if ((sorted[i] as ScoredOutcome).positive) groupTp++;
      else groupFp++;
    }
    // Trapezoid over the tied group: its positives rank above the negatives seen before, and tie with its own negatives.
    area += groupFp * (tp + groupTp / 2);
    tp += groupTp;
    fp += groupFp;
    const tpr = tp / positives;
    const fpr = fp / negatives;
    roc.push({ threshold, fpr, tpr });
    if (Math.abs(tpr - fpr) > ks) {
      ks = Math.abs(tpr - fpr);
      ksThreshold = threshold;
    }
  }
  const auc = area / (positives * negatives);
  return { n: sorted.length, positives, auc, gini: 2 * auc - 1, ks, ksThreshold, roc };
}
