// Values looked up by the key of a `Key: value` line, compared in place.

import type { Line } from './line.js';
import { hasTextAt } from './text-at.js';

/** The keys of one length, with the code of each key's first character and its value at the same index. */
interface SameLengthKeys<V> {
  keys: string[];
  firstCodes: number[];
  values: V[];
}

/**
 * Values by the exact key printed before the colon. Finding the value of a
 * line compares only the keys of the same length and first character, so
 * lines of other keys cost no comparison, and `constructor:` finds nothing.
 */
export class KeyTable<V> {
  readonly #byKeyLength: Array<SameLengthKeys<V> | undefined> = [];

  constructor(entries: Iterable<readonly [string, V]>) {
    for (const [key, value] of entries) {
      this.set(key, value);
    }
  }

  /** Adds or replaces the value for `key`. */
  set(key: string, value: V): void {
    const sameLength = (this.#byKeyLength[key.length] ??= { keys: [], firstCodes: [], values: [] });
    const index = sameLength.keys.indexOf(key);
    if (index >= 0) {
      sameLength.values[index] = value;
      return;
    }

    sameLength.keys.push(key);
    sameLength.firstCodes.push(key.charCodeAt(0));
    sameLength.values.push(value);
  }

  /** Returns the value for the key of a `Key: value` line; undefined for other keys and lines. */
  find(line: Line): V | undefined {
    const keyLength = line.keyLength;
    const sameLength = keyLength < 0 ? undefined : this.#byKeyLength[keyLength];
    if (sameLength === undefined) {
      return undefined;
    }

    // The first character rules out most keys of the same length before
    // any comparison of the rest.
    const trimmed = line.trimmed;
    const first = trimmed.charCodeAt(0);
    const { keys, firstCodes } = sameLength;
    for (let index = 0; index < keys.length; index += 1) {
      if (firstCodes[index] === first && hasTextAt(trimmed, keys[index] as string)) {
        return sameLength.values[index];
      }
    }

    return undefined;
  }
}
