import type { Expr, ModelIR, ScoreGroupIR } from "@qualify/ir";
import { DISQUALIFIED_TIER, exprChildren } from "@qualify/ir";
import type { Dialect, DialectName } from "./dialect.js";
import { duckdb } from "./dialects/duckdb.js";
import { postgres } from "./dialects/postgres.js";
import type { SqlDiagnostic } from "./errors.js";
import { SqlCompileError } from "./errors.js";
import { SqlExprCompiler } from "./compile-expr.js";
import { InputReader, inputColumns } from "./input-columns.js";
import { comment, ident, indent, numberText, textLiteral } from "./sql-text.js";

/** The dialect objects by name. */
export const DIALECTS: Readonly<Record<DialectName, Dialect>> = Object.freeze({ duckdb, postgres });

/** Options of {@link compileToSql}. */
export interface SqlOptions {
  readonly dialect: DialectName;
  /**
   * The relation the leads come from, as SQL: a table or view name (quote it
   * with {@link relationName}) or, in DuckDB, a table function such as
   * `read_parquet('leads.parquet')`.
   */
  readonly source: string;
  /** The evaluation time (epoch milliseconds) written into the query; absent: the engine's current time when the query runs. */
  readonly now?: number;
  /**
   * The input relation's columns, when known: the output lists them
   * explicitly, leaving out any named like an added column (the added one
   * replaces it, as `qualify score` does). Absent: every input column is
   * carried through as it is.
   */
  readonly columns?: readonly string[];
  /**
   * The source column of each input field, by its dotted name, when it is
   * not the field's own name (a wrapper that typed CSV text beside the
   * original cells, say).
   */
  readonly fieldColumns?: Readonly<Record<string, string>>;
  /** `full` (default): tier, scores, criteria, disqualified, raw sums, reasons. `score`: what `qualify score` writes (tier, scores, reasons). */
  readonly output?: "full" | "score";
}

/** A compiled query. */
export interface SqlQuery {
  readonly dialect: DialectName;
  /** One SELECT (a WITH query), without a trailing semicolon. */
  readonly sql: string;
  /** The columns the query adds to the input's, in order. */
  readonly added: readonly string[];
}

/** A table or view name, quoted: `sales.leads` becomes `"sales"."leads"`. */
export function relationName(name: string): string {
  return name.split(".").map(ident).join(".");
}

/** The name of the raw-sum column of a points group. */
export function rawColumn(groupId: string): string {
  return `raw.${groupId}`;
}

const INTERNAL = "__q_";

interface Cte {
  readonly name: string;
  readonly notes: readonly string[];
  readonly columns: readonly (readonly [string, string, string?])[];
}

/**
 * Compiles a model to one SQL SELECT over the source, yielding the input
 * columns plus `tier`, each score, each criterion (true, false or NULL for
 * unknown), `disqualified` (the knockouts that fired), the raw sum of each
 * points group (`raw.ID`) and `reasons` (the text `qualify score` writes).
 * One CTE per declaration group, commented with labels.
 * @throws SqlCompileError listing every construct the dialect cannot run with the same meaning.
 */
