import { analyze } from "@qualify/language";
import type { ModelIR } from "@qualify/ir";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, InvalidLeadError } from "../src/index.js";
import { usesFusedScore } from "../src/model/compile-model.js";
import { Dice, NOW } from "./generators.js";
import { Reference } from "./reference-interpreter.js";

/*
 * Checklist models (each criterion one test of one field, tiers and scores
 * over the criteria) take the fused fast path of fused-score.ts. Generated
 * ones, scored on generated leads (valid, absent, null, wrong types, mixed
 * case, too long, inherited keys, not objects), must give what the
 * reference interpreter gives, and what the general path (`evaluate`) gives,
 * with validation on and off. Every generated model must take the fused path,
 * so a change that quietly turns it off fails here too.
 */

const RUNS = { numRuns: 250, seed: 20261208 };

type Kind = "number" | "text" | "bool" | "texts" | "numbers";
interface Field {
  name: string;
  kind: Kind;
  /** "?" optional, " = v" a default, "" required. */
  suffix: string;
}

const ROLES = ["CEO", "CFO", "COO", "VP", "Director", "Owner", "Head of Sales", "Intern", "Engineer", "Analyst", "Consultant"];
const LONG_LIST = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "ceo", "vp"];
const TYPES: Record<Kind, string> = { number: "number", text: "text", bool: "bool", texts: "list of text", numbers: "list of number" };

function fieldOf(d: Dice, i: number): Field {
  const kind = d.pick<Kind>(["number", "number", "text", "text", "bool", "texts", "numbers"]);
  const defaults: Record<Kind, string> = { number: " = 10", text: ' = "cfo"', bool: " = false", texts: " = []", numbers: " = [1]" };
  const suffix = d.pick(["?", "", defaults[kind]]);
  return { name: `f${i}`, kind, suffix };
}

function testOf(d: Dice, f: Field): string {
  switch (f.kind) {
    case "number":
      return d.pick([
        `${f.name} >= ${d.pick([0, 10, 5000])}`,
        `${f.name} < 90`,
        `${f.name} <= 2.5`,
        `${f.name} > -1`,
        `${f.name} = 10`,
        `${f.name} != 0`,
        `${f.name} between 5 and 100`,
        // Not single tests: these run their closures on the fused path's own frame.
        `${f.name} < 5 or ${f.name} > 1000`,
        `${f.name} > 1 and ${f.name} < 100`,
      ]);
    case "text":
      return d.pick([
        // Short lists, BANT's shape, most often: they are compared inline.
        `${f.name} in ["CEO", "cfo", "Vp", "Owner"]`,
        `${f.name} in ["CEO", "cfo", "Vp", "Owner"]`,
        `${f.name} in ["COO", "Intern"]`,
        `${f.name} in [${LONG_LIST.map((t) => JSON.stringify(t)).join(", ")}]`,
        `${f.name} not in ["intern", "Analyst"]`,
        `${f.name} = "Director"`,
        `${f.name} starts with "Head of"`,
        `${f.name} ends with "o"`,
        `${f.name} contains "ns"`,
        `${f.name} in ["CEO", "Owner"] or ${f.name} starts with "Head of"`,
        `not (${f.name} = "Intern")`,
      ]);
    case "bool":
      return d.pick([f.name, `not ${f.name}`, `${f.name} ?? true`]);
    case "texts":
    case "numbers":
      return `count(${f.name}) ${d.pick([">", ">=", "<"])} ${d.int(3)}`;
  }
}

/** A checklist model as Qual source: fields, single-field criteria (some fields tested twice), knockouts, scores and tiers over them. */
function checklistSource(d: Dice): string {
  const fields = Array.from({ length: 1 + d.int(6) }, (_, i) => fieldOf(d, i));
  const criteria = Array.from({ length: 1 + d.int(5) }, (_, i) => `criterion c${i} "C${i}" = ${testOf(d, d.pick(fields))}`);
  const ids = criteria.map((_, i) => `c${i}`).join(", ");
  const n = criteria.length;
  const lines = [
    'model checklist "Checklist"',
    "input {",
    ...fields.map((f) => `  ${f.name}: ${TYPES[f.kind]}${f.suffix}`),
    "}",
    ...criteria,
    `criterion most "Most" = at least ${1 + d.int(n)} of (${ids})`,
    `score met "Met" = count of (${ids})`,
    ...(d.chance(0.5) ? [`score all "All" = count of (${ids}, most)`] : []),
    ...(d.chance(0.3) ? [`disqualify "First fails" when not c0`] : []),
    // A knockout that tests a field itself: its outcome becomes a step of the table.
    ...(d.chance(0.4) ? [`disqualify "Field test" when ${testOf(d, d.pick(fields))}`] : []),
    "tier hot \"Hot\" when most",
    `tier warm "Warm" when at least ${1 + d.int(n)} of (${ids})`,
    'tier cold "Cold" otherwise',
  ];
  return `${lines.join("\n")}\n`;
}

