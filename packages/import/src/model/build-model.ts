import type { Diagnostic, ModelIR } from "@qualify/ir";
import { hasErrors } from "@qualify/ir";
import { analyze, format } from "@qualify/language";
import type { InputFields } from "./input-fields.js";
import type { ImportReport } from "./report.js";

/** What every importer returns. */
export interface ImportResult {
  /** The formatted `.qual` model; undefined when nothing could be translated. */
  readonly model?: string;
  /** The checked model, when `model` checks without errors. */
  readonly ir?: ModelIR;
  /** The checker's findings on `model` (an importer's own bug if any is an error). */
  readonly diagnostics: readonly Diagnostic[];
  /** Always present: what was not translated or changes meaning. */
  readonly report: ImportReport;
}

/** The parts of a model an importer assembles, as Qual text. */
export interface ModelParts {
  readonly id: string;
  readonly title: string;
  /** Lines at the top of the file (without `#`): where the model came from. */
  readonly header: readonly string[];
  readonly inputs: InputFields;
  /** Declarations (`criterion ...`, `score ...`, `tier ...`), each a piece of Qual text. */
  readonly declarations: readonly string[];
}

/** Writes, formats and checks an imported model. */
export function buildModel(parts: ModelParts, report: ImportReport): ImportResult {
  const header = parts.header.map((line) => `# ${line}`.trimEnd());
  const text = [
    ...header,
    `model ${parts.id} ${JSON.stringify(parts.title)}`,
    "",
    parts.inputs.print(),
    "",
    ...parts.declarations.flatMap((d) => [d, ""]),
  ].join("\n");
  const formatted = format(text);
  const model = formatted.text ?? text;
  const analysis = analyze(model, { file: `${parts.id}.qual` });
  const ir = analysis.ir !== undefined && !hasErrors(analysis.diagnostics) ? analysis.ir : undefined;
  return { model, diagnostics: analysis.diagnostics, report, ...(ir === undefined ? {} : { ir }) };
}

/** A label for people from an id (`lead_score` -> `Lead score`). */
export function labelOf(id: string): string {
  const words = id.replace(/[-_.]+/g, " ").trim();
  return words === "" ? id : words[0]!.toUpperCase() + words.slice(1);
}
