// Orders device time stamps such as `Mar 14 22:32:55 2024 UTC`. Stamps with an
// ISO value compare by it. Two stamps with the same zone abbreviation compare
// as printed, so an abbreviation without a known offset can still be ordered.
import type { DeviceTime } from '../model/facts.js';
import { readPrintedTime } from './printed-time.js';

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

  const printedA = readPrintedTime(a.text);
  const printedB = readPrintedTime(b.text);
  if (printedA === null || printedB === null || printedA.zone !== printedB.zone) {
    return null;
  }
  return printedA.wallClockMs - printedB.wallClockMs;
}
