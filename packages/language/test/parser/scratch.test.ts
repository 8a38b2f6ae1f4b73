import { it } from "vitest";
import { parse } from "../../src/parser/parse.js";
it("limits", () => {
  const cases: [string, string][] = [
    ["parens 100k", 'model m "M"\ncriterion a = ' + "(".repeat(100000) + "x" + ")".repeat(100000)],
    ["nots 100k", 'model m "M"\ncriterion a = ' + "not ".repeat(100000) + "x"],
    ["minus 100k", 'model m "M"\ncriterion a = ' + "-".repeat(100000) + "x"],
    ["ifs", 'model m "M"\ncriterion a = ' + "if a then 1 else ".repeat(10000) + "x"],
    ["chain", 'model m "M"\ncriterion a = ' + "a + ".repeat(100000) + "x"],
    ["list", 'model m "M"\nconst a = [' + "1, ".repeat(20000) + "1]"],
    ["10MB", "#".repeat(10_000_000)],
    ["junk 1M", "\u00a7".repeat(1_000_000)],
    ["junk2 1M", "@ ".repeat(500_000)],
    ["brackets unclosed 100k", 'model m "M"\ncriterion a = ' + "[".repeat(100000)],
    ["nested records", 'model m "M"\ninput { ' + "a: { ".repeat(1000) + "}".repeat(1000) + " }"],
  ];
  for (const [name, text] of cases) {
    const t = performance.now();
    const r = parse(text);
    console.log(name, (performance.now() - t).toFixed(1), "ms", r.diagnostics.length, r.diagnostics.slice(0, 2).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`));
  }
});