export function compileToSql(ir: ModelIR, options: SqlOptions): SqlQuery {
  const d = DIALECTS[options.dialect];
  if (d === undefined) throw new TypeError(`Unknown SQL dialect ${JSON.stringify(options.dialect)}; use "duckdb" or "postgres".`);
  const diagnostics: SqlDiagnostic[] = [];
  const fieldColumn = (path: readonly string[]): string => ident(`${INTERNAL}f:${path.join(".")}`);
  const refColumn = (target: string, id: string): string => ident(`${INTERNAL}${target[0]}:${id}`);
  const now = options.now === undefined ? d.nowMs() : `CAST(${numberText(options.now)} AS ${d.double})`;
  // A text field's case-folded value, computed once per row in its own CTE
  // (`folded`) for the comparisons that read it: a 100-rule model tests some
  // fields in many rules, and each test folding it again cost about 7% of a
  // DuckDB run.
  const columnsOfInputs = inputColumns(ir.inputs);
  const textFields = new Map(
    columnsOfInputs
      .filter((c) => c.type.kind === "text" || c.type.kind === "choice")
      .map((c) => [fieldColumn(c.path), ident(`${INTERNAL}lf:${c.name}`)] as const),
  );
  const foldedFields = new Map<string, string>();
  const folded = (sql: string): string | undefined => {
    const column = textFields.get(sql);
    if (column !== undefined) foldedFields.set(sql, column);
    return column;
  };
  const exprs = new SqlExprCompiler({ dialect: d, now, field: fieldColumn, ref: refColumn, diagnostics, folded });
  const reader = new InputReader(d);
  const internal: string[] = [];
  const ctes: Cte[] = [];
  const carry = d.carryRow(options.source);

  const leadColumns = columnsOfInputs.map((c) => {
    const name = fieldColumn(c.path);
    internal.push(name);
    return [name, reader.read(`"__q_src".${ident(options.fieldColumns?.[c.name] ?? c.name)}`, c.type, c.field.default), `${c.name}: ${c.field.doc ?? ""}`.trim()] as const;
  });
  ctes.push({ name: "lead", notes: ["The input rows, each declared field read into its runtime form."], columns: leadColumns });

  const lets = new Map(ir.lets.map((l) => [l.id, l] as const));
  const criteria = new Map(ir.criteria.map((c) => [c.id, c] as const));
  const scores = new Map(ir.scores.map((s) => [s.id, s] as const));
  let batch: { kind: string; ids: Set<string>; cte: { name: string; notes: string[]; columns: [string, string, string?][] } } | undefined;
  const counters = new Map<string, number>();
  const flush = (): void => {
    if (batch !== undefined) ctes.push(batch.cte);
    batch = undefined;
  };
  for (const id of ir.order) {
    const score = scores.get(id);
    if (score !== undefined && score.kind === "group") {
      flush();
      ctes.push(...groupCtes(score, exprs, d, refColumn, internal));
      continue;
    }
    const kind = score !== undefined ? "score" : lets.has(id) ? "let" : "criterion";
    const expr = score !== undefined && score.kind === "computed" ? score.expr : (lets.get(id)?.expr ?? criteria.get(id)?.expr);
    if (expr === undefined) throw new TypeError(`"order" lists "${id}", which is not defined.`);
    if (batch === undefined || batch.kind !== kind || refersTo(expr, batch.ids)) {
      flush();
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      const title = kind === "let" ? "lets" : kind === "criterion" ? "criteria" : "scores";
      batch = { kind, ids: new Set(), cte: { name: `${title}_${n}`, notes: [], columns: [] } };
    }
    batch.ids.add(id);
    const label = score?.label ?? criteria.get(id)?.label;
    const column = refColumn(kind, id);
    internal.push(column);
    batch.cte.columns.push([column, exprs.compile(expr), `${kind} ${id}${label ? ` "${label}"` : ""}`]);
  }
  flush();

  const knockouts = ir.disqualify.map((k, i) => {
    const column = ident(`${INTERNAL}k:${i}`);
    internal.push(column);
    return [column, exprs.compile(k.when), `disqualify "${k.reason}"`] as const;
  });
  const tierCases = ir.tiers.filter((t, i) => t.when !== undefined && i < ir.tiers.length - 1).map((t) => `WHEN ${exprs.compile(t.when as Expr)} THEN ${textLiteral(t.id)}`);
  const lastTier = ir.tiers[ir.tiers.length - 1]?.id ?? DISQUALIFIED_TIER;
  const knocked = knockouts.length === 0 ? [] : [`WHEN ${knockouts.map(([c]) => c).join(" OR ")} THEN ${textLiteral(DISQUALIFIED_TIER)}`];
  const tierColumn = ident(`${INTERNAL}tier`);
  internal.push(tierColumn);
  const tierNotes = ir.tiers.map((t) => `tier ${t.id} "${t.label}"${t.when === undefined ? " (otherwise)" : ""}`);
  const whens = [...knocked, ...tierCases];
  if (knockouts.length > 0) ctes.push({ name: "knockouts", notes: ["Each knockout: any that holds disqualifies."], columns: knockouts });
  ctes.push({
    name: "tiers",
    notes: ["Disqualified when a knockout holds; else the first tier whose condition holds."],
    columns: [[tierColumn, whens.length === 0 ? textLiteral(lastTier) : `CASE ${whens.join(" ")} ELSE ${textLiteral(lastTier)} END`, tierNotes.join("; ")]],
  });

  if (diagnostics.length > 0) throw new SqlCompileError(diagnostics);
  if (foldedFields.size > 0) {
    const columns = [...foldedFields].map(([field, column]) => [column, `lower(${field})`] as const);
    for (const [column] of columns) internal.push(column);
    ctes.splice(1, 0, { name: "folded", notes: ["Each text field that a condition compares, folded once (Qual compares text ignoring case)."], columns });
  }

  const groups = ir.scores.filter((s): s is ScoreGroupIR => s.kind === "group");
  const reasonParts: string[] = [];
  if (knockouts.length > 0) {
    reasonParts.push(
      `CASE WHEN ${knockouts.map(([c]) => c).join(" OR ")} THEN 'disqualified: ' || concat_ws(', ', ${knockouts.map(([c], i) => `CASE WHEN ${c} THEN ${textLiteral(ir.disqualify[i]?.reason ?? "")} END`).join(", ")}) END`,
    );
  }
  for (const g of groups) {
    const rules = g.rules.flatMap((r, i) => {
      const v = ruleColumn(g.id, i);
      // Constant points (the common case: `+20 when ...`) make a constant reason, written here as
      // `qualify score` prints it, instead of formatting the number in SQL on every row.
      if (r.points.kind === "literal" && typeof r.points.value === "number") {
        const p = r.points.value;
        return p === 0 ? [] : [`CASE WHEN ${v} IS NOT NULL THEN ${textLiteral(`; ${r.label} ${pointsText(p)}`)} END`];
      }
      return [`CASE WHEN ${v} <> 0 THEN ${textLiteral(`; ${r.label} `)} || CASE WHEN ${v} > 0 THEN '+' ELSE '' END || ${d.numberToText(v)} END`];
    });
    // Each fired rule's text leads with its separator; concat skips NULLs, and the first separator is cut off.
    if (rules.length > 0) reasonParts.push(`${textLiteral(`${g.id}: `)} || nullif(substr(${concatAll(rules)}, 3), '')`);
  }
  const reasons = reasonParts.length === 0 ? "''" : `concat_ws('; ', ${reasonParts.join(", ")})`;
  const disqualified = d.textList(knockouts.map(([c], i) => `CASE WHEN ${c} THEN ${textLiteral(ir.disqualify[i]?.reason ?? "")} END`));

  const full = options.output !== "score";
  const outputs: [string, string][] = [["tier", tierColumn]];
  for (const s of ir.scores) outputs.push([s.id, refColumn("score", s.id)]);
  if (full) {
    for (const c of ir.criteria) outputs.push([c.id, refColumn("criterion", c.id)]);
    outputs.push(["disqualified", disqualified]);
    for (const g of groups) outputs.push([rawColumn(g.id), ident(`${INTERNAL}raw:${g.id}`)]);
  }
  outputs.push(["reasons", reasons]);
  const added = outputs.map(([name]) => name);
  for (const g of groups) for (let i = 0; i < g.rules.length; i++) internal.push(ruleColumn(g.id, i));

  const inputs = options.columns === undefined ? carry.expand(internal) : options.columns.filter((c) => !added.includes(c)).map((c) => carry.column(c)).join(",\n");
  const body = ctes.map((cte, i) => writeCte(cte, i === 0 ? undefined : ctes[i - 1]?.name, carry, i === 0, d.cteAs)).join(",\n");
  const last = ctes[ctes.length - 1]?.name ?? "lead";
  const select = [inputs, ...outputs.map(([name, sql]) => `${sql} AS ${ident(name)}`)].filter((s) => s !== "");
  const header = [comment(`Model ${ir.id}: ${ir.title}`), comment(`Written by qualify for ${d.name}. NULL means unknown.`), ...d.notes.map(comment)].join("\n");
  const sql = `${header}\nWITH\n${body}\nSELECT\n${indent(select.join(",\n"))}\nFROM ${ident(last)}`;
  return { dialect: d.name, sql, added };
}

