// Compares device time stamps. The device's own clock is the preferred
// reference: when both stamps carry the same zone abbreviation they compare
// as printed, so an abbreviation without a known offset does not matter.
import type { DeviceTime } from '../model/facts.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `Mar 19 19:51:37 2023 UTC`, the form the licensing commands print. */
const DEVICE_TIME_PATTERN = /^([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})(?:\s+(\S+))?$/;

/** The time a stamp is compared with: the device's own clock, or the evaluation time. */
export type TimeReference = { device: DeviceTime } | { clock: Date };

/**
 * Returns `value - (reference + offsetDays)` in milliseconds, or the reason it
 * cannot be computed.
 */
export function timeDifference(value: DeviceTime, reference: TimeReference, offsetDays: number): number | { reason: string } {
  const offsetMs = offsetDays * DAY_MS;

  if ('clock' in reference) {
    if (value.iso === null) {
      return { reason: `the time zone of "${value.text}" is unknown and the device's current time was not collected` };
    }
    return Date.parse(value.iso) - (reference.clock.getTime() + offsetMs);
  }

  if (value.iso !== null && reference.device.iso !== null) {
    return Date.parse(value.iso) - (Date.parse(reference.device.iso) + offsetMs);
  }

  const printed = parseDeviceText(value.text);
  const printedReference = parseDeviceText(reference.device.text);
  if (printed === null || printedReference === null || printed.zone !== printedReference.zone) {
    return { reason: `"${value.text}" cannot be compared with the device time "${reference.device.text}": the time zone is unknown` };
  }
  return printed.wallClockMs - (printedReference.wallClockMs + offsetMs);
}

/** Parses the printed wall-clock time as if it were UTC, and returns it with its zone in lower case. */
function parseDeviceText(text: string): { wallClockMs: number; zone: string } | null {
  const match = DEVICE_TIME_PATTERN.exec(text.trim());
  const month = MONTHS.indexOf(match?.[1]?.toLowerCase() ?? '');
  if (match === null || month < 0) {
    return null;
  }
  const [, , day, hour, minute, second, year, zone] = match;
  const wallClockMs = Date.UTC(Number(year), month, Number(day), Number(hour), Number(minute), Number(second));
  return { wallClockMs, zone: (zone ?? '').toLowerCase() };
}