function checklistModel(d: Dice): ModelIR {
  const source = checklistSource(d);
  const analyzed = analyze(source);
  if (analyzed.ir === undefined) throw new Error(`generated model does not check:\n${source}\n${analyzed.diagnostics.map((x) => x.message).join("\n")}`);
  return analyzed.ir;
}

function valueOf(d: Dice, kind: Kind): unknown {
  switch (kind) {
    case "number":
      return d.pick([0, 2.5, 5, 10, 89, 90, 5000, 20_000, -3]);
    case "text":
      return d.pick(ROLES.map((r) => (d.chance(0.5) ? r.toUpperCase() : r.toLowerCase())));
    case "bool":
      return d.chance(0.5);
    case "texts":
      return Array.from({ length: d.int(4) }, () => d.pick(ROLES));
    case "numbers":
      return Array.from({ length: d.int(4) }, () => d.int(100));
  }
}

const WRONG = [null, "12", 7, true, [], ["a", 1], [Number.NaN], Number.POSITIVE_INFINITY, { x: 1 }, "a much longer text than the limit allows", [1, 2, 3, 4, 5, 6]];

/** A lead for the model's fields: present, absent, null or wrong; keys in any order; now and then not an object, or with inherited keys. */
function leadOf(d: Dice, ir: ModelIR): unknown {
  if (d.chance(0.04)) return d.pick([null, [], "lead", 3, new Date(0)]);
  const entries: [string, unknown][] = [];
  for (const f of ir.inputs) {
    const kind: Kind = f.type.kind === "list" ? (f.type.element.kind === "text" ? "texts" : "numbers") : (f.type.kind as Kind);
    const r = d.int(10);
    if (r === 0) continue;
    entries.push([f.name, r === 1 ? null : r === 2 ? d.pick(WRONG) : valueOf(d, kind)]);
  }
  if (d.chance(0.2)) entries.push(["extra", "x"]);
  if (d.chance(0.3)) entries.reverse();
  const own = Object.fromEntries(entries);
  if (d.chance(0.1) && ir.inputs[0] !== undefined) {
    // A key only on the prototype is not the lead's: it must read as absent.
    return Object.assign(Object.create({ [ir.inputs[0].name]: valueOf(d, "number") }), own);
  }
  return own;
}

/** The score, or the name of the error it threw. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return error instanceof InvalidLeadError ? "InvalidLeadError" : String(error);
  }
}

describe("the fused fast path of checklist models", () => {
  it("agrees with the reference interpreter and with the general path, with validation off and on", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const d = new Dice(seed);
        const ir = checklistModel(d);
        const model = compile(ir);
        expect(usesFusedScore(model), `not fused:\n${JSON.stringify(ir.criteria.map((c) => c.expr))}`).toBe(true);
        for (let i = 0; i < 12; i++) {
          const lead = leadOf(d, ir);
          const reference = new Reference(ir, lead, NOW).fast();
          expect(model.score(lead, { now: NOW, validate: false })).toEqual(reference);
          const general = model.evaluate(lead, { now: NOW, validate: false });
          expect(model.score(lead, { now: NOW, validate: false })).toEqual({ tier: general.tier, scores: general.scores });
          const invalid = model.validate(lead).length > 0;
          expect(outcome(() => model.score(lead, { now: NOW }))).toEqual(invalid ? "InvalidLeadError" : reference);
        }
      }),
      RUNS,
    );
  });

  it("agrees with the general path under tight limits, where texts and lists go over them", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const d = new Dice(seed);
        const ir = checklistModel(d);
        const model = compile(ir, { limits: { maxStringLength: 6, maxListLength: 2 } });
        expect(usesFusedScore(model)).toBe(true);
        for (let i = 0; i < 12; i++) {
          const lead = leadOf(d, ir);
          const general = outcome(() => {
            const r = model.evaluate(lead, { now: NOW });
            return { tier: r.tier, scores: r.scores };
          });
          expect(outcome(() => model.score(lead, { now: NOW }))).toEqual(general);
          const loose = model.evaluate(lead, { now: NOW, validate: false });
          expect(model.score(lead, { now: NOW, validate: false })).toEqual({ tier: loose.tier, scores: loose.scores });
        }
      }),
      RUNS,
    );
  });

  it("still checks `now` on every call, as the general path does", () => {
    const d = new Dice(7);
    const model = compile(checklistModel(d));
    expect(usesFusedScore(model)).toBe(true);
    expect(() => model.score({}, { now: "not a date" })).toThrow(RangeError);
    expect(() => model.score({}, { now: Number.NaN })).toThrow(RangeError);
    expect(() => model.score({}, { now: new Date(Number.NaN) })).toThrow(RangeError);
    expect(() => model.score({}, { now: "2026-11-01", validate: false })).not.toThrow();
    expect(() => model.score({}, { now: "2026-02-30", validate: false })).toThrow(RangeError);
  });
});
