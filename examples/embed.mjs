// Embedding a model in a service: run with `node examples/embed.mjs` after set-up.
import { readFileSync } from "node:fs";
import { compileModel, InvalidLeadError } from "qualify";

const source = readFileSync(new URL("bant.qual", import.meta.url), "utf8");
const model = compileModel(source, { file: "bant.qual" }); // throws ModelError with printed diagnostics

// Fast path: tier and scores, no explanations.
console.log(model.score({ budget_usd: 50_000, role: "CFO", pains: ["churn"], timeline_days: 30 }));

// Full path: criteria, reasons, and what is unknown with the fields to ask about.
const result = model.evaluate({ role: "VP", pains: ["churn"], timeline_days: 30 }, { now: "2026-11-01" });
console.log(result.tier, result.criteria, result.unknown);

// An invalid lead is rejected with every bad field, its expected type and its value.
try {
  model.score({ budget_usd: "lots", pains: [] });
} catch (error) {
  if (!(error instanceof InvalidLeadError)) throw error;
  console.log(error.issues.map((issue) => `${issue.path}: ${issue.message}`));
}
