import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type BenchResults, markdownReport } from "./harness/report.js";
import { evaluateTargets } from "./harness/targets.js";

/**
 * Re-renders results/latest.md from results/latest.json (so the current
 * table layout applies to the committed run), then copies it and the last
 * probe (results/probe.md) into RESULTS.md between their HTML-comment
 * markers, leaving the hand-written text around them alone.
 * Usage: node dist/splice-results.js
 */
const root = new URL("../", import.meta.url);
const resultsPath = fileURLToPath(new URL("RESULTS.md", root));
const latest = JSON.parse(readFileSync(fileURLToPath(new URL("results/latest.json", root)), "utf8")) as BenchResults;
const targets = evaluateTargets(latest.workloads, latest.compile, latest.batch);
writeFileSync(fileURLToPath(new URL("results/latest.md", root)), markdownReport({ ...latest, targets }));
let text = readFileSync(resultsPath, "utf8");
for (const name of ["latest.md", "probe.md"]) {
  const begin = `<!-- ${name} -->`;
  const end = `<!-- /${name} -->`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`RESULTS.md has no ${begin} ... ${end} markers`);
  const body = readFileSync(fileURLToPath(new URL(`results/${name}`, root)), "utf8").trim();
  // The generated files start with their own level-2 heading; RESULTS.md has its own.
  const content = body.replace(/^## [^\n]*\n+/, "").replace(/^### /gm, "### ");
  text = `${text.slice(0, from + begin.length)}\n${content}\n${text.slice(to)}`;
}
writeFileSync(resultsPath, text);
console.log(`updated ${resultsPath}`);
