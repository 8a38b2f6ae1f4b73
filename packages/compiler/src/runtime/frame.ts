/**
 * A runtime value. Dates are epoch milliseconds (numbers), lists are arrays,
 * a nested record is its object, and `null` is unknown.
 */
export type Value = number | string | boolean | readonly Value[] | object | null;

/**
 * The per-evaluation state that every closure reads: one slot per input
 * field path, let, criterion and score, and the evaluation time. A compiled
 * model keeps one frame and reuses it, so the fast path allocates nothing
 * but its result.
 */
export class Frame {
  readonly values: Value[];
  /** The evaluation time, epoch milliseconds. */
  now = 0;
  /** Set by the lead reader when any declared field failed validation. */
  invalid = false;
  /**
   * The list element an aggregate (`count of activities where ...`) is
   * visiting; `element` expressions read it. Each aggregate restores the
   * outer one when it is done, so nested aggregates see their own.
   */
  element: Value = null;
  /** The dotted path of the list being visited (`activities`), for `missing`; set only while explaining. */
  elementPath = "";
  /**
   * Where an explanation writes why an operation had no value although its
   * operands had (a division by zero); set only while explaining.
   */
  causes: string[] | null = null;
  /** The case of the model's derived table (derived-table.ts) this lead falls in. */
  tableCase = 0;
  /** The raw values of the lead's top-level declared fields, as the reader found them. */
  readonly raws: unknown[];

  constructor(size: number, fieldCount = 0) {
    const raws: unknown[] = [];
    for (let i = 0; i < fieldCount; i++) raws.push(undefined);
    this.raws = raws;
    // Filled by push so the array is packed (no holes): reads then skip hole checks.
    const values: Value[] = [];
    for (let i = 0; i < size; i++) values.push(null);
    this.values = values;
  }
}

/** A compiled expression: reads the frame, returns a value or `null` (unknown). */
export type Closure = (frame: Frame) => Value;

/**
 * Writes the names of the input fields whose absence made an (unknown)
 * expression unknown into `out`, in first-seen order without duplicates.
 */
export type Explain = (frame: Frame, out: string[]) => void;

/** Records why an expression is unknown although its operands are not, while explaining. */
export function addCause(frame: Frame, cause: string): void {
  if (frame.causes !== null && !frame.causes.includes(cause)) frame.causes.push(cause);
}

/** Appends `item` to `out` unless it is already there. */
export function addMissing(out: string[], item: string): void {
  if (!out.includes(item)) out.push(item);
}
