// Reading `Key: value` lines of a section into record fields.

import type { DeviceTime } from '../../model/facts.js';
import type { ParseContext } from './context.js';
import { splitKeyValue, valueOrNull, type Line } from './lines.js';
import { parseDeviceTime } from './time.js';
import { ownEntry } from './lookup.js';

/** Called with the trimmed value after `Key:` and the line it is on. */
export type FieldHandler = (value: string, line: Line) => void;

/**
 * Hands each `Key: value` line to the handler for its key. Lines of other keys
 * are marked as used when `keepUnknownKeys` is set, because new keys appear with
 * almost every Smart Agent release. Returns the lines no handler took.
 */
export function readFields(
  lines: readonly Line[],
  context: ParseContext,
  handlers: Readonly<Record<string, FieldHandler>>,
  keepUnknownKeys: boolean,
): Line[] {
  const left: Line[] = [];

  for (const line of lines) {
    const keyValue = splitKeyValue(line.trimmed);
    const handler = keyValue === null ? undefined : ownEntry(handlers, keyValue.key);
    if (keyValue !== null && handler !== undefined) {
      context.use(line);
      handler(keyValue.value, line);
      continue;
    }

    if (keyValue !== null && keepUnknownKeys) {
      context.use(line);
      continue;
    }

    left.push(line);
  }

  return left;
}

/** A device time stamp, or null for a sentinel or text that is no time stamp. */
export function timeOrNull(value: string): DeviceTime | null {
  return valueOrNull(value) === null ? null : parseDeviceTime(value);
}

/** `True`/`yes`/`enabled` as true, `False`/`no`/`disabled` as false, anything else as null. */
export function booleanOrNull(value: string): boolean | null {
  const word = (/^\S+/.exec(value.trim())?.[0] ?? '').toLowerCase();
  if (word === 'true' || word === 'yes' || word === 'enabled') {
    return true;
  }

  if (word === 'false' || word === 'no' || word === 'disabled') {
    return false;
  }

  return null;
}
