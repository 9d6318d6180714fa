// A content line of device output, with its `Key: value` split worked out
// once and only as far as a caller needs it.

import type { SourceLine } from '../types.js';
import { keyValueColon, type KeyValue } from './key-value.js';
import { isWhiteSpace } from './white-space.js';

const NOT_SPLIT = -2;
const NOT_KEY_VALUE = -1;

/** A content line of device output, ready for matching. */
export class Line implements SourceLine {
  line: number;
  text: string;
  /** `text` without leading and trailing white space. */
  trimmed: string;
  /** Number of leading spaces (a tab counts as one). */
  indent: number;
  /** Index in `trimmed` after the last character of the trimmed key; NOT_SPLIT or NOT_KEY_VALUE. */
  #keyEnd = NOT_SPLIT;
  #keyValue: KeyValue | null | undefined = undefined;

  constructor(line: number, text: string, trimmed: string, indent: number) {
    this.line = line;
    this.text = text;
    this.trimmed = trimmed;
    this.indent = indent;
  }

  /** True for a line that splitKeyValue splits. */
  get isKeyValue(): boolean {
    return this.#splitKey() >= 0;
  }

  /**
   * Length of the key of a `Key: value` line, -1 for other lines. `trimmed`
   * starts with the key, because it has no leading white space.
   */
  get keyLength(): number {
    return this.#splitKey();
  }

  /** True when this is a `Key: value` line with exactly the key `key`. Compares in place, without copying the key. */
  hasKey(key: string): boolean {
    return this.#splitKey() === key.length && this.trimmed.startsWith(key);
  }

  /** The value of a `Key: value` line as splitKeyValue returns it, copied out on each access; empty for other lines. */
  get value(): string {
    return this.#splitKey() < 0 ? '' : this.trimmed.slice(this.trimmed.indexOf(':') + 1).trim();
  }

  /**
   * The line split as by splitKeyValue, or null. Built on the first access and
   * kept, so callers must not change the returned object.
   */
  get keyValue(): KeyValue | null {
    if (this.#keyValue === undefined) {
      const keyEnd = this.#splitKey();
      this.#keyValue = keyEnd < 0 ? null : { key: this.trimmed.slice(0, keyEnd), value: this.value };
    }

    return this.#keyValue;
  }

  #splitKey(): number {
    if (this.#keyEnd === NOT_SPLIT) {
      this.#keyEnd = keyEndOf(this.trimmed);
    }

    return this.#keyEnd;
  }
}

function keyEndOf(trimmed: string): number {
  const colon = keyValueColon(trimmed);
  if (colon < 0) {
    return NOT_KEY_VALUE;
  }

  // `Status :` has the key `Status`.
  let end = colon;
  while (end > 0 && isWhiteSpace(trimmed.charCodeAt(end - 1))) {
    end -= 1;
  }

  return end;
}
