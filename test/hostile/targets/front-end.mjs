// Fuzz target: arbitrary text, token soup and mutated example models through
// the whole front end (parse, check, format, analyze of the data forms) and,
// for whatever checks, compile + save/load + score. Nothing may throw except
// the documented errors, no diagnostic may point outside the text or be an
// internal error, and formatting must be idempotent.
import fc from "fast-check";
import { checkDiagnostics, compiler, counter, data, DATA_EXAMPLES, EXAMPLES, language, onlyDocumented, qualify } from "./lib.mjs";

/** Words, operators and literals of Qual, plus near misses, for token soup. */
const PIECES = [
  "model", "input", "const", "let", "criterion", "score", "disqualify", "tier", "when", "otherwise", "max", "min",
  "and", "or", "not", "in", "contains", "starts with", "ends with", "matches", "is missing", "is present", "between",
  "within", "days", "if", "then", "else", "at least 2 of", "all of", "any of", "none of", "count of", "one of",
  "list of", "number", "text", "bool", "date", "true", "false", "?", "??", ":", "=", "!=", "<", "<=", ">", ">=",
  "+", "-", "*", "/", "^", "(", ")", "[", "]", "{", "}", ",", ".", "\n", "\n\n", "  ", "\t", "#", "# comment\n",
  "a", "b", "x1", "_", "__proto__", "constructor", "prototype", "toString", "company.size", "a.b.c",
  "0", "1", "-1", "10_000", "1e999", "0.5", "99999999999999999999", "2026-02-29", "2026-13-01", "2024-02-29",
  '"txt"', '""', '"a\\"b"', '"\\q"', '"unterminated', '"(a+)+$"', '"[a-z"', '"^test[0-9]*@"',
  "days_since(", "decay(", "round(", "min(", "max(", "abs(", "count(", "lower(", "\u00e9", "\u4e2d", "\u{1f600}",
  "\u0000", "\r\n", "\u2028", "\ufeff", "@", "$", "`", "'", "\\",
];

const textArb = fc.oneof(
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(..."model input{}()[]\"\\#:=<>+-*/\n 0aZ_."), maxLength: 300 }) },
);

const soupArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((pieces) => pieces.join(" "));

const exampleNames = Object.keys(EXAMPLES);

/** One edit of a source text: delete, duplicate or replace a slice, insert a piece, or truncate. */
const editArb = fc.record({
  kind: fc.constantFrom("delete", "duplicate", "insert", "replace", "truncate", "swap"),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 40 }),
  piece: fc.constantFrom(...PIECES),
});

function applyEdit(text, edit) {
  const at = Math.floor(edit.at * text.length);
  const end = Math.min(text.length, at + edit.length);
  switch (edit.kind) {
    case "delete":
      return text.slice(0, at) + text.slice(end);
    case "duplicate":
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    case "insert":
      return `${text.slice(0, at)} ${edit.piece} ${text.slice(at)}`;
    case "replace":
      return text.slice(0, at) + edit.piece + text.slice(end);
    case "truncate":
      return text.slice(0, at);
    default:
      return end > at ? text.slice(0, at) + text.slice(end - 1, end) + text.slice(at + 1, end - 1) + text.slice(at, at + 1) + text.slice(end) : text;
  }
}

const mutatedArb = fc
  .tuple(fc.constantFrom(...exampleNames), fc.array(editArb, { minLength: 1, maxLength: 5 }))
  .map(([name, edits]) => edits.reduce(applyEdit, EXAMPLES[name]));

const dataNames = DATA_EXAMPLES.map((_, i) => i);
const mutatedDataArb = fc
  .tuple(fc.constantFrom(...dataNames), fc.array(editArb, { minLength: 1, maxLength: 4 }))
  .map(([i, edits]) => ({ name: DATA_EXAMPLES[i].name, text: edits.reduce(applyEdit, DATA_EXAMPLES[i].text) }));

/** The whole front end on one text. */
function frontEnd(text, tally) {
  const analysis = language.analyze(text);
  checkDiagnostics(text, analysis.diagnostics, "analyze");
  const formatted = language.format(text);
  checkDiagnostics(text, formatted.diagnostics, "format");
  const errors = analysis.diagnostics.some((d) => d.severity === "error");
  if (formatted.text !== undefined) {
    tally.add("formatted");
    const again = language.format(formatted.text);
    if (again.text !== formatted.text) throw new Error(`format is not idempotent:\n${formatted.text}\n---\n${again.text ?? "(no text)"}`);
  }
  let model;
  try {
    model = qualify.compileModel(text);
  } catch (error) {
    onlyDocumented(error, "compileModel");
    if (!errors) throw new Error(`compileModel threw although analyze found no error: ${error.message}`);
    tally.add("rejected");
    return;
  }
  if (errors) throw new Error("compileModel accepted a model that analyze reported errors for");
  tally.add("compiled");
  const saved = compiler.saveIR(model.ir);
  const reloaded = compiler.compile(compiler.loadIR(saved));
  for (const lead of [{}, { a: 1 }, null]) {
    const verdicts = [];
    for (const m of [model, reloaded]) {
      try {
        verdicts.push(JSON.stringify(m.score(lead, { now: "2026-11-01" })));
      } catch (error) {
        onlyDocumented(error, "score");
        verdicts.push(`invalid:${error.issues.length}`);
      }
      m.evaluate(lead, { now: "2026-11-01", validate: false });
    }
    if (verdicts[0] !== verdicts[1]) throw new Error(`the saved IR scores differently: ${verdicts[0]} vs ${verdicts[1]}`);
  }
}

function dataFrontEnd({ name, text }, tally) {
  const result = data.analyzeData(text, { file: name });
  checkDiagnostics(text, result.diagnostics, `analyzeData(${name})`);
  if (result.ir !== undefined && !result.diagnostics.some((d) => d.severity === "error")) {
    tally.add("data compiled");
    compiler.compile(result.ir);
  }
}

export async function run({ seed, runs, params, report }) {
  const tally = counter();
  const kinds = {
    text: textArb,
    tokens: soupArb,
    mutated: mutatedArb,
  };
  if (params.kind === "data") {
    const arb = fc.oneof(mutatedDataArb, textArb.map((text) => ({ name: "fuzz.yaml", text })), textArb.map((text) => ({ name: "fuzz.json", text })));
    fc.assert(
      fc.property(arb, (input) => {
        report(input.text);
        dataFrontEnd(input, tally);
      }),
      { seed, numRuns: runs },
    );
    return tally.counts;
  }
  const arb = kinds[params.kind];
  if (arb === undefined) throw new Error(`unknown kind ${params.kind}`);
  fc.assert(
    fc.property(arb, (text) => {
      report(text);
      frontEnd(text, tally);
    }),
    { seed, numRuns: runs },
  );
  return tally.counts;
}