function ruleColumn(groupId: string, index: number): string {
  return ident(`${INTERNAL}r:${groupId}/${index}`);
}

/**
 * `concat` of many texts, nested in calls of at most 50 arguments: PostgreSQL
 * takes at most 100 arguments in one call, and a group may have more rules.
 * (concat rather than concat_ws: each part carries its own separator; in
 * DuckDB the reasons took 2.29 CPU-s against concat_ws's 2.44, about 6% less.)
 */
function concatAll(parts: readonly string[]): string {
  if (parts.length <= 50) return `concat(${parts.join(", ")})`;
  const chunks: string[] = [];
  for (let i = 0; i < parts.length; i += 50) chunks.push(concatAll(parts.slice(i, i + 50)));
  return concatAll(chunks);
}

/** Points as the `reasons` column prints them (the CLI's reasonsText): signed, fractions to 12 significant digits. */
function pointsText(value: number): string {
  return `${value > 0 ? "+" : ""}${Number.isInteger(value) ? value : Number(value.toPrecision(12))}`;
}

function refersTo(expr: Expr, ids: ReadonlySet<string>): boolean {
  if (expr.kind === "ref" && ids.has(expr.id)) return true;
  return exprChildren(expr).some((child) => refersTo(child, ids));
}

/**
 * A points group as two CTEs: one column per rule (its points when its
 * `when` holds and the points are known, else NULL), then the sum in rule
 * order (as the closures add), saturated, and clamped to `[min, max]`.
 */
