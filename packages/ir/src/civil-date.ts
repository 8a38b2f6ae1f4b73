/**
 * Days from 1970-01-01 to a proleptic Gregorian date, by plain arithmetic
 * (Howard Hinnant's `days_from_civil`): `Date.UTC` maps years 0-99 to 19xx.
 * Shared by the closures' date runtime and the SQL back end's date literals,
 * so both count days the same way.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
