import { CstParser } from "#chevrotain";
import type { CstNode } from "chevrotain";
import * as T from "../lexer/tokens.js";
import { friendlyMessages } from "./error-messages.js";

/**
 * The Qual grammar as a chevrotain CstParser. The grammar carries no actions:
 * it builds a concrete syntax tree that cst-to-ast.ts turns into the AST.
 * Rules are class fields, so a misspelled rule is a compile error. Build one
 * instance and reuse it by setting `input` (self-analysis runs once, in the
 * constructor).
 *
 * Precedence, loosest first, one rule per level: or, and, not, comparisons
 * (non-associative), ??, + -, * /, unary - +, primaries.
 */
export class QualParser extends CstParser {
  constructor() {
    super(T.allTokens as never[], {
      recoveryEnabled: true,
      nodeLocationTracking: "full",
      // LL(2): `all of` / `all`, `count of` / `count(`, `not in` / `not` decide on the second token.
      maxLookahead: 2,
      errorMessageProvider: friendlyMessages,
    });
    this.performSelfAnalysis();
  }

  /** A whole model: the `model` line, the `input` block and the declarations. */
  model = this.RULE("model", () => {
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  /** Any top-level form; order and uniqueness of `model` and `input` are checked after parsing. */
  declaration = this.RULE("declaration", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.modelHeader) },
      { ALT: () => this.SUBRULE(this.inputBlock) },
      { ALT: () => this.SUBRULE(this.setDecl) },
      { ALT: () => this.SUBRULE(this.constDecl) },
      { ALT: () => this.SUBRULE(this.letDecl) },
      { ALT: () => this.SUBRULE(this.criterionDecl) },
      { ALT: () => this.SUBRULE(this.scoreDecl) },
      { ALT: () => this.SUBRULE(this.disqualifyDecl) },
      { ALT: () => this.SUBRULE(this.tierDecl) },
    ]);
  });

  /** `model ID "Title"` */
  modelHeader = this.RULE("modelHeader", () => {
    this.CONSUME(T.Model);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
  });

  /** `input { FIELD... }` */
  inputBlock = this.RULE("inputBlock", () => {
    this.CONSUME(T.Input);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.field));
    this.CONSUME(T.RCurly);
  });

  /** `name: TYPE [?] [= LITERAL] ["doc"]` */
  field = this.RULE("field", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
    this.OPTION(() => this.CONSUME(T.Question));
    this.OPTION2(() => {
      this.CONSUME(T.Equals);
      this.SUBRULE(this.literalValue);
    });
    this.OPTION3(() => this.CONSUME2(T.StringLiteral, { LABEL: "doc" }));
  });

  /** `number`, `text`, `bool`, `date`, `list of T`, `one of ("a", ...)`, `{ FIELD... }` */
  typeExpr = this.RULE("typeExpr", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberType, { LABEL: "primitive" }) },
      { ALT: () => this.CONSUME(T.TextType, { LABEL: "primitive" }) },
      { ALT: () => this.CONSUME(T.BoolType, { LABEL: "primitive" }) },
      { ALT: () => this.CONSUME(T.DateType, { LABEL: "primitive" }) },
      {
        ALT: () => {
          this.CONSUME(T.List);
          this.CONSUME(T.Of);
          this.SUBRULE(this.typeExpr);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.One);
          this.CONSUME2(T.Of);
          this.CONSUME(T.LParen);
          // A bare name is read as the text it stands for (`one of (low, high)`), and reported:
          // the choices are still known, so the checker has no empty choice list to complain about.
          this.AT_LEAST_ONE_SEP({
            SEP: T.Comma,
            DEF: () => this.OR8([{ ALT: () => this.CONSUME(T.StringLiteral) }, { ALT: () => this.CONSUME(T.Identifier, { LABEL: "unquoted" }) }]),
          });
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LCurly);
          this.MANY(() => this.SUBRULE(this.field));
          this.CONSUME(T.RCurly);
        },
      },
    ]);
  });

  /**
   * A field default: a number (signed), text, true/false, a date or a list of
   * these. A bare name (`= software`) is read so that cst-to-ast.ts can say
   * what to write instead; it is never a name when a `:` follows (the next
   * field, after a missing default).
   */
  literalValue = this.RULE("literalValue", () => {
    this.OR([
      { GATE: () => this.LA(2).tokenType !== T.Colon, ALT: () => this.CONSUME(T.Identifier, { LABEL: "unquoted" }) },
      {
        ALT: () => {
          this.OPTION(() => this.OR2([{ ALT: () => this.CONSUME(T.Minus, { LABEL: "sign" }) }, { ALT: () => this.CONSUME(T.Plus, { LABEL: "sign" }) }]));
          this.CONSUME(T.NumberLiteral);
        },
      },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.DateLiteral) },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.literalValue) });
          this.CONSUME(T.RBracket);
        },
      },
    ]);
  });

  /** `set ID "Label" = (ITEM, ...)`: a named list of yes/no items. */
  setDecl = this.RULE("setDecl", () => {
    this.CONSUME(T.SetWord);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.Equals);
    this.SUBRULE(this.argumentList);
  });

  /** `const ID = EXPR` */
  constDecl = this.RULE("constDecl", () => {
    this.CONSUME(T.Const);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  /** `let ID = EXPR` */
  letDecl = this.RULE("letDecl", () => {
    this.CONSUME(T.Let);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  /** `criterion ID "Label" = BOOL` */
  criterionDecl = this.RULE("criterionDecl", () => {
    this.CONSUME(T.Criterion);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  /** `score ID "Label" = NUMBER` or `score ID "Label" [min N] [max N] { RULE... }` */
  scoreDecl = this.RULE("scoreDecl", () => {
    this.CONSUME(T.Score);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Equals);
          this.SUBRULE(this.expression);
        },
      },
      {
        ALT: () => {
          this.MANY(() => this.SUBRULE(this.bound));
          this.CONSUME(T.LCurly);
          this.MANY2(() => this.SUBRULE(this.scoreRule));
          this.CONSUME(T.RCurly);
        },
      },
    ]);
  });

  /**
   * `min N` or `max N`, N a number known at compile time: `60`, `-10`,
   * `fit_cap`, `fit_cap + 5`. An additive expression, so `max 60 min 0 {`
   * ends the first bound at `min` (a name never follows an operand).
   */
  bound = this.RULE("bound", () => {
    this.OR([{ ALT: () => this.CONSUME(T.Min, { LABEL: "which" }) }, { ALT: () => this.CONSUME(T.Max, { LABEL: "which" }) }]);
    this.SUBRULE(this.additive, { LABEL: "value" });
  });

  /** `"Label": POINTS [when BOOL]` */
  scoreRule = this.RULE("scoreRule", () => {
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression, { LABEL: "points" });
    this.OPTION(() => {
      this.CONSUME(T.When);
      this.SUBRULE2(this.expression, { LABEL: "when" });
    });
  });

  /** `disqualify "Reason" when BOOL` */
  disqualifyDecl = this.RULE("disqualifyDecl", () => {
    this.CONSUME(T.Disqualify);
    this.CONSUME(T.StringLiteral);
    this.CONSUME(T.When);
    this.SUBRULE(this.expression);
  });

  /** `tier ID "Label" when BOOL` or `tier ID "Label" otherwise` */
  tierDecl = this.RULE("tierDecl", () => {
    this.CONSUME(T.Tier);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLiteral));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.When);
          this.SUBRULE(this.expression);
        },
      },
      { ALT: () => this.CONSUME(T.Otherwise) },
    ]);
  });

  /** Any expression. */
  expression = this.RULE("expression", () => {
    this.SUBRULE(this.orExpr);
  });

  orExpr = this.RULE("orExpr", () => {
    this.SUBRULE(this.andExpr, { LABEL: "operands" });
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpr, { LABEL: "operands" });
    });
  });

  andExpr = this.RULE("andExpr", () => {
    this.SUBRULE(this.notExpr, { LABEL: "operands" });
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpr, { LABEL: "operands" });
    });
  });

  notExpr = this.RULE("notExpr", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  /** A comparison or test; at most one per operand (they do not chain). */
  comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.coalesceExpr, { LABEL: "left" });
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.OR2([
              { ALT: () => this.CONSUME(T.Equals, { LABEL: "op" }) },
              { ALT: () => this.CONSUME(T.NotEquals, { LABEL: "op" }) },
              { ALT: () => this.CONSUME(T.Less, { LABEL: "op" }) },
              { ALT: () => this.CONSUME(T.LessEquals, { LABEL: "op" }) },
              { ALT: () => this.CONSUME(T.Greater, { LABEL: "op" }) },
              { ALT: () => this.CONSUME(T.GreaterEquals, { LABEL: "op" }) },
              { ALT: () => this.CONSUME(T.In, { LABEL: "op" }) },
              {
                ALT: () => {
                  this.CONSUME(T.Contains, { LABEL: "op" });
                  this.OPTION2({ GATE: this.anyOfList, DEF: () => this.anyOf(1) });
                },
              },
              {
                ALT: () => {
                  this.CONSUME(T.Not, { LABEL: "op" });
                  this.CONSUME2(T.In, { LABEL: "op" });
                },
              },
              {
                ALT: () => {
                  this.CONSUME(T.Starts, { LABEL: "op" });
                  this.CONSUME(T.With, { LABEL: "op" });
                  this.OPTION3({ GATE: this.anyOfList, DEF: () => this.anyOf(2) });
                },
              },
              {
                ALT: () => {
                  this.CONSUME(T.Ends, { LABEL: "op" });
                  this.CONSUME2(T.With, { LABEL: "op" });
                  this.OPTION4({ GATE: this.anyOfList, DEF: () => this.anyOf(3) });
                },
              },
            ]);
            this.SUBRULE2(this.coalesceExpr, { LABEL: "right" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Between);
            this.SUBRULE3(this.coalesceExpr, { LABEL: "low" });
            this.CONSUME(T.And);
            this.SUBRULE4(this.coalesceExpr, { LABEL: "high" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Matches);
            this.OR4([
              { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: "pattern" }) },
              {
                ALT: () => {
                  this.CONSUME4(T.Any);
                  this.CONSUME4(T.Of);
                  this.OR5([
                    { ALT: () => this.SUBRULE(this.listLiteral, { LABEL: "anyOf" }) },
                    { ALT: () => this.SUBRULE(this.namePath, { LABEL: "anyOf" }) },
                  ]);
                },
              },
            ]);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Is);
            this.OR3([
              { ALT: () => this.CONSUME(T.Missing, { LABEL: "test" }) },
              { ALT: () => this.CONSUME(T.Present, { LABEL: "test" }) },
            ]);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Within);
            this.SUBRULE5(this.coalesceExpr, { LABEL: "days" });
            this.CONSUME(T.Days);
          },
        },
      ]);
    });
  });

  /**
   * `any of` after `contains`, `starts with` or `ends with` makes the "any of"
   * test, unless a `(` follows: `any of (...)` is the quantifier, as everywhere.
   */
  private readonly anyOfList = (): boolean => this.LA(3).tokenType !== T.LParen;

  /** Consumes `any of` as part of the operator (`idx` keeps chevrotain's occurrences apart). */
  private anyOf(idx: 1 | 2 | 3): void {
    if (idx === 1) {
      this.CONSUME(T.Any, { LABEL: "op" });
      this.CONSUME(T.Of, { LABEL: "op" });
    } else if (idx === 2) {
      this.CONSUME2(T.Any, { LABEL: "op" });
      this.CONSUME2(T.Of, { LABEL: "op" });
    } else {
      this.CONSUME3(T.Any, { LABEL: "op" });
      this.CONSUME3(T.Of, { LABEL: "op" });
    }
  }

  coalesceExpr = this.RULE("coalesceExpr", () => {
    this.SUBRULE(this.additive, { LABEL: "operands" });
    this.MANY(() => {
      this.CONSUME(T.Coalesce, { LABEL: "op" });
      this.SUBRULE2(this.additive, { LABEL: "operands" });
    });
  });

  additive = this.RULE("additive", () => {
    this.SUBRULE(this.multiplicative, { LABEL: "operands" });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus, { LABEL: "op" }) }, { ALT: () => this.CONSUME(T.Minus, { LABEL: "op" }) }]);
      this.SUBRULE2(this.multiplicative, { LABEL: "operands" });
    });
  });

  multiplicative = this.RULE("multiplicative", () => {
    this.SUBRULE(this.unary, { LABEL: "operands" });
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Star, { LABEL: "op" }) }, { ALT: () => this.CONSUME(T.Slash, { LABEL: "op" }) }]);
      this.SUBRULE2(this.unary, { LABEL: "operands" });
    });
  });

  unary = this.RULE("unary", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Minus, { LABEL: "op" }) }, { ALT: () => this.CONSUME(T.Plus, { LABEL: "op" }) }]);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  /**
   * Literals, names, calls and bracketed forms. The quantifiers come before
   * names: `all`, `count`... are names too, and the first alternative whose
   * lookahead matches wins, so `count of (` is a quantifier and `count(` a call.
   */
  primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.DateLiteral) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.SUBRULE(this.listLiteral) },
      { ALT: () => this.SUBRULE(this.parenExpr) },
      { ALT: () => this.SUBRULE(this.ifExpr) },
      { ALT: () => this.SUBRULE(this.quantifier) },
      // `min of (` is no aggregate (those take a list name): `at least min of (a, b)` keeps
      // reading `min` as the name it was in Qual 1.
      { GATE: () => this.LA(3).tokenType !== T.LParen, ALT: () => this.SUBRULE(this.aggregate) },
      { ALT: () => this.SUBRULE(this.nameOrCall) },
    ]);
  });

  listLiteral = this.RULE("listLiteral", () => {
    this.CONSUME(T.LBracket);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: "items" }) });
    this.CONSUME(T.RBracket);
  });

  parenExpr = this.RULE("parenExpr", () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });

  /** `if C then A else B`; the else branch is a whole expression, so it extends as far as possible. */
  ifExpr = this.RULE("ifExpr", () => {
    this.CONSUME(T.If);
    this.SUBRULE(this.expression, { LABEL: "condition" });
    this.CONSUME(T.Then);
    this.SUBRULE2(this.expression, { LABEL: "then" });
    this.CONSUME(T.Else);
    this.SUBRULE3(this.expression, { LABEL: "else" });
  });

  /**
   * `at least N of`, `all of`, `any of`, `none of`, `count of`, followed by
   * items in parentheses (`count of (a, b)`, the Qual 1 quantifier) or by a
   * list or set (`count of activities where ...`, an aggregate). One rule for
   * both, because `at least N` may be any length before the `of` that decides.
   */
  quantifier = this.RULE("quantifier", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.At, { LABEL: "kind" });
          this.CONSUME(T.Least);
          this.SUBRULE(this.additive, { LABEL: "n" });
        },
      },
      { ALT: () => this.CONSUME(T.All, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.Any, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.None, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.Count, { LABEL: "kind" }) },
    ]);
    this.CONSUME(T.Of);
    this.OR2([{ ALT: () => this.SUBRULE(this.argumentList) }, { ALT: () => this.SUBRULE(this.listAggregate) }]);
  });

  /** `sum of`, `avg of`, `min of`, `max of`, `latest of`, `earliest of` a list (`sum of deals.amount where ...`). */
  aggregate = this.RULE("aggregate", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Sum, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.Avg, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.Min, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.Max, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.Latest, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.Earliest, { LABEL: "kind" }) },
    ]);
    this.CONSUME(T.Of);
    this.SUBRULE(this.listAggregate);
  });

  /** What an aggregate's `of` takes: `SOURCE [where EXPR]`; the `where` is a whole expression, extending as far as possible. */
  listAggregate = this.RULE("listAggregate", () => {
    this.SUBRULE(this.namePath, { LABEL: "source" });
    this.OPTION(() => {
      this.CONSUME(T.Where);
      this.SUBRULE(this.expression, { LABEL: "where" });
    });
  });

  /** A name or dotted path, nothing else: an aggregate's source, the list of `matches any of`. */
  namePath = this.RULE("namePath", () => {
    this.CONSUME(T.Identifier, { LABEL: "parts" });
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Identifier, { LABEL: "parts" });
    });
  });

  /** A name, a dotted path, or a call `f(a, b)`. */
  nameOrCall = this.RULE("nameOrCall", () => {
    this.CONSUME(T.Identifier, { LABEL: "parts" });
    this.OR([
      { ALT: () => this.SUBRULE(this.argumentList) },
      {
        ALT: () => {
          this.MANY(() => {
            this.CONSUME(T.Dot);
            this.CONSUME2(T.Identifier, { LABEL: "parts" });
          });
        },
      },
    ]);
  });

  /** `( a, b, ... )` after a call's name, a quantifier's `of` or a set's `=`. */
  argumentList = this.RULE("argumentList", () => {
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: "items" }) });
    this.CONSUME(T.RParen);
  });
}

/** The rules that can start parsing: `model` for a file, the others for parts of one. */
export type EntryRule = "model" | "declaration" | "scoreRule" | "expression";

/** The one shared parser instance (self-analysis is costly, so it runs once). */
export const qualParser = new QualParser();

/** Runs an entry rule on the tokens set as `qualParser.input`. */
export function runRule(rule: EntryRule): CstNode {
  return qualParser[rule]();
}
