import type * as Monaco from "monaco-editor/editor";
import { QUAL_LANGUAGE_ID } from "./language-ids.js";

/** The Monaco API surface that registration needs (the `monaco-editor/editor` module). */
export type MonacoApi = typeof Monaco;

const registered = new WeakSet<object>();

/**
 * Registers the Qual language id with Monaco. The tokenizer and editing
 * configuration load lazily, the first time a Qual model appears, so pages
 * that never show Qual pay nothing for them. Safe to call more than once.
 */
export function registerQualLanguage(monaco: MonacoApi): void {
  if (registered.has(monaco.languages)) return;
  registered.add(monaco.languages);
  monaco.languages.register({ id: QUAL_LANGUAGE_ID, extensions: [".qual"], aliases: ["Qual", "qual"] });
  monaco.languages.onLanguageEncountered(QUAL_LANGUAGE_ID, () => {
    void import("./qual-monarch.js").then(({ conf, language }) => {
      monaco.languages.setLanguageConfiguration(QUAL_LANGUAGE_ID, conf);
      monaco.languages.setMonarchTokensProvider(QUAL_LANGUAGE_ID, language);
    });
  });
}
