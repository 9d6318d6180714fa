// Reads a device time stamp as printed, such as `Mar 19 19:51:37 2023 UTC`,
// the form the licensing commands use. Two stamps with the same zone
// abbreviation can be compared this way even when the zone's offset is unknown.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const PRINTED_TIME = /^([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})(?:\s+(\S+))?$/;

/** A printed time read as if it were UTC, with its zone abbreviation in lower case (empty when none is printed). */
export interface PrintedTime {
  wallClockMs: number;
  zone: string;
}

/** Reads the printed wall-clock time, or returns null for text of another form. */
export function readPrintedTime(text: string): PrintedTime | null {
  const match = PRINTED_TIME.exec(text.trim());
  const month = MONTHS.indexOf(match?.[1]?.toLowerCase() ?? '');
  if (match === null || month < 0) {
    return null;
  }

  const [, , day, hour, minute, second, year, zone] = match;
  const wallClockMs = Date.UTC(Number(year), month, Number(day), Number(hour), Number(minute), Number(second));
  return { wallClockMs, zone: (zone ?? '').toLowerCase() };
}
