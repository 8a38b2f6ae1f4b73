// Local timing of the compiled evaluator against hand-written JS (not a test: no assertions).
// Run after `npx tsc -b packages/compiler`:  node packages/compiler/scripts/timing.mjs
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { compile } from "../dist/index.js";

const num = (value) => ({ kind: "literal", type: { kind: "number" }, value });
const text = (value) => ({ kind: "literal", type: { kind: "text" }, value });
const fieldRef = (name, kind) => ({ kind: "field", path: [name], type: { kind } });
const crit = (id) => ({ kind: "ref", target: "criterion", id, type: { kind: "bool" } });
const base = { format: "qualify-ir", version: 1, consts: [], lets: [], disqualify: [] };

function bant() {
  const items = ["budget", "authority", "need", "timing"].map(crit);
  const deciders = ["CEO", "CFO", "COO", "VP", "Director", "Owner"];
  return {
    ...base, id: "bant", title: "BANT",
    inputs: [
      { name: "budget_usd", type: { kind: "number" }, optional: true },
      { name: "role", type: { kind: "text" }, optional: true },
      { name: "pains", type: { kind: "list", element: { kind: "text" } }, optional: false },
      { name: "timeline_days", type: { kind: "number" }, optional: true },
    ],
    criteria: [
      { id: "budget", label: "B", expr: { kind: "compare", op: ">=", left: fieldRef("budget_usd", "number"), right: num(10000), type: { kind: "bool" } } },
      { id: "authority", label: "A", expr: { kind: "in", negated: false, item: fieldRef("role", "text"), list: { kind: "literal", type: { kind: "list", element: { kind: "text" } }, value: deciders }, type: { kind: "bool" } } },
      { id: "need", label: "N", expr: { kind: "compare", op: ">", left: { kind: "call", fn: "count", args: [{ kind: "field", path: ["pains"], type: { kind: "list", element: { kind: "text" } } }], type: { kind: "number" } }, right: num(0), type: { kind: "bool" } } },
      { id: "timing", label: "T", expr: { kind: "compare", op: "<=", left: fieldRef("timeline_days", "number"), right: num(90), type: { kind: "bool" } } },
      { id: "qualified", label: "Q", expr: { kind: "quantifier", quantifier: "atLeast", n: 3, items, type: { kind: "bool" } } },
    ],
    scores: [{ kind: "computed", id: "met", label: "Met", expr: { kind: "quantifier", quantifier: "count", items, type: { kind: "number" } } }],
    tiers: [
      { id: "sql", label: "SQL", when: crit("qualified") },
      { id: "mql", label: "MQL", when: { kind: "quantifier", quantifier: "atLeast", n: 2, items, type: { kind: "bool" } } },
      { id: "cold", label: "Cold" },
    ],
    order: ["budget", "authority", "need", "timing", "qualified", "met"],
  };
}

const DECIDERS = new Set(["ceo", "cfo", "coo", "vp", "director", "owner"]);
function bantByHand(lead) {
  const b = lead.budget_usd, r = lead.role, p = lead.pains, t = lead.timeline_days;
  const budget = typeof b === "number" ? b >= 10000 : null;
  const authority = typeof r === "string" ? DECIDERS.has(r.toLowerCase()) : null;
  const need = p.length > 0;
  const timing = typeof t === "number" ? t <= 90 : null;
  const yes = (budget === true) + (authority === true) + (need === true) + (timing === true);
  const unknown = (budget === null) + (authority === null) + (timing === null);
  const tier = yes >= 3 ? "sql" : yes >= 2 ? "mql" : "cold";
  void unknown;
  return { tier, scores: { met: yes } };
}

/** A points model: 20 number fields, 5 groups of 20 rules `+p when fK > c`. */
function points(rules) {
  const fields = Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, type: { kind: "number" }, optional: true }));
  const groups = [];
  for (let g = 0; g < 5; g++) {
    groups.push({
      kind: "group", id: `g${g}`, label: `G${g}`, max: 100,
      rules: Array.from({ length: rules / 5 }, (_, r) => ({
        label: `R${r}`, points: num(((r * 7 + g) % 11) - 3),
        when: { kind: "compare", op: ">", left: fieldRef(`f${(r + g) % 20}`, "number"), right: num((r * 13) % 50), type: { kind: "bool" } },
      })),
    });
  }
  return {
    ...base, id: "points", title: "Points", inputs: fields, criteria: [],
    scores: [...groups, { kind: "computed", id: "total", label: "Total", expr: groups.slice(1).reduce((acc, g) => ({ kind: "arith", op: "+", left: acc, right: { kind: "ref", target: "score", id: g.id, type: { kind: "number" } }, type: { kind: "number" } }), { kind: "ref", target: "score", id: "g0", type: { kind: "number" } }) }],
    tiers: [{ id: "hot", label: "Hot", when: { kind: "compare", op: ">=", left: { kind: "ref", target: "score", id: "total", type: { kind: "number" } }, right: num(150), type: { kind: "bool" } } }, { id: "warm", label: "Warm", when: { kind: "compare", op: ">=", left: { kind: "ref", target: "score", id: "total", type: { kind: "number" } }, right: num(50), type: { kind: "bool" } } }, { id: "cold", label: "Cold" }],
    order: [...groups.map((g) => g.id), "total"],
  };
}

