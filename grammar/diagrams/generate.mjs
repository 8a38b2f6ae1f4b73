// Regenerates qual.html (the railroad diagrams of the Qual grammar) from the
// built parser, and copies chevrotain's diagram scripts beside it so that the
// page needs no network. Run: pnpm --filter @qualify/language diagrams
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const languageDir = join(here, "../../packages/language");
const { grammarDiagramsHtml, DIAGRAM_RESOURCES } = await import(
  pathToFileURL(join(languageDir, "dist/parser/diagrams.js")).href
);
// chevrotain's entry is lib/src/api.js; its diagrams/ folder is at the package root.
const chevrotainEntry = createRequire(join(languageDir, "package.json")).resolve("chevrotain");
const chevrotainDiagrams = join(dirname(chevrotainEntry), "../../diagrams");

for (const file of DIAGRAM_RESOURCES) {
  mkdirSync(dirname(join(here, file)), { recursive: true });
  copyFileSync(join(chevrotainDiagrams, file), join(here, file));
}
writeFileSync(join(here, "qual.html"), grammarDiagramsHtml());
console.log(`wrote ${join(here, "qual.html")} and ${DIAGRAM_RESOURCES.length} resource files`);
