import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DIAGRAM_RESOURCES, grammarDiagramsHtml } from "../../src/parser/diagrams.js";

const diagramsDir = fileURLToPath(new URL("../../../../grammar/diagrams/", import.meta.url));
const REGENERATE = "grammar/diagrams is out of date with the parser: run `pnpm --filter @qualify/language diagrams` and commit the result";

describe("the railroad diagrams in grammar/diagrams", () => {
  it("match the grammar the parser has now", () => {
    const committed = readFileSync(join(diagramsDir, "qual.html"), "utf8");
    expect(committed === grammarDiagramsHtml(), REGENERATE).toBe(true);
  });

  it("load every script and style from their own folder, never from the network", () => {
    const html = grammarDiagramsHtml();
    const sources = [...html.matchAll(/(?:src|href)='([^']*)'/g)].map((m) => m[1]);
    expect(sources).toEqual(["./diagrams.css", ...DIAGRAM_RESOURCES.filter((f) => f.endsWith(".js")).map((f) => `./${f}`)]);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("ship the same resource files as the installed chevrotain", () => {
    const entry = createRequire(import.meta.url).resolve("chevrotain");
    const installed = join(dirname(entry), "../../diagrams");
    for (const file of DIAGRAM_RESOURCES) {
      expect(readFileSync(join(diagramsDir, file), "utf8") === readFileSync(join(installed, file), "utf8"), `${file}: ${REGENERATE}`).toBe(true);
    }
  });

  it("draw every rule of the grammar", () => {
    const html = grammarDiagramsHtml();
    for (const rule of ["model", "inputBlock", "field", "typeExpr", "scoreDecl", "scoreRule", "tierDecl", "comparison", "primary", "quantifier"]) {
      expect(html).toContain(`"name": "${rule}"`);
    }
  });
});
