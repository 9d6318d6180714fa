// Compares device time stamps. The device's own clock is the preferred
// reference: when both stamps carry the same zone abbreviation they compare
// as printed, so an abbreviation without a known offset does not matter.
import { readPrintedTime } from '../facts/printed-time.js';
import type { DeviceTime } from '../model/facts.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

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

  const printed = readPrintedTime(value.text);
  const printedReference = readPrintedTime(reference.device.text);
  if (printed === null || printedReference === null || printed.zone !== printedReference.zone) {
    return { reason: `"${value.text}" cannot be compared with the device time "${reference.device.text}": the time zone is unknown` };
  }
  return printed.wallClockMs - (printedReference.wallClockMs + offsetMs);
}
