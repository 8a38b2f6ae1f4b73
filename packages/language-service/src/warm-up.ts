import { analyze, createIncrementalParser } from "@qualify/language";

/**
 * A small model with every kind of declaration the editor meets most: an
 * input block, score groups of rules, a computed score, criteria and tiers.
 */
function warmUpModel(groups: number, rules: number): string {
  const lines = ['model warm "Warm-up"', "", "input {"];
  for (let f = 0; f < 6; f++) lines.push(f % 2 === 0 ? `  f${f}: number? "Field ${f}"` : `  f${f}: text?`);
  lines.push("}", "", "const limit = 10", "let twice = (f0 ?? 0) * 2", "");
  for (let g = 0; g < groups; g++) {
    lines.push(`score g${g} "Group ${g}" max 100 {`);
    for (let r = 0; r < rules; r++) {
      lines.push(r % 2 === 0 ? `  "Rule ${g}-${r}": +${r + 1} when f${(r % 3) * 2} >= ${r * 10}` : `  "Rule ${g}-${r}": -1 when f1 ends with "@x${r}.example"`);
    }
    lines.push("}", "");
  }
  lines.push(`score total "Total" = ${Array.from({ length: groups }, (_, g) => `g${g}`).join(" + ")}`);
  lines.push('criterion big "Big" = total >= limit and twice > 1', 'tier hot "Hot" when big', 'tier cold "Cold" otherwise', "");
  return lines.join("\n");
}

/**
 * Warms up the front end (lexer, incremental parser, checker) in idle time,
 * so that the first keystrokes in a freshly opened model are not run by
 * cold, unoptimised code: in the worker the first few validations of a
 * 2,000-line model took three to five times as long as later ones. Each
 * round is one analysis of a 330-line model edited the way typing edits it
 * (a few milliseconds; a smaller model left the hot paths less optimised),
 * in its own task, so requests that arrive meanwhile wait for one round at
 * most. Results are thrown away; nothing is cached for real documents.
 *
 * @param schedule runs a callback in a later task (setTimeout in a worker).
 */
export function warmUpInIdleTime(rounds = 30, schedule: (callback: () => void) => void = (callback) => setTimeout(callback, 0)): void {
  const text = warmUpModel(10, 30);
  const at = text.indexOf(">= ") + 2;
  const broken = text.slice(0, at) + "=" + text.slice(at);
  const parser = createIncrementalParser();
  let round = 0;
  const step = (): void => {
    // A newline near the top moves every later piece; `>==` breaks and repairs a rule, as typing does.
    const version = round % 3 === 0 ? text : round % 3 === 1 ? broken : `\n${text}`;
    analyze(version, { parser });
    if (++round < rounds) schedule(step);
  };
  schedule(step);
}
