import type { Command } from "commander";

/**
 * One or two example invocations per command, shown at the end of its
 * `--help`: people learn a command from an example faster than from its
 * option list. A test checks that every command has one.
 */
export const HELP_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  check: ["qualify check examples", "qualify check models --format github --strict"],
  test: ["qualify test examples", "qualify test examples/bant.test.yaml --coverage"],
  fmt: ["qualify fmt models", "qualify fmt --check models", "qualify fmt --diff models"],
  compile: ["qualify compile examples/bant.qual -o bant.json", "qualify compile examples/bant.qual --target js -o bant.js", "qualify compile examples/bant.qual --target sql --dialect postgres --table leads"],
  schema: ["qualify schema examples/bant.qual > lead.schema.json"],
  explain: [
    `qualify explain examples/inbound.qual --lead '{"email":"ann@acme.example","page_views_30d":12}' --now 2026-11-01`,
    "qualify explain examples/x-education.qual --in examples/data/x-education-sample.csv --row 7 --map examples/data/x-education.map.yaml",
  ],
  score: [
    "qualify score examples/inbound.qual --in examples/data/leads.jsonl --out scored.csv --now 2026-11-01",
    "qualify score examples/x-education.qual --in leads.csv --map examples/data/x-education.map.yaml --out scored.csv --errors rejected.jsonl",
    "qualify score examples/x-education-fit.qual --shadow examples/x-education-fit-v2.qual --split 20% --id-column 'Prospect ID' --in leads.csv --map examples/data/x-education-fit.map.yaml --out scored.csv",
    "qualify score examples/bant.qual --in leads.parquet --out scored.parquet --engine duckdb --now 2026-11-01",
    "qualify score examples/bant.qual --in leads.csv --out scored.csv --engine duckdb --any-order",
    "qualify score examples/x-education.qual --in leads.parquet --map examples/data/x-education.map.yaml --out scored.csv --errors rejected.jsonl --engine duckdb",
  ],
  backtest: [
    "qualify backtest examples/x-education.qual --data examples/data/x-education-sample.csv --map examples/data/x-education.map.yaml --label Converted",
    "qualify backtest model.qual --data history.csv --label Converted --html report.html --json > backtest.json",
    "qualify backtest examples/olist-funnel.qual --data examples/data/olist-mql-sample.csv --join examples/data/olist-closed-deals-sample.csv --on mql_id --map examples/data/olist-funnel.map.yaml",
  ],
  diff: [
    "qualify diff examples/x-education-fit.qual examples/x-education-fit-v2.qual --data leads.csv --map examples/data/x-education-fit.map.yaml --label Converted",
    "qualify diff models/inbound.qual@HEAD~1 models/inbound.qual --data leads.csv --fail-if-moved 5% --html diff.html",
  ],
  lsp: ["qualify lsp --stdio"],
  convert: ["qualify convert examples/bant.qual --to yaml", "qualify convert bant.qual.yaml --to qual -o bant.qual"],
};

/** Adds the examples of {@link HELP_EXAMPLES} to the help of each command that has some. */
export function addHelpExamples(program: Command): void {
  for (const command of program.commands) {
    const examples = HELP_EXAMPLES[command.name()];
    if (examples === undefined) continue;
    command.addHelpText("after", `\nExample${examples.length > 1 ? "s" : ""}:\n${examples.map((e) => `  $ ${e}`).join("\n")}\n`);
  }
}
