import type { Condition, FieldSpec, ModelSpec } from "./model-spec.js";

/**
 * Writes a model description as Qual source text: the model qualify parses,
 * checks and compiles in the benchmark, rule for rule the same as what the
 * other contenders are given.
 */

function fieldType(field: FieldSpec): string {
  switch (field.kind) {
    case "number":
      return "number";
    case "text":
    case "email":
      return "text";
    case "bool":
      return "bool";
    case "list":
      return "list of text";
  }
}

/** Qual's string literal syntax; the workload's strings never need escapes, but quote them properly anyway. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** A condition in Qual's expression syntax. */
export function qualCondition(condition: Condition): string {
  switch (condition.kind) {
    case "numberCompare":
      return `${condition.field} ${condition.op} ${condition.value}`;
    case "textEquals":
      return `${condition.field} = ${quote(condition.value)}`;
    case "textIn":
      return `${condition.field} in [${condition.values.map(quote).join(", ")}]`;
    case "endsWith":
      return `${condition.field} ends with ${quote(condition.suffix)}`;
    case "boolIs":
      // Idiomatic Qual (`when trial_started`, `when not unsubscribed`); `not` keeps unknown unknown, like `= false`.
      return condition.value ? condition.field : `not ${condition.field}`;
    case "listNotEmpty":
      return `count(${condition.field}) > 0`;
    case "and":
      return `${qualCondition(condition.left)} and ${qualCondition(condition.right)}`;
  }
}

/**
 * The Qual source of a model description: optional inputs, one points group
 * per group (capped where the description says), a computed `total` when
 * there is more than one group, and tiers on the total.
 */
export function qualSource(spec: ModelSpec): string {
  const lines: string[] = [`model ${spec.id} "Generated ${spec.id} model"`, "", "input {"];
  for (const field of spec.fields) lines.push(`  ${field.name}: ${fieldType(field)}?`);
  lines.push("}", "");
  for (const group of spec.groups) {
    const cap = group.max === undefined ? "" : ` max ${group.max}`;
    lines.push(`score ${group.id} ${quote(group.label)}${cap} {`);
    for (const rule of spec.rules) {
      if (rule.group !== group.id) continue;
      const points = rule.points >= 0 ? `+${rule.points}` : `${rule.points}`;
      lines.push(`  ${quote(rule.label)}: ${points} when ${qualCondition(rule.when)}`);
    }
    lines.push("}", "");
  }
  if (spec.groups.length > 1 || spec.groups[0]?.id !== spec.totalId) {
    lines.push(`score ${spec.totalId} "Total" = ${spec.groups.map((g) => g.id).join(" + ")}`, "");
  }
  for (const tier of spec.tiers) lines.push(`tier ${tier.id} ${quote(tier.label)} when ${spec.totalId} >= ${tier.minTotal}`);
  lines.push(`tier ${spec.fallbackTier.id} ${quote(spec.fallbackTier.label)} otherwise`, "");
  return lines.join("\n");
}
