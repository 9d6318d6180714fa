// Time stamps as IOS XE prints them in Smart Licensing output, the licence
// event log and system messages.

import type { DeviceTime } from '../../model/facts.js';

// Offsets in minutes east of UTC for the zone names seen in Smart Licensing
// output. IST is India Standard Time, the only IST that IOS XE captures use.
const ZONE_OFFSET_MINUTES: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  PDT: -7 * 60,
  PST: -8 * 60,
  EDT: -4 * 60,
  EST: -5 * 60,
  CDT: -5 * 60,
  CST: -6 * 60,
  MDT: -6 * 60,
  MST: -7 * 60,
  CET: 60,
  CEST: 2 * 60,
  IST: 5 * 60 + 30,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// `Mar 13 21:32:51 2024 UTC`, optionally after a weekday (`Tue Mar 13 ...`) and
// with a single-digit day (`Sep 1`): the Smart Licensing status form.
const MONTH_DAY_TIME_YEAR =
  /^(?:[A-Za-z]{3}\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})(?:\s+([A-Za-z]{2,5}))?$/;

// `Nov 19 2021 14:54:55.045 UTC`: system messages under `service timestamps
// log datetime msec year`.
const MONTH_DAY_YEAR_TIME =
  /^([A-Za-z]{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:\s+([A-Za-z]{2,5}))?$/;

// `2021-11-17 03:31:32.920 UTC`: `show license eventlog`.
const YEAR_MONTH_DAY_TIME = /^(\d{4})-(\d{2})-(\d{2})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:\s+([A-Za-z]{2,5}))?$/;

interface TimeFields {
  year: string;
  /** 0 for January. */
  month: number;
  day: string;
  hour: string;
  minute: string;
  second: string;
  /** Digits after the decimal point of the seconds; undefined when not printed. */
  fraction: string | undefined;
  zone: string | undefined;
}

/**
 * Parses a device time stamp in one of three forms: `Mar 13 21:32:51 2024 UTC`
 * (optionally after a weekday), `Nov 19 2021 14:54:55.045 UTC` and
 * `2021-11-17 03:31:32.920 UTC`. Returns null when the text is not a time
 * stamp. `iso` is null when the zone is missing or not in the known list, but
 * `text` is still kept. A fraction of a second shows as milliseconds in `iso`
 * (further digits are cut off); without one, `iso` has whole seconds.
 */
export function parseDeviceTime(text: string): DeviceTime | null {
  const trimmed = text.trim();
  const fields = timeFieldsOf(trimmed);
  if (fields === null) {
    return null;
  }

  const day = Number(fields.day);
  const hour = Number(fields.hour);
  const minute = Number(fields.minute);
  const second = Number(fields.second);
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return null;
  }

  const offset = fields.zone === undefined ? undefined : ZONE_OFFSET_MINUTES[fields.zone.toUpperCase()];
  if (offset === undefined) {
    return { text: trimmed, iso: null };
  }

  const milliseconds = fields.fraction === undefined ? 0 : Number(fields.fraction.padEnd(3, '0').slice(0, 3));
  const utcMillis = Date.UTC(Number(fields.year), fields.month, day, hour, minute, second, milliseconds) - offset * 60_000;
  return { text: trimmed, iso: isoOf(utcMillis, fields.fraction !== undefined) };
}

const MILLIS_PER_DAY = 86_400_000;

/**
 * Formats a UTC time as `Date.prototype.toISOString` does, without the
 * milliseconds unless `withMillis` is set. Writes the digits itself, because
 * toISOString costs more than all the rest of parseDeviceTime.
 */
function isoOf(utcMillis: number, withMillis: boolean): string {
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

/** Picks the form by the first character, so each text meets one pattern at most. */
function timeFieldsOf(trimmed: string): TimeFields | null {
  const first = trimmed.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) {
    const match = YEAR_MONTH_DAY_TIME.exec(trimmed);
    if (match === null) {
      return null;
    }

    const [, year = '', month = '', day = '', hour = '', minute = '', second = '', fraction, zone] = match;
    const monthIndex = Number(month) - 1;
    return monthIndex >= 0 && monthIndex < 12 ? { year, month: monthIndex, day, hour, minute, second, fraction, zone } : null;
  }

  const statusForm = MONTH_DAY_TIME_YEAR.exec(trimmed);
  if (statusForm !== null) {
    const [, monthName = '', day = '', hour = '', minute = '', second = '', year = '', zone] = statusForm;
    return withMonthName(monthName, { year, month: 0, day, hour, minute, second, fraction: undefined, zone });
  }

  const syslogForm = MONTH_DAY_YEAR_TIME.exec(trimmed);
  if (syslogForm !== null) {
    const [, monthName = '', day = '', year = '', hour = '', minute = '', second = '', fraction, zone] = syslogForm;
    return withMonthName(monthName, { year, month: 0, day, hour, minute, second, fraction, zone });
  }

  return null;
}

function withMonthName(name: string, fields: TimeFields): TimeFields | null {
  const month = MONTHS.indexOf(name.toLowerCase());
  if (month < 0) {
    return null;
  }

  fields.month = month;
  return fields;
}
