// Orders device time stamps such as `Mar 14 22:32:55 2024 UTC`. Stamps with an
// ISO value compare by it. Two stamps with the same zone abbreviation compare
// as printed, so an abbreviation without a known offset can still be ordered.
import type { DeviceTime } from '../model/facts.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const PRINTED_TIME = /^([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})(?:\s+(\S+))?$/;

/**
 * Returns the index of the latest time in `times`, or -1 when the list is
 * empty or two of its stamps cannot be ordered (no ISO value and different
 * or unreadable zones).
 */
export function latestTimeIndex(times: readonly DeviceTime[]): number {
  let latest = -1;
  for (let index = 0; index < times.length; index += 1) {
    if (latest < 0) {
      latest = index;
      continue;
    }
    const order = compareTimes(times[index]!, times[latest]!);
    if (order === null) {
      return -1;
    }
    if (order > 0) {
      latest = index;
    }
  }
  return latest;
}

/** Positive when `a` is later than `b`, negative when earlier, 0 when equal; null when they cannot be ordered. */
function compareTimes(a: DeviceTime, b: DeviceTime): number | null {
  if (a.iso !== null && b.iso !== null) {
    return Date.parse(a.iso) - Date.parse(b.iso);
  }

  const printedA = readPrinted(a.text);
  const printedB = readPrinted(b.text);
  if (printedA === null || printedB === null || printedA.zone !== printedB.zone) {
    return null;
  }
  return printedA.wallClockMs - printedB.wallClockMs;
}

function readPrinted(text: string): { wallClockMs: number; zone: string } | null {
  const match = PRINTED_TIME.exec(text.trim());
  const month = MONTHS.indexOf(match?.[1]?.toLowerCase() ?? '');
  if (match === null || month < 0) {
    return null;
  }
  const [, , day, hour, minute, second, year, zone] = match;
  return { wallClockMs: Date.UTC(Number(year), month, Number(day), Number(hour), Number(minute), Number(second)), zone: (zone ?? '').toLowerCase() };
}
