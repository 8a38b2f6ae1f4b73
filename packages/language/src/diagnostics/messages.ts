import type { Severity } from "@qualify/ir";

/** One entry of the diagnostic catalog: a stable code, its severity and how its message reads. */
export interface CatalogEntry {
  readonly code: string;
  readonly severity: Severity;
  /** A short name for the problem, used in grammar/diagnostics.md. */
  readonly title: string;
  readonly format: (...args: never[]) => string;
}

const q = (s: string): string => `\`${s}\``;

/**
 * Every diagnostic the checker reports, keyed by a stable internal id. Codes
 * never change meaning once published: QUAL2xx names and declarations, QUAL3xx
 * types, QUAL4xx model structure, QUAL55x regex safety (QUAL1xx and QUAL50x-54x
 * belong to the parser). Messages are written for operations people, not
 * programmers: they say what was found, what was expected and how to fix it.
 */
export const CATALOG = {
  incomplete: {
    code: "QUAL200", severity: "error", title: "Incomplete declaration",
    format: (what: string) => `${what} is incomplete; finish writing it`,
  },
  missingModel: {
    code: "QUAL201", severity: "error", title: "Missing model line",
    format: () => `a model file starts with a \`model ID "Title"\` line, such as \`model bant "BANT qualification"\``,
  },
  missingInput: {
    code: "QUAL202", severity: "error", title: "Missing input block",
    format: () => "the model has no `input { ... }` block; declare the lead's fields there, even if it is empty",
  },
  duplicateName: {
    code: "QUAL203", severity: "error", title: "Name declared twice",
    format: (name: string, kind: string, line: number) =>
      `${q(name)} is already declared as ${/^[aeiou]/i.test(kind) ? "an" : "a"} ${kind} on line ${line}; every name in a model must be unique`,
  },
  reservedTier: {
    code: "QUAL204", severity: "error", title: "Reserved tier id",
    format: () => "`disqualified` is the tier a lead gets when a disqualify rule fires; choose another tier id",
  },
  duplicateRuleLabel: {
    code: "QUAL205", severity: "error", title: "Rule label used twice in a score group",
    format: (label: string, score: string) =>
      `the score group ${q(score)} already has a rule labelled "${label}"; labels name rules in results, so they must be unique within a group`,
  },
  duplicateReason: {
    code: "QUAL206", severity: "error", title: "Disqualify reason used twice",
    format: (reason: string) =>
      `there is already a disqualify rule with the reason "${reason}"; reasons name the rules in results, so they must be unique`,
  },
  duplicateRecordField: {
    code: "QUAL207", severity: "error", title: "Field declared twice in a record",
    format: (name: string) => `this record already has a field ${q(name)}`,
  },
  duplicateOption: {
    code: "QUAL208", severity: "error", title: "Choice listed twice in `one of`",
    format: (option: string) => `"${option}" is already a choice (choices are compared ignoring case)`,
  },
  unknownName: {
    code: "QUAL210", severity: "error", title: "Unknown name",
    format: (name: string) => `there is no field, const, let, criterion or score called ${q(name)}`,
  },
  unknownMember: {
    code: "QUAL211", severity: "error", title: "Unknown field in a record",
    format: (name: string, record: string) => `the record ${q(record)} has no field ${q(name)}`,
  },
  notARecord: {
    code: "QUAL212", severity: "error", title: "Dotted path on something that is not a record",
    format: (name: string, what: string, member: string) =>
      `${q(name)} is ${what}, not a record, so it has no field ${q(member)}`,
  },
  tierInExpression: {
    code: "QUAL213", severity: "error", title: "Tier used in an expression",
    format: (name: string) =>
      `${q(name)} is a tier; tiers cannot be used in expressions (they are decided after every score and criterion)`,
  },
  unknownFunction: {
    code: "QUAL214", severity: "error", title: "Unknown function",
    format: (name: string, known: string) => `there is no function ${q(name)}; the functions are ${known}`,
  },
  constNotConstant: {
    code: "QUAL215", severity: "error", title: "Const that is not known in advance",
    format: (what: string) =>
      `a const must be known before any lead is seen (literals, lists, arithmetic and other consts), but this uses ${what}; use \`let\` instead`,
  },
  setAsValue: {
    code: "QUAL216", severity: "error", title: "Set used as a value",
    format: (name: string) =>
      `${q(name)} is a set of yes/no items, not a value; use it by name after a quantifier: \`at least 2 of ${name}\`, \`all of ${name}\`, \`any of ${name}\`, \`none of ${name}\` or \`count of ${name}\``,
  },
  unknownElementField: {
    code: "QUAL217", severity: "error", title: "Unknown field of a list's elements",
    format: (name: string, list: string, alsoModel: boolean) =>
      alsoModel
        ? `the elements of ${q(list)} have no field ${q(name)}, and there is no field, const, let, criterion or score called ${q(name)}`
        : `the elements of ${q(list)} have no field ${q(name)}`,
  },
  unusedField: {
    code: "QUAL220", severity: "warning", title: "Unused input field",
    format: (name: string) => `the input field ${q(name)} is never used by any rule`,
  },
  unusedConst: {
    code: "QUAL221", severity: "warning", title: "Unused const",
    format: (name: string) => `the const ${q(name)} is never used`,
  },
  unusedSet: {
    code: "QUAL223", severity: "warning", title: "Unused set",
    format: (name: string) => `the set ${q(name)} is never used`,
  },
  unusedLet: {
    code: "QUAL222", severity: "warning", title: "Unused let",
    format: (name: string) => `the let ${q(name)} is never used`,
  },
  operandType: {
    code: "QUAL301", severity: "error", title: "Operator used on the wrong type",
    format: (subject: string, type: string, op: string, rule: string) =>
      `${subject} is ${type}, but ${q(op)} ${rule}`,
  },
  compareMismatch: {
    code: "QUAL302", severity: "error", title: "Comparing values of different types",
    format: (op: string, left: string, right: string) =>
      `${q(op)} compares values of the same type, but the left side is ${left} and the right side is ${right}`,
  },
  notAnOption: {
    code: "QUAL303", severity: "error", title: "Text that is not one of the choices",
    format: (value: string, subject: string, options: string) =>
      `"${value}" is not one of the choices of ${subject}: ${options}`,
  },
  listInList: {
    code: "QUAL304", severity: "error", title: "A list on the left of `in`",
    format: (subject: string) =>
      `${subject} is a list, and \`in\` asks whether one value is in a list; to ask whether a list holds a value, use \`contains\` (\`LIST contains VALUE\`)`,
  },
  inNeedsList: {
    code: "QUAL305", severity: "error", title: "`in` without a list on the right",
    format: (op: string, type: string) => `${q(op)} needs a list on its right, but this is ${type}`,
  },
  conditionNotBool: {
    code: "QUAL306", severity: "error", title: "Condition that is not yes/no",
    format: (where: string, type: string) => `${where} must be a yes/no (bool) expression, but this is ${type}`,
  },
  pointsNotNumber: {
    code: "QUAL307", severity: "error", title: "Points or score that is not a number",
    format: (where: string, type: string) => `${where} must be a number, but this is ${type}`,
  },
  branchMismatch: {
    code: "QUAL308", severity: "error", title: "`if` branches of different types",
    format: (thenType: string, elseType: string) =>
      `both branches of \`if\` must have the same type, but \`then\` is ${thenType} and \`else\` is ${elseType}`,
  },
  argumentCount: {
    code: "QUAL309", severity: "error", title: "Wrong number of arguments",
    format: (fn: string, expected: string, got: number) =>
      `${q(fn)} takes ${expected}, but ${got === 1 ? "1 was" : `${got} were`} given`,
  },
  argumentType: {
    code: "QUAL310", severity: "error", title: "Argument of the wrong type",
    format: (fn: string, position: string, expected: string, got: string) =>
      `the ${position} argument of ${q(fn)} must be ${expected}, but it is ${got}`,
  },
  quantifierItem: {
    code: "QUAL311", severity: "error", title: "Quantifier item that is not yes/no",
    format: (quantifier: string, type: string) =>
      `the items of \`${quantifier}\` are yes/no tests (criteria or conditions), but this is ${type}`,
  },
  mixedList: {
    code: "QUAL312", severity: "error", title: "List with items of different types",
    format: (first: string, other: string) => `the items of a list must share one type, but this list mixes ${first} and ${other}`,
  },
  invalidDate: {
    code: "QUAL313", severity: "error", title: "Impossible date",
    format: (date: string) => `${date} is not a real date; dates are written YYYY-MM-DD, such as 2026-01-31`,
  },
  defaultType: {
    code: "QUAL314", severity: "error", title: "Default of the wrong type",
    format: (field: string, expected: string, got: string) =>
      `the default of ${q(field)} must be ${expected}, but it is ${got}`,
  },
  defaultNotLiteral: {
    code: "QUAL315", severity: "error", title: "Default that is not a literal",
    format: (field: string) =>
      `the default of ${q(field)} must be written out as a literal value (a number, text, yes/no, date or list of them)`,
  },
  coalesceMismatch: {
    code: "QUAL316", severity: "error", title: "`??` with sides of different types",
    format: (left: string, right: string) =>
      `\`??\` gives its left side when present and its right side otherwise, so both must have the same type, but they are ${left} and ${right}`,
  },
  aggregateSource: {
    code: "QUAL317", severity: "error", title: "Aggregate over something that is not a list or a set",
    format: (aggregate: string, subject: string, type: string) =>
      `\`${aggregate} of\` goes over a list (a list field of the lead) or a named set, but ${subject} is ${type}`,
  },
  aggregateRecords: {
    code: "QUAL319", severity: "error", title: "Aggregate over records without a field",
    format: (aggregate: string, list: string, example: string) =>
      `the elements of ${q(list)} are records; say which field \`${aggregate} of\` should use: \`${aggregate} of ${example}\``,
  },
  aggregateValueType: {
    code: "QUAL320", severity: "error", title: "Aggregate over values of the wrong type",
    format: (aggregate: string, needs: string, subject: string, type: string) =>
      `\`${aggregate} of\` works on ${needs}, but ${subject} is ${type}`,
  },
  aggregateElementPath: {
    code: "QUAL321", severity: "error", title: "Yes/no or count aggregate over a field of the elements",
    format: (aggregate: string, list: string, field: string) =>
      `\`${aggregate} of\` looks at whole elements, so it goes over the list itself, not one of its fields: write \`${aggregate} of ${list}\`, with \`where\` to choose elements (\`${aggregate} of ${list} where ${field} is present\`)`,
  },
  whereNotRecords: {
    code: "QUAL322", severity: "error", title: "`where` on a list that is not of records",
    format: (list: string, type: string) =>
      `\`where\` picks elements by their fields, but ${q(list)} is ${type}, whose elements have no fields`,
  },
  setWithWhere: {
    code: "QUAL323", severity: "error", title: "`where` after a set",
    format: (name: string) =>
      `${q(name)} is a set of yes/no items, not a list, so it takes no \`where\`; write \`count of ${name}\` (or \`at least N\`, \`all\`, \`any\`, \`none\`), or list the items you mean: \`count of (a, b)\``,
  },
  setAggregate: {
    code: "QUAL324", severity: "error", title: "Set used with `sum`, `min`, `max`, `avg`, `latest` or `earliest`",
    format: (aggregate: string, name: string) =>
      `${q(name)} is a set of yes/no items, which \`${aggregate} of\` cannot combine; use it with \`at least N of ${name}\`, \`all of\`, \`any of\`, \`none of\` or \`count of\``,
  },
  patternsNotConstant: {
    code: "QUAL325", severity: "error", title: "`matches any of` with patterns not known in advance",
    format: (why: string) =>
      `the patterns of \`matches any of\` must be known when the model is compiled (a list of texts, or a const holding one), but ${why}`,
  },
  noPatterns: {
    code: "QUAL326", severity: "error", title: "`matches any of` an empty list",
    format: () => "`matches any of` needs at least one pattern; with none it could never be true",
  },
  constArithmetic: {
    code: "QUAL318", severity: "error", title: "Const that cannot be computed",
    format: (why: string) => `this const cannot be computed: ${why}`,
  },
  internalError: {
    code: "QUAL299", severity: "error", title: "Internal checker error",
    format: (detail: string) => `the checker failed unexpectedly (${detail}); this is a bug in qualify, please report it with the model`,
  },
  cycle: {
    code: "QUAL401", severity: "error", title: "Definitions that depend on themselves",
    format: (path: string) => `these definitions depend on each other in a circle: ${path}; break the circle so one of them can be computed first`,
  },
  missingOtherwise: {
    code: "QUAL402", severity: "error", title: "No `otherwise` tier",
    format: () => 'the tiers need a final catch-all tier such as `tier lead "Lead" otherwise`, so every lead gets a tier',
  },
  duplicateOtherwise: {
    code: "QUAL403", severity: "error", title: "More than one `otherwise` tier",
    format: (first: string) => `only one tier can be \`otherwise\`, and ${q(first)} already is`,
  },
  tierAfterOtherwise: {
    code: "QUAL404", severity: "error", title: "Tier after `otherwise`",
    format: (name: string, otherwise: string) =>
      `the tier ${q(name)} can never be reached: ${q(otherwise)} above it is \`otherwise\`, which must be the last tier`,
  },
  tierAfterTrue: {
    code: "QUAL405", severity: "warning", title: "Tier after a tier that always matches",
    format: (name: string, always: string) =>
      `the tier ${q(name)} can never be reached: the tier ${q(always)} above it has the condition \`true\``,
  },
  tierShadowed: {
    code: "QUAL412", severity: "warning", title: "Tier whose condition implies an earlier tier's",
    format: (name: string, earlier: string) =>
      `the tier ${q(name)} can never be chosen: whenever its condition is true, the condition of ${q(earlier)} above it is true too, and the first tier that matches wins; move ${q(name)} above ${q(earlier)} if it is the narrower one`,
  },
  neverTrue: {
    code: "QUAL413", severity: "warning", title: "Condition that can never be true",
    format: (what: string, why: string) => `${what} can never be true: ${why}`,
  },
  duplicateCondition: {
    code: "QUAL414", severity: "warning", title: "Same condition twice",
    format: (what: string, other: string) => `${what} has the same condition as ${other}`,
  },
  knockoutImplied: {
    code: "QUAL415", severity: "warning", title: "Knockout covered by another knockout",
    format: (reason: string, other: string) =>
      `the knockout "${reason}" never fires alone: whenever it does, "${other}" fires too; merge them or narrow one`,
  },
  atLeastNotConstant: {
    code: "QUAL406", severity: "error", title: "`at least N` with N not a whole number known in advance",
    format: (why: string) => `in \`at least N of (...)\`, N must be a whole number written in the model (or a const), but ${why}`,
  },
  atLeastRange: {
    code: "QUAL407", severity: "error", title: "`at least N` larger than the number of items",
    format: (n: number, count: number) =>
      `\`at least ${n} of\` can never be true: only ${count} item${count === 1 ? " is" : "s are"} listed`,
  },
  duplicateBound: {
    code: "QUAL408", severity: "error", title: "`min` or `max` given twice",
    format: (which: string) => `this score group already has a \`${which}\``,
  },
  boundsInverted: {
    code: "QUAL409", severity: "error", title: "`min` larger than `max`",
    format: (min: number, max: number) => `the score's \`min\` (${min}) is larger than its \`max\` (${max})`,
  },
  boundNotConstant: {
    code: "QUAL411", severity: "error", title: "`min` or `max` that is not a number known in advance",
    format: (which: string, why: string) =>
      `the \`${which}\` of a score group must be a number known when the model is compiled (a number, a const, or arithmetic on them), but ${why}`,
  },
  noTiers: {
    code: "QUAL410", severity: "error", title: "No tiers",
    format: () => 'the model has no tiers; add at least `tier lead "Lead" otherwise`',
  },
  invalidRegex: {
    code: "QUAL550", severity: "error", title: "Invalid regular expression",
    format: (detail: string) => `this is not a valid regular expression: ${detail}`,
  },
  unsupportedRegex: {
    code: "QUAL554", severity: "error", title: "Regular expression feature that cannot run in linear time",
    format: (part: string) =>
      `the pattern uses ${part}, which the linear-time regex engine cannot run (it matches any text in time proportional to its length, and backreferences and lookaround would break that). Rewrite the pattern without it, or test the parts separately with \`and\`/\`not\``,
  },
} as const satisfies Record<string, CatalogEntry>;

/** The id of a catalog entry. */
export type DiagnosticId = keyof typeof CATALOG;

/** The arguments a catalog entry's message takes. */
export type MessageArgs<K extends DiagnosticId> = Parameters<(typeof CATALOG)[K]["format"]>;

/** Formats the message of a catalog entry. */
export function formatMessage<K extends DiagnosticId>(id: K, args: MessageArgs<K>): string {
  const format = CATALOG[id].format as (...a: MessageArgs<K>) => string;
  return format(...args);
}
