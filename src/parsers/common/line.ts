// A content line of device output, with its `Key: value` split worked out
// once and only as far as a caller needs it.

import type { SourceLine } from '../types.js';
import { keyValueColonIn, type KeyValue } from './key-value.js';
import { isWhiteSpace } from './white-space.js';

const NOT_SPLIT = -2;
const NOT_KEY_VALUE = -1;

/**
 * A content line of device output, ready for matching.
 *
 * The fields are `declare`d and set in the constructor. Declared the usual
 * way, TypeScript emits ES2022 class fields, which V8 defines one by one
 * before the constructor runs, and building a Line per line then took about
 * a quarter of the time of parsing a capture.
 */
export class Line implements SourceLine {
  declare line: number;
  declare text: string;
  /** Number of leading spaces (a tab counts as one). */
  declare indent: number;
  /** `text`, or `text` with pager residue removed: the text that `trimmed` is part of. */
  private declare readonly content: string;
  /** Index in `content` of the first character that is not white space. */
  private declare readonly start: number;
  /** Index in `content` after the last character that is not white space. */
  private declare readonly end: number;
  /** `trimmed`, copied out on the first access, because most lines are read through the key-value split alone. */
  private declare trimmedText: string | undefined;
  /** False when the content is known to contain no CR, LF, U+2028 or U+2029, so the key-value split need not look for them. */
  private declare readonly mayHoldLineTerminator: boolean;
  /** Length of the key; NOT_SPLIT until worked out, NOT_KEY_VALUE for other lines. */
  private declare keyLengthOrState: number;
  /** Index in `content` of the colon after the key. */
  private declare colon: number;
  private declare keyValueCache: KeyValue | null | undefined;

  /**
   * `content` is `text` after any clean-up that keeps line numbers, and
   * `start` to `end` is its part without leading and trailing white space.
   */
  constructor(line: number, text: string, content: string, start: number, end: number, indent: number, mayHoldLineTerminator = true) {
    this.line = line;
    this.text = text;
    this.indent = indent;
    this.content = content;
    this.start = start;
    this.end = end;
    this.trimmedText = undefined;
    this.mayHoldLineTerminator = mayHoldLineTerminator;
    this.keyLengthOrState = NOT_SPLIT;
    this.colon = 0;
    this.keyValueCache = undefined;
  }

  /** The line without leading and trailing white space. */
  get trimmed(): string {
    if (this.trimmedText === undefined) {
      const content = this.content;
      this.trimmedText = this.start === 0 && this.end === content.length ? content : content.slice(this.start, this.end);
    }

    return this.trimmedText;
  }

  /** True for a line that splitKeyValue splits. */
  get isKeyValue(): boolean {
    return this.splitKey() >= 0;
  }

  /**
   * Length of the key of a `Key: value` line, -1 for other lines. The trimmed
   * line starts with the key.
   */
  get keyLength(): number {
    return this.splitKey();
  }

  /** True for a `Key: value` line that ends at its colon (`Transport:`), whose value is empty. */
  get hasEmptyValue(): boolean {
    // The trimmed line ends in a character that is not white space, so a value after the colon would be that character.
    return this.splitKey() >= 0 && this.colon === this.end - 1;
  }

  /** True when this is a `Key: value` line with exactly the key `key`. Compares in place, without copying the key. */
  hasKey(key: string): boolean {
    return this.splitKey() === key.length && this.content.startsWith(key, this.start);
  }

  /** The value of a `Key: value` line as splitKeyValue returns it, copied out on each access; empty for other lines. */
  get value(): string {
    if (this.splitKey() < 0) {
      return '';
    }

    // The trimmed line ends in a character that is not white space, so the value runs to its end.
    const content = this.content;
    let valueStart = this.colon + 1;
    while (valueStart < this.end && isWhiteSpace(content.charCodeAt(valueStart))) {
      valueStart += 1;
    }

    return content.slice(valueStart, this.end);
  }

  /**
   * The line split as by splitKeyValue, or null. Built on the first access and
   * kept, so callers must not change the returned object.
   */
  get keyValue(): KeyValue | null {
    if (this.keyValueCache === undefined) {
      const keyLength = this.splitKey();
      this.keyValueCache = keyLength < 0 ? null : { key: this.content.slice(this.start, this.start + keyLength), value: this.value };
    }

    return this.keyValueCache;
  }

  private splitKey(): number {
    if (this.keyLengthOrState === NOT_SPLIT) {
      this.split();
    }

    return this.keyLengthOrState;
  }

  private split(): void {
    const content = this.content;
    const colon = keyValueColonIn(content, this.start, this.end, this.mayHoldLineTerminator);
    if (colon < 0) {
      this.keyLengthOrState = NOT_KEY_VALUE;
      return;
    }

    // `Status :` has the key `Status`.
    let keyEnd = colon;
    while (keyEnd > this.start && isWhiteSpace(content.charCodeAt(keyEnd - 1))) {
      keyEnd -= 1;
    }

    this.keyLengthOrState = keyEnd - this.start;
    this.colon = colon;
  }
}
