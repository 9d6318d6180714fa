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
 * Keys of a section that a parser deliberately skips because they carry
 * nothing its record models. Each list sits next to its section's readers
 * with the reason, so a key missing from both still reaches `unparsed`.
 */
export class IgnoredKeys extends KeyTable<true> {
  constructor(keys: readonly string[]) {
    super(keys.map((key) => [key, true] as const));
  }
}

/**
 * Hands each `Key: value` line to the reader for its key and marks the lines
 * of `ignored` keys as understood. Returns every other line, including
 * `Key: value` lines of keys in neither table, so a renamed or new key shows up
 * in `unparsed` unless the caller uses the line.
 */
export function readFields<T>(
  lines: readonly Line[],
  context: ParseContext,
  readers: FieldTable<T>,
  target: T,
  ignored: IgnoredKeys | null,
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

    if (ignored !== null && ignored.find(line) !== undefined) {
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
