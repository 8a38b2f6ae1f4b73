import type { ImportType, QualExpr, ScalarType } from "../model/qual-expr.js";
import { atom, compound, elementOf, isQualName, listLiteral, literal, operand } from "../model/qual-expr.js";
import type { ReportBuilder } from "../model/report.js";
import { pointer } from "../model/report.js";
import { isOperation, JSONLOGIC_OPERATORS, UNSUPPORTED } from "./operators.js";
import { Refusal } from "./refusal.js";
import type { TypeStore } from "./type-store.js";

/** A translated expression; `pending` is a `var` whose type no pass has decided yet. */
type Typed = QualExpr | PendingVar;
interface PendingVar {
  readonly text: string;
  readonly type: "pending";
  readonly atom: true;
  readonly path: readonly string[];
}

/** One read of an input field by a rule. */
export interface VarUse {
  readonly path: readonly string[];
  /** Where it is first read. */
  readonly at: string;
  /** For a list of records read by some/all/none: what the predicates read of each element. */
  readonly elements?: ReadonlyMap<string, VarUse>;
  readonly default?: string | number | boolean;
}

const NULL_REASON =
  "JsonLogic compares with null (and reads an absent field as null); Qual has no null value: an absent optional field is unknown, tested with `is missing`";

/**
 * Translates one JsonLogic rule into a Qual expression, or throws a
 * {@link Refusal}. Every translation gives the answer json-logic-js gives
 * for every lead the imported model accepts; where that is not so, the
 * difference is in the report ("changed"). Operator semantics are
 * json-logic-js's (the reference implementation the shared suite tests).
 */
export class RuleTranslator {
  /** The fields this rule reads, in first-use order. */
  readonly uses = new Map<string, VarUse>();

  /**
   * @param scope For the predicate of some/all/none: the list's path; `var`s then read
   * fields of the element (json-logic-js applies the predicate to the element alone),
   * and their types are kept under `[...scope, "[]", ...field]`.
   */
  constructor(
    private readonly types: TypeStore,
    private readonly report: ReportBuilder,
    private readonly scope?: readonly string[],
  ) {}

  private typeKey(path: readonly string[]): readonly string[] {
    return this.scope === undefined ? path : [...this.scope, "[]", ...path];
  }

  /** The rule's value: a yes/no or a number. */
  translate(rule: unknown, at: string): QualExpr {
    const e = this.value(rule, at);
    if (e.type === "pending") return this.settle(e, "bool", "the rule's value is read as yes/no");
    return e;
  }

  /** The rule read as a condition (JsonLogic's truthiness), as `if` reads its conditions. */
  condition(rule: unknown, at: string): QualExpr {
    return this.truthy(this.value(rule, at), at);
  }

  private value(node: unknown, at: string): Typed {
    if (node === null) throw new Refusal(at, node, NULL_REASON);
    if (Array.isArray(node)) return this.listValue(node, at);
    if (typeof node === "object") return this.operation(node as Record<string, unknown>, at);
    const lit = literal(node);
    if (lit === undefined) {
      throw new Refusal(at, node, "Qual cannot write this literal (a number with an exponent, or text with control characters)");
    }
    return lit;
  }

  private listValue(node: readonly unknown[], at: string): QualExpr {
    if (node.some((item) => typeof item === "object" && item !== null)) {
      throw new Refusal(at, node, "a list whose items are rules builds a new list; Qual models read lists from the lead and do not build them");
    }
    if (node.some((item) => item === null)) throw new Refusal(at, node, `a list holding null: ${NULL_REASON}`);
    const list = listLiteral(node);
    if (list === undefined) throw new Refusal(at, node, "a list mixing numbers, text and yes/no values; Qual lists hold one type");
    return list;
  }

