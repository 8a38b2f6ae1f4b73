import { parse } from "@marcbachmann/cel-js";
import type { Condition, ModelSpec } from "../workloads/model-spec.js";
import { type Contender, type Outcome, outcomeReaders } from "./contender.js";

/**
 * @marcbachmann/cel-js. The lead is the variable `l`; a missing key is an
 * error in CEL, so each test starts with `has(l.f)`, and `type(l.f) == double`
 * refuses null (JSON numbers are CEL doubles, so every literal is a double).
 * Text is compared with `lowerAscii()` (the workload's text is ASCII).
 */

function num(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

function str(text: string): string {
  return JSON.stringify(text);
}

/** A condition in CEL. */
export function celCondition(condition: Condition): string {
  const f = "field" in condition ? `l.${condition.field}` : "";
  const text = `has(${f}) && type(${f}) == string && ${f}.lowerAscii()`;
  switch (condition.kind) {
    case "numberCompare":
      return `(has(${f}) && type(${f}) == double && ${f} ${condition.op === "=" ? "==" : condition.op} ${num(condition.value)})`;
    case "textEquals":
      return `(${text} == ${str(condition.value.toLowerCase())})`;
    case "textIn":
      return `(${text} in [${condition.values.map((v) => str(v.toLowerCase())).join(", ")}])`;
    case "endsWith":
      return `(${text}.endsWith(${str(condition.suffix.toLowerCase())}))`;
    case "boolIs":
      return `(has(${f}) && ${f} == ${condition.value})`;
    case "listNotEmpty":
      return `(has(${f}) && type(${f}) == list && size(${f}) > 0)`;
    case "and":
      return `(${celCondition(condition.left)} && ${celCondition(condition.right)})`;
  }
}

/** The model as CEL programs: one raw sum per group, the capped total from the sums, the tier from the total. */
export function celPrograms(spec: ModelSpec): { groups: Map<string, string>; total: string; tier: string } {
  const groups = new Map<string, string>();
  for (const group of spec.groups) {
    const terms = spec.rules.filter((r) => r.group === group.id).map((r) => `(${celCondition(r.when)} ? ${num(r.points)} : 0.0)`);
    groups.set(group.id, terms.join(" + ") || "0.0");
  }
  const total = spec.groups
    .map((g) => (g.max === undefined ? g.id : `(${g.id} > ${num(g.max)} ? ${num(g.max)} : ${g.id})`))
    .join(" + ");
  let tier = str(spec.fallbackTier.id);
  for (const t of [...spec.tiers].reverse()) tier = `total >= ${num(t.minTotal)} ? ${str(t.id)} : (${tier})`;
  return { groups, total, tier };
}

/** @marcbachmann/cel-js, programs parsed once and called per lead. */
export const celContender: Contender = {
  id: "cel-js",
  label: "@marcbachmann/cel-js",
  notes: "per group one parsed CEL program of ternaries, then total and tier programs; has()/type() guards for missing data; lowerAscii()",
  async prepare(workload) {
    const programs = celPrograms(workload.spec);
    const groups = [...programs.groups].map(([id, source]) => [id, parse(source)] as const);
    const total = parse(programs.total);
    const tier = parse(programs.tier);
    return {
      mode: "sync",
      run: (lead): Outcome => {
        const sums: Record<string, unknown> = {};
        for (const [id, program] of groups) sums[id] = program({ l: lead });
        const t = Number(total(sums));
        return { tier: tier({ total: t }) as string, total: t };
      },
      ...outcomeReaders,
    };
  },
};
