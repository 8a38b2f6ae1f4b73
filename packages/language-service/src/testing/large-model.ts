/**
 * A valid Qual model of about `lines` lines, for latency measurements: an
 * input block of number, text and bool fields, and score groups of rules
 * over them, with criteria and tiers at the end. Deterministic.
 */
export function generateLargeModel(lines = 2000): string {
  const fieldCount = 40;
  const out: string[] = ["# A generated model for editor latency measurements.", 'model large "Large generated model"', "", "input {"];
  for (let i = 0; i < fieldCount; i++) {
    const kind = i % 3;
    const type = kind === 0 ? "number?" : kind === 1 ? "text?" : "bool = false";
    out.push(`  f${i}: ${type} "Generated field ${i}"`);
  }
  out.push("}", "");
  const rulesPerGroup = 50;
  let group = 0;
  // Leave room for the criteria, total and tiers at the end (about 12 lines).
  while (out.length < lines - 12) {
    out.push(`score g${group} "Group ${group}" max 1000 {`);
    for (let r = 0; r < rulesPerGroup && out.length < lines - 14; r++) {
      const field = (group * rulesPerGroup + r) % fieldCount;
      const kind = field % 3;
      const condition = kind === 0 ? `f${field} >= ${r * 10}` : kind === 1 ? `f${field} ends with "@x${r}.example"` : r < fieldCount ? `f${field}` : `not f${field}`;
      out.push(`  "Rule ${group}-${r}": +${(r % 9) + 1} when ${condition}`);
    }
    out.push("}", "");
    group++;
  }
  const groups = Array.from({ length: group }, (_, g) => `g${g}`);
  out.push(`score total "Total" = ${groups.join(" + ")}`);
  out.push(`criterion big "Big" = total >= 100`);
  out.push(`criterion some "Some" = total >= 10`);
  out.push("");
  out.push(`tier hot "Hot" when big`);
  out.push(`tier warm "Warm" when some`);
  out.push(`tier cold "Cold" otherwise`);
  return out.join("\n") + "\n";
}