  private operation(node: Record<string, unknown>, at: string): Typed {
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      throw new Refusal(at, node, "an object that is not one operation is data to JsonLogic; Qual has no record values");
    }
    const op = keys[0]!;
    const raw = node[op];
    const args = Array.isArray(raw) ? raw : [raw];
    const argAt = (i: number) => (Array.isArray(raw) ? pointer(pointer(at, op), i) : pointer(at, op));
    if (!JSONLOGIC_OPERATORS.has(op)) throw new Refusal(at, node, `"${op}" is not a JsonLogic operator`);
    const unsupported = UNSUPPORTED[op];
    if (unsupported !== undefined) throw new Refusal(at, node, `${op}: ${unsupported}`);
    switch (op) {
      case "var":
        return this.variable(args, node, at);
      case "==":
      case "===":
      case "!=":
      case "!==":
        return this.equality(op, args, node, at, argAt);
      case "<":
      case "<=":
      case ">":
      case ">=":
        return this.order(op, args, node, at, argAt);
      case "!":
      case "!!": {
        if (args.length === 0) throw new Refusal(at, node, `${op} without an operand tests undefined; write the value to test`);
        const inner = args[0];
        if (op === "!" && !Array.isArray(raw) && isOperation(inner) && "in" in inner) {
          // {"!": {"in": [x, list]}} (no brackets around the operand) is Qual's `x not in list`, and
          // {"!": [{"in": ...}]} is `not (x in list)`: the export writes them so, and each comes back as written.
          const raw = inner["in"];
          const innerAt = argAt(0);
          return this.membership(Array.isArray(raw) ? raw : [raw], inner, innerAt, (i) => pointer(pointer(innerAt, "in"), i), true);
        }
        const truth = this.truthy(this.value(args[0], argAt(0)), argAt(0));
        return op === "!!" ? truth : compound(`not ${operand(truth)}`, "bool");
      }
      case "and":
      case "or":
        return this.logic(op, args, node, at, argAt);
      case "if":
      case "?:":
        return this.conditional(args, node, at, argAt);
      case "+":
      case "*":
      case "-":
      case "/":
        return this.arithmetic(op, args, node, at, argAt);
      case "min":
      case "max": {
        if (args.length === 0) throw new Refusal(at, node, `${op} of nothing is ${op === "min" ? "Infinity" : "-Infinity"} in JsonLogic; Qual numbers are finite`);
        const items = args.map((a, i) => this.number(a, argAt(i), op));
        return atom(`${op}(${items.map((i) => i.text).join(", ")})`, "number");
      }
      case "in":
        return this.membership(args, node, at, argAt);
      case "some":
      case "all":
      case "none":
        return this.quantifier(op, args, node, at, argAt);
      default:
        throw new Refusal(at, node, `${op} is not translated`);
    }
  }

  private variable(args: readonly unknown[], node: unknown, at: string): Typed {
    const name = args[0];
    if (typeof name === "number") {
      throw new Refusal(at, node, "reads a list element by position; Qual reads input fields by name");
    }
    if (typeof name !== "string" || name === "") {
      throw new Refusal(at, node, "reads the whole data object; Qual reads named input fields only");
    }
    const path = name.split(".");
    const bad = path.find((segment) => !isQualName(segment));
    if (bad !== undefined) {
      throw new Refusal(
        at,
        node,
        /^[A-Za-z_][A-Za-z0-9_]*$/.test(bad)
          ? `"${bad}" is a reserved word of Qual, so no input field can have that name; rename it in the data`
          : `"${bad}" is not a Qual field name (letters, digits and _; list positions cannot be read)`,
      );
    }
    const fallback = args[1];
    const key = path.join(".");
    const previous = this.uses.get(key);
    if (fallback !== undefined && fallback !== null) {
      const lit = literal(fallback);
      if (lit === undefined || typeof fallback === "object") {
        throw new Refusal(at, node, "the default is not a number, text or yes/no literal");
      }
      if (previous !== undefined && previous.default !== fallback) {
        throw new Refusal(at, node, `"${key}" is read with different defaults (or with and without one); a Qual field has one default`);
      }
      if (this.scope !== undefined) throw new Refusal(at, node, "a default inside some/all/none: a Qual list element field has no default");
      this.uses.set(key, { path, at: previous?.at ?? at, default: fallback as string | number | boolean });
      this.types.decide(path, lit.type, `its default in the rules is ${lit.text}`);
      this.report.add(
        "changed",
        at,
        node,
        `a lead that sends null for "${key}" gets the default ${lit.text} in Qual; JsonLogic's var gives the default only when the field is absent and gives null for null`,
      );
    } else {
      if (previous?.default !== undefined) {
        throw new Refusal(at, node, `"${key}" is read with and without a default; a Qual field has one default`);
      }
      if (previous === undefined) this.uses.set(key, { path, at });
    }
    const typePath = this.typeKey(path);
    const facts = this.types.of(typePath);
    if (facts.type === undefined) return { text: key, type: "pending", atom: true, path: typePath };
    return atom(key, facts.type);
  }

  /** Gives a pending var a type, learning it for the next passes. */
  private settle(e: Typed, type: ImportType, evidence: string): QualExpr {
    if (e.type !== "pending") return e;
    this.types.decide(e.path, type, evidence);
    return atom(e.text, type);
  }

  private truthy(e: Typed, at: string): QualExpr {
    if (e.type === "pending") {
      const facts = this.types.of(e.path);
      if (facts.hint === undefined) facts.hint = "bool";
      return atom(e.text, "bool");
    }
    switch (e.type) {
      case "bool":
        return e;
      case "number":
        // 0 and -0 are falsy; Qual numbers are never NaN.
        return compound(`${operand(e)} != 0`, "bool");
      case "text":
        return compound(`len(${e.text}) > 0`, "bool");
      case "date":
        throw new Refusal(at, e.text, "a date tested for truth");
      default:
        // json-logic-js's truthy: an empty list is falsy, any other list truthy.
        return compound(`count(${e.text}) > 0`, "bool");
    }
  }

  private number(node: unknown, at: string, op: string): QualExpr {
    if (typeof node === "string") {
      throw new Refusal(at, node, `JsonLogic's ${op} reads text as a number with JavaScript's rules ("3.5kg" is 3.5 for +, "" is 0 for <); Qual does arithmetic and ordering on numbers only`);
    }
    const e = this.value(node, at);
    if (e.type === "pending") return this.settle(e, "number", `used as a number by "${op}"`);
    if (e.type !== "number") {
      throw new Refusal(at, node, `"${op}" on a ${e.type} value: JsonLogic converts it with JavaScript's rules (true is 1); Qual does arithmetic and ordering on numbers only`);
    }
    return e;
  }

  private equality(op: string, args: readonly unknown[], node: unknown, at: string, argAt: (i: number) => string): QualExpr {
    if (args.length !== 2) throw new Refusal(at, node, `${op} needs exactly two operands here`);
    if (args[0] === null || args[1] === null) throw new Refusal(at, node, NULL_REASON);
    let left = this.value(args[0], argAt(0));
    let right = this.value(args[1], argAt(1));
    if (left.type === "pending" && right.type !== "pending") left = this.settle(left, right.type, `compared by ${op} with a ${right.type}`);
    if (right.type === "pending" && left.type !== "pending") right = this.settle(right, left.type, `compared by ${op} with a ${left.type}`);
    if (left.type === "pending" || right.type === "pending") return compound("true", "bool");
    const negated = op === "!=" || op === "!==";
    const strict = op === "===" || op === "!==";
    if (left.type !== right.type) {
      throw new Refusal(
        at,
        node,
        strict
          ? `${op} between a ${left.type} and a ${right.type} is constant (${negated}) in JsonLogic; Qual refuses to compare values of different types`
          : `${op} between a ${left.type} and a ${right.type}: JsonLogic converts them with JavaScript's loose equality ("1" == 1 and 0 == false are true); Qual compares values of one type`,
      );
    }
    if (elementOf(left.type) !== undefined) {
      throw new Refusal(at, node, `${op} on lists compares their identity in JavaScript (two lists are never equal); Qual does not compare lists`);
    }
    if (left.type === "text") this.noteTextCase(left, right, args, node, at);
    return compound(`${operand(left)} ${negated ? "!=" : "="} ${operand(right)}`, "bool");
  }

  /** Qual compares text ignoring case; two literals that differ only in case would change answer, so they are refused. */
  private noteTextCase(left: QualExpr, right: QualExpr, args: readonly unknown[], node: unknown, at: string): void {
    const [a, b] = args;
    if (typeof a === "string" && typeof b === "string") {
      if (a !== b && a.toLowerCase() === b.toLowerCase()) {
        throw new Refusal(at, node, "these texts differ only in case: JsonLogic finds them different, Qual (which ignores case) equal");
      }
      return;
    }
    const lit = typeof a === "string" ? a : typeof b === "string" ? b : undefined;
    if (lit !== undefined && lit.toLowerCase() === lit.toUpperCase() && /^[\x20-\x7e]*$/.test(lit)) return;
    this.report.add(
      "changed",
      at,
      node,
      `Qual compares text ignoring case: ${left.text} = ${right.text} is also true when only the case differs ("us" and "US"), where JsonLogic compares exactly`,
    );
  }

  private order(op: string, args: readonly unknown[], node: unknown, at: string, argAt: (i: number) => string): QualExpr {
    const three = (op === "<" || op === "<=") && args.length === 3;
    if (args.length !== 2 && !three) throw new Refusal(at, node, `${op} with ${args.length} operands is not translated`);
    if (args.some((a) => a === null)) throw new Refusal(at, node, `${NULL_REASON} (null is 0 for ${op})`);
    const items = args.map((a, i) => this.number(a, argAt(i), op));
    if (!three) return compound(`${operand(items[0]!)} ${op} ${operand(items[1]!)}`, "bool");
    const [low, value, high] = items as [QualExpr, QualExpr, QualExpr];
    if (op === "<=") return compound(`${operand(value)} between ${operand(low)} and ${operand(high)}`, "bool");
    return compound(`${operand(low)} < ${operand(value)} and ${operand(value)} < ${operand(high)}`, "bool");
  }

  private logic(op: "and" | "or", args: readonly unknown[], node: unknown, at: string, argAt: (i: number) => string): Typed {
    if (args.length === 0) throw new Refusal(at, node, `${op} of nothing gives undefined in JsonLogic; write at least one operand`);
    const items = args.map((a, i) => this.value(a, argAt(i)));
    if (items.length === 1) return items[0]!;
    const types = new Set(items.map((i) => i.type).filter((t) => t !== "pending"));
    const type = types.size === 0 ? "bool" : types.size === 1 ? [...types][0]! : undefined;
    if (type === undefined) {
      throw new Refusal(at, node, `JsonLogic's ${op} gives one of its operands (not yes/no), and here they have different types (${[...types].join(", ")}); Qual needs one type`);
    }
    const typed = items.map((item, i) =>
      item.type === "pending" ? (type === "bool" ? this.truthy(item, argAt(i)) : this.settle(item, type, `combined by ${op} with a ${type}`)) : item,
    );
    if (type === "bool") return compound(typed.map(operand).join(` ${op} `), "bool");
    // JsonLogic's and/or give the deciding operand itself: and gives the first falsy one (or the last), or the first truthy one.
    let result: QualExpr = typed[typed.length - 1]!;
    for (let i = typed.length - 2; i >= 0; i--) {
      const item = typed[i]!;
      const test = operand(this.truthy(item, argAt(i)));
      result =
        op === "and"
          ? compound(`if ${test} then ${operand(result)} else ${operand(item)}`, type)
          : compound(`if ${test} then ${operand(item)} else ${operand(result)}`, type);
    }
    return result;
  }

  private conditional(args: readonly unknown[], node: unknown, at: string, argAt: (i: number) => string): Typed {
    if (args.length === 0) throw new Refusal(at, node, "if with no operands gives null in JsonLogic; Qual has no null value");
    if (args.length === 1) return this.value(args[0], argAt(0));
    if (args.length % 2 === 0) {
      throw new Refusal(at, node, "if without an else branch gives null when no condition holds; Qual has no null value: add the else value");
    }
    const conditions: QualExpr[] = [];
    const values: Typed[] = [];
    for (let i = 0; i < args.length - 1; i += 2) {
      conditions.push(this.truthy(this.value(args[i], argAt(i)), argAt(i)));
      values.push(this.value(args[i + 1], argAt(i + 1)));
    }
    values.push(this.value(args[args.length - 1], argAt(args.length - 1)));
    const types = new Set(values.map((v) => v.type).filter((t) => t !== "pending"));
    if (types.size > 1) {
      throw new Refusal(at, node, `the branches give values of different types (${[...types].join(", ")}); Qual needs one type`);
    }
    const type: ImportType = types.size === 1 ? ([...types][0] as ImportType) : "bool";
    const typed = values.map((v, i) => (v.type === "pending" ? this.settle(v, type, `a branch of if beside a ${type}`) : v));
    let result = typed[typed.length - 1]!;
    for (let i = conditions.length - 1; i >= 0; i--) {
      result = compound(`if ${operand(conditions[i]!)} then ${operand(typed[i]!)} else ${operand(result)}`, type);
    }
    return result;
  }

  private arithmetic(op: string, args: readonly unknown[], node: unknown, at: string, argAt: (i: number) => string): QualExpr {
    if (op === "+" && args.length === 0) return atom("0", "number");
    if (args.length === 0) throw new Refusal(at, node, `${op} without operands fails or gives NaN in JsonLogic`);
    if ((op === "-" || op === "/") && args.length > 2) throw new Refusal(at, node, `${op} with more than two operands ignores the rest in JsonLogic`);
    if (op === "/" && args.length === 1) throw new Refusal(at, node, "/ with one operand gives NaN in JsonLogic");
    const items = args.map((a, i) => this.number(a, argAt(i), op));
    if (op === "-" && items.length === 1) return compound(`-${operand(items[0]!)}`, "number");
    if (items.length === 1) return items[0]!;
    if (op === "/") {
      const divisor = args[1];
      if (typeof divisor !== "number" || divisor === 0) {
        this.report.add(
          "changed",
          at,
          node,
          "dividing by zero gives unknown in Qual (a criterion or computed score is then null and the lead is listed under unknown), where JsonLogic gives Infinity or NaN",
        );
      }
    }
    return compound(items.map(operand).join(` ${op} `), "number");
  }

  /**
   * some/all/none over a list of records: `any of items where ...`. json-logic-js's
   * all is false on an empty list (Qual's `all of` is true there), so it becomes
   * `count(items) > 0 and (all of items where ...)`.
   */
  private quantifier(op: "some" | "all" | "none", args: readonly unknown[], node: unknown, at: string, argAt: (i: number) => string): QualExpr {
    if (this.scope !== undefined) throw new Refusal(at, node, `${op} inside another some/all/none is not translated`);
    const [list, predicate] = args;
    const name = isOperation(list) && "var" in list ? list["var"] : undefined;
    if (args.length !== 2 || typeof name !== "string" || name === "") {
      throw new Refusal(at, node, `${op} is translated over a list field ({"var": "items"}) with a test of each element`);
    }
    const path = name.split(".");
    if (path.some((p) => !isQualName(p))) throw new Refusal(argAt(0), list, `"${name}" is not a Qual field name`);
    const facts = this.types.of(path);
    if (facts.type !== undefined && facts.type !== "list of record") {
      throw new Refusal(argAt(0), list, `"${name}" is a ${facts.type} elsewhere, and a list of records here`);
    }
    this.types.decide(path, "list of record", `a list of records, tested element by element by ${op}`);
    if (JSON.stringify(predicate ?? null).includes('"var":""')) {
      throw new Refusal(argAt(1), predicate, `${op} reads the element itself: Qual tests elements with \`where\` on lists of records only`);
    }
    const inner = new RuleTranslator(this.types, this.report, path);
    const test = inner.condition(predicate, argAt(1));
    const key = path.join(".");
    const previous = this.uses.get(key);
    if (previous !== undefined && previous.elements === undefined) throw new Refusal(argAt(0), list, `"${key}" is read as a value elsewhere and as a list of records here`);
    const elements = new Map(previous?.elements ?? []);
    for (const [k, use] of inner.uses) if (!elements.has(k)) elements.set(k, use);
    this.uses.set(key, { path, at: previous?.at ?? argAt(0), elements });
    if (inner.uses.size === 0) throw new Refusal(argAt(1), predicate, `the test of ${op} reads no field of the element; Qual's where needs one`);
    const where = `${key} where ${test.text}`;
    if (op === "some") return compound(`any of ${where}`, "bool");
    if (op === "none") return compound(`none of ${where}`, "bool");
    return compound(`count(${key}) > 0 and (all of ${where})`, "bool");
  }

  private membership(args: readonly unknown[], node: unknown, at: string, argAt: (i: number) => string, negated = false): QualExpr {
    if (args.length !== 2) throw new Refusal(at, node, "in needs exactly two operands here");
    if (args[0] === null || args[1] === null) throw new Refusal(at, node, NULL_REASON);
    let item = this.value(args[0], argAt(0));
    let container = this.value(args[1], argAt(1));
    if (container.type === "pending" && item.type === "pending") {
      // Another use may type either one in a later pass; if none does, both get the number guess.
      const facts = this.types.of(container.path);
      facts.hint ??= "list of number";
      // A placeholder: only inference passes see pending vars, and their output is thrown away.
      return compound("true", "bool");
    }
    if (container.type === "pending") {
      const element = item.type as ScalarType;
      container = this.settle(container, `list of ${element}`, `searched by "in" for a ${element} (a list; JsonLogic's in also searches text)`);
    }
    if (container.type === "text") {
      item = item.type === "pending" ? this.settle(item, "text", 'searched for by "in" in a text') : item;
      if (item.type !== "text") {
        throw new Refusal(at, node, `in looks for a ${item.type} inside a text, which JavaScript converts to text first; Qual looks for text in text`);
      }
      this.report.add("changed", at, node, `Qual's contains ignores case ("Spring" is found in "springfield"), where JsonLogic's in is exact`);
      const test = `${operand(container)} contains ${operand(item)}`;
      return compound(negated ? `not (${test})` : test, "bool");
    }
    const element = elementOf(container.type);
    if (element === undefined) throw new Refusal(at, node, `in on a ${container.type} is false in JsonLogic whatever the value; Qual refuses it`);
    if (item.type === "pending") item = this.settle(item, element, `looked up by "in" in a list of ${element}`);
    if (Array.isArray(args[1]) && args[1].length === 0) return compound(negated ? "true" : "false", "bool");
    if (item.type !== element) {
      throw new Refusal(at, node, `in looks for a ${item.type} in a list of ${element}: always false in JsonLogic (which compares strictly), refused by Qual`);
    }
    if (element === "text") {
      this.report.add("changed", at, node, "Qual's in compares text ignoring case, where JsonLogic's in is exact");
    }
    return compound(`${operand(item)} ${negated ? "not in" : "in"} ${operand(container)}`, "bool");
  }
}
