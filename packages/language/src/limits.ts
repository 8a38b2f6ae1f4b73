/**
 * Bounds on the size and shape of a model, so that hostile or broken input
 * yields a QUAL5xx diagnostic instead of a stack overflow, a hang or a
 * runaway memory use. Every limit is generous for real models: a
 * 10,000-rule model is about 600 KB and stays far below each of them.
 */
export interface Limits {
  /** Characters of source text. */
  maxSourceLength: number;
  /** Nesting of brackets, `not`, unary signs and `if` in one expression. */
  maxNestingDepth: number;
  /** Declarations plus input fields plus score rules. */
  maxDeclarations: number;
  /** Items in one list literal (and arguments of one call or quantifier). */
  maxListItems: number;
  /**
   * Binary operators in one expression at one bracket level (`a or b or ...`).
   * A long chain builds a deep left-leaning tree, which every later
   * recursive pass (checker, compiler, printer) would walk.
   */
  maxOperators: number;
}

/** The limits used when none are given. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxSourceLength: 5_000_000,
  maxNestingDepth: 64,
  maxDeclarations: 100_000,
  maxListItems: 10_000,
  maxOperators: 1_000,
});

/**
 * Fills in defaults for the limits given.
 * @throws TypeError for an unknown limit or a value that is not a positive
 * whole number: a programming error in the caller, not a problem of the model.
 */
export function resolveLimits(given: Partial<Limits> | undefined): Readonly<Limits> {
  if (given === undefined) return DEFAULT_LIMITS;
  const known = Object.keys(DEFAULT_LIMITS);
  for (const [key, value] of Object.entries(given)) {
    if (!known.includes(key)) throw new TypeError(`Unknown limit \`${key}\`; known limits: ${known.join(", ")}`);
    if (value !== undefined && (!Number.isInteger(value) || (value as number) <= 0)) {
      throw new TypeError(`Limit \`${key}\` must be a positive whole number, got ${String(value)}`);
    }
  }
  const defined = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  return Object.freeze({ ...DEFAULT_LIMITS, ...defined });
}
