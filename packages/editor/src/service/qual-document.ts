import { LineMap } from "@qualify/ir";
import type { Diagnostic } from "@qualify/ir";
import { analyze } from "@qualify/language";
import type { AnalyzeResult, SymbolInfo } from "@qualify/language";
import { compile } from "@qualify/compiler";
import type { CompiledModel } from "@qualify/compiler";

/** The code of the diagnostic reported when the front end itself fails (a bug, not the user's). */
export const INTERNAL_ERROR_CODE = "QUAL000";

/**
 * One open model: its text and, computed on first need, its analysis and
 * compiled form. A new text makes a new document, so cached results can
 * never belong to an older version.
 */
export class QualDocument {
  readonly lineMap: LineMap;
  private analysisCache: AnalyzeResult | undefined;
  private compiledCache: CompiledModel | null | undefined;

  /**
   * @param fallbackSymbols symbols of the version this one replaces; they
   *   stand in for names the new text loses while it is broken (mid-edit).
   */
  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    private readonly fallbackSymbols: readonly SymbolInfo[] = [],
  ) {
    this.lineMap = new LineMap(text);
  }

  /** A document for a new text of the same model, inheriting this one's symbols as fallback. */
  next(version: number, text: string): QualDocument {
    const own = this.analysisCache?.symbols;
    return new QualDocument(this.uri, version, text, own && own.length > 0 ? own : this.fallbackSymbols);
  }

  /** The parse and check of this text. Never throws: a front-end crash becomes a diagnostic. */
  get analysis(): AnalyzeResult {
    if (this.analysisCache === undefined) this.analysisCache = safeAnalyze(this.text, this.uri, this.lineMap);
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

function safeAnalyze(text: string, uri: string, lineMap: LineMap): AnalyzeResult {
  try {
    return analyze(text, { file: uri });
  } catch (error) {
    const message = `The Qual checker failed on this text (${error instanceof Error ? error.message : String(error)}). This is a bug in qualify, not in your model.`;
    return {
      ast: { kind: "Model", range: lineMap.range(0, text.length), declarations: [], comments: [] },
      diagnostics: [{ code: INTERNAL_ERROR_CODE, severity: "error", message, range: lineMap.range(0, 0) }],
      symbols: [],
      references: [],
    };
  }
}
