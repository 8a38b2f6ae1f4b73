import { readFileSync } from "node:fs";
import { compileModel, InvalidLeadError } from "qualify";
import { importJsonLogic } from "../src/index.js";

/** The shared JsonLogic suite (jsonlogic.com/tests.json), copied beside the project. */
export const SUITE_PATH = new URL("./data/jsonlogic-tests.json", import.meta.url);

/** The figures the READMEs state; if the importer learns more, change them here and there. */
export const SUITE_FIGURES = { identical: 106, refused: 171, different: 0 } as const;

/** How one case of the suite fares through import and Qual evaluation. */
export type CaseOutcome =
  | { readonly kind: "identical" }
  | { readonly kind: "refused"; readonly reason: string }
  | { readonly kind: "different"; readonly got: unknown };

export interface SuiteCase {
  readonly section: string;
  readonly rule: unknown;
  readonly data: unknown;
  readonly expected: unknown;
}

/** The suite's cases with the section header each falls under. */
export function readSuite(path: URL = SUITE_PATH): SuiteCase[] {
  const entries = JSON.parse(readFileSync(path, "utf8")) as unknown[];
  const cases: SuiteCase[] = [];
  let section = "";
  for (const entry of entries) {
    if (typeof entry === "string") section = entry.replace(/^#\s*/, "");
    else {
      const [rule, data, expected] = entry as [unknown, unknown, unknown];
      cases.push({ section, rule, data, expected });
    }
  }
  return cases;
}

/**
 * Imports the case's rule, evaluates the model on the case's data and
 * compares with the suite's expected value. A refusal is either the
 * importer's (the rule is not translated) or the model's (the data is not a
 * valid lead for the typed input), each with its reason.
 */
export function runCase(c: SuiteCase): CaseOutcome {
  const imported = importJsonLogic(c.rule);
  if (imported.model === undefined) {
    const reason = imported.report.entries.find((e) => e.severity === "refused")?.reason ?? "nothing translated";
    return { kind: "refused", reason: `import: ${reason}` };
  }
  const model = compileModel(imported.model);
  let result;
  try {
    result = model.evaluate(c.data);
  } catch (error) {
    if (error instanceof InvalidLeadError) return { kind: "refused", reason: `lead rejected: ${error.issues[0]?.message ?? error.message}` };
    throw error;
  }
  const got = "rule" in result.criteria ? result.criteria["rule"] : result.scores["rule"];
  return sameValue(got, c.expected) ? { kind: "identical" } : { kind: "different", got };
}

function sameValue(got: unknown, expected: unknown): boolean {
  if (typeof got === "number" && typeof expected === "number") return got === expected || Math.abs(got - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
  return got === expected;
}
