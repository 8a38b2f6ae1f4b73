import type { LeadOutcome } from "@qualify/language-service";

/**
 * Renders a lead's outcome as plain DOM. Text from the model and the lead is
 * always set as text, never as HTML, so a label cannot inject markup.
 */
export function renderOutcome(container: HTMLElement, outcome: LeadOutcome): void {
  const doc = container.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  container.replaceChildren();
  container.dataset["status"] = outcome.status;

  if (outcome.status !== "ok") {
    const box = el("div", "qual-result-problem");
    box.append(el("p", "qual-result-message", outcome.message));
    if (outcome.status === "invalid-lead") {
      const list = el("ul", "qual-result-issues");
      for (const issue of outcome.issues) list.append(el("li", undefined, issue.message));
      box.append(list);
    }
    container.append(box);
    return;
  }

  const { result, questions, tierLabel } = outcome;
  const tier = el("div", "qual-result-tier");
  tier.dataset["tier"] = result.tier;
  tier.append(el("span", "qual-result-caption", "Tier "), el("strong", "qual-tier-id", result.tier), el("span", "qual-tier-label", ` — ${tierLabel}`));
  container.append(tier);

  if (result.disqualified.length > 0) {
    container.append(section(el, "Disqualified", result.disqualified.map((reason) => el("li", "qual-disqualified", reason))));
  }

  const scores = Object.entries(result.scores).map(([id, value]) => {
    const raw = result.raw[id];
    const text = `${id}: ${value === null ? "unknown" : String(value)}${raw === undefined ? "" : ` (uncapped ${raw})`}`;
    const item = el("li", "qual-score", text);
    item.dataset["score"] = id;
    return item;
  });
  if (scores.length > 0) container.append(section(el, "Scores", scores));

  const criteria = Object.entries(result.criteria).map(([id, value]) => {
    const verdict = value === null ? "unknown" : value ? "yes" : "no";
    const item = el("li", `qual-criterion qual-${verdict}`, `${id}: ${verdict}`);
    item.dataset["criterion"] = id;
    return item;
  });
  if (criteria.length > 0) container.append(section(el, "Criteria", criteria));

  const fired = result.reasons.map((r) => el("li", "qual-reason", `${r.score} / ${r.rule}: ${r.points > 0 ? "+" : ""}${r.points}`));
  container.append(section(el, "Rules that fired", fired.length > 0 ? fired : [el("li", "qual-none", "none")]));

  const asks = questions.map((q) => {
    const item = el("li", "qual-question", `${q.field}`);
    item.dataset["field"] = q.field;
    item.append(el("span", "qual-question-needed", ` — needed by ${q.neededBy.join(", ")}`));
    return item;
  });
  const unknownWithoutField = result.unknown.filter((u) => u.missing.length === 0).map((u) => el("li", "qual-unknown", `${u.id} is unknown`));
  if (asks.length > 0 || unknownWithoutField.length > 0) container.append(section(el, "Questions to ask", [...asks, ...unknownWithoutField]));
}

function section(
  el: (tag: "section" | "h3" | "ul", className?: string, text?: string) => HTMLElement,
  title: string,
  items: readonly HTMLElement[],
): HTMLElement {
  const box = el("section", "qual-result-section");
  box.dataset["section"] = title;
  const list = el("ul");
  list.append(...items);
  box.append(el("h3", undefined, title), list);
  return box;
}