function groupCtes(group: ScoreGroupIR, exprs: SqlExprCompiler, d: Dialect, refColumn: (t: string, id: string) => string, internal: string[]): Cte[] {
  const rules = group.rules.map((r, i) => {
    const points = exprs.compile(r.points);
    const value = r.when === undefined ? points : `CASE WHEN ${exprs.compile(r.when)} THEN ${points} END`;
    return [ruleColumn(group.id, i), value, `rule "${r.label}"`] as const;
  });
  const sum = rules.reduce((acc, [c]) => `(${acc} + coalesce(${c}, 0))`, `CAST(0 AS ${d.double})`);
  const t = ident(`${INTERNAL}t:${group.id}`);
  const raw = ident(`${INTERNAL}raw:${group.id}`);
  internal.push(t, raw, refColumn("score", group.id));
  // Saturated as the closures do: an overflow to ±Infinity holds the largest double, NaN (+Inf + -Inf) is 0.
  const saturated = `CAST(CASE WHEN ${d.finite(t)} IS NOT NULL THEN ${t} WHEN ${t} > 0 THEN 1.7976931348623157e308 WHEN ${t} < 0 THEN -1.7976931348623157e308 ELSE 0 END AS ${d.double})`;
  let clamped = saturated;
  if (group.min !== undefined) clamped = `greatest(${clamped}, CAST(${numberText(group.min)} AS ${d.double}))`;
  if (group.max !== undefined) clamped = `least(${clamped}, CAST(${numberText(group.max)} AS ${d.double}))`;
  const bounds = [group.min !== undefined ? `min ${group.min}` : "", group.max !== undefined ? `max ${group.max}` : ""].filter((x) => x !== "").join(", ");
  return [
    { name: `score_${group.id}_rules`, notes: [`score ${group.id} "${group.label}": the points of each rule that holds (NULL: it does not, or is unknown)`], columns: rules },
    { name: `score_${group.id}_sum`, notes: [], columns: [[t, sum, "the sum, in rule order"]] },
    {
      name: `score_${group.id}`,
      notes: [],
      columns: [
        [raw, saturated, "the raw sum"],
        [refColumn("score", group.id), clamped, `score ${group.id}${bounds ? ` (${bounds})` : ""}`],
      ],
    },
  ];
}

function writeCte(cte: Cte, previous: string | undefined, carry: ReturnType<Dialect["carryRow"]>, first: boolean, as: string): string {
  const lines = cte.columns.map(([name, sql, note]) => `${note ? `${comment(note)}\n` : ""}${sql} AS ${name}`);
  const select = first ? [carry.select, ...lines] : ["*", ...lines];
  const from = first ? carry.from : ident(previous ?? "lead");
  const notes = cte.notes.map(comment).join("\n");
  return `${notes ? `${indent(notes)}\n` : ""}  ${ident(cte.name)} ${as} (\n${indent(`SELECT\n${indent(select.join(",\n"))}\nFROM ${from}`, 4)}\n  )`;
}
