import type { ModelIR } from "@qualify/ir";
import { IR_FORMAT, IR_VERSION } from "@qualify/ir";
import { IRFormatError } from "../errors.js";

/*
 * A structural check of a model IR: the shape every back end relies on.
 * It says where a document is wrong (`criteria[2].expr.left.kind`), so a
 * hand-edited or truncated saved IR fails with a useful message, not a
 * TypeError deep in the compiler.
 */

type Obj = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new IRFormatError(`Invalid model IR at ${path === "" ? "the top level" : path}: ${message}`);
}

function object(value: unknown, path: string): Obj {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "expected an object.");
  return value as Obj;
}

function array(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) fail(path, "expected a list.");
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== "string") fail(path, "expected a string.");
  return value;
}

function finite(value: unknown, path: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(path, "expected a finite number.");
  return value;
}

function optional(value: unknown, path: string, check: (v: unknown, p: string) => unknown): void {
  if (value !== undefined) check(value, path);
}

function checkType(value: unknown, path: string): void {
  const t = object(value, path);
  switch (t["kind"]) {
    case "number":
    case "text":
    case "bool":
    case "date":
    case "empty":
      return;
    case "list":
      return checkType(t["element"], `${path}.element`);
    case "choice":
      array(t["options"], `${path}.options`).forEach((o, i) => string(o, `${path}.options[${i}]`));
      return;
    case "record":
      array(t["fields"], `${path}.fields`).forEach((f, i) => checkField(f, `${path}.fields[${i}]`));
      return;
    default:
      fail(`${path}.kind`, `unknown type kind ${JSON.stringify(t["kind"])}.`);
  }
}

function checkField(value: unknown, path: string): void {
  const f = object(value, path);
  string(f["name"], `${path}.name`);
  checkType(f["type"], `${path}.type`);
  if (typeof f["optional"] !== "boolean") fail(`${path}.optional`, "expected true or false.");
  optional(f["doc"], `${path}.doc`, string);
}

