// Values looked up by the key of a `Key: value` line without copying the key.

import type { Line } from './line.js';

/**
 * Values by the exact key printed before the colon. Finding the value of a
 * line compares the keys of the same length in place, so lines of other keys
 * cost no copy of their key, and `constructor:` finds nothing.
 */
export class KeyTable<V> {
  readonly #byKeyLength: Array<Array<[string, V]> | undefined> = [];

  constructor(entries: Iterable<readonly [string, V]>) {
    for (const [key, value] of entries) {
      this.set(key, value);
    }
  }

  /** Adds or replaces the value for `key`. */
  set(key: string, value: V): void {
    const sameLength = (this.#byKeyLength[key.length] ??= []);
    const existing = sameLength.find((entry) => entry[0] === key);
    if (existing === undefined) {
      sameLength.push([key, value]);
    } else {
      existing[1] = value;
    }
  }

  /** Returns the value for the key of a `Key: value` line; undefined for other keys and lines. */
  find(line: Line): V | undefined {
    const keyLength = line.keyLength;
    const sameLength = keyLength < 0 ? undefined : this.#byKeyLength[keyLength];
    if (sameLength === undefined) {
      return undefined;
    }

    for (const [key, value] of sameLength) {
      if (line.hasKey(key)) {
        return value;
      }
    }

    return undefined;
  }
}
