import fc from "fast-check";

/**
 * Generated batch inputs for the "nothing lost" properties: rows that are
 * valid leads, rows that are invalid leads, and rows that are not rows at all
 * (broken CSV, broken JSON), each carrying a unique id so that the test can
 * find every one of them again in the output or the error output.
 */

/** The model every batch row is scored against. */
export const BATCH_MODEL = `model batch "Batch"

input {
  id: text
  budget: number?
  role: text?
  pains: list of text
  company: {
    employees: number?
  }
  opted_out: bool = false
}

criterion big "Big budget" = budget >= 10_000

score fit "Fit" {
  "Big budget": +20 when big
  "Mid-market": +15 when company.employees between 50 and 1000
  "Pains":      5 * count(pains)
}

disqualify "Opted out" when opted_out
disqualify "Test row" when id = "test"

tier hot "Hot" when fit >= 30
tier cold "Cold" otherwise
`;

/** What a row should become: scored, or rejected (as an invalid lead or as unreadable). */
export type Fate = "scored" | "rejected";

/** One generated row: its id, its text (possibly several physical lines) and its expected fate. */
export interface GeneratedRow {
  readonly id: string;
  readonly text: string;
  readonly fate: Fate;
}

export const CSV_COLUMNS = ["id", "budget", "role", "pains", "company.employees", "opted_out"];

const cellText = fc.oneof(
  fc.constantFrom("CEO", "vp of sales", "", "a,b", 'say "hi"', "two\nlines", "  spaced  ", "é中😀", "=cmd()", "__proto__"),
  fc.string({ unit: fc.constantFrom(..."abc ,;\"'\n\t"), maxLength: 12 }),
);

