import { compile, InvalidLeadError, parseDateText } from "@qualify/compiler";
import type { CompiledModel, LeadIssue } from "@qualify/compiler";
import type { EvaluationResult, JsonValue, ModelIR } from "@qualify/ir";
import { coerceCell, MISSING } from "./coerce.js";
import { planFieldSources } from "./field-sources.js";
import { setOwn } from "./own-property.js";
import type { FieldMap, FieldSource } from "./field-sources.js";

/** What {@link mapValue} gives when the map file says nothing about a value. */
const UNMAPPED: unique symbol = Symbol("unmapped");

/** Everything a scorer needs, as plain data so it can be sent to a worker thread. */
export interface ScorerConfig {
  readonly ir: ModelIR;
  /** `--map` entries: model field path -> column and value mapping. */
  readonly map?: readonly (readonly [string, { readonly column: string; readonly values?: Readonly<Record<string, JsonValue>> }])[];
  readonly now?: string;
}

/** A problem that made a row invalid, as written to `--errors`. */
export interface RowIssue {
  readonly path: string;
  readonly expected: string;
  readonly value: unknown;
  readonly message: string;
}

/** What scoring one row gave: the output columns, or why the row was rejected. */
export type RowOutcome =
  | { readonly ok: true; readonly tier: string; readonly scores: readonly (number | null)[]; readonly reasons: string }
  | { readonly ok: false; readonly errors: readonly RowIssue[] };

/** What evaluating one row gave: the full result, or why the row was rejected. */
export type EvaluationOutcome = { readonly ok: true; readonly result: EvaluationResult } | { readonly ok: false; readonly errors: readonly RowIssue[] };

/**
 * Turns input rows into leads (CSV text converted to the declared types, map
 * file applied) and scores them with the full evaluator, since the output has
 * a `reasons` column.
 */
export class RowScorer {
  private readonly model: CompiledModel;
  private readonly sources: readonly FieldSource[];
  private readonly mapped: readonly FieldSource[];
  private readonly scoreIds: readonly string[];
  /** Epoch ms, parsed once: the evaluator would otherwise parse the text for every row. */
  private readonly now: number | undefined;
  private columnsKey: readonly string[] | undefined;
  private columnIndex: readonly number[] = [];

  constructor(config: ScorerConfig) {
    this.model = compile(config.ir);
    const map: FieldMap | undefined = config.map ? { fields: new Map(config.map) } : undefined;
    this.sources = planFieldSources(config.ir.inputs, map);
    this.mapped = map ? this.sources.filter((s) => map.fields.has(s.path.join("."))) : [];
    this.scoreIds = config.ir.scores.map((s) => s.id);
    this.now = config.now === undefined ? undefined : parseDateText(config.now);
  }

  /** Scores one CSV row, given the header (the column lookup is cached per header). */
  scoreCells(columns: readonly string[], cells: readonly string[]): RowOutcome {
    if (this.columnsKey !== columns) {
      this.columnsKey = columns;
      this.columnIndex = this.sources.map((s) => columns.indexOf(s.column));
    }
    return this.scoreLead(this.csvLead(cells));
  }

  /** The lead a CSV row becomes (cells converted to the declared types, the map applied), for `explain --row`. */
  leadOfCells(columns: readonly string[], cells: readonly string[]): Record<string, unknown> {
    this.columnsKey = columns;
    this.columnIndex = this.sources.map((s) => columns.indexOf(s.column));
    return this.csvLead(cells);
  }

  /** The lead a JSON Lines object becomes with the map applied, for `explain --row`. */
  leadOfObject(row: Readonly<Record<string, unknown>>): unknown {
    return this.mapped.length === 0 ? row : this.jsonLead(row);
  }

  /** Scores one JSON Lines object; without a map file it is the lead itself. */
  scoreObject(row: Readonly<Record<string, unknown>>): RowOutcome {
    return this.scoreLead(this.mapped.length === 0 ? row : this.jsonLead(row));
  }

  /**
   * Evaluates one CSV row and returns the full result (for backtests and
   * diffs, which need the rules that fired). `now` (epoch ms) overrides the
   * run's evaluation time for this row.
   */
  evaluateCells(columns: readonly string[], cells: readonly string[], now?: number): EvaluationOutcome {
    if (this.columnsKey !== columns) {
      this.columnsKey = columns;
      this.columnIndex = this.sources.map((s) => columns.indexOf(s.column));
    }
    return this.evaluateLead(this.csvLead(cells), now);
  }

  /** Evaluates one JSON Lines object; see {@link evaluateCells}. */
  evaluateObject(row: Readonly<Record<string, unknown>>, now?: number): EvaluationOutcome {
    return this.evaluateLead(this.mapped.length === 0 ? row : this.jsonLead(row), now);
  }

