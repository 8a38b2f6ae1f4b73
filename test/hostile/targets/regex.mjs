// Fuzz target: patterns the checker accepts, evaluated through a compiled
// model on long adversarial text. Each (pattern, text) pair is one input of
// the watchdog, so a pattern whose matching time explodes fails the run by
// name. `raw` mode runs a pattern with the bare RegExp engine instead, so the
// test can show the watchdog does catch a catastrophic pattern.
import { counter, qualify } from "./lib.mjs";

/** Texts built to make a backtracking engine try every split: runs of one character class, then a mismatch. */
function adversarialTexts(length) {
  const runs = ["a", "1", " ", "ab", "x", "\t", "é", "a@", ".", "aaaa-"];
  return runs.flatMap((unit) => {
    const body = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    return [body, `${body}!`, `${body}\u0000`];
  });
}

export async function run({ params, report }) {
  const tally = counter();
  const length = params.length ?? 20_000;
  if (params.raw) {
    for (const pattern of params.patterns) {
      for (const text of adversarialTexts(length)) {
        report(`raw /${pattern}/i on ${text.length} characters`);
        new RegExp(pattern, "i").test(text);
      }
    }
    return tally.counts;
  }
  for (const pattern of params.patterns) {
    const literal = JSON.stringify(pattern);
    const source = `model r "R"\ninput {\n  t: text?\n}\ncriterion m "M" = t matches ${literal}\ntier yes "Yes" when m\ntier no "No" otherwise\n`;
    let model;
    try {
      model = qualify.compileModel(source);
    } catch (error) {
      tally.add("rejected");
      continue;
    }
    tally.add("accepted");
    for (const text of adversarialTexts(length)) {
      report(`${literal} on ${text.length} characters: ${JSON.stringify(text.slice(0, 40))}...`);
      model.score({ t: text }, { now: 0 });
    }
  }
  return tally.counts;
}
