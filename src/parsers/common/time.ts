// Time stamps as IOS XE prints them in Smart Licensing output, the licence
// event log and system messages.

import type { DeviceTime } from '../../model/facts.js';
import { isoOf } from './iso.js';
import { isWhiteSpace } from './white-space.js';

// Offsets in minutes east of UTC for the zone names seen in Smart Licensing
// output. IST is India Standard Time, the only IST that IOS XE captures use.
const ZONE_OFFSET_MINUTES: ReadonlyArray<readonly [string, number]> = [
  ['UTC', 0],
  ['GMT', 0],
  ['PDT', -7 * 60],
  ['PST', -8 * 60],
  ['EDT', -4 * 60],
  ['EST', -5 * 60],
  ['CDT', -5 * 60],
  ['CST', -6 * 60],
  ['MDT', -6 * 60],
  ['MST', -7 * 60],
  ['CET', 60],
  ['CEST', 2 * 60],
  ['IST', 5 * 60 + 30],
];

// The same offsets by letterCode of the zone name, so that looking a zone up
// copies no part of the text and builds no upper-case string.
const ZONE_OFFSET_BY_CODE: ReadonlyMap<number, number> = new Map(
  ZONE_OFFSET_MINUTES.map(([name, offset]) => [letterCode(name, 0, name.length), offset]),
);

// Month indexes (0 for January) by letterCode of the month name, in any letter case.
const MONTH_BY_CODE: ReadonlyMap<number, number> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((name, index) => [letterCode(name, 0, 3), index]),
);

// `Nov 19 2021 14:54:55.045 UTC`: system messages under `service timestamps
// log datetime msec year`.
const MONTH_DAY_YEAR_TIME =
  /^([A-Za-z]{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:\s+([A-Za-z]{2,5}))?$/;

// `2021-11-17 03:31:32.920 UTC`: `show license eventlog`.
const YEAR_MONTH_DAY_TIME = /^(\d{4})-(\d{2})-(\d{2})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:\s+([A-Za-z]{2,5}))?$/;

interface TimeFields {
  year: number;
  /** 0 for January. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Digits after the decimal point of the seconds; undefined when not printed. */
  fraction: string | undefined;
  /** Minutes east of UTC; undefined when no zone is printed or the zone is not in the known list. */
  zoneOffset: number | undefined;
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

  const { day, hour, minute, second } = fields;
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return null;
  }

  const offset = fields.zoneOffset;
  if (offset === undefined) {
    return { text: trimmed, iso: null };
  }

  const milliseconds = fields.fraction === undefined ? 0 : Number(fields.fraction.padEnd(3, '0').slice(0, 3));
  const utcMillis = utcMillisOf(fields, milliseconds) - offset * 60_000;
  return { text: trimmed, iso: isoOf(utcMillis, fields.fraction !== undefined) };
}

/**
 * Computes what `Date.UTC(year, month, day, hour, minute, second,
 * milliseconds)` returns for the fields, which are integers with month 0 to 11
 * and year 0 to 9999. Date.UTC itself measured about four times slower on
 * Node.js 20. As in Date.UTC, years 0 to 99 mean 1900 to 1999, and a day or
 * second past the end of its month or minute carries over.
 */
function utcMillisOf(fields: TimeFields, milliseconds: number): number {
  const year = fields.year <= 99 ? 1900 + fields.year : fields.year;
  const days = daysFromCivil(year, fields.month + 1, 1) + fields.day - 1;
  return days * 86_400_000 + fields.hour * 3_600_000 + fields.minute * 60_000 + fields.second * 1000 + milliseconds;
}

