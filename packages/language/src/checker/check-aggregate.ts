import type { Aggregate, Expr, QualType, SourceRange } from "@qualify/ir";
import type { AggregateExpr, AggregateWord } from "../ast.js";
import type { ExprEnv } from "./check-expr.js";
import { checkExpr, errorExpr, missing } from "./check-expr.js";
import type { FieldSymbol } from "./symbols.js";
import { kindWord } from "./symbols.js";
import type { SetSymbol } from "./resolve.js";
import { subjectOf } from "./operators.js";
import { BOOL, DATE, NUMBER, describeType, isError } from "./types.js";

/** How messages write each aggregate before its `of`. */
const AGGREGATE_WORDS: Readonly<Record<AggregateWord, string>> = {
  atLeast: "at least N",
  all: "all",
  any: "any",
  none: "none",
  count: "count",
  sum: "sum",
  min: "min",
  max: "max",
  avg: "avg",
  latest: "latest",
  earliest: "earliest",
};

/** The aggregates that look at whole elements (yes/no, or how many), as opposed to combining a value of each. */
type ElementAggregate = "atLeast" | "all" | "any" | "none" | "count";

function isElementAggregate(word: AggregateWord): word is ElementAggregate {
  return word === "atLeast" || word === "all" || word === "any" || word === "none" || word === "count";
}

/** What the value-combining aggregates accept, and how a message says it. */
const VALUE_RULES: Readonly<Record<Exclude<AggregateWord, ElementAggregate>, { readonly accepts: (t: QualType) => boolean; readonly needs: string }>> = {
  sum: { accepts: (t) => t.kind === "number", needs: "numbers" },
  avg: { accepts: (t) => t.kind === "number", needs: "numbers" },
  min: { accepts: (t) => t.kind === "number" || t.kind === "date", needs: "numbers or dates" },
  max: { accepts: (t) => t.kind === "number" || t.kind === "date", needs: "numbers or dates" },
  latest: { accepts: (t) => t.kind === "date", needs: "dates" },
  earliest: { accepts: (t) => t.kind === "date", needs: "dates" },
};

/** The IR aggregate of a surface word: `latest` and `earliest` are `max` and `min` over dates. */
function irAggregate(word: AggregateWord): Aggregate {
  return word === "latest" ? "max" : word === "earliest" ? "min" : word;
}

/**
 * Checks an aggregate (`count of activities where kind = "demo"`,
 * `sum of deals.amount`, `at least 5 of meddic`) and lowers it: over a named
 * set to a `quantifier` with the set's items, over a list to an `each`.
 */
export function checkAggregate(node: AggregateExpr, env: ExprEnv): Expr {
  const range = node.range;
  if (node.source === undefined) return missing(range, env);
  const source = env.resolutions.sources.get(node);
  // An unresolved source has been reported already.
  if (source === undefined) return errorExpr(range);
  const word = AGGREGATE_WORDS[node.aggregate];
  switch (source.kind) {
    case "set":
      return checkSetAggregate(node, source.symbol, env);
    case "list":
      return checkListAggregate(node, source.list, source.inElement, source.value, env);
    case "other": {
      const resolution = env.resolutions.byNode.get(source.ref);
      if (resolution === undefined) return errorExpr(range);
      const type = resolution.kind === "field" || resolution.kind === "element" ? resolution.field.type : undefined;
      if (type !== undefined && isError(type)) return errorExpr(range);
      const what = type === undefined ? `a ${kindWord(resolution.kind as "const")}` : describeType(type);
      env.report("aggregateSource", source.ref.range, [word, subjectOf(source.ref, "this"), what]);
      return errorExpr(range);
    }
  }
}

