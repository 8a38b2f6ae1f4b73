import { parseDateText } from "./runtime/dates.js";

/** Per-call options of `score` and `evaluate`. */
export interface EvaluateOptions {
  /** Evaluation time; default: the clock at call time. A number is epoch ms, a string an ISO date or timestamp. */
  now?: Date | number | string;
  /** Default true: an invalid lead throws `InvalidLeadError`. When false, a wrong value reads as unknown. */
  validate?: boolean;
}

/** Size limits on lead values; longer strings and lists are invalid. */
export interface LeadLimits {
  /** The most code points a text value may have. */
  maxStringLength: number;
  /** The most items a list value may have. */
  maxListLength: number;
}

/** Options of `compile`. Unknown keys are an error, so a misspelt option never goes unnoticed. */
export interface CompileOptions {
  limits?: Partial<LeadLimits>;
}

/** The limits used when `compile` is given none. */
export const DEFAULT_LIMITS: Readonly<LeadLimits> = Object.freeze({ maxStringLength: 100_000, maxListLength: 10_000 });

/** No limits: for the model's own values (defaults), which the limits do not guard against. */
export const UNLIMITED: Readonly<LeadLimits> = Object.freeze({ maxStringLength: Number.MAX_SAFE_INTEGER, maxListLength: Number.MAX_SAFE_INTEGER });

const COMPILE_OPTION_KEYS: ReadonlySet<string> = new Set(["limits"]);
const LIMIT_KEYS: ReadonlySet<string> = new Set(["maxStringLength", "maxListLength"]);

/**
 * Checks `compile`'s options and returns the frozen limits to use.
 * @throws TypeError on an unknown key or a limit that is not a positive whole number.
 */
export function resolveLimits(options: CompileOptions | undefined): Readonly<LeadLimits> {
  if (options === undefined) return DEFAULT_LIMITS;
  if (typeof options !== "object" || options === null) throw new TypeError("compile options must be an object.");
  for (const key of Object.keys(options)) {
    if (!COMPILE_OPTION_KEYS.has(key)) throw new TypeError(`Unknown compile option "${key}"; the known option is "limits".`);
  }
  const limits = options.limits;
  if (limits === undefined) return DEFAULT_LIMITS;
  if (typeof limits !== "object" || limits === null) throw new TypeError("compile option \"limits\" must be an object.");
  for (const key of Object.keys(limits)) {
    if (!LIMIT_KEYS.has(key)) {
      throw new TypeError(`Unknown limit "${key}"; the known limits are "maxStringLength" and "maxListLength".`);
    }
  }
  const resolved = { ...DEFAULT_LIMITS };
  for (const key of ["maxStringLength", "maxListLength"] as const) {
    const value = limits[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new TypeError(`Limit "${key}" must be a whole number of at least 0, but is ${String(value)}.`);
    }
    resolved[key] = value;
  }
  return Object.freeze(resolved);
}

/**
 * The evaluation time as epoch ms. The clock is read only when `now` is not given.
 * @throws RangeError when `now` is not a valid time.
 */
export function resolveNow(now: EvaluateOptions["now"]): number {
  if (now === undefined) return Date.now();
  if (typeof now === "number") {
    if (Number.isFinite(now)) return now;
  } else if (typeof now === "string") {
    const ms = parseDateText(now);
    if (ms !== undefined) return ms;
  } else if (now instanceof Date) {
    const ms = now.getTime();
    if (Number.isFinite(ms)) return ms;
  }
  throw new RangeError(
    `The evaluation time "now" must be a Date, epoch milliseconds or an ISO date/timestamp, but is ${String(now)}.`,
  );
}

/**
 * `resolveNow` with the last text remembered: services pass the same `now`
 * string on every call, and parsing it each time cost more than scoring a
 * small model. Numbers and Dates are cheap to read and are not cached (a
 * Date can be changed in place). Each compiled model has its own, so two
 * models called in turn do not evict each other's value.
 */
export function cachedNowResolver(): (now: EvaluateOptions["now"]) => number {
  let lastText: string | undefined;
  let lastMs = 0;
  return (now) => {
    if (typeof now === "string") {
      if (now === lastText) return lastMs;
      const ms = resolveNow(now);
      lastText = now;
      lastMs = ms;
      return ms;
    }
    if (typeof now === "number" && Number.isFinite(now)) return now;
    return resolveNow(now);
  };
}
