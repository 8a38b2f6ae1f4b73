import type { MonacoApi } from "./register-qual.js";

import { QUAL_YAML_LANGUAGE_ID } from "./language-ids.js";

const registered = new WeakSet<object>();

/**
 * Registers `qual-yaml`: YAML highlighting and editing for models written as
 * data. It is its own language id (not plain `yaml`) so that validation by
 * the model schema and the Qual checker can attach to it without affecting
 * other YAML files. The tokenizer loads lazily.
 */
export function registerQualYamlLanguage(monaco: MonacoApi): void {
  if (registered.has(monaco.languages)) return;
  registered.add(monaco.languages);
  monaco.languages.register({ id: QUAL_YAML_LANGUAGE_ID, extensions: [".qual.yaml", ".qual.yml"], aliases: ["Qual (YAML)"] });
  monaco.languages.onLanguageEncountered(QUAL_YAML_LANGUAGE_ID, () => {
    void import("monaco-editor/languages/definitions/yaml/yaml").then(({ conf, language }) => {
      monaco.languages.setLanguageConfiguration(QUAL_YAML_LANGUAGE_ID, conf);
      monaco.languages.setMonarchTokensProvider(QUAL_YAML_LANGUAGE_ID, language);
    });
  });
}
