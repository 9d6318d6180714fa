// ISO 8601 text for the UTC times that parseDeviceTime computes.

const MILLIS_PER_DAY = 86_400_000;

/**
 * Formats a UTC time as `Date.prototype.toISOString` does, without the
 * milliseconds unless `withMillis` is set. Writes the digits itself, because
 * toISOString costs more than all the rest of parseDeviceTime.
 */
export function isoOf(utcMillis: number, withMillis: boolean): string {
  const days = Math.floor(utcMillis / MILLIS_PER_DAY);
  const date = civilFromDays(days);
  if (date.year < 0 || date.year > 9999) {
    // toISOString writes such years with a sign and six digits.
    const iso = new Date(utcMillis).toISOString();
    return withMillis ? iso : `${iso.slice(0, -5)}Z`;
  }

  let rest = utcMillis - days * MILLIS_PER_DAY;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millis = rest - second * 1000;

  const time = `${twoDigits(hour)}:${twoDigits(minute)}:${twoDigits(second)}`;
  const day = `${String(date.year).padStart(4, '0')}-${twoDigits(date.month)}-${twoDigits(date.day)}`;
  return withMillis ? `${day}T${time}.${String(millis).padStart(3, '0')}Z` : `${day}T${time}Z`;
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/**
 * Converts days since 1970-01-01 to a proleptic Gregorian date (`month` 1 to
 * 12), with Howard Hinnant's `civil_from_days` algorithm.
 */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}
