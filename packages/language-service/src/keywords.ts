/**
 * The words of Qual, as language.md defines them. The tokenizer, completion
 * and hover all read these tables, so a word added to the language is added
 * here once.
 */

/** Words that are never names. */
export const RESERVED_WORDS = [
  "model", "input", "const", "let", "criterion", "score", "disqualify", "tier", "when", "otherwise",
  "and", "or", "not", "in", "between", "contains", "starts", "ends", "with", "matches", "is",
  "if", "then", "else", "of", "true", "false",
] as const;

/**
 * Words that are keywords only inside their own construct (`at least 2 of`,
 * `is missing`, `within 30 days`, `list of text`, `sum of deals.amount where`,
 * `set meddic = (...)`) and ordinary names elsewhere.
 */
export const CONTEXTUAL_WORDS = [
  "at", "least", "all", "any", "none", "count", "min", "max", "missing", "present", "within", "days",
  "list", "one", "number", "text", "bool", "date", "sum", "avg", "latest", "earliest", "where", "set",
] as const;

/** The type words of the input block. */
export const TYPE_WORDS = ["number", "text", "bool", "date", "list", "one"] as const;

/** A built-in function: its signature and what it does, for completion and hover. */
export interface BuiltinFunction {
  readonly name: string;
  readonly signature: string;
  readonly doc: string;
}

/** Every built-in function of Qual. */
export const BUILTIN_FUNCTIONS: readonly BuiltinFunction[] = [
  { name: "count", signature: "count(list) -> number", doc: "How many elements a list has." },
  { name: "len", signature: "len(text) -> number", doc: "How many characters a text has." },
  { name: "min", signature: "min(number, ...) -> number", doc: "The smallest of its numbers." },
  { name: "max", signature: "max(number, ...) -> number", doc: "The largest of its numbers." },
  { name: "abs", signature: "abs(number) -> number", doc: "The number without its sign." },
  { name: "round", signature: "round(number) -> number", doc: "The nearest whole number; halves round away from zero." },
  { name: "lower", signature: "lower(text) -> text", doc: "The text in lower case." },
  { name: "upper", signature: "upper(text) -> text", doc: "The text in upper case." },
  { name: "days_since", signature: "days_since(date) -> number", doc: "Days from the date to the evaluation time (fractional when times are given)." },
  { name: "days_until", signature: "days_until(date) -> number", doc: "Days from the evaluation time to the date: the negation of `days_since`." },
  { name: "decay", signature: "decay(days, half_life) -> number", doc: "0.5 ^ (days / half_life): a weight that halves every `half_life` days." },
  { name: "domain", signature: "domain(text) -> text", doc: "The part of an email address after its last `@`, in lower case; unknown without an `@`." },
  { name: "trim", signature: "trim(text) -> text", doc: "The text without white space at its start and end." },
  { name: "length", signature: "length(text or list) -> number", doc: "How many characters a text has, or how many elements a list has." },
];

/** A keyword offered by completion, with the snippet it inserts and what it means. */
export interface KeywordCompletion {
  readonly label: string;
  /** Monaco snippet syntax (`${1:name}`); plain text when there are no placeholders. */
  readonly snippet: string;
  readonly doc: string;
  /** Declarations start a line; operators continue an expression. */
  readonly context: "declaration" | "expression";
}

