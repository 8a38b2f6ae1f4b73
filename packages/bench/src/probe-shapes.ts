import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import type { EvaluateOptions } from "@qualify/compiler";
import { CPU_CLOCK } from "./harness/cpu-clock.js";
import { compileQual } from "./contenders/qualify.js";
import type { Runner } from "./contenders/contender.js";
import { bantHandwritten } from "./workloads/bant.js";
import { pointsHandwritten } from "./handwritten/points-handwritten.generated.js";
import { bantWorkload, pointsWorkload } from "./harness/workloads.js";
import { median, timeWindow } from "./harness/timing.js";
import type { Condition, ModelSpec, RuleSpec } from "./workloads/model-spec.js";
import { qualSource } from "./workloads/qual-source.js";
import type { Lead } from "./workloads/points-leads.js";

/**
 * Where qualify's fast path spends its time: the same leads scored by model
 * variants that add one kind of construct at a time (the lead reader alone,
 * criteria, quantifiers, tiers; points rules of one condition shape), timed
 * like the main benchmark (interleaved windows, CPU time). The differences
 * between rows are the cost of each closure shape, per lead and per rule.
 * Prints Markdown; `--out FILE` also writes it there (results/probe.md).
 * Usage: node --expose-gc dist/probe-shapes.js [--rounds N] [--window-ms N] [--out FILE]
 */

const BANT_INPUT = `model bant "BANT"
input {
  budget_usd: number?
  role: text?
  pains: list of text
  timeline_days: number?
}
const deciders = ["CEO", "CFO", "COO", "VP", "Director", "Owner"]
`;
const BANT_CRITERIA = `criterion budget "Budget" = budget_usd >= 10_000
criterion authority "Authority" = role in deciders
criterion need "Need" = count(pains) > 0
criterion timing "Timing" = timeline_days <= 90
`;
const OTHERWISE = `tier cold "Cold" otherwise\n`;
const MET = `score met "Met" = count of (budget, authority, need, timing)\n`;
const MET_TIERS = `tier sql "S" when met >= 3\ntier mql "M" when met >= 2\n${OTHERWISE}`;

/** BANT variants, each adding one construct to the previous. */
const BANT_VARIANTS: readonly (readonly [string, string])[] = [
  ["input block only (reader + result)", BANT_INPUT + OTHERWISE],
  ["+ 4 criteria", BANT_INPUT + BANT_CRITERIA + OTHERWISE],
  ["+ 4 criteria, `role is present` for `role in deciders`", BANT_INPUT + BANT_CRITERIA.replace("role in deciders", "role is present") + OTHERWISE],
  ["+ a score that is constant (`= 1`: only the scores object grows)", BANT_INPUT + BANT_CRITERIA + `score met "Met" = 1\n` + OTHERWISE],
  ["+ count of score", BANT_INPUT + BANT_CRITERIA + MET + OTHERWISE],
  ["+ tiers on the count (met >= 3)", BANT_INPUT + BANT_CRITERIA + MET + MET_TIERS],
  [
    "language.md BANT (at least N of)",
    `${BANT_INPUT}${BANT_CRITERIA}criterion qualified "Q" = at least 3 of (budget, authority, need, timing)\n${MET}tier sql "S" when qualified\ntier mql "M" when at least 2 of (budget, authority, need, timing)\n${OTHERWISE}`,
  ],
];

function kindOf(condition: Condition): string {
  return condition.kind === "and" ? "and" : condition.kind;
}

/** The points model cut down to the rules of one condition shape (same fields, same caps and tiers). */
function pointsVariant(spec: ModelSpec, keep: (rule: RuleSpec) => boolean): ModelSpec {
  return { ...spec, rules: spec.rules.filter(keep) };
}

const lines: string[] = [];
/** Prints a line and keeps it for `--out`. */
function emit(line: string): void {
  console.log(line);
  lines.push(line);
}

interface Probe {
  readonly name: string;
  readonly rules: number;
  readonly runner: Runner;
  /** The row whose cost is subtracted to give the per-rule cost of this one. */
  readonly base?: string;
}

