import { isMap, isSeq, parseDocument } from "yaml";

/** One case of a fixture file: its 0-based index, its name and where its text starts and ends. */
export interface FixtureCase {
  readonly index: number;
  readonly name: string;
  /** Where the case's line starts when only its `- ` comes before it there, else where the case starts. */
  readonly start: number;
  readonly end: number;
}

/**
 * The cases of a fixture file (`cases:` of a `*.test.yaml`), in order, with
 * their offsets; empty when the text has no list of cases.
 */
export function fixtureCases(text: string): FixtureCase[] {
  const document = parseDocument(text);
  const cases = isMap(document.contents) ? document.contents.get("cases", true) : undefined;
  if (!isSeq(cases)) return [];
  return cases.items.flatMap((item, index) => {
    const range = (item as { range?: [number, number, number] }).range;
    if (range === undefined) return [];
    const name = isMap(item) ? item.get("name") : undefined;
    const lineStart = text.lastIndexOf("\n", range[0] - 1) + 1;
    // A block item (`  - name: ...`) owns its whole line, dash and indentation included.
    const start = /^[ \t]*-[ \t]*$/.test(text.slice(lineStart, range[0])) ? lineStart : range[0];
    return [{ index, name: typeof name === "string" ? name : `case ${index + 1}`, start, end: range[2] }];
  });
}

/**
 * The case the cursor is in: the last case starting at or before the
 * offset, so the blank lines after a case count as its own; undefined
 * above the first case or past the list.
 */
export function fixtureCaseAt(cases: readonly FixtureCase[], offset: number): FixtureCase | undefined {
  const last = cases[cases.length - 1];
  if (last === undefined || offset > last.end) return undefined;
  let found: FixtureCase | undefined;
  for (const item of cases) if (item.start <= offset) found = item;
  return found;
}

/**
 * The arguments of `qualify.explainLead`: the fixture's uri and the case's
 * 0-based index. `show` asks the extension to open the explanation (a code
 * lens's click); the server reads only `uri` and `case`.
 */
export function explainLeadArguments(uri: string, fixtureCase: FixtureCase, show = false): unknown[] {
  return [show ? { uri, case: fixtureCase.index, show: true } : { uri, case: fixtureCase.index }];
}

/** True when `qualify.explainLead`'s arguments ask for the explanation to be shown (see `explainLeadArguments`). */
export function asksToShow(args: readonly unknown[]): boolean {
  const [first] = args;
  return typeof first === "object" && first !== null && (first as { show?: unknown }).show === true;
}

/** A code lens over a fixture case: where it goes, its title and the command's arguments. */
export interface FixtureLens {
  readonly offset: number;
  readonly title: string;
  readonly arguments: unknown[];
}

/** One "Explain this lead" lens at the start of each case of a fixture file. */
export function fixtureLenses(text: string, uri: string): FixtureLens[] {
  return fixtureCases(text).map((item) => ({
    offset: item.start,
    title: "Explain this lead",
    arguments: explainLeadArguments(uri, item, true),
  }));
}

/** What the server answers for one case (`LeadExplanation` of the language server). */
interface LeadExplanation {
  readonly case: string;
  readonly passed: boolean;
  readonly tier?: string;
  readonly explanation: string;
  readonly differences?: readonly { readonly path: string; readonly expected: unknown; readonly actual: unknown }[];
  readonly error?: string;
}

function isLeadExplanation(value: unknown): value is LeadExplanation {
  const v = value as Partial<LeadExplanation> | null;
  return typeof v === "object" && v !== null && typeof v.case === "string" && typeof v.explanation === "string" && typeof v.passed === "boolean";
}

/**
 * The server's answer as a Markdown document: a case's explanation with its
 * verdict, tier and the differences from `expect`; text as it is; anything
 * else as JSON, so nothing the server says is hidden.
 */
export function explanationDocument(explanation: unknown): string {
  if (isLeadExplanation(explanation)) {
    const lines = [`# ${explanation.case}`, "", explanation.passed ? "The case passes." : "The case fails."];
    if (explanation.tier !== undefined) lines.push("", `Tier: \`${explanation.tier}\``);
    if (explanation.error !== undefined) lines.push("", `Not evaluated: ${explanation.error}`);
    const differences = explanation.differences ?? [];
    if (differences.length > 0) {
      lines.push("", "| where | expected | actual |", "|---|---|---|");
      for (const d of differences) lines.push(`| \`${d.path}\` | \`${JSON.stringify(d.expected)}\` | \`${JSON.stringify(d.actual)}\` |`);
    }
    if (explanation.explanation !== "") lines.push("", "```text", explanation.explanation.replace(/\n$/, ""), "```");
    return `${lines.join("\n")}\n`;
  }
  if (typeof explanation === "string") return explanation.endsWith("\n") ? explanation : `${explanation}\n`;
  if (explanation === null || explanation === undefined) return "The language server returned no explanation for this case.\n";
  return `\`\`\`json\n${JSON.stringify(explanation, null, 2)}\n\`\`\`\n`;
}
