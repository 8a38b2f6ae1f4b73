/**
 * What an import could not carry over, or carried over with a different
 * meaning. Every importer returns one, even when it is empty, so a person
 * never has to guess whether something was dropped.
 */
export type ReportSeverity =
  /** Not translated: the construct is left out of the model (or the whole import stops). */
  | "refused"
  /** Translated, but some inputs get a different answer; the reason says which. */
  | "changed"
  /** Translated with the same answers; a guess (an inferred type, a renamed id) a person should confirm. */
  | "review";

/** One finding, positioned in the source document. */
export interface ReportEntry {
  readonly severity: ReportSeverity;
  /** A JSON Pointer into the imported document (`/rules/0/conditions/all/1`); `""` is the whole document. */
  readonly at: string;
  /** The construct concerned, as written in the source (`{"==": [...]}`, `operator "regex"`), shortened. */
  readonly construct: string;
  /** Why, in a sentence, and what to do about it when there is something to do. */
  readonly reason: string;
}

/** The report of one import. */
export interface ImportReport {
  /** The source format: `jsonlogic`, `json-rules-engine` or `hubspot`. */
  readonly from: string;
  readonly entries: readonly ReportEntry[];
}

/** Collects entries while an importer runs. */
export class ReportBuilder {
  private readonly list: ReportEntry[] = [];

  add(severity: ReportSeverity, at: string, construct: unknown, reason: string): void {
    const entry = { severity, at, construct: shorten(construct), reason };
    if (!this.list.some((e) => e.at === entry.at && e.construct === entry.construct && e.reason === entry.reason)) this.list.push(entry);
  }

  get entries(): readonly ReportEntry[] {
    return this.list;
  }
}

/** A construct as short JSON for a report line. */
export function shorten(construct: unknown): string {
  const text = typeof construct === "string" ? construct : (JSON.stringify(construct) ?? String(construct));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Appends a segment to a JSON Pointer, escaping `~` and `/` (RFC 6901). */
export function pointer(base: string, segment: string | number): string {
  return `${base}/${String(segment).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

const TITLES: Record<ReportSeverity, string> = {
  refused: "Not translated",
  changed: "Translated, meaning changes",
  review: "Translated, please review",
};

/** The report as Markdown: a summary line, then one table per severity that has entries. */
export function reportToMarkdown(report: ImportReport, sourceName: string): string {
  const count = (s: ReportSeverity) => report.entries.filter((e) => e.severity === s).length;
  const lines = [
    `# Import report: ${sourceName} (from ${report.from})`,
    "",
    `${count("refused")} not translated, ${count("changed")} translated with a change of meaning, ${count("review")} to review.`,
  ];
  for (const severity of ["refused", "changed", "review"] as const) {
    const entries = report.entries.filter((e) => e.severity === severity);
    if (entries.length === 0) continue;
    lines.push("", `## ${TITLES[severity]}`, "", "| where | construct | reason |", "|---|---|---|");
    for (const e of entries) lines.push(`| \`${e.at || "/"}\` | \`${cell(e.construct)}\` | ${cell(e.reason)} |`);
  }
  return `${lines.join("\n")}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/`/g, "'").replace(/\n/g, " ");
}