function probe(name: string, rules: number, run: (lead: Lead) => { tier: string }, base?: string): Probe {
  return { name, rules, base, runner: { mode: "sync", run, outcome: () => ({ tier: "", total: 0 }), checksum: (r) => (r as { tier: string }).tier.length } };
}

async function measure(title: string, leads: readonly Lead[], probes: readonly Probe[], rounds: number, windowMs: number): Promise<void> {
  const cpuRates = new Map<string, number[]>(probes.map((p) => [p.name, []]));
  for (const p of probes) await timeWindow(p.runner, leads, windowMs);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < probes.length; k++) {
      const p = probes[(k + round) % probes.length] as Probe;
      (globalThis as { gc?: () => void }).gc?.();
      const w = await timeWindow(p.runner, leads, windowMs);
      cpuRates.get(p.name)?.push((w.leads * 1e9) / w.cpuNs);
    }
  }
  const nsOf = (name: string) => 1e9 / median(cpuRates.get(name) ?? [Number.NaN]);
  emit(`\n### ${title}\n\n| variant | rules | CPU ns per lead | ns per rule above the no-rules row |\n|---|--:|--:|--:|`);
  for (const p of probes) {
    const ns = nsOf(p.name);
    const perRule = p.rules && p.base !== undefined ? ((ns - nsOf(p.base)) / p.rules).toFixed(1) : "-";
    emit(`| ${p.name} | ${p.rules || "-"} | ${ns.toFixed(0)} | ${perRule} |`);
  }
}

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const rounds = option("--rounds", 5);
const windowMs = option("--window-ms", 300);
const noClock: EvaluateOptions = Object.freeze({ validate: false, now: 0 });
const clock: EvaluateOptions = Object.freeze({ validate: false });

emit(
  `## Where qualify's fast path spends its time\n\n${new Date().toISOString()}, ${cpus().length} cores at load ${loadavg().map((l) => l.toFixed(1)).join(" ")}, ` +
    `${CPU_CLOCK} CPU time, median of ${rounds} interleaved ${windowMs} ms windows. Command: \`pnpm --filter @qualify/bench probe\`.`,
);
const bant = bantWorkload(10_000);
const bantProbes: Probe[] = [probe("hand-written", 0, bantHandwritten)];
for (const [name, source] of BANT_VARIANTS) {
  const model = compileQual(source);
  bantProbes.push(probe(name, 0, (lead) => model.score(lead, noClock)));
}
const full = compileQual(bant.qualSource);
bantProbes.push(probe("language.md BANT, `now` read from the clock", 0, (lead) => full.score(lead, clock)));
bantProbes.push(probe("language.md BANT, full path (evaluate)", 0, (lead) => full.evaluate(lead, noClock)));
await measure("BANT fast path by construct (`now` given unless stated)", bant.leads, bantProbes, rounds, windowMs);

const points = pointsWorkload(10_000);
const pointsProbes: Probe[] = [probe("hand-written (all 100 rules)", 100, pointsHandwritten)];
const none = compileQual(qualSource(pointsVariant(points.spec, () => false)));
const NO_RULES = "no rules (reader + groups + tiers)";
pointsProbes.push(probe(NO_RULES, 0, (lead) => none.score(lead, noClock)));
const kinds = [...new Set(points.spec.rules.map((r) => kindOf(r.when)))];
for (const kind of kinds) {
  const spec = pointsVariant(points.spec, (r) => kindOf(r.when) === kind);
  const model = compileQual(qualSource(spec));
  pointsProbes.push(probe(`only \`${kind}\` rules`, spec.rules.length, (lead) => model.score(lead, noClock), NO_RULES));
}
const all = compileQual(points.qualSource);
pointsProbes.push(probe("all 100 rules", 100, (lead) => all.score(lead, noClock), NO_RULES));
pointsProbes.push(probe("all 100 rules, `now` from the clock", 100, (lead) => all.score(lead, clock)));
pointsProbes.push(probe("all 100 rules, full path (evaluate)", 100, (lead) => all.evaluate(lead, noClock)));
await measure("Points fast path by rule shape (`now` given unless stated)", points.leads, pointsProbes, rounds, windowMs);

const outIndex = args.indexOf("--out");
const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
if (out !== undefined) writeFileSync(out, `${lines.join("\n")}\n`);