function checkSetAggregate(node: AggregateExpr, set: SetSymbol, env: ExprEnv): Expr {
  const range = node.range;
  const aggregate = node.aggregate;
  if (!isElementAggregate(aggregate)) {
    env.report("setAggregate", node.source!.range, [AGGREGATE_WORDS[aggregate], set.name]);
    return errorExpr(range);
  }
  if (node.where !== undefined) {
    env.report("setWithWhere", node.where.range, [set.name]);
    return errorExpr(range);
  }
  const n = aggregate === "atLeast" ? foldN(node, env) : undefined;
  // Unknown while the set has an error of its own (reported at its declaration) or sits on a cycle.
  const items = env.setItems(set.name);
  if (items === undefined || n === null) return errorExpr(range);
  if (n !== undefined && n > items.length) {
    env.report("atLeastRange", node.n!.range, [n, items.length]);
    return errorExpr(range);
  }
  const type = aggregate === "count" ? NUMBER : BOOL;
  return { kind: "quantifier", quantifier: aggregate, ...(n === undefined ? {} : { n }), items, type, range };
}

/** The N of `at least N of`: a number, or null after a problem (reported). */
function foldN(node: AggregateExpr, env: ExprEnv): number | null {
  if (node.n === undefined) {
    missing(node.range, env);
    return null;
  }
  return env.foldCount(node.n) ?? null;
}

function checkListAggregate(
  node: AggregateExpr,
  list: FieldSymbol,
  inElement: boolean,
  value: FieldSymbol | undefined,
  env: ExprEnv,
): Expr {
  const range = node.range;
  const aggregate = node.aggregate;
  const word = AGGREGATE_WORDS[aggregate];
  const parts = node.source!.parts;
  // As written: the list is the first `list.path.length` parts (its path is relative to where it was found).
  const listParts = parts.slice(0, list.path.length);
  const listName = listParts.map((p) => p.name).join(".");
  const listRange: SourceRange = { start: parts[0]!.range.start, end: listParts[listParts.length - 1]!.range.end };
  const listType = list.type;
  if (isError(listType) || listType.kind !== "list") return errorExpr(range);
  const element = listType.element;
  const listExpr: Expr = inElement
    ? { kind: "element", path: list.path, type: listType, range: listRange }
    : { kind: "field", path: list.path, type: listType, range: listRange };
  const valueExpr: Expr | undefined =
    value === undefined ? undefined : { kind: "element", path: value.path, type: value.type, range: node.source!.range };

  let ok = true;
  let type: QualType;
  if (isElementAggregate(aggregate)) {
    if (value !== undefined) {
      const field = parts.slice(list.path.length).map((p) => p.name).join(".");
      env.report("aggregateElementPath", node.source!.range, [word, listName, field]);
      ok = false;
    }
    type = aggregate === "count" ? NUMBER : BOOL;
  } else {
    const rule = VALUE_RULES[aggregate];
    const valueType = value?.type ?? element;
    if (isError(valueType)) ok = false;
    else if (value === undefined && element.kind === "record") {
      const fields = element.fields;
      const example = fields.find((f) => rule.accepts(f.type)) ?? fields[0];
      env.report("aggregateRecords", node.source!.range, [word, listName, `${listName}.${example?.name ?? "FIELD"}`]);
      ok = false;
    } else if (!rule.accepts(valueType)) {
      const subject = value === undefined ? `\`${listName}\`` : subjectOf(node.source!, "the value");
      env.report("aggregateValueType", node.source!.range, [word, rule.needs, subject, describeType(value === undefined ? listType : valueType)]);
      ok = false;
    }
    type = aggregate === "sum" || aggregate === "avg" ? NUMBER : aggregate === "latest" || aggregate === "earliest" ? DATE : valueType;
  }

  let where: Expr | undefined;
  if (node.where !== undefined) {
    if (element.kind !== "record") {
      env.report("whereNotRecords", node.where.range, [listName, describeType(listType)]);
      ok = false;
    } else {
      where = checkExpr(node.where, env);
      if (isError(where.type)) ok = false;
      else if (where.type.kind !== "bool") {
        env.report("conditionNotBool", node.where.range, [`the \`where\` of \`${word} of ${listName}\``, describeType(where.type)]);
        ok = false;
      }
    }
  }
  const n = aggregate === "atLeast" ? foldN(node, env) : undefined;
  if (!ok || n === null) return errorExpr(range);
  return {
    kind: "each",
    aggregate: irAggregate(aggregate),
    ...(n === undefined ? {} : { n }),
    list: listExpr,
    ...(valueExpr === undefined ? {} : { value: valueExpr }),
    ...(where === undefined ? {} : { where }),
    type,
    range,
  };
}
