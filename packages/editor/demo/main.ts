import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import JsonWorker from "monaco-editor/language/json/json.worker?worker";
import { createQualEditor } from "../src/index.js";
import type { QualEditor } from "../src/index.js";
import { monaco } from "../src/monaco/monaco-api.js";
import QualWorker from "../src/worker/qual.worker.ts?worker";
import { EXAMPLES } from "./examples.js";

// Monaco's own workers: the JSON language service for the lead panel, and the
// generic editor worker for everything else.
self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => (label === "json" ? new JsonWorker() : new EditorWorker()),
};

const select = document.getElementById("example") as HTMLSelectElement;
const formSelect = document.getElementById("form") as HTMLSelectElement;
const status = document.getElementById("status") as HTMLElement;
const app = document.getElementById("app") as HTMLElement;

for (const example of EXAMPLES) select.append(new Option(example.name, example.name));

let current: QualEditor | undefined;
let currentName: string | undefined;
let opened = 0;

/**
 * Opens an example. In the YAML form, the worker converts the Qual source
 * into the data form first (the Qual editor of the example is created to ask
 * it, then replaced).
 */
async function open(name: string, form: "qual" | "yaml" = "qual"): Promise<QualEditor | undefined> {
  const example = EXAMPLES.find((e) => e.name === name);
  if (!example) return undefined;
  let editor = show(example, "qual", example.source);
  if (form === "yaml") {
    const yaml = await editor.toData("yaml");
    if (yaml !== undefined) editor = show(example, "yaml", yaml);
  }
  select.value = name;
  formSelect.value = form;
  return editor;
}

function show(example: (typeof EXAMPLES)[number], form: "qual" | "yaml", source: string): QualEditor {
  // The old editor goes after the new one exists, so the shared Qual worker keeps running.
  const previous = current;
  current = createQualEditor(app, {
    createWorker: () => new QualWorker(),
    value: source,
    // Switching the form of the same example keeps the lead being tried.
    lead: currentName === example.name && current ? current.getLead() : example.lead,
    language: form === "yaml" ? "qual-yaml" : "qual",
    // A fresh uri each time: the new model exists before the old one is disposed.
    uri: `inmemory://qualify/examples/${++opened}/${example.name}.${form === "yaml" ? "qual.yaml" : "qual"}`,
    ...(example.now === undefined ? {} : { now: example.now }),
    onResult: (outcome) => {
      status.textContent = outcome.status === "ok" ? `tier: ${outcome.result.tier}` : outcome.message;
    },
  });
  currentName = example.name;
  previous?.dispose();
  current.onDidChangeMarkers((markers) => {
    const errors = markers.filter((m) => m.severity === monaco.MarkerSeverity.Error).length;
    status.dataset["errors"] = String(errors);
  });
  return current;
}

select.addEventListener("change", () => void open(select.value, formSelect.value === "yaml" ? "yaml" : "qual"));
formSelect.addEventListener("change", () => void open(select.value, formSelect.value === "yaml" ? "yaml" : "qual"));
void open(EXAMPLES[0]?.name ?? "");

/** What the end-to-end tests and the latency benchmark drive. */
declare global {
  interface Window {
    qualDemo: { readonly monaco: typeof monaco; readonly editor: () => QualEditor | undefined; open: typeof open; examples: string[] };
  }
}
window.qualDemo = { monaco, editor: () => current, open, examples: EXAMPLES.map((e) => e.name) };
