// Reading `Key: value` lines of a section into record fields.

import type { DeviceTime } from '../../model/facts.js';
import type { ParseContext } from './context.js';
import { KeyTable } from './key-table.js';
import { valueOrNull, type Line } from './lines.js';
import { parseDeviceTime } from './time.js';

/**
 * Reads one field into `target`: called with the trimmed value after `Key:`
 * and the line it is on. Readers are plain functions in module-level tables,
 * so reading a section creates no closures.
 */
export type FieldReader<T> = (target: T, value: string, line: Line, context: ParseContext) => void;

/**
 * Field readers by the exact key printed before the colon, found without
 * copying the key (see KeyTable).
 */
export class FieldTable<T> extends KeyTable<FieldReader<T>> {}

/**
 * Hands each `Key: value` line to the reader for its key. Lines of other keys
 * are marked as used when `keepUnknownKeys` is set, because new keys appear with
 * almost every Smart Agent release. Returns the lines no reader took.
 */
export function readFields<T>(
  lines: readonly Line[],
  context: ParseContext,
  readers: FieldTable<T>,
  target: T,
  keepUnknownKeys: boolean,
): Line[] {
  const left: Line[] = [];

  for (const line of lines) {
    if (!line.isKeyValue) {
      left.push(line);
      continue;
    }

    const reader = readers.find(line);
    if (reader !== undefined) {
      context.use(line);
      reader(target, line.value, line, context);
      continue;
    }

    if (keepUnknownKeys) {
      context.use(line);
      continue;
    }

    left.push(line);
  }

  return left;
}

/** A device time stamp, or null for a sentinel or text that is no time stamp. */
export function timeOrNull(value: string): DeviceTime | null {
  const present = valueOrNull(value);
  return present === null ? null : parseDeviceTime(present);
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
