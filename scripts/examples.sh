#!/usr/bin/env bash
# The main job on the bundled examples: check every model, run every fixture,
# then batch-score sample leads and show the scored output.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
qualify() { node packages/cli/bin/qualify.js "$@"; }
out=.tmp/examples
rm -rf "$out" && mkdir -p "$out"

echo "== qualify check examples"
qualify check examples

echo
echo "== qualify test examples"
qualify test examples

echo
echo "== qualify score examples/inbound.qual (JSON Lines in, CSV out)"
qualify score examples/inbound.qual --in examples/data/leads.jsonl --out "$out/inbound-scored.csv" \
  --errors "$out/inbound-errors.jsonl" --now 2026-11-01
column -s, -t < "$out/inbound-scored.csv" 2>/dev/null | head -n 12 || head -n 12 "$out/inbound-scored.csv"

echo
echo "== qualify score examples/x-education.qual (a real CRM export, mapped columns)"
qualify score examples/x-education.qual --in examples/data/x-education-sample.csv \
  --map examples/data/x-education.map.yaml --out "$out/x-education-scored.jsonl" \
  --errors "$out/x-education-errors.jsonl" --now 2026-11-01
echo "How the tiers line up with the leads that really converted (the data's Converted column):"
node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => JSON.parse(l));
const by = {};
for (const r of rows) { const t = (by[r.tier] ??= { leads: 0, converted: 0 }); t.leads++; t.converted += r.Converted === "1" ? 1 : 0; }
for (const [tier, t] of Object.entries(by)) console.log(`  ${tier.padEnd(12)} ${String(t.leads).padStart(4)} leads, ${(100 * t.converted / t.leads).toFixed(0).padStart(3)}% converted`);
' "$out/x-education-scored.jsonl"
