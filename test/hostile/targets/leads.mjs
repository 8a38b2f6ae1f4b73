// Fuzz target: hostile leads into validate, score and evaluate of the example
// models and of generated models whose fields are named `__proto__`,
// `constructor`, `prototype`... Leads: arbitrary JSON (parsed, so `__proto__`
// is an own key), NaN and Infinity, oversized strings and lists, 100,000-deep
// arrays and objects, wrong types, exotic objects. Only InvalidLeadError may
// escape, exactly when validate finds issues; results hold only finite numbers
// and a declared tier; Object.prototype and Array.prototype stay untouched.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { compiler, counter, EXAMPLES, fixtureLeads, onlyDocumented, qualify } from "./lib.mjs";
import { generatedModelArb, HOSTILE_NAMES, leadFor } from "./model-gen.mjs";

const yaml = createRequire(fileURLToPath(new URL("../../../packages/qualify/package.json", import.meta.url)))("yaml");

function deepArray(depth) {
  let value = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}
function deepObject(depth) {
  let value = {};
  for (let i = 0; i < depth; i++) value = { a: value, __proto__x: 1 };
  return value;
}

const DEEP_ARRAY = deepArray(100_000);
const DEEP_OBJECT = deepObject(100_000);
const HUGE_TEXT = "x".repeat(100_001);
const HUGE_LIST = Array.from({ length: 10_001 }, (_, i) => `t${i}`);

/** Values no field accepts or that test the edges of the ones it does. */
const hostileValueArb = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      NaN, Infinity, -Infinity, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, "", "NaN", "1e999", "2026-02-30", "2026-11-01",
      "2026-11-01T10:00:00Z", "hi", "HI", "lo ", true, "true", 0, 1, [], [1, "a"], ["a", "b"], [NaN], [null], {}, { a: 1 },
      HUGE_TEXT, HUGE_LIST, DEEP_ARRAY, DEEP_OBJECT, new Date(NaN), new Date(0), Object.create(null),
      Object.create({ inherited: "yes" }), 10n, Symbol("s"), () => 1, new Map([["a", 1]]), new Uint8Array(4),
      JSON.parse('{"__proto__": {"polluted": true}}'), JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    ),
  },
);

/** Whole leads that are not objects, or objects with unexpected shapes. */
const strangeLeadArb = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(v) ?? "null")),
  fc.constantFrom(null, undefined, 7, "lead", [], [{}], DEEP_ARRAY, DEEP_OBJECT, Object.create(null), new Date(), NaN),
  fc.dictionary(fc.constantFrom(...HOSTILE_NAMES, "a", "email", "budget_usd"), hostileValueArb, { maxKeys: 5 }).map((d) => JSON.parse(safeJson(d))),
);

function safeJson(value) {
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === "bigint" || typeof v === "symbol" || typeof v === "function" ? null : v)) ?? "null";
  } catch {
    return "null";
  }
}

const NOW = "2026-11-01T12:00:00Z";
const protoSnapshot = () => [Object.getOwnPropertyNames(Object.prototype).join(","), Object.getOwnPropertyNames(Array.prototype).join(",")].join("|");
const before = protoSnapshot();

function assertFiniteNumbers(value, path = "result") {
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  if (Array.isArray(value)) value.forEach((v, i) => assertFiniteNumbers(v, `${path}[${i}]`));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) assertFiniteNumbers(v, `${path}.${k}`);
}

/** Every invariant for one model and one lead. */
function checkLead(model, lead, tally) {
  const issues = model.validate(lead);
  if (!Array.isArray(issues)) throw new Error("validate did not return a list");
  for (const issue of issues) {
    if (typeof issue.path !== "string" || typeof issue.message !== "string" || issue.message === "") throw new Error(`bad issue ${safeJson(issue)}`);
  }
  let scored;
  try {
    scored = model.score(lead, { now: NOW });
  } catch (error) {
    onlyDocumented(error, "score");
    if (!(error instanceof compiler.InvalidLeadError)) throw new Error(`score threw ${error.name}`);
    if (issues.length === 0) throw new Error(`score threw although validate found nothing: ${error.message}`);
    if (safeJson(error.issues.map((i) => i.path)) !== safeJson(issues.map((i) => i.path))) throw new Error("score and validate disagree on the issues");
    tally.add("invalid");
  }
  if (scored !== undefined) {
    if (issues.length > 0) throw new Error(`score accepted a lead validate rejects: ${safeJson(issues)}`);
    tally.add("valid");
    const explained = model.evaluate(lead, { now: NOW });
    if (explained.tier !== scored.tier || safeJson(explained.scores) !== safeJson(scored.scores)) throw new Error("score and evaluate disagree");
  }
  const lenient = model.evaluate(lead, { now: NOW, validate: false });
  assertFiniteNumbers(lenient);
  const tiers = new Set([...model.ir.tiers.map((t) => t.id), "disqualified"]);
  if (!tiers.has(lenient.tier)) throw new Error(`tier ${lenient.tier} is not declared`);
  if ({}.polluted !== undefined || [].polluted !== undefined || protoSnapshot() !== before) throw new Error("a prototype was changed");
}

export async function run({ seed, runs, params, report }) {
  const tally = counter();
  if (params.kind === "examples") {
    const names = Object.keys(EXAMPLES);
    const models = Object.fromEntries(names.map((name) => [name, qualify.compileModel(EXAMPLES[name], { file: name })]));
    const fixtures = fixtureLeads(yaml);
    // A fixture lead with one field replaced or added, or a strange lead altogether.
    const arb = fc.constantFrom(...names).chain((name) => {
      const leads = fixtures[name]?.length ? fixtures[name] : [{}];
      const fieldNames = models[name].ir.inputs.map((f) => f.name);
      const mutated = fc
        .tuple(fc.constantFrom(...leads), fc.constantFrom(...fieldNames, ...HOSTILE_NAMES), hostileValueArb)
        .map(([lead, key, value]) => Object.fromEntries([...Object.entries(lead ?? {}), [key, value]]));
      return fc.tuple(fc.constant(name), fc.oneof(mutated, strangeLeadArb));
    });
    fc.assert(
      fc.property(arb, ([name, lead]) => {
        report(`${name}: ${safeJson(lead)}`);
        checkLead(models[name], lead, tally);
      }),
      { seed, numRuns: runs },
    );
    return tally.counts;
  }
  const arb = generatedModelArb.chain((generated) =>
    fc.tuple(fc.constant(generated.source), fc.oneof({ weight: 3, arbitrary: leadFor(generated.fields, hostileValueArb) }, { weight: 1, arbitrary: strangeLeadArb })),
  );
  const compiled = new Map();
  fc.assert(
    fc.property(arb, ([source, lead]) => {
      report(`${source}\nLEAD: ${safeJson(lead)}`);
      let model = compiled.get(source);
      if (model === undefined) {
        try {
          model = qualify.compileModel(source);
        } catch (error) {
          onlyDocumented(error, "compileModel");
          throw new Error(`a generated model does not compile:\n${error.message}\n${source}`);
        }
        compiled.set(source, model);
        tally.add("models");
      }
      checkLead(model, lead, tally);
    }),
    { seed, numRuns: runs },
  );
  return tally.counts;
}
