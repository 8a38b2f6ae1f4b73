import type { EvaluationResult, ModelIR, ScoreRange, UnknownItem } from "@qualify/ir";
import { DISQUALIFIED_TIER } from "@qualify/ir";

/** The colour functions the explanation uses; plain (identity) functions by default. */
export interface ExplanationColors {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

const plain = (text: string): string => text;

/** No colour: for editors, files and logs. */
export const PLAIN_COLORS: ExplanationColors = { bold: plain, dim: plain, green: plain, red: plain, yellow: plain };

/**
 * The breakdown of a result, for people: the tier, each score with the rules
 * that fired and its cap, the criteria, the knockouts, and what the missing
 * data could still change. `qualify explain` prints it; the language server's
 * `qualify.explainLead` returns it.
 */
export function renderExplanation(ir: ModelIR, result: EvaluationResult, colors: ExplanationColors = PLAIN_COLORS): string {
  const c = colors;
  const lines: string[] = [];
  const tierLabel = result.tier === DISQUALIFIED_TIER ? "Disqualified" : ir.tiers.find((t) => t.id === result.tier)?.label;
  lines.push(`${c.bold(ir.title)} (${ir.id})`);
  lines.push(`tier: ${c.bold(result.tier)}${tierLabel ? ` — ${tierLabel}` : ""}`);
  if (result.disqualified.length > 0) lines.push(`disqualified because: ${result.disqualified.join("; ")}`);

  // A fired knockout decides the lead: its unknown items and ranges are beside the point then.
  const decided = result.disqualified.length > 0;
  const unknownIds = new Map(decided ? [] : result.unknown.map((u) => [u.id, u]));
  if (ir.scores.length > 0) {
    lines.push("", c.bold("scores"));
    for (const score of ir.scores) {
      const value = result.scores[score.id];
      const shown = value === null || value === undefined ? c.yellow("unknown") : formatNumber(value);
      const raw = result.raw[score.id];
      let cap = "";
      if (raw !== undefined && score.kind === "group") {
        const bound = value !== null && value !== undefined && score.max !== undefined && value === score.max ? `max ${score.max}` : `min ${score.min}`;
        cap = c.dim(` (raw ${formatNumber(raw)}, capped at ${bound})`);
      }
      lines.push(`  ${score.id} ${c.dim(`"${score.label}"`)}: ${shown}${cap}${decided ? "" : rangeNote(result.ranges[score.id], value ?? null, c)}`);
      if (score.kind === "group") {
        for (const reason of result.reasons) {
          if (reason.score !== score.id) continue;
          const points = reason.points > 0 ? c.green(`+${formatNumber(reason.points)}`) : c.red(formatNumber(reason.points));
          lines.push(`    ${points}  ${reason.rule}`);
        }
        for (const rule of score.rules) {
          const item = unknownIds.get(`${score.id}/${rule.label}`);
          if (item !== undefined) lines.push(`    ${c.yellow("?")}  ${rule.label}${askAbout(item)}`);
        }
      } else if (unknownIds.has(score.id)) {
        lines.push(`    ${c.yellow("?")}  unknown${askAbout(unknownIds.get(score.id))}`);
      }
    }
  }
  if (ir.criteria.length > 0) {
    lines.push("", c.bold("criteria"));
    for (const criterion of ir.criteria) {
      const value = result.criteria[criterion.id];
      const shown = value === true ? c.green("yes") : value === false ? c.red("no") : c.yellow("unknown");
      const missing = value === null ? askAbout(unknownIds.get(criterion.id)) : "";
      lines.push(`  ${criterion.id} ${c.dim(`"${criterion.label}"`)}: ${shown}${missing}`);
    }
  }
  // Once a knockout fired, what else is unknown cannot change the outcome: say only what decided it.
  if (decided) {
    lines.push("", `disqualified by ${result.disqualified.map((r) => `"${r}"`).join(", ")}: no missing answer can change that`);
    return lines.join("\n");
  }
  const knockouts = ir.disqualify.filter((d) => unknownIds.has(`disqualify/${d.reason}`));
  if (knockouts.length > 0) {
    lines.push("", c.bold("knockouts not decided"));
    for (const d of knockouts) lines.push(`  ${d.reason}${askAbout(unknownIds.get(`disqualify/${d.reason}`))}`);
  }
  const skipped = ir.tiers.filter((t) => unknownIds.has(t.id));
  if (skipped.length > 0) {
    lines.push("", c.bold("tiers passed over as unknown"));
    for (const t of skipped) lines.push(`  ${t.id} "${t.label}"${askAbout(unknownIds.get(t.id))}`);
  }
  lines.push("", ...outlookLines(result, c));
  return lines.join("\n");
}

/** ` (45 to 55 once known)` when the missing data could still move the score. */
function rangeNote(range: ScoreRange | undefined, value: number | null, c: ExplanationColors): string {
  if (range === undefined || range.min === null || range.max === null) return "";
  if (range.min === range.max && value !== null) return "";
  const span = range.min === range.max ? formatNumber(range.min) : `${formatBound(range.min)} to ${formatBound(range.max)}`;
  return c.dim(` (${span} once known${range.unknown === true ? ", or unknown" : ""})`);
}

/** A bound of a range; the number type's limits mean "no limit" to a reader. */
function formatBound(x: number): string {
  if (x >= Number.MAX_VALUE) return "any higher";
  if (x <= -Number.MAX_VALUE) return "any lower";
  return formatNumber(x);
}

/**
 * What the missing data could still change: the tiers within reach, and one
 * line per missing field, the fields that decide the tier first. The last
 * line says what to do next.
 */
function outlookLines(result: EvaluationResult, c: ExplanationColors): string[] {
  if (result.questions.length === 0) return [result.unknown.length === 0 ? "nothing is unknown" : "no input field is missing"];
  const lines: string[] = [];
  if (result.possibleTiers.length > 1) lines.push(`could still land in: ${result.possibleTiers.join(", ")} ${c.dim(`(now ${result.tier})`)}`);
  for (const q of result.questions) {
    const others = q.tiers.filter((t) => t !== result.tier);
    if (q.decides) {
      const between = q.tiers.length > 1 ? `decides between ${q.tiers.join(", ")}` : `moves it to ${others.join(", ")}`;
      lines.push(`  ${c.yellow("?")}  ${q.field}: ${between}`);
    } else {
      lines.push(`  ${c.dim(`-  ${q.field}: does not change the tier`)}`);
    }
  }
  const deciding = result.questions.filter((q) => q.decides).map((q) => q.field);
  lines.push(deciding.length > 0 ? `to decide, ask about: ${deciding.join(", ")}` : `the tier stays ${result.tier} whatever is missing`);
  return lines;
}

/** ` (needs budget_usd)`, ` (division by zero)`, or both, for an unknown item. */
function askAbout(item: UnknownItem | undefined): string {
  const parts: string[] = [];
  if (item !== undefined && item.missing.length > 0) parts.push(`needs ${item.missing.join(", ")}`);
  if (item?.because !== undefined) parts.push(...item.because);
  return parts.length > 0 ? ` (${parts.join("; ")})` : "";
}

/** Numbers without float noise: 0.1 + 0.2 shows as 0.3. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}