/** The keywords completion offers, declarations first. */
export const KEYWORD_COMPLETIONS: readonly KeywordCompletion[] = [
  { label: "model", snippet: 'model ${1:id} "${2:Title}"', doc: "The model's id and title; the first line of a model.", context: "declaration" },
  { label: "input", snippet: "input {\n\t${1:field}: ${2:number}\n}", doc: "The lead's fields.", context: "declaration" },
  { label: "const", snippet: "const ${1:name} = ${2:value}", doc: "A value known at compile time.", context: "declaration" },
  { label: "let", snippet: "let ${1:name} = ${2:expression}", doc: "A value derived per lead.", context: "declaration" },
  { label: "criterion", snippet: 'criterion ${1:id} "${2:Label}" = ${3:condition}', doc: "A named yes/no/unknown test, reported in the result.", context: "declaration" },
  { label: "score", snippet: 'score ${1:id} "${2:Label}" {\n\t"${3:Rule}": +${4:10} when ${5:condition}\n}', doc: "A points group: the sum of its rules, optionally clamped with `min`/`max`.", context: "declaration" },
  { label: "disqualify", snippet: 'disqualify "${1:Reason}" when ${2:condition}', doc: "A knockout rule: when it fires, the tier is `disqualified`.", context: "declaration" },
  { label: "tier", snippet: 'tier ${1:id} "${2:Label}" when ${3:condition}', doc: "An ordered tier; the first whose condition is true wins.", context: "declaration" },
  { label: "otherwise", snippet: "otherwise", doc: "The last tier, taken when no other tier applies.", context: "expression" },
  { label: "when", snippet: "when ${1:condition}", doc: "The condition of a rule, knockout or tier.", context: "expression" },
  { label: "and", snippet: "and", doc: "Both are yes (false wins over unknown).", context: "expression" },
  { label: "or", snippet: "or", doc: "Either is yes (true wins over unknown).", context: "expression" },
  { label: "not", snippet: "not", doc: "The opposite; not unknown is unknown.", context: "expression" },
  { label: "in", snippet: "in", doc: "Whether a value equals an element of a list (text ignores case).", context: "expression" },
  { label: "between", snippet: "between ${1:low} and ${2:high}", doc: "Inclusive range test on numbers or dates.", context: "expression" },
  { label: "contains", snippet: "contains", doc: "A list has the element, or a text has the substring.", context: "expression" },
  { label: "starts with", snippet: "starts with", doc: "Text starts with (ignoring case).", context: "expression" },
  { label: "ends with", snippet: "ends with", doc: "Text ends with (ignoring case).", context: "expression" },
  { label: "matches", snippet: 'matches "${1:regex}"', doc: "Text matches a regular expression (unanchored, ignoring case).", context: "expression" },
  { label: "is missing", snippet: "is missing", doc: "The value is absent or null.", context: "expression" },
  { label: "is present", snippet: "is present", doc: "The value is given.", context: "expression" },
  { label: "within", snippet: "within ${1:30} days", doc: "A date no more than N days before the evaluation time.", context: "expression" },
  { label: "if", snippet: "if ${1:condition} then ${2:a} else ${3:b}", doc: "A value chosen by a condition.", context: "expression" },
  { label: "at least", snippet: "at least ${1:2} of (${2:a, b})", doc: "Yes when at least N of the items are yes.", context: "expression" },
  { label: "all of", snippet: "all of (${1:a, b})", doc: "Yes when every item is yes.", context: "expression" },
  { label: "any of", snippet: "any of (${1:a, b})", doc: "Yes when any item is yes.", context: "expression" },
  { label: "none of", snippet: "none of (${1:a, b})", doc: "Yes when no item is yes.", context: "expression" },
  { label: "count of", snippet: "count of (${1:a, b})", doc: "How many of the items are yes; always known.", context: "expression" },
  { label: "true", snippet: "true", doc: "Yes.", context: "expression" },
  { label: "false", snippet: "false", doc: "No.", context: "expression" },
];

/** The type words offered after `name:` in the input block. */
export const TYPE_COMPLETIONS: readonly KeywordCompletion[] = [
  { label: "number", snippet: "number", doc: "A number.", context: "expression" },
  { label: "text", snippet: "text", doc: "A text; matching ignores case.", context: "expression" },
  { label: "bool", snippet: "bool", doc: "true or false.", context: "expression" },
  { label: "date", snippet: "date", doc: "A date (YYYY-MM-DD) or an ISO timestamp.", context: "expression" },
  { label: "list of", snippet: "list of ${1:text}", doc: "A list; its elements are never null.", context: "expression" },
  { label: "one of", snippet: 'one of ("${1:a}", "${2:b}")', doc: "One of the listed choices, ignoring case.", context: "expression" },
];