/**
 * Converts a proleptic Gregorian date (`month` 1 to 12) to days since
 * 1970-01-01, with Howard Hinnant's `days_from_civil` algorithm.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
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
    if (monthIndex < 0 || monthIndex >= 12) {
      return null;
    }

    return {
      year: Number(year),
      month: monthIndex,
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second),
      fraction,
      zoneOffset: zoneOffsetOf(zone),
    };
  }

  const statusForm = fixedStatusFormFields(trimmed) ?? statusFormFields(trimmed);
  if (statusForm !== null) {
    return statusForm;
  }

  const syslogForm = MONTH_DAY_YEAR_TIME.exec(trimmed);
  if (syslogForm === null) {
    return null;
  }

  const [, monthName = '', day = '', year = '', hour = '', minute = '', second = '', fraction, zone] = syslogForm;
  const month = MONTH_BY_CODE.get(letterCode(monthName, 0, monthName.length));
  if (month === undefined) {
    return null;
  }

  return {
    year: Number(year),
    month,
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    fraction,
    zoneOffset: zoneOffsetOf(zone),
  };
}

/** Looks up the offset of a zone name of ASCII letters; undefined for no name or an unknown one. */
function zoneOffsetOf(zone: string | undefined): number | undefined {
  return zone === undefined ? undefined : ZONE_OFFSET_BY_CODE.get(letterCode(zone, 0, zone.length));
}

/**
 * Packs the ASCII letters from `start` to `end` (at most five) into one small
 * integer, the same for upper and lower case: five bits per letter, A as 1.
 * Names of different lengths never share a code, because no letter is 0.
 */
function letterCode(text: string, start: number, end: number): number {
  let code = 0;
  for (let index = start; index < end; index += 1) {
    code = code * 32 + ((text.charCodeAt(index) & ~0x20) - 0x40);
  }

  return code;
}

/**
 * Reads the status form in its usual layout, `Mar 13 21:32:51 2024 UTC`, with
 * single spaces and a two-digit day (218 of the 225 time stamps in the corpus).
 * Reads each character once. Returns null for any other layout, which
 * statusFormFields then reads.
 */
function fixedStatusFormFields(text: string): TimeFields | null {
  if (
    text.length !== FIXED_STATUS_FORM_LENGTH ||
    text.charCodeAt(3) !== SPACE ||
    text.charCodeAt(6) !== SPACE ||
    text.charCodeAt(9) !== COLON ||
    text.charCodeAt(12) !== COLON ||
    text.charCodeAt(15) !== SPACE ||
    text.charCodeAt(20) !== SPACE
  ) {
    return null;
  }

  const day = twoDigitsAt(text, 4);
  const hour = twoDigitsAt(text, 7);
  const minute = twoDigitsAt(text, 10);
  const second = twoDigitsAt(text, 13);
  const century = twoDigitsAt(text, 16);
  const yearOfCentury = twoDigitsAt(text, 18);
  if (day < 0 || hour < 0 || minute < 0 || second < 0 || century < 0 || yearOfCentury < 0) {
    return null;
  }

  if (!areAsciiLetters(text, 0, 3) || !areAsciiLetters(text, 21, 24)) {
    return null;
  }

  const month = MONTH_BY_CODE.get(letterCode(text, 0, 3));
  if (month === undefined) {
    return null;
  }

  return {
    year: century * 100 + yearOfCentury,
    month,
    day,
    hour,
    minute,
    second,
    fraction: undefined,
    zoneOffset: ZONE_OFFSET_BY_CODE.get(letterCode(text, 21, 24)),
  };
}

const FIXED_STATUS_FORM_LENGTH = 'Mar 13 21:32:51 2024 UTC'.length;
const SPACE = 0x20;

/** Returns the number written by the two ASCII digits at `start`, or -1 when either is no digit. */
function twoDigitsAt(text: string, start: number): number {
  const tens = text.charCodeAt(start) - 0x30;
  const ones = text.charCodeAt(start + 1) - 0x30;
  if (tens < 0 || tens > 9 || ones < 0 || ones > 9) {
    return -1;
  }

  return tens * 10 + ones;
}

function areAsciiLetters(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) {
    if (!isAsciiLetter(text.charCodeAt(index))) {
      return false;
    }
  }

  return true;
}