  private csvLead(row: readonly string[]): Record<string, unknown> {
    const lead: Record<string, unknown> = {};
    const sources = this.sources;
    const columnIndex = this.columnIndex;
    // A plain loop with no closure per cell: this runs for every field of every row.
    for (let i = 0; i < sources.length; i++) {
      const index = columnIndex[i] ?? -1;
      if (index < 0) continue;
      const text = row[index];
      if (text === undefined) continue;
      const source = sources[i] as FieldSource;
      const mapped = source.values === undefined ? UNMAPPED : mapValue(source, text);
      const value = mapped === UNMAPPED ? coerceCell(text, source.type) : mapped;
      if (value === MISSING) continue;
      if (source.path.length === 1) setOwn(lead, source.path[0] as string, value);
      else setPath(lead, source.path, value);
    }
    return lead;
  }

  private jsonLead(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const lead: Record<string, unknown> = { ...row };
    for (const source of this.mapped) {
      const raw = Object.hasOwn(row, source.column) ? row[source.column] : undefined;
      const mapped = raw === undefined || raw === null ? MISSING : mapValue(source, raw);
      const value = mapped === UNMAPPED ? raw : mapped;
      if (value === MISSING) clearPath(lead, source.path);
      else setPath(lead, source.path, value);
    }
    return lead;
  }

  private scoreLead(lead: unknown): RowOutcome {
    const outcome = this.evaluateLead(lead);
    if (!outcome.ok) return outcome;
    const result = outcome.result;
    return { ok: true, tier: result.tier, scores: this.scoreIds.map((id) => result.scores[id] ?? null), reasons: reasonsText(result) };
  }

  private evaluateLead(lead: unknown, now: number | undefined = this.now): EvaluationOutcome {
    try {
      return { ok: true, result: this.model.evaluate(lead, now === undefined ? {} : { now }) };
    } catch (error) {
      if (error instanceof InvalidLeadError) return { ok: false, errors: error.issues.map(toRowIssue) };
      return { ok: false, errors: [{ path: "", expected: "", value: null, message: error instanceof Error ? error.message : String(error) }] };
    }
  }
}

/**
 * The short `reasons` column: the knockouts that fired, then each rule that
 * fired with its points, grouped by score: "fit: Mid-market company +20; Target country +10; engagement: Whitepaper +15".
 */
export function reasonsText(result: EvaluationResult): string {
  const parts: string[] = [];
  if (result.disqualified.length > 0) parts.push(`disqualified: ${result.disqualified.join(", ")}`);
  let group: string | undefined;
  for (const reason of result.reasons) {
    const value = reason.points;
    // toPrecision only for fractions: it hides float noise (0.1 + 0.2) but costs time on every row.
    const points = `${value > 0 ? "+" : ""}${Number.isInteger(value) ? value : Number(value.toPrecision(12))}`;
    parts.push(reason.score === group ? `${reason.rule} ${points}` : `${reason.score}: ${reason.rule} ${points}`);
    group = reason.score;
  }
  return parts.join("; ");
}

/** The value a `--map` entry gives for this input value, MISSING for null, or UNMAPPED. */
function mapValue(source: FieldSource, raw: unknown): unknown {
  if (source.values !== undefined && (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean")) {
    const key = String(raw);
    const hit = Object.hasOwn(source.values, key) ? key : Object.hasOwn(source.values, key.trim()) ? key.trim() : undefined;
    if (hit !== undefined) {
      const mapped = source.values[hit];
      return mapped === null || mapped === undefined ? MISSING : mapped;
    }
  }
  return UNMAPPED;
}

// Leads are built from own properties only, and path parts come from the
// model's declared field names, never from input data.
function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string;
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    const copy: Record<string, unknown> = next !== null && typeof next === "object" && !Array.isArray(next) ? { ...(next as Record<string, unknown>) } : {};
    setOwn(node, key, copy);
    node = copy;
  }
  setOwn(node, path[path.length - 1] as string, value);
}

function clearPath(target: Record<string, unknown>, path: readonly string[]): void {
  let node: Record<string, unknown> | undefined = target;
  for (let i = 0; i < path.length - 1 && node; i++) {
    const key = path[i] as string;
    const next: unknown = Object.hasOwn(node, key) ? node[key] : undefined;
    if (next === null || typeof next !== "object") return;
    const copy = { ...(next as Record<string, unknown>) };
    setOwn(node, key, copy);
    node = copy;
  }
  if (node) delete node[path[path.length - 1] as string];
}

function toRowIssue(issue: LeadIssue): RowIssue {
  // A missing value is written as null, so every issue in --errors has all four keys.
  return { path: issue.path, expected: issue.expected, value: issue.value === undefined ? null : issue.value, message: issue.message };
}
