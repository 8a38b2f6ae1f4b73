import { LineMap } from "@qualify/ir";
import type { Diagnostic } from "@qualify/ir";
import { analyzeData } from "@qualify/data";
import { analyze, createIncrementalParser } from "@qualify/language";
import type { AnalyzeResult, IncrementalParser, SymbolInfo } from "@qualify/language";
import { compile } from "@qualify/compiler";
import type { CompiledModel } from "@qualify/compiler";

/** How a document's text is written: Qual source, or the YAML/JSON data form of a model. */
export type DocumentFormat = "qual" | "yaml" | "json";

/** The format a document's uri implies: `*.qual.yaml`/`*.qual.yml` are YAML, `*.qual.json` JSON, the rest Qual. */
export function documentFormatOf(uri: string): DocumentFormat {
  if (/\.ya?ml$/i.test(uri)) return "yaml";
  if (/\.json$/i.test(uri)) return "json";
  return "qual";
}

/** The code of the diagnostic reported when the front end itself fails (a bug, not the user's). */
export const INTERNAL_ERROR_CODE = "QUAL000";

/**
 * One open model: its text and, computed on first need, its analysis and
 * compiled form. A new text makes a new document, so cached results can
 * never belong to an older version. The versions of one model share an
 * incremental parser, so each keystroke re-parses only the declarations
 * (and score rules) it touched.
 */
export class QualDocument {
  readonly lineMap: LineMap;
  readonly format: DocumentFormat;
  private analysisCache: AnalyzeResult | undefined;
  private compiledCache: CompiledModel | null | undefined;

  /**
   * @param fallbackSymbols symbols of the version this one replaces; they
   *   stand in for names the new text loses while it is broken (mid-edit).
   * @param parser the incremental parser of the model's earlier versions
   *   (a new one for a newly opened model).
   */
  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    private readonly fallbackSymbols: readonly SymbolInfo[] = [],
    private readonly parser: IncrementalParser = createIncrementalParser(),
  ) {
    this.lineMap = new LineMap(text);
    this.format = documentFormatOf(uri);
  }

  /** A document for a new text of the same model, inheriting this one's symbols as fallback and its parser. */
  next(version: number, text: string): QualDocument {
    const own = this.analysisCache?.symbols;
    return new QualDocument(this.uri, version, text, own && own.length > 0 ? own : this.fallbackSymbols, this.parser);
  }

  /** The parse and check of this text. Never throws: a front-end crash becomes a diagnostic. */
  get analysis(): AnalyzeResult {
    this.analysisCache ??= safeAnalyze(this.text, this.uri, this.format, this.lineMap, this.parser);
    return this.analysisCache;
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.analysis.diagnostics;
  }

  /**
   * The symbols to complete and hover with. While the user types, the text
   * is often broken and the checker sees fewer declarations; symbols of the
   * last version are kept for names the current one lost, so completion
   * does not flicker.
   */
  get symbols(): readonly SymbolInfo[] {
    const current = this.analysis.symbols;
    if (this.fallbackSymbols.length === 0 || !this.hasSyntaxErrors()) return current;
    const known = new Set(current.map((s) => s.name));
    return [...current, ...this.fallbackSymbols.filter((s) => !known.has(s.name))];
  }

  /** Syntax errors (QUAL1xx) mean the parser dropped part of the text. */
  private hasSyntaxErrors(): boolean {
    return this.analysis.diagnostics.some((d) => d.severity === "error" && d.code.startsWith("QUAL1"));
  }

  /** The compiled model, or undefined when the text has errors or compilation fails. */
  get compiled(): CompiledModel | undefined {
    if (this.compiledCache === undefined) {
      const ir = this.analysis.ir;
      try {
        this.compiledCache = ir ? compile(ir) : null;
      } catch {
        this.compiledCache = null;
      }
    }
    return this.compiledCache ?? undefined;
  }
}

function safeAnalyze(text: string, uri: string, format: DocumentFormat, lineMap: LineMap, parser: IncrementalParser): AnalyzeResult {
  try {
    if (format === "qual") return analyze(text, { file: uri, parser });
    // The data form has no Qual syntax tree when the file fails its schema; the outline is then empty.
    const { ast, ir, ...rest } = analyzeData(text, { file: uri, format });
    return { ...rest, ...(ir ? { ir } : {}), ast: ast ?? emptyModel(text, lineMap) };
  } catch (error) {
    const message = `The Qual checker failed on this text (${error instanceof Error ? error.message : String(error)}). This is a bug in qualify, not in your model.`;
    return {
      ast: emptyModel(text, lineMap),
      diagnostics: [{ code: INTERNAL_ERROR_CODE, severity: "error", message, range: lineMap.range(0, 0) }],
      symbols: [],
      references: [],
    };
  }
}

function emptyModel(text: string, lineMap: LineMap): AnalyzeResult["ast"] {
  return { kind: "Model", range: lineMap.range(0, text.length), declarations: [], comments: [] };
}
