import { describe, expect, it } from "vitest";
import { language } from "../src/language/qual-monarch.js";

type Action = string | readonly string[] | { token?: string; next?: string; switchTo?: string; cases?: Record<string, string> };
type Rule = readonly [RegExp, Action] | { include: string };

/**
 * A small interpreter of the Monarch features the Qual definition uses
 * (include, group arrays, cases on `@table` words, next/@push/@pop,
 * switchTo, @brackets), so that tokenization is tested by tables without a
 * browser. Returns `token:text` pairs, whitespace left out.
 */
function tokenize(text: string): string[] {
  const lang = language as unknown as Record<string, unknown> & { tokenizer: Record<string, Rule[]> };
  const stack = ["root"];
  const out: string[] = [];
  const rules = (state: string): (readonly [RegExp, Action])[] =>
    (lang.tokenizer[state] ?? []).flatMap((r) => ("include" in r ? rules(r.include.replace(/^@/, "")) : [r]));
  const emit = (token: string, image: string): void => {
    if (image.trim() === "" || token === "white") return;
    out.push(`${token === "@brackets" ? "bracket" : token}:${image}`);
  };
  for (const line of text.split("\n")) {
    let pos = 0;
    while (pos < line.length) {
      const rest = line.slice(pos);
      let matched = false;
      for (const [regex, action] of rules(stack[stack.length - 1] as string)) {
        const m = new RegExp(`^(?:${regex.source})`).exec(rest);
        if (m === null) continue;
        matched = true;
        if (typeof action === "string") emit(action, m[0]);
        else if (Array.isArray(action)) action.forEach((t, i) => emit(t, m[i + 1] ?? ""));
        else {
          const a = action as Exclude<Action, string | readonly string[]>;
          let token = a.token ?? "";
          if (a.cases !== undefined) {
            const table = Object.keys(a.cases).find((k) => k !== "@default" && (lang[k.slice(1)] as string[]).includes(m[0]));
            token = a.cases[table ?? "@default"] ?? "";
          }
          if (token !== "") emit(token, m[0]);
          if (a.next === "@pop") stack.pop();
          else if (a.next === "@push") stack.push(stack[stack.length - 1] as string);
          else if (a.next !== undefined) stack.push(a.next.replace(/^@/, ""));
          if (a.switchTo !== undefined) stack[stack.length - 1] = a.switchTo.replace(/^@/, "");
        }
        pos += m[0].length;
        if (m[0].length > 0 || (typeof action === "object" && !Array.isArray(action) && (action as { next?: string }).next !== undefined)) break;
      }
      if (!matched) {
        out.push(`invalid:${line[pos]}`);
        pos++;
      }
    }
  }
  return out;
}

describe("the Monarch tokenizer of Qual", () => {
  it.each([
    ['set meddic "MEDDIC" = (a, b)', ["keyword.contextual:set", "entity.name:meddic", "string.quote:\"", "string:MEDDIC", "string.quote:\"", "operator:=", "bracket:(", "identifier:a", "delimiter:,", "identifier:b", "bracket:)"]],
    ["let x = set + 1", ["keyword:let", "entity.name:x", "operator:=", "identifier:set", "operator:+", "number:1"]],
    ["count of activities where kind = k", ["keyword.contextual:count", "keyword:of", "identifier:activities", "keyword.contextual:where", "identifier:kind", "operator:=", "identifier:k"]],
    ["sum of deals.amount", ["keyword.contextual:sum", "keyword:of", "identifier:deals", "delimiter:.", "identifier:amount"]],
    ["latest of a.at where x", ["keyword.contextual:latest", "keyword:of", "identifier:a.at", "keyword.contextual:where", "identifier:x"]],
    ["sum + where", ["identifier:sum", "operator:+", "identifier:where"]],
    ["min of x", ["keyword.contextual:min", "keyword:of", "identifier:x"]],
    ["min(a, b)", ["predefined:min", "bracket:(", "identifier:a", "delimiter:,", "identifier:b", "bracket:)"]],
    ["e ends with any of free", ["identifier:e", "keyword:ends", "keyword:with", "keyword.contextual:any", "keyword:of", "identifier:free"]],
    ['r matches any of ["a"]', ["identifier:r", "keyword:matches", "keyword.contextual:any", "keyword:of", "bracket:[", "string.quote:\"", "string:a", "string.quote:\"", "bracket:]"]],
  ])("colours %j", (text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });

  it.each([
    ["score fit max 60 min 0 {", ["max", "min"]],
    ["score fit max fit_cap {", ["max"]],
    ["score fit max fit_cap + 5 min -10 {", ["max", "min"]],
  ])("colours the bounds of %j as keywords", (text, bounds) => {
    expect(tokenize(text).filter((t) => t.startsWith("keyword.contextual:")).map((t) => t.slice(19))).toEqual(bounds);
  });

  it("keeps `max` a name in an expression", () => {
    expect(tokenize("let m = max + 1")).toContain("identifier:max");
  });
});