function quoteCsv(cell: string): string {
  return /[",\n\r]/.test(cell) || cell.trim() !== cell ? `"${cell.replaceAll('"', '""')}"` : cell;
}

type CsvKind = "valid" | "invalid" | "cells" | "quote" | "spaces";

const csvKindArb: fc.Arbitrary<CsvKind> = fc.constantFrom<CsvKind>("valid", "valid", "valid", "invalid", "invalid", "cells", "quote", "spaces");

/** A CSV row of the given kind; `unclosed` allows the one unbalanced quote per file. */
function csvRow(kind: CsvKind, id: string): fc.Arbitrary<GeneratedRow> {
  const valid = fc.record({
    budget: fc.oneof(fc.constant(""), fc.integer({ min: 0, max: 100_000 }).map(String), fc.constantFrom("1e4", "12.5")),
    role: cellText,
    // An empty cell is a missing list, and `pains` is required: valid rows name at least one.
    pains: fc.array(fc.constantFrom("churn", "cost", "speed"), { minLength: 1, maxLength: 3 }).map((p) => p.join(";")),
    employees: fc.oneof(fc.constant(""), fc.nat({ max: 5000 }).map(String)),
    opted: fc.constantFrom("", "true", "false", "yes", "no", "1", "0", "Y", "n"),
  });
  switch (kind) {
    case "valid":
      return valid.map((v) => ({ id, fate: "scored", text: [id, v.budget, v.role, v.pains, v.employees, v.opted].map(quoteCsv).join(",") }));
    case "invalid":
      // A number or bool cell that is not one: a readable row, an invalid lead.
      return fc
        .tuple(valid, fc.constantFrom("budget", "employees", "opted"), fc.constantFrom("lots", "NaN", "Infinity", "1e999", "1,5", "maybe", "0x10", "--1"))
        .map(([v, field, bad]) => {
          const cells = [id, v.budget, v.role, v.pains, v.employees, v.opted];
          cells[field === "budget" ? 1 : field === "employees" ? 4 : 5] = bad;
          return { id, fate: "rejected", text: cells.map(quoteCsv).join(",") };
        });
    case "cells":
      return fc.constantFrom(1, 2, 5, 7, 9).map((n) => ({ id, fate: "rejected", text: [id, ...Array.from({ length: n - 1 }, () => "x")].join(",") }));
    case "quote":
      return fc.constant({ id, fate: "rejected", text: `${id},"never closed,x,y,1,true` });
    default:
      return fc.constant({ id, fate: "rejected", text: `${id} ` });
  }
}

/** A CSV file: a header and rows; at most one row with an unclosed quote. */
export const csvFileArb: fc.Arbitrary<{ rows: GeneratedRow[]; text: string; crlf: boolean }> = fc
  .tuple(fc.array(csvKindArb, { minLength: 0, maxLength: 60 }), fc.boolean(), fc.boolean())
  .chain(([kinds, crlf, blankLines]) => {
    let quoteSeen = false;
    const safeKinds = kinds.map((k) => {
      if (k !== "quote") return k;
      if (quoteSeen) return "cells";
      quoteSeen = true;
      return k;
    });
    return fc.tuple(...safeKinds.map((k, i) => csvRow(k, `r${i + 1}`))).map((generated) => {
      // After an unclosed quote, a row with quotes would legitimately close it (CSV cannot tell the two
      // apart), so such rows are replaced by quote-free ones: the property is about rows the reader can tell apart.
      const open = generated.findIndex((r) => (r.text.split('"').length - 1) % 2 === 1);
      const rows = generated.map((r, i): GeneratedRow =>
        open >= 0 && i > open && r.text.includes('"') ? { id: r.id, fate: "scored", text: `${r.id},1,CEO,churn,10,no` } : r,
      );
      const eol = crlf ? "\r\n" : "\n";
      const lines = [CSV_COLUMNS.join(","), ...rows.flatMap((r, i) => (blankLines && i % 7 === 3 ? ["", r.text] : [r.text]))];
      return { rows, text: lines.join(eol) + eol, crlf };
    });
  });

type JsonKind = "valid" | "invalid" | "broken" | "array" | "scalar";

const jsonKindArb: fc.Arbitrary<JsonKind> = fc.constantFrom<JsonKind>("valid", "valid", "valid", "invalid", "invalid", "broken", "array", "scalar");

function jsonRow(kind: JsonKind, id: string): fc.Arbitrary<GeneratedRow> {
  const valid = fc.record({
    budget: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100_000 })),
    role: fc.oneof(fc.constant(null), fc.string({ maxLength: 10 })),
    pains: fc.array(fc.constantFrom("churn", "cost"), { maxLength: 3 }),
    company: fc.record({ employees: fc.oneof(fc.constant(null), fc.nat({ max: 5000 })) }),
    opted_out: fc.boolean(),
    // A computed key is an own property (a literal `__proto__:` would set the prototype).
    ["__proto__"]: fc.constantFrom(1, "x", null),
  });
  switch (kind) {
    case "valid":
      return valid.map((v) => ({ id, fate: "scored", text: JSON.stringify({ id, ...v }) }));
    case "invalid":
      return fc
        .tuple(valid, fc.constantFrom<[string, unknown]>(["budget", "lots"], ["pains", "churn"], ["opted_out", "yes"], ["company", 5], ["role", 7]))
        .map(([v, [key, bad]]) => ({ id, fate: "rejected", text: JSON.stringify({ id, ...v, [key]: bad }) }));
    case "broken":
      return fc.constantFrom(`{"id":"${id}",`, `{"id":"${id}" "budget": 1}`, `{'id':'${id}'}`, `${id}`).map((text) => ({ id, fate: "rejected", text }));
    case "array":
      return fc.constant({ id, fate: "rejected", text: `["${id}"]` });
    default:
      return fc.constant({ id, fate: "rejected", text: `"${id}"` });
  }
}

/** A JSON Lines file; blank lines (which are not rows) are sprinkled in. */
export const jsonlFileArb: fc.Arbitrary<{ rows: GeneratedRow[]; text: string }> = fc
  .tuple(fc.array(jsonKindArb, { minLength: 0, maxLength: 60 }), fc.boolean())
  .chain(([kinds, blankLines]) =>
    fc.tuple(...kinds.map((k, i) => jsonRow(k, `r${i + 1}`))).map((rows) => ({
      rows,
      text: rows.flatMap((r, i) => (blankLines && i % 5 === 2 ? ["  ", r.text] : [r.text])).join("\n") + (blankLines ? "\n" : ""),
    })),
  );

/** The text cut into chunks at random places, as a stream delivers it. */
export function chunked(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * text.length)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of points) {
    if (p > from) chunks.push(text.slice(from, p));
    from = Math.max(from, p);
  }
  chunks.push(text.slice(from));
  return chunks.filter((c) => c !== "");
}
