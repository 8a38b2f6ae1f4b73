// The one place that loads Monaco: the core API, the editor features
// (suggest, hover, code actions, outline...), the JSON language for the lead
// panel and the YAML tokenizer for models written as data.
import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/register.all";
import "monaco-editor/languages/definitions/yaml/register";
import { jsonDefaults } from "monaco-editor/languages/features/json/register";

/** The Monaco API the editor package uses. */
export { monaco, jsonDefaults };
/** The type of the Monaco API namespace. */
export type MonacoApi = typeof monaco;