function checkLiteral(value: unknown, path: string): void {
  if (typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") return void finite(value, path);
  array(value, path).forEach((v, i) => checkLiteral(v, `${path}[${i}]`));
}

const EXPR_SHAPES: Record<string, readonly [string, "expr" | "exprs" | "string" | "strings" | "literal" | "bool"][]> = {
  literal: [["value", "literal"]],
  list: [["items", "exprs"]],
  field: [["path", "strings"]],
  ref: [["target", "string"], ["id", "string"]],
  not: [["operand", "expr"]],
  and: [["left", "expr"], ["right", "expr"]],
  or: [["left", "expr"], ["right", "expr"]],
  compare: [["op", "string"], ["left", "expr"], ["right", "expr"]],
  arith: [["op", "string"], ["left", "expr"], ["right", "expr"]],
  negate: [["operand", "expr"]],
  coalesce: [["left", "expr"], ["right", "expr"]],
  in: [["negated", "bool"], ["item", "expr"], ["list", "expr"]],
  contains: [["container", "expr"], ["item", "expr"]],
  startsWith: [["text", "expr"], ["affix", "expr"]],
  endsWith: [["text", "expr"], ["affix", "expr"]],
  between: [["value", "expr"], ["low", "expr"], ["high", "expr"]],
  matches: [["text", "expr"], ["pattern", "string"]],
  presence: [["test", "string"], ["operand", "expr"]],
  within: [["date", "expr"], ["days", "expr"]],
  call: [["fn", "string"], ["args", "exprs"]],
  if: [["condition", "expr"], ["then", "expr"], ["else", "expr"]],
  quantifier: [["quantifier", "string"], ["items", "exprs"]],
  each: [["aggregate", "string"], ["list", "expr"]],
  element: [["path", "strings"]],
};

const ENUMS: Record<string, readonly string[]> = {
  "ref.target": ["let", "criterion", "score"],
  "compare.op": ["=", "!=", "<", "<=", ">", ">="],
  "arith.op": ["+", "-", "*", "/"],
  "presence.test": ["missing", "present"],
  "call.fn": ["count", "len", "min", "max", "abs", "round", "lower", "upper", "days_since", "days_until", "decay", "domain", "trim", "length"],
  "quantifier.quantifier": ["atLeast", "all", "any", "none", "count"],
  "each.aggregate": ["atLeast", "all", "any", "none", "count", "sum", "min", "max", "avg"],
};

/** `inEach`: inside the `value` or `where` of an aggregate, the only place an `element` read has an element to read. */
function checkExpr(value: unknown, path: string, inEach = false): void {
  const e = object(value, path);
  const kind = e["kind"];
  const shape = typeof kind === "string" ? EXPR_SHAPES[kind] : undefined;
  if (shape === undefined) fail(`${path}.kind`, `unknown expression kind ${JSON.stringify(kind)}.`);
  if (kind === "element" && !inEach) fail(`${path}.kind`, "an element read outside the `where` or value of an aggregate.");
  checkType(e["type"], `${path}.type`);
  for (const [key, what] of shape) {
    const v = e[key];
    const at = `${path}.${key}`;
    if (what === "expr") checkExpr(v, at, inEach);
    else if (what === "exprs") array(v, at).forEach((x, i) => checkExpr(x, `${at}[${i}]`, inEach));
    else if (what === "strings") array(v, at).forEach((x, i) => string(x, `${at}[${i}]`));
    else if (what === "literal") checkLiteral(v, at);
    else if (what === "bool" && typeof v !== "boolean") fail(at, "expected true or false.");
    else if (what === "string") {
      const allowed = ENUMS[`${String(kind)}.${key}`];
      if (allowed !== undefined && !allowed.includes(string(v, at))) {
        fail(at, `expected one of ${allowed.join(", ")}, not ${JSON.stringify(v)}.`);
      }
      string(v, at);
    }
  }
  if (kind === "each") {
    optional(e["value"], `${path}.value`, (v, at) => checkExpr(v, at, true));
    optional(e["where"], `${path}.where`, (v, at) => checkExpr(v, at, true));
    const list = e["list"] as Obj;
    if ((list["type"] as Obj)["kind"] !== "list") fail(`${path}.list.type`, "an aggregate goes over a list.");
  }
  if ((kind === "quantifier" && e["quantifier"] === "atLeast") || (kind === "each" && e["aggregate"] === "atLeast")) {
    const n = finite(e["n"], `${path}.n`);
    if (!Number.isInteger(n) || n < 0) fail(`${path}.n`, "expected a whole number of at least 0.");
  }
}

function checkEach(doc: Obj, key: string, check: (item: Obj, path: string) => void): void {
  array(doc[key], key).forEach((item, i) => check(object(item, `${key}[${i}]`), `${key}[${i}]`));
}

/**
 * Checks that a value has the structure of a `ModelIR` of this format and version.
 * @throws IRFormatError naming the first place where it does not.
 */
export function checkIRStructure(value: unknown): asserts value is ModelIR {
  const doc = object(value, "");
  if (doc["format"] !== IR_FORMAT) {
    fail("format", `expected ${JSON.stringify(IR_FORMAT)}, not ${JSON.stringify(doc["format"])}; this is not a saved qualify model.`);
  }
  // Version 2 only adds to version 1, so a version 1 document reads as it always did.
  if (doc["version"] !== 1 && doc["version"] !== IR_VERSION) {
    fail("version", `version ${JSON.stringify(doc["version"])} is not supported; this qualify reads IR versions 1 to ${IR_VERSION}.`);
  }
  string(doc["id"], "id");
  string(doc["title"], "title");
  array(doc["inputs"], "inputs").forEach((f, i) => checkField(f, `inputs[${i}]`));
  checkEach(doc, "consts", (c, p) => {
    string(c["id"], `${p}.id`);
    checkType(c["type"], `${p}.type`);
    checkLiteral(c["value"], `${p}.value`);
  });
  checkEach(doc, "lets", (l, p) => {
    string(l["id"], `${p}.id`);
    checkExpr(l["expr"], `${p}.expr`);
  });
  checkEach(doc, "criteria", (c, p) => {
    string(c["id"], `${p}.id`);
    string(c["label"], `${p}.label`);
    checkExpr(c["expr"], `${p}.expr`);
  });
  checkEach(doc, "scores", (s, p) => {
    string(s["id"], `${p}.id`);
    string(s["label"], `${p}.label`);
    if (s["kind"] === "computed") return checkExpr(s["expr"], `${p}.expr`);
    if (s["kind"] !== "group") fail(`${p}.kind`, `expected "group" or "computed", not ${JSON.stringify(s["kind"])}.`);
    optional(s["min"], `${p}.min`, finite);
    optional(s["max"], `${p}.max`, finite);
    checkEach(s, "rules", (r, rp) => {
      string(r["label"], `${p}.${rp}.label`);
      checkExpr(r["points"], `${p}.${rp}.points`);
      optional(r["when"], `${p}.${rp}.when`, checkExpr);
    });
  });
  checkEach(doc, "disqualify", (d, p) => {
    string(d["reason"], `${p}.reason`);
    checkExpr(d["when"], `${p}.when`);
  });
  const tiers = array(doc["tiers"], "tiers");
  if (tiers.length === 0) fail("tiers", "a model needs at least the final `otherwise` tier.");
  tiers.forEach((t, i) => {
    const tier = object(t, `tiers[${i}]`);
    string(tier["id"], `tiers[${i}].id`);
    string(tier["label"], `tiers[${i}].label`);
    const last = i === tiers.length - 1;
    if (last && tier["when"] !== undefined) fail(`tiers[${i}].when`, "the last tier must be `otherwise` (no condition).");
    if (!last) checkExpr(tier["when"], `tiers[${i}].when`);
  });
  array(doc["order"], "order").forEach((id, i) => string(id, `order[${i}]`));
}
