// Regenerates examples/yaml/*.qual.yaml and examples/json/*.qual.json from
// examples/*.qual, each with a fixture file that runs the original's cases
// against the converted model. Needs the built package: run `npx tsc -b
// packages/data` first. Usage (from the repository root):
//   node packages/data/scripts/convert-examples.mjs
// A test (test/data-examples.test.ts) fails when the committed files differ.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { convertModelFile, retargetFixture } from "../dist/node/index.js";

const examples = fileURLToPath(new URL("../../../examples/", import.meta.url));

for (const entry of readdirSync(examples).filter((name) => name.endsWith(".qual")).sort()) {
  const name = entry.replace(/\.qual$/, "");
  for (const format of ["yaml", "json"]) {
    const dir = join(examples, format);
    mkdirSync(dir, { recursive: true });
    const modelFile = `${name}.qual.${format}`;
    const outputPath = join(dir, modelFile);
    const result = convertModelFile(join(examples, entry), format, { outputPath });
    if (result.text === undefined) {
      console.error(`${entry}: not converted:\n${result.diagnostics.map((d) => `  ${d.code} ${d.message}`).join("\n")}`);
      process.exitCode = 1;
      continue;
    }
    writeFileSync(outputPath, result.text);
    const fixture = join(examples, `${name}.test.yaml`);
    if (existsSync(fixture)) {
      const text = retargetFixture(readFileSync(fixture, "utf8"), modelFile, `examples/${name}.test.yaml`);
      if (text !== undefined) writeFileSync(join(dir, `${name}.test.yaml`), text);
    }
    console.log(`wrote examples/${format}/${modelFile}`);
  }
}