/** The hand-written baseline for the points model, as straight-line JS (written to a file and imported). */
async function pointsByHand(ir) {
  const lines = ["export function score(lead) {"];
  for (const f of ir.inputs) lines.push(`  const ${f.name} = typeof lead.${f.name} === "number" ? lead.${f.name} : null;`);
  for (const g of ir.scores.filter((s) => s.kind === "group")) {
    lines.push(`  let ${g.id} = 0;`);
    for (const r of g.rules) lines.push(`  if (${r.when.left.path[0]} !== null && ${r.when.left.path[0]} > ${r.when.right.value}) ${g.id} += ${r.points.value};`);
    lines.push(`  if (${g.id} > 100) ${g.id} = 100;`);
  }
  lines.push("  const total = g0 + g1 + g2 + g3 + g4;");
  lines.push('  return { tier: total >= 150 ? "hot" : total >= 50 ? "warm" : "cold", scores: { g0, g1, g2, g3, g4, total } };', "}");
  const file = join(mkdtempSync(join(tmpdir(), "qualify-timing-")), "by-hand.mjs");
  writeFileSync(file, lines.join("\n"));
  return (await import(pathToFileURL(file).href)).score;
}

function leadsFor(ir, n) {
  const leads = [];
  for (let i = 0; i < n; i++) {
    if (ir.id === "bant") {
      leads.push({ budget_usd: i % 3 === 0 ? undefined : (i * 997) % 40000, role: ["CEO", "intern", "vp", undefined][i % 4], pains: i % 5 === 0 ? [] : ["churn"], timeline_days: i % 7 === 0 ? undefined : i % 200 });
    } else {
      const lead = {};
      for (let f = 0; f < 20; f++) if ((i + f) % 6 !== 0) lead[`f${f}`] = (i * 31 + f * 17) % 60;
      leads.push(lead);
    }
  }
  return leads;
}

/** Calls per second of CPU time (not wall time: the machine is shared, and waiting is not our cost). */
function opsPerSecond(fn, leads, ms = 600) {
  let sink = 0;
  for (let i = 0; i < 20000; i++) sink += fn(leads[i % leads.length]).tier.length; // warm up
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const start = cpu();
  let n = 0;
  while (cpu() - start < ms) {
    for (let i = 0; i < 1000; i++) sink += fn(leads[(n + i) % leads.length]).tier.length;
    n += 1000;
  }
  if (sink === -1) console.log(sink);
  return n / ((cpu() - start) / 1000);
}

const now = Date.parse("2026-11-01");
for (const [name, ir, byHand] of [["BANT (4 criteria)", bant(), bantByHand], ["points (100 rules)", points(100), await pointsByHand(points(100))]]) {
  const model = compile(ir);
  const leads = leadsFor(ir, 1024);
  // The machine is shared: interleave the candidates over several rounds and keep each one's best.
  const best = { hand: 0, fast: 0, fastNoValidate: 0, full: 0 };
  for (let round = 0; round < 4; round++) {
    best.hand = Math.max(best.hand, opsPerSecond(byHand, leads, 300));
    best.fast = Math.max(best.fast, opsPerSecond((l) => model.score(l, { now }), leads, 300));
    best.fastNoValidate = Math.max(best.fastNoValidate, opsPerSecond((l) => model.score(l, { now, validate: false }), leads, 300));
    best.full = Math.max(best.full, opsPerSecond((l) => model.evaluate(l, { now }), leads, 300));
  }
  const { hand, fast, fastNoValidate, full } = best;
  const f = (x) => `${(x / 1e6).toFixed(2)}M/s`;
  console.log(`${name}: by hand ${f(hand)} | score ${f(fast)} (${(fast / hand).toFixed(2)}x) | score without validation ${f(fastNoValidate)} (${(fastNoValidate / hand).toFixed(2)}x) | evaluate ${f(full)} (${(full / hand).toFixed(2)}x)`);
}

for (const rules of [100, 200, 400, 800]) {
  const ir = points(rules);
  for (let i = 0; i < 20; i++) compile(ir);
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = cpu();
    for (let i = 0; i < 20; i++) compile(ir);
    best = Math.min(best, (cpu() - start) / 20);
  }
  console.log(`compile ${rules} rules: ${best.toFixed(3)} ms (warm, CPU time, best of 5)`);
}
