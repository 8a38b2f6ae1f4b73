// Leads cannot reach outside their own data: fields named like JavaScript's
// prototype machinery, in the model and in leads, neither pollute prototypes
// nor read inherited properties. From .qual source through compile, score,
// evaluate, validate, the input schema and the saved IR.
import { afterEach, describe, expect, it } from "vitest";
import { compileModel, InvalidLeadError, loadIR, saveIR, compile } from "../../packages/qualify/src/index.js";

const MODEL = `model proto "Prototype names"

input {
  __proto__: number?
  constructor: text?
  prototype: {
    toString: number?
    valueOf: bool = false
  }
  hasOwnProperty: list of text = []
}

criterion high "High" = __proto__ > 10
criterion named "Named" = constructor = "Ada"
criterion nested "Nested" = prototype.toString > 1 or prototype.valueOf
criterion tagged "Tagged" = "x" in hasOwnProperty

score isPrototypeOf "Points" {
  "High":   +10 when high
  "Named":  +5 when named
  "Nested": +1 when nested
  "Tagged": +1 when tagged
}

tier toString "To string" when isPrototypeOf >= 15
tier valueOf "Value of" otherwise
`;

const NOW = { now: "2026-11-01" };
const model = compileModel(MODEL);
const protoKeys = (): string => [Object.getOwnPropertyNames(Object.prototype), Object.getOwnPropertyNames(Array.prototype)].join("|");
const before = protoKeys();

afterEach(() => {
  // Nothing, in any test, may have added or replaced a property of the shared prototypes.
  expect(protoKeys()).toBe(before);
  expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  expect(Object.prototype.toString).toBe(Object.prototype.toString);
});

describe("fields named __proto__, constructor, prototype, toString...", () => {
  it("compile, and read the lead's own values (a JSON-parsed `__proto__` is an own key)", () => {
    const lead = JSON.parse('{"__proto__": 20, "constructor": "Ada", "prototype": {"toString": 3}, "hasOwnProperty": ["x"]}');
    const result = model.evaluate(lead, NOW);
    expect(result.criteria).toEqual({ high: true, named: true, nested: true, tagged: true });
    expect(result.scores).toEqual({ isPrototypeOf: 17 });
    expect(result.tier).toBe("toString");
    // Result maps keyed by hostile names are plain own properties.
    expect(Object.keys(result.scores)).toEqual(["isPrototypeOf"]);
    expect(model.score(lead, NOW)).toEqual({ tier: "toString", scores: { isPrototypeOf: 17 } });
  });

  it("never read inherited properties: an empty lead has every field missing, not Object.prototype's", () => {
    const result = model.evaluate({}, NOW);
    // `{}.constructor` is Object and `{}.__proto__` is Object.prototype; neither may be taken as a value.
    // (`nested` is unknown: `unknown or false`.)
    expect(result.criteria).toEqual({ high: null, named: null, nested: null, tagged: false });
    expect(result.tier).toBe("valueOf");
    expect(model.validate({})).toEqual([]);
  });

  it("ignore inherited values on objects built by code (a class instance, Object.create)", () => {
    const inherited = Object.create({ __proto__x: 1, constructor: "Ada", prototype: { toString: 9 } }) as object;
    expect(model.evaluate(inherited, NOW).criteria["named"]).toBeNull();
    class Lead {
      get constructorName(): string {
        return "x";
      }
    }
    expect(model.evaluate(new Lead(), NOW).criteria).toEqual({ high: null, named: null, nested: null, tagged: false });
  });

  it("reject wrong types under hostile names with the field's path, and pollute nothing", () => {
    const lead = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "prototype": {"toString": "x"}}');
    let caught: unknown;
    try {
      model.score(lead, NOW);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidLeadError);
    expect((caught as InvalidLeadError).issues.map((i) => i.path).sort()).toEqual(["__proto__", "constructor", "prototype.toString"]);
    // Evaluating without validation reads them as unknown.
    expect(model.evaluate(lead, { ...NOW, validate: false }).criteria["high"]).toBeNull();
  });

  it("a lead whose prototype carries the values does not count as having them", () => {
    const lead = Object.create(JSON.parse('{"constructor": "Ada", "__proto__": 20}')) as object;
    expect(model.evaluate(lead, NOW).criteria).toMatchObject({ high: null, named: null });
  });

  it("a null-prototype lead is read like a plain one", () => {
    const lead = Object.assign(Object.create(null) as object, { constructor: "Ada" });
    expect(model.evaluate(lead, NOW).criteria["named"]).toBe(true);
  });

  it("the input schema lists the hostile names as its own properties, and the saved IR round-trips", () => {
    const schema = model.inputSchema as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(["__proto__", "constructor", "prototype", "hasOwnProperty"]);
    expect(Object.hasOwn(schema.properties, "__proto__")).toBe(true);
    const reloaded = compile(loadIR(saveIR(model.ir)));
    const lead = JSON.parse('{"__proto__": 20, "constructor": "Ada"}');
    expect(reloaded.evaluate(lead, NOW)).toEqual(model.evaluate(lead, NOW));
  });

  it("a saved IR whose JSON carries `__proto__` keys loads without touching any prototype", () => {
    const json = saveIR(model.ir).replace('"format"', '"__proto__": {"polluted": true}, "format"');
    let loaded: unknown;
    try {
      loaded = loadIR(json);
    } catch (error) {
      loaded = error;
    }
    // Either refused as not an IR, or loaded and still scoring the same; never polluting.
    if (!(loaded instanceof Error)) expect(compile(loaded as ReturnType<typeof loadIR>).score({}, NOW).tier).toBe("valueOf");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