/**
 * Reads the Smart Licensing status form `Mar 13 21:32:51 2024 UTC`,
 * optionally after a weekday (`Tue Mar 13 ...`) and with a single-digit day
 * (`Sep 1`). Accepts exactly what
 * `/^(?:[A-Za-z]{3}\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})(?:\s+([A-Za-z]{2,5}))?$/`
 * matches, but scans the text once and copies no part of it, because this
 * form is by far the most common one. Returns null for any
 * other text and for a month name that is no month.
 */
function statusFormFields(trimmed: string): TimeFields | null {
  let monthStart = 0;
  let end = letterRunEnd(trimmed, 0);
  let position = whiteSpaceEnd(trimmed, end);
  if (end !== 3 || position === end) {
    return null;
  }

  // After a weekday, the month name follows; otherwise the day does.
  end = letterRunEnd(trimmed, position);
  if (end - position === 3) {
    monthStart = position;
    position = whiteSpaceEnd(trimmed, end);
    if (position === end) {
      return null;
    }
  } else if (end !== position) {
    return null;
  }

  const dayStart = position;
  end = digitRunEnd(trimmed, dayStart);
  position = whiteSpaceEnd(trimmed, end);
  if (end - dayStart < 1 || end - dayStart > 2 || position === end) {
    return null;
  }

  const hourStart = position;
  const hourEnd = digitRunEnd(trimmed, hourStart);
  if (hourEnd - hourStart < 1 || hourEnd - hourStart > 2 || trimmed.charCodeAt(hourEnd) !== COLON) {
    return null;
  }

  const minuteEnd = digitRunEnd(trimmed, hourEnd + 1);
  if (minuteEnd - hourEnd !== 3 || trimmed.charCodeAt(minuteEnd) !== COLON) {
    return null;
  }

  const secondEnd = digitRunEnd(trimmed, minuteEnd + 1);
  const yearStart = whiteSpaceEnd(trimmed, secondEnd);
  if (secondEnd - minuteEnd !== 3 || yearStart === secondEnd) {
    return null;
  }

  const yearEnd = digitRunEnd(trimmed, yearStart);
  if (yearEnd - yearStart !== 4) {
    return null;
  }

  let zoneOffset: number | undefined;
  if (yearEnd < trimmed.length) {
    const zoneStart = whiteSpaceEnd(trimmed, yearEnd);
    const zoneEnd = letterRunEnd(trimmed, zoneStart);
    if (zoneStart === yearEnd || zoneEnd - zoneStart < 2 || zoneEnd - zoneStart > 5 || zoneEnd !== trimmed.length) {
      return null;
    }
    zoneOffset = ZONE_OFFSET_BY_CODE.get(letterCode(trimmed, zoneStart, zoneEnd));
  }

  const month = MONTH_BY_CODE.get(letterCode(trimmed, monthStart, monthStart + 3));
  if (month === undefined) {
    return null;
  }

  return {
    year: digitsValue(trimmed, yearStart, yearEnd),
    month,
    day: digitsValue(trimmed, dayStart, end),
    hour: digitsValue(trimmed, hourStart, hourEnd),
    minute: digitsValue(trimmed, hourEnd + 1, minuteEnd),
    second: digitsValue(trimmed, minuteEnd + 1, secondEnd),
    fraction: undefined,
    zoneOffset,
  };
}

const COLON = 0x3a;

function letterRunEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && isAsciiLetter(text.charCodeAt(end))) {
    end += 1;
  }

  return end;
}

function digitRunEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && isAsciiDigit(text.charCodeAt(end))) {
    end += 1;
  }

  return end;
}

function whiteSpaceEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && isWhiteSpace(text.charCodeAt(end))) {
    end += 1;
  }

  return end;
}

/** Reads the ASCII digits from `start` to `end` as a number, as `Number` does. */
function digitsValue(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index += 1) {
    value = value * 10 + (text.charCodeAt(index) - 0x30);
  }

  return value;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
