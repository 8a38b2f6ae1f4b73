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
const status = document.getElementById("status") as HTMLElement;
const app = document.getElementById("app") as HTMLElement;

for (const example of EXAMPLES) select.append(new Option(example.name, example.name));

let current: QualEditor | undefined;

function open(name: string): QualEditor | undefined {
  const example = EXAMPLES.find((e) => e.name === name);
  if (!example) return undefined;
  current?.dispose();
  current = createQualEditor(app, {
    createWorker: () => new QualWorker(),
    value: example.source,
    lead: example.lead,
    uri: `inmemory://qualify/examples/${example.name}.qual`,
    ...(example.now === undefined ? {} : { now: example.now }),
    onResult: (outcome) => {
      status.textContent = outcome.status === "ok" ? `tier: ${outcome.result.tier}` : outcome.message;
    },
  });
  current.onDidChangeMarkers((markers) => {
    const errors = markers.filter((m) => m.severity === monaco.MarkerSeverity.Error).length;
    status.dataset["errors"] = String(errors);
  });
  select.value = name;
  return current;
}

select.addEventListener("change", () => open(select.value));
open(EXAMPLES[0]?.name ?? "");

/** What the end-to-end tests and the latency benchmark drive. */
declare global {
  interface Window {
    qualDemo: { readonly monaco: typeof monaco; readonly editor: () => QualEditor | undefined; open: typeof open; examples: string[] };
  }
}
window.qualDemo = { monaco, editor: () => current, open, examples: EXAMPLES.map((e) => e.name) };
