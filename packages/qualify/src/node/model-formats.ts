import { IRFormatError, loadIR } from "@qualify/compiler";
import { analyzeData } from "@qualify/data";
import type { Diagnostic, ModelIR } from "@qualify/ir";
import { LineMap } from "@qualify/ir";
import { checkPattern } from "@qualify/language";
import { analyzeModel } from "../compile-model.js";

/** What reading one model file yields: its diagnostics, and the IR when it has no error. */
export interface ModelFileAnalysis {
  readonly diagnostics: readonly Diagnostic[];
  readonly ir?: ModelIR;
}

/**
 * One way of writing a model down. Every tool that reads model files (the
 * facade's `loadModelFile`, `qualify check`, the fixture runner) goes through
 * {@link modelFormatFor}, so a new form is added here and nowhere else.
 */
export interface ModelFormat {
  /** A short name for messages: "Qual source". */
  readonly name: string;
  /** File name endings, with the dot; the longest match wins (`.qual.json` before `.json`). */
  readonly extensions: readonly string[];
  /** Whether `qualify check` picks these files up when it searches a directory. */
  readonly searchable: boolean;
  /** Parses and checks a file's text. Never throws on user input. */
  analyze(source: string, file: string): ModelFileAnalysis;
}

/** Diagnostic codes of model files that are not Qual source (QUAL79x, tooling). */
export const MODEL_FILE_CODES = {
  /** A saved IR document that `loadIR` refuses (wrong format tag, version or structure). */
  badSavedModel: "QUAL791",
} as const;

const qualSource: ModelFormat = {
  name: "Qual source",
  extensions: [".qual"],
  searchable: true,
  analyze: (source, file) => {
    const analysis = analyzeModel(source, { file, format: "qual" });
    return analysis.ir === undefined
      ? { diagnostics: analysis.diagnostics }
      : { diagnostics: analysis.diagnostics, ir: analysis.ir };
  },
};

// The YAML/JSON data form (package @qualify/data): the same model as a
// document whose expressions are strings; it compiles to the same IR.
const dataForm: ModelFormat = {
  name: "Qual data model (YAML/JSON)",
  extensions: [".qual.yaml", ".qual.yml", ".qual.json"],
  searchable: true,
  analyze: (source, file) => {
    const analysis = analyzeData(source, { file });
    return analysis.ir === undefined
      ? { diagnostics: analysis.diagnostics }
      : { diagnostics: analysis.diagnostics, ir: analysis.ir };
  },
};

const savedIR: ModelFormat = {
  name: "saved model (compiled IR)",
  extensions: [".json"],
  searchable: false,
  analyze: (source, file) => {
    try {
      const ir = loadIR(source);
      const unsafe = unsafePattern(ir);
      if (unsafe !== undefined) {
        const message = `This saved model's pattern ${JSON.stringify(unsafe.pattern)} is refused: ${unsafe.problem.message}`;
        return { diagnostics: [wholeFileDiagnostic(source, file, unsafe.problem.code, message)] };
      }
      return { diagnostics: [], ir };
    } catch (error) {
      const reason = error instanceof IRFormatError || error instanceof SyntaxError ? error.message : String(error);
      return {
        diagnostics: [
          wholeFileDiagnostic(source, file, MODEL_FILE_CODES.badSavedModel, `This is not a saved qualify model: ${reason}`),
        ],
      };
    }
  },
};

/** Every model form this build reads. */
export const MODEL_FORMATS: readonly ModelFormat[] = [qualSource, dataForm, savedIR];

/** The form of a file, by its longest matching ending; undefined when no form claims it. */
export function modelFormatFor(path: string): ModelFormat | undefined {
  const lower = path.toLowerCase();
  let best: { format: ModelFormat; length: number } | undefined;
  for (const format of MODEL_FORMATS) {
    for (const ending of format.extensions) {
      if (lower.endsWith(ending) && (best === undefined || ending.length > best.length)) {
        best = { format, length: ending.length };
      }
    }
  }
  return best?.format;
}

/** True for files `qualify check` should pick up when searching a directory. */
export function isSearchableModelFile(path: string): boolean {
  return modelFormatFor(path)?.searchable === true;
}

/**
 * The first `matches` pattern of a saved IR that the checker would refuse.
 * A saved IR never went through the checker (it may be edited by hand or come
 * from elsewhere), so its patterns get the same regex safety check here.
 * Iterative, so a deeply nested IR cannot overflow the stack.
 */
function unsafePattern(ir: ModelIR): { pattern: string; problem: Diagnostic } | undefined {
  const stack: unknown[] = [ir];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === null || typeof node !== "object") continue;
    const record = node as Record<string, unknown>;
    if (record["kind"] === "matches" && typeof record["pattern"] === "string") {
      const problem = checkPattern(record["pattern"]);
      if (problem !== undefined) return { pattern: record["pattern"], problem };
    }
    for (const value of Object.values(record)) if (value !== null && typeof value === "object") stack.push(value);
  }
  return undefined;
}

function wholeFileDiagnostic(source: string, file: string, code: string, message: string): Diagnostic {
  const lines = new LineMap(source);
  return { code, severity: "error", message, range: lines.range(0, Math.min(source.length, lines.lineText(1).length)), file };
}
