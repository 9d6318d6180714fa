// Time stamps as IOS XE prints them in Smart Licensing output.

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
// with a single-digit day (`Sep 1`).
const DEVICE_TIME = /^(?:[A-Za-z]{3}\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})(?:\s+([A-Za-z]{2,5}))?$/;

/**
 * Parses a device time stamp such as `Mar 13 21:32:51 2024 UTC`. Returns null
 * when the text is not a time stamp. `iso` is null when the zone is missing or
 * not in the known list, but `text` is still kept.
 */
export function parseDeviceTime(text: string): DeviceTime | null {
  const trimmed = text.trim();
  const match = DEVICE_TIME.exec(trimmed);
  if (match === null) {
    return null;
  }

  const [, monthName = '', day, hour, minute, second, year, zone] = match;
  const month = MONTHS.indexOf(monthName.toLowerCase());
  if (month < 0) {
    return null;
  }

  const fields = [year, day, hour, minute, second].map(Number) as [number, number, number, number, number];
  const [y, d, h, min, s] = fields;
  if (d < 1 || d > 31 || h > 23 || min > 59 || s > 60) {
    return null;
  }

  const offset = zone === undefined ? undefined : ZONE_OFFSET_MINUTES[zone.toUpperCase()];
  if (offset === undefined) {
    return { text: trimmed, iso: null };
  }

  const utcMillis = Date.UTC(y, month, d, h, min, s) - offset * 60_000;
  return { text: trimmed, iso: new Date(utcMillis).toISOString().replace('.000Z', 'Z') };
}
