import { daysFromCivil } from "@qualify/ir";

/** Milliseconds in a day: `days_since` and `within` measure in these. */
export const MS_PER_DAY = 86_400_000;

const DATE_ONLY = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
// The time part mirrors RFC 3339 (and ajv-formats' `date-time`), except that the
// zone may be left out: a timestamp without a zone is UTC.
const TIME = /^(\d\d):(\d\d):(\d\d)(\.\d+)?(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
// RFC 3339 allows `T`, `t` or a space between date and time; ajv-formats accepts any whitespace.
const DATE_TIME_SEPARATOR = /t|\s/i;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True in a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export { daysFromCivil };

function dateOnlyToDays(text: string): number | undefined {
  const m = DATE_ONLY.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const last = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month] ?? 0);
  if (day > last) return undefined;
  return daysFromCivil(year, month, day);
}

function timeToMs(text: string): number | undefined {
  const m = TIME.exec(text);
  if (m === null) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = Number(m[3]);
  const fraction = m[4] === undefined ? 0 : Math.floor(Number(`0${m[4]}`) * 1000);
  const sign = m[6] === "-" ? -1 : 1;
  const zoneHours = Number(m[7] ?? 0);
  const zoneMinutes = Number(m[8] ?? 0);
  if (zoneHours > 23 || zoneMinutes > 59) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  if (second === 60) {
    // A leap second is only ever 23:59:60 UTC; it reads as the next midnight.
    const utcMinute = minute - zoneMinutes * sign;
    const utcHour = hour - zoneHours * sign - (utcMinute < 0 ? 1 : 0);
    if (!((utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1))) return undefined;
  }
  const offset = sign * (zoneHours * 60 + zoneMinutes) * 60_000;
  return ((hour * 60 + minute) * 60 + second) * 1000 + fraction - offset;
}

/**
 * Parses a Qual date: `YYYY-MM-DD` (midnight UTC) or an ISO-8601 timestamp
 * (a timestamp without a zone is UTC). Returns epoch milliseconds, or
 * `undefined` for anything else, including impossible dates (`2026-02-30`).
 */
export function parseDateText(text: string): number | undefined {
  if (text.length === 10) {
    const days = dateOnlyToDays(text);
    return days === undefined ? undefined : days * MS_PER_DAY;
  }
  const parts = text.split(DATE_TIME_SEPARATOR);
  if (parts.length !== 2) return undefined;
  const days = dateOnlyToDays(parts[0] ?? "");
  if (days === undefined) return undefined;
  const ms = timeToMs(parts[1] ?? "");
  if (ms === undefined) return undefined;
  return days * MS_PER_DAY + ms;
}

/**
 * A lead's date value as epoch milliseconds: a date string as above or a
 * valid `Date` object; `undefined` for anything else.
 */
export function toEpochMs(value: unknown): number | undefined {
  if (typeof value === "string") return parseDateText(value);
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? ms : undefined;
  }
  return undefined;
}
