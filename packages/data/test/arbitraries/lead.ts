import fc from "fast-check";
import type { InputField, QualType } from "@qualify/ir";

function valueOf(type: QualType): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case "number":
      return fc.oneof(fc.integer({ min: -100, max: 3000 }), fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }));
    case "text":
      return fc.constantFrom("", "a", "test1@x.com", "CFO", "ZZ", "hello world", "x");
    case "bool":
      return fc.boolean();
    case "date":
      return fc.integer({ min: 0, max: 800 }).map((days) => new Date(Date.UTC(2025, 6, 1) + days * 86_400_000).toISOString().slice(0, 10));
    case "list":
      return fc.array(valueOf(type.element), { maxLength: 3 });
    case "choice":
      return fc.constantFrom(...type.options, ...type.options.map((o) => o.toUpperCase()));
    case "record":
      return leadFor(type.fields);
    case "empty":
      return fc.constant(null);
  }
}

/** Valid leads for a model's declared inputs; optional and defaulted fields are sometimes absent or null. */
export function leadFor(fields: readonly InputField[]): fc.Arbitrary<Record<string, unknown>> {
  const entries = fields.map((field) => {
    const value = valueOf(field.type);
    const mayBeAbsent = field.optional || field.default !== undefined || (field.type.kind === "record" && field.type.fields.every((f) => f.optional || f.default !== undefined));
    const arbitrary = mayBeAbsent ? fc.option(fc.option(value, { nil: null }), { nil: undefined }) : value;
    return [field.name, arbitrary] as const;
  });
  return fc.tuple(...entries.map(([, a]) => a)).map((values) => {
    const lead: Record<string, unknown> = {};
    values.forEach((value, i) => {
      const name = entries[i]?.[0];
      if (name !== undefined && value !== undefined) lead[name] = value;
    });
    return lead;
  });
}
