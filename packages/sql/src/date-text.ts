import { daysFromCivil } from "@qualify/ir";
import type { Dialect } from "./dialect.js";

/**
 * Qual dates in SQL. A date value is epoch milliseconds (a double), as in the
 * closures. Input dates are read from their text: `YYYY-MM-DD` (midnight UTC)
 * or an ISO-8601 timestamp whose zone may be left out (then it is UTC), the
 * same grammar and checks as the closures' `parseDateText`; DATE and
 * TIMESTAMP columns are read through their text, which has that form. The
 * day number is computed by arithmetic (Howard Hinnant's `days_from_civil`)
 * rather than by the engine's date type, so impossible dates give NULL in
 * every engine instead of an error in some.
 */

const DAY_MS = 86_400_000;

/** Epoch milliseconds of an IR date literal (`YYYY-MM-DD`). */
export function dateLiteralMs(text: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
  if (m === null) throw new RangeError(`The date literal ${JSON.stringify(text)} is not YYYY-MM-DD.`);
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) * DAY_MS;
}


/**
 * The date grammar. Groups: 1 year, 2 month, 3 day, 4 hour, 5 minute,
 * 6 second, 7 fraction, 8 `Z`, 9 zone sign, 10 zone hours, 11 zone minutes.
 * The separator is `T`, `t` or white space, as the closures split on.
 */
export const DATE_PATTERN =
  "^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt \t\n\u000b\f\r]([0-9]{2}):([0-9]{2}):([0-9]{2})(\\.[0-9]+)?(?:([Zz])|([+-])([0-9]{2})(?::?([0-9]{2}))?)?)?$";

/** SQL giving the epoch milliseconds of a date text, NULL for anything that is not a valid Qual date. */
export function dateTextToMs(d: Dialect, text: string, name: string): string {
  const g = (i: number): string => d.capture(name, i);
  const n = (i: number): string => `CAST(${g(i)} AS ${d.double})`;
  const zero = (i: number): string => `coalesce(${n(i)}, 0)`;
  const [y, mo, day, h, mi, s] = [n(1), n(2), n(3), zero(4), zero(5), zero(6)];
  const mod = (x: string, k: number): string => `(${x} - ${k} * floor(${x} / ${k}))`;
  const leap = `(${mod(y, 4)} = 0 AND (${mod(y, 100)} <> 0 OR ${mod(y, 400)} = 0))`;
  const lastDay = `CASE WHEN ${mo} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END WHEN ${mo} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
  const sign = `CASE WHEN ${g(9)} = '-' THEN -1 ELSE 1 END`;
  const zh = zero(10);
  const zm = zero(11);
  // A leap second is only ever 23:59:60 UTC.
  const utcMinute = `(${mi} - ${zm} * ${sign})`;
  const utcHour = `(${h} - ${zh} * ${sign} - CASE WHEN ${utcMinute} < 0 THEN 1 ELSE 0 END)`;
  const leapSecondOk = `(${s} < 60 OR (${utcHour} IN (23, -1) AND ${utcMinute} IN (59, -1)))`;
  const valid = [
    `${g(1)} IS NOT NULL`,
    `${mo} BETWEEN 1 AND 12`,
    `${day} >= 1`,
    `${day} <= ${lastDay}`,
    `${h} <= 23`,
    `${mi} <= 59`,
    `${s} <= 60`,
    `${zh} <= 23`,
    `${zm} <= 59`,
    leapSecondOk,
  ].join(" AND ");
  const yy = `(${y} - CASE WHEN ${mo} <= 2 THEN 1 ELSE 0 END)`;
  const era = `floor(${yy} / 400)`;
  const yoe = `(${yy} - ${era} * 400)`;
  const doy = `(floor((153 * (${mo} + CASE WHEN ${mo} > 2 THEN -3 ELSE 9 END) + 2) / 5) + ${day} - 1)`;
  const doe = `(${yoe} * 365 + floor(${yoe} / 4) - floor(${yoe} / 100) + ${doy})`;
  const days = `(${era} * 146097 + ${doe} - 719468)`;
  const fraction = `coalesce(floor(CAST('0' || ${g(7)} AS ${d.double}) * 1000), 0)`;
  const offset = `(${sign} * (${zh} * 60 + ${zm}) * 60000)`;
  const ms = `(${days} * ${DAY_MS} + (((${h} * 60 + ${mi}) * 60 + ${s}) * 1000 + ${fraction} - ${offset}))`;
  const body = `CASE WHEN ${valid} THEN ${ms} END`;
  return d.letIn(d.captures(d.asText(text), DATE_PATTERN, 11), name, body);
}
