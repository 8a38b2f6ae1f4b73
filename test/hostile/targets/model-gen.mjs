// Generated Qual models for the lead fuzzer: random input blocks (every field
// kind, optional and defaulted fields, nested records) whose field names
// include the names that reach JavaScript's prototype machinery.
import fc from "fast-check";

/** Field names that would read or write inherited properties in careless code. */
export const HOSTILE_NAMES = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__", "isPrototypeOf"];
const PLAIN_NAMES = ["a", "b", "size", "role", "country", "visits", "tags", "seen"];

const leafTypeArb = fc.constantFrom(
  { type: "number?", test: (p) => `${p} > 10` },
  { type: "number = 0", test: (p) => `${p} >= 1` },
  { type: "text?", test: (p) => `${p} contains "a"` },
  { type: 'text = "x"', test: (p) => `${p} matches "^[a-z]+$"` },
  { type: "bool = false", test: (p) => p },
  { type: "bool?", test: (p) => `${p} = true` },
  { type: "date?", test: (p) => `${p} within 30 days` },
  { type: "list of text", test: (p) => `"a" in ${p}` },
  { type: "list of number", test: (p) => `count(${p}) > 1` },
  { type: 'one of ("lo", "hi")', test: (p) => `${p} = "hi"` },
);

const nameArb = fc.constantFrom(...HOSTILE_NAMES, ...PLAIN_NAMES);

/** A field tree: leaves and records, names unique within each record. */
function fieldsArb(depth) {
  const fieldArb =
    depth <= 0
      ? fc.record({ name: nameArb, leaf: leafTypeArb })
      : fc.oneof(
          { weight: 3, arbitrary: fc.record({ name: nameArb, leaf: leafTypeArb }) },
          { weight: 1, arbitrary: fc.record({ name: nameArb, children: fc.constant(null) }).chain((f) => fieldsArb(depth - 1).map((children) => ({ name: f.name, children }))) },
        );
  return fc.uniqueArray(fieldArb, { minLength: 1, maxLength: 4, selector: (f) => f.name });
}

function render(fields, indent, prefix, leaves) {
  return fields
    .map((f) => {
      const path = prefix === "" ? f.name : `${prefix}.${f.name}`;
      if (f.children !== undefined) return `${indent}${f.name}: {\n${render(f.children, `${indent}  `, path, leaves)}\n${indent}}`;
      leaves.push({ path, test: f.leaf.test(path) });
      return `${indent}${f.name}: ${f.leaf.type}`;
    })
    .join("\n");
}

/**
 * A whole model: the input block, one criterion per leaf, a points group and
 * tiers. Declaration names are prefixed so they never clash with fields;
 * top-level fields named like reserved words are not generated.
 */
export const generatedModelArb = fieldsArb(2).map((fields) => {
  const leaves = [];
  const input = render(fields, "  ", "", leaves);
  const criteria = leaves.map((l, i) => `criterion c${i} "Leaf ${i}" = ${l.test}`).join("\n");
  const rules = leaves.map((_, i) => `  "Rule ${i}": +${i + 1} when c${i}`).join("\n");
  const source = `model generated "Generated"\n\ninput {\n${input}\n}\n\n${criteria}\n\nscore points "Points" {\n${rules}\n}\n\ntier high "High" when points >= 3\ntier low "Low" otherwise\n`;
  return { source, fields };
});

/**
 * A lead object for a field tree, with leaf values from `valueArb`. Built with
 * Object.fromEntries, which defines own properties as JSON.parse does, so a
 * field named `__proto__` is an own key, exactly as a service receives it.
 */
export function leadFor(fields, valueArb) {
  const entries = fields.map((f) =>
    f.children !== undefined ? leadFor(f.children, valueArb).map((v) => [f.name, v]) : valueArb.map((v) => [f.name, v]),
  );
  return fc.tuple(...entries).chain((pairs) => fc.subarray(pairs)).map((chosen) => Object.fromEntries(chosen));
}
