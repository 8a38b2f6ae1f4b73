// Shared pieces of the fuzz targets: the built packages, the documented
// errors, the invariants every diagnostic must keep, and the example models.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const dist = (pkg) => join(root, "packages", pkg, "dist", "index.js");

export const language = await import(dist("language"));
export const compiler = await import(dist("compiler"));
export const qualify = await import(dist("qualify"));
export const data = await import(dist("data"));
export const cliScore = {
  pipeline: await import(join(root, "packages/cli/dist/score/score-pipeline.js")),
  scorer: await import(join(root, "packages/cli/dist/score/batch-scorer.js")),
  csv: await import(join(root, "packages/cli/dist/score/csv-records.js")),
};

/** The errors the public API documents; anything else escaping is a crash. */
export const DOCUMENTED_ERRORS = [qualify.ModelError, compiler.InvalidLeadError, compiler.IRFormatError];

/** Rethrows anything that is not a documented error, saying what was being done. */
export function onlyDocumented(error, what) {
  if (DOCUMENTED_ERRORS.some((type) => error instanceof type)) return error;
  const detail = error instanceof Error ? error.stack ?? error.message : String(error);
  throw new Error(`${what} threw an undocumented error: ${detail}`);
}

/** Codes that mean "qualify itself failed": a crash turned into a diagnostic is still a crash. */
export const INTERNAL_CODES = new Set(["QUAL199", "QUAL299", "QUAL699"]);

/** Every diagnostic: a stable code, a severity, a message, and a range inside the text. */
export function checkDiagnostics(text, diagnostics, what) {
  if (!Array.isArray(diagnostics)) throw new Error(`${what}: diagnostics is not an array`);
  for (const d of diagnostics) {
    const where = `${what}: ${d.code} ${JSON.stringify(d.message)}`;
    if (!/^QUAL\d{3}$/.test(d.code)) throw new Error(`${where}: code is not QUALnnn`);
    if (INTERNAL_CODES.has(d.code)) throw new Error(`${where}: an internal error`);
    if (d.severity !== "error" && d.severity !== "warning" && d.severity !== "info") throw new Error(`${where}: bad severity ${d.severity}`);
    if (typeof d.message !== "string" || d.message.length === 0) throw new Error(`${where}: empty message`);
    const { start, end } = d.range;
    if (!(0 <= start.offset && start.offset <= end.offset && end.offset <= text.length)) {
      throw new Error(`${where}: range ${start.offset}..${end.offset} outside the text (length ${text.length})`);
    }
    if (start.line < 1 || start.column < 1 || end.line < start.line) throw new Error(`${where}: bad line/column ${JSON.stringify(d.range)}`);
  }
}

const examplesDir = join(root, "examples");

/** The example models' source, by file name. */
export const EXAMPLES = Object.fromEntries(
  readdirSync(examplesDir)
    .filter((name) => name.endsWith(".qual"))
    .sort()
    .map((name) => [name, readFileSync(join(examplesDir, name), "utf8")]),
);

/** The YAML and JSON forms of the examples (for the data reader). */
export const DATA_EXAMPLES = ["yaml", "json"].flatMap((dir) =>
  readdirSync(join(examplesDir, dir))
    .filter((name) => /\.(ya?ml|json)$/.test(name) && !name.includes(".test."))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(examplesDir, dir, name), "utf8") })),
);

/** The example fixtures' leads, by model file name (valid and invalid ones alike). */
export function fixtureLeads(yaml) {
  const out = {};
  for (const name of Object.keys(EXAMPLES)) {
    const fixture = join(examplesDir, name.replace(/\.qual$/, ".test.yaml"));
    let doc;
    try {
      doc = yaml.parse(readFileSync(fixture, "utf8"));
    } catch {
      continue;
    }
    const cases = Array.isArray(doc?.cases) ? doc.cases : [];
    out[name] = cases.map((c) => c.lead).filter((lead) => lead !== undefined);
  }
  return out;
}

/** Counts by name, for the targets' reports. */
export function counter() {
  const counts = {};
  return { counts, add: (name) => (counts[name] = (counts[name] ?? 0) + 1) };
}
