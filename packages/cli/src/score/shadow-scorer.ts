import type { ModelIR } from "@qualify/ir";
import { assignmentBucket } from "./assignment-hash.js";
import type { InputRecord } from "./input-records.js";
import { RowScorer } from "./row-scorer.js";
import type { RowIssue, RowOutcome, ScorerConfig } from "./row-scorer.js";

/** `--shadow` (and `--split`) as plain data, so it can be sent to a worker thread. */
export interface ShadowConfig {
  /** The shadow (challenger) model. */
  readonly ir: ModelIR;
  /** The part of `--map` that concerns the shadow model. */
  readonly map?: ScorerConfig["map"];
  /** With `--split`: buckets (of 10,000) that go to the challenger, and the column holding each lead's id. */
  readonly split?: { readonly buckets: number; readonly idColumn: string };
}

/** A cell the shadow columns add: text, a number, or null (unknown or empty). */
export type ShadowValue = string | number | null;

/** What the shadow model made of one row that the live model scored. */
export type ShadowOutcome =
  | {
      readonly ok: true;
      /** In the order of {@link shadowColumns}. */
      readonly values: readonly ShadowValue[];
      /** The shadow tier; null when the shadow model rejected the row. */
      readonly tier: string | null;
      /** With `--split`: whether the challenger decides this lead. */
      readonly challenger: boolean;
    }
  | { readonly ok: false; readonly errors: readonly RowIssue[] };

/**
 * The columns `--shadow` adds after the live ones: `shadow_tier`, one
 * `shadow_<score>` per shadow score, `shadow_reasons`; with `--split` also
 * `assigned` (champion or challenger: the model that decides the lead) and
 * `assigned_tier` (that model's tier, the one to act on).
 */
export function shadowColumns(config: ShadowConfig): string[] {
  return ["shadow_tier", ...config.ir.scores.map((s) => `shadow_${s.id}`), "shadow_reasons", ...(config.split ? ["assigned", "assigned_tier"] : [])];
}

/**
 * Scores rows with the shadow model beside the live one. In shadow mode a row
 * the shadow model rejects keeps its live result, with empty shadow columns
 * and the reason in `shadow_reasons`. With `--split`, a row without an id, or
 * one the deciding model rejects, is rejected: a lead must never be routed
 * by a model that could not score it.
 */
export class ShadowScorer {
  private readonly scorer: RowScorer;
  private readonly scoreCount: number;
  private readonly split: ShadowConfig["split"];
  private idKey: readonly string[] | undefined;
  private idIndex = -1;

  constructor(config: ShadowConfig, now: string | undefined) {
    this.scorer = new RowScorer({ ir: config.ir, ...(config.map ? { map: config.map } : {}), ...(now === undefined ? {} : { now }) });
    this.scoreCount = config.ir.scores.length;
    this.split = config.split;
  }

  /** The shadow columns of a row the live model scored as `live`. */
  score(record: InputRecord & ({ cells: readonly string[] } | { json: Readonly<Record<string, unknown>> }), columns: readonly string[] | undefined, live: RowOutcome & { ok: true }): ShadowOutcome {
    let challenger = false;
    if (this.split) {
      const id = this.leadId(record, columns);
      if (id === undefined) {
        const value = "cells" in record ? (record.cells[this.idIndex] ?? null) : (record.json[this.split.idColumn] ?? null);
        return { ok: false, errors: [{ path: this.split.idColumn, expected: "a lead id", value, message: `the --id-column ${JSON.stringify(this.split.idColumn)} is empty, so the lead cannot be assigned to a model` }] };
      }
      challenger = assignmentBucket(id) < this.split.buckets;
    }
    const outcome = "cells" in record ? this.scorer.scoreCells(columns ?? [], record.cells) : this.scorer.scoreObject(record.json);
    if (!outcome.ok) {
      if (challenger) return { ok: false, errors: outcome.errors.map((e) => ({ ...e, message: `the challenger (--shadow) model, which this lead is assigned to: ${e.message}` })) };
      const reasons = `rejected: ${outcome.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join("; ")}`;
      const values: ShadowValue[] = [null, ...new Array<null>(this.scoreCount).fill(null), reasons];
      if (this.split) values.push("champion", live.tier);
      return { ok: true, values, tier: null, challenger };
    }
    const values: ShadowValue[] = [outcome.tier, ...outcome.scores, outcome.reasons];
    if (this.split) values.push(challenger ? "challenger" : "champion", challenger ? outcome.tier : live.tier);
    return { ok: true, values, tier: outcome.tier, challenger };
  }

  private leadId(record: InputRecord & ({ cells: readonly string[] } | { json: Readonly<Record<string, unknown>> }), columns: readonly string[] | undefined): string | undefined {
    const column = this.split?.idColumn as string;
    let raw: unknown;
    if ("cells" in record) {
      if (this.idKey !== columns) {
        this.idKey = columns;
        this.idIndex = (columns ?? []).indexOf(column);
      }
      raw = record.cells[this.idIndex];
    } else {
      raw = Object.hasOwn(record.json, column) ? record.json[column] : undefined;
    }
    if (typeof raw !== "string" && typeof raw !== "number") return undefined;
    const id = String(raw).trim();
    return id === "" ? undefined : id;
  }
}
