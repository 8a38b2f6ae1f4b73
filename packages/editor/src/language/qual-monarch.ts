import type { languages } from "monaco-editor/editor";
import { BUILTIN_FUNCTIONS, RESERVED_WORDS, TYPE_WORDS } from "@qualify/language-service/keywords";

/**
 * Editing behaviour of Qual: `#` comments, brackets, auto-closing pairs and
 * indentation inside `{ ... }` blocks.
 */
export const conf: languages.LanguageConfiguration = {
  comments: { lineComment: "#" },
  brackets: [
    ["{", "}"],
    ["[", "]"],
    ["(", ")"],
  ],
  autoClosingPairs: [
    { open: "{", close: "}" },
    { open: "[", close: "]" },
    { open: "(", close: ")" },
    { open: '"', close: '"', notIn: ["string", "comment"] },
  ],
  surroundingPairs: [
    { open: "{", close: "}" },
    { open: "[", close: "]" },
    { open: "(", close: ")" },
    { open: '"', close: '"' },
  ],
  // Dotted paths are separate words so that `company.` completes the part after the dot.
  wordPattern: /[A-Za-z_][A-Za-z0-9_]*|-?\d[\d_]*(?:\.\d+)?/,
  indentationRules: {
    increaseIndentPattern: /^.*\{[^}"]*$/,
    decreaseIndentPattern: /^\s*\}/,
  },
  folding: { markers: { start: /^\s*#\s*region\b/, end: /^\s*#\s*endregion\b/ } },
};

/**
 * The Monarch tokenizer of Qual. Contextual words (`at least`, `all of`,
 * `is missing`, `within N days`, `min`/`max` bounds, type words) are keywords
 * only where their construct makes them so, which the lookaheads and the
 * input-block states express; elsewhere they are names.
 */
export const language: languages.IMonarchLanguage = {
  defaultToken: "invalid",
  tokenPostfix: ".qual",
  reserved: [...RESERVED_WORDS],
  typeWords: [...TYPE_WORDS],
  functions: BUILTIN_FUNCTIONS.map((f) => f.name),
  brackets: [
    { open: "{", close: "}", token: "delimiter.curly" },
    { open: "[", close: "]", token: "delimiter.square" },
    { open: "(", close: ")", token: "delimiter.parenthesis" },
  ],
  escapes: /\\(?:["\\nt])/,

  tokenizer: {
    root: [
      { include: "@whitespace" },
      [/\binput\b/, { token: "keyword", next: "@inputHeader" }],
      // The name a declaration introduces, so outlines and themes can tell definitions from uses.
      [/(model|const|let|criterion|score|tier)(\s+)([A-Za-z_]\w*)/, ["keyword", "white", "entity.name"]],
      // `set` declares only as `set NAME =` or `set NAME "Label"`; elsewhere it is a name.
      [/\b(set)(\s+)([A-Za-z_]\w*)(?=\s*[="])/, ["keyword.contextual", "white", "entity.name"]],
      { include: "@expression" },
    ],

    expression: [
      { include: "@whitespace" },
      [/\b(at)(\s+)(least)\b/, ["keyword.contextual", "white", "keyword.contextual"]],
      [/\b(all|any|none|count|sum|avg|min|max|latest|earliest)(?=\s+of\b)/, "keyword.contextual"],
      // `of SOURCE where`: the aggregate's condition (a `where` anywhere else is a name).
      [/\b(of)(\s+)([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(\s+)(where)\b/, ["keyword", "white", "identifier", "white", "keyword.contextual"]],
      [/\b(is)(\s+)(missing|present)\b/, ["keyword", "white", "keyword.contextual"]],
      [/\b(within)\b/, { token: "keyword.contextual", next: "@within" }],
      // `min 0` / `max 60` / `max fit_cap {` in a score header: a bound, not a call.
      [/\b(min|max)(?=\s+[-+]?\d|\s+[A-Za-z_][\w.]*\s*(?:\{|\bmin\b|\bmax\b|[-+*/]))/, "keyword.contextual"],
      [/[A-Za-z_]\w*(?=\s*\()/, { cases: { "@functions": "predefined", "@reserved": "keyword", "@default": "identifier" } }],
      [/[A-Za-z_]\w*/, { cases: { "@reserved": "keyword", "@default": "identifier" } }],
      { include: "@literals" },
      [/[{}()[\]]/, "@brackets"],
      [/\?\?|!=|<=|>=|[=<>+\-*/?]/, "operator"],
      [/[,:.]/, "delimiter"],
    ],

    literals: [
      // Dates come before numbers: `2026-01-31` would otherwise read as arithmetic.
      [/\d{4}-\d{2}-\d{2}\b/, "number.date"],
      [/\d[\d_]*(?:\.\d[\d_]*)?/, "number"],
      [/"/, { token: "string.quote", next: "@string" }],
    ],

    string: [
      [/[^\\"]+/, "string"],
      [/@escapes/, "string.escape"],
      [/\\./, "string.escape.invalid"],
      [/"/, { token: "string.quote", next: "@pop" }],
    ],

    within: [
      { include: "@whitespace" },
      [/\bdays\b/, { token: "keyword.contextual", next: "@pop" }],
      // Anything other than the day count and `days` ends the construct without consuming input.
      [/(?=[^\s\d])/, { token: "", next: "@pop" }],
      { include: "@literals" },
    ],

    inputHeader: [
      { include: "@whitespace" },
      [/\{/, { token: "@brackets", switchTo: "@inputBody" }],
      [/(?=\S)/, { token: "", next: "@pop" }],
    ],

    // Inside `input { ... }` type words are keywords; nested records push another body.
    inputBody: [
      { include: "@whitespace" },
      [/\{/, { token: "@brackets", next: "@push" }],
      [/\}/, { token: "@brackets", next: "@pop" }],
      [/\b(list|one)(\s+)(of)\b/, ["type", "white", "type"]],
      [/[A-Za-z_]\w*(?=\s*:)/, "variable.name"],
      [/[A-Za-z_]\w*/, { cases: { "@typeWords": "type", "@reserved": "keyword", "@default": "identifier" } }],
      { include: "@literals" },
      [/[()[\]]/, "@brackets"],
      [/[?=]/, "operator"],
      [/[,:.]/, "delimiter"],
    ],

    whitespace: [
      [/\s+/, "white"],
      [/#.*$/, "comment"],
    ],
  },
};
