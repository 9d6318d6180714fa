// A content line of device output, with its `Key: value` split worked out
// once and only as far as a caller needs it.

import type { SourceLine } from '../types.js';
import { keyValueColon, type KeyValue } from './key-value.js';
import { hasTextAt } from './text-at.js';
import { isWhiteSpace } from './white-space.js';

const NOT_KEY_VALUE = -1;
// Before the split, `colon` also records whether `trimmed` may contain a CR,
// LF, U+2028 or U+2029, which the split must then look for.
const NOT_SPLIT = -2;
const NOT_SPLIT_MAY_HOLD_LINE_TERMINATOR = -3;

/**
 * A content line of device output, ready for matching.
 *
 * Every field is `declare`d and set in the constructor. Declared the usual
 * way, TypeScript emits ES2022 class fields, which V8 defines one by one
 * before the constructor runs, and a Line is built for every line of every
 * capture. The split state is therefore kept in plain private fields, not in
 * `#` fields, and shows up as own properties of a Line. Each field adds 8
 * bytes to every Line, so the split state is two numbers.
 */
export class Line implements SourceLine {
  declare line: number;
  declare text: string;
  /** `text` without leading and trailing white space. */
  declare trimmed: string;
  /** Number of leading spaces (a tab counts as one). */
  declare indent: number;
  /** True once a parser used the line (ParseContext.use). Lines left false are reported as unparsed. */
  declare understood: boolean;
  /** Index in `trimmed` of the colon after the key, a NOT_SPLIT value before the split, NOT_KEY_VALUE for other lines. */
  private declare colon: number;
  /** Index in `trimmed` after the last character of the key, worked out from `colon` only for callers that need the key. */
  private declare keyEnd: number;

  /** Pass false for `mayHoldLineTerminator` when `trimmed` is known to contain no CR, LF, U+2028 or U+2029. */
  constructor(line: number, text: string, trimmed: string, indent: number, mayHoldLineTerminator = true) {
    this.line = line;
    this.text = text;
    this.trimmed = trimmed;
    this.indent = indent;
    this.understood = false;
    this.colon = mayHoldLineTerminator ? NOT_SPLIT_MAY_HOLD_LINE_TERMINATOR : NOT_SPLIT;
    this.keyEnd = NOT_SPLIT;
  }

  /** True for a line that splitKeyValue splits. */
  get isKeyValue(): boolean {
    return this.splitColon() >= 0;
  }

  /**
   * Length of the key of a `Key: value` line, -1 for other lines. `trimmed`
   * starts with the key, because it has no leading white space.
   */
  get keyLength(): number {
    return this.splitKey();
  }

  /** True for a `Key: value` line that ends at its colon (`Transport:`), whose value is empty. */
  get hasEmptyValue(): boolean {
    // `trimmed` ends in a character that is not white space, so a value after the colon would be that character.
    const colon = this.splitColon();
    return colon >= 0 && colon === this.trimmed.length - 1;
  }

  /** True when this is a `Key: value` line with exactly the key `key`. Compares in place, without copying the key. */
  hasKey(key: string): boolean {
    // The first character rules out most lines before the end of their key is worked out.
    const trimmed = this.trimmed;
    return trimmed.charCodeAt(0) === key.charCodeAt(0) && this.splitKey() === key.length && hasTextAt(trimmed, key);
  }

  /** The value of a `Key: value` line as splitKeyValue returns it, copied out on each access; empty for other lines. */
  get value(): string {
    const colon = this.splitColon();
    if (colon < 0) {
      return '';
    }

    // `trimmed` ends in a character that is not white space, so the value runs to its end.
    const trimmed = this.trimmed;
    let valueStart = colon + 1;
    while (valueStart < trimmed.length && isWhiteSpace(trimmed.charCodeAt(valueStart))) {
      valueStart += 1;
    }

    return trimmed.slice(valueStart);
  }

  /** The line split as by splitKeyValue, or null. Copied out on each access. */
  get keyValue(): KeyValue | null {
    const keyEnd = this.splitKey();
    return keyEnd < 0 ? null : { key: this.trimmed.slice(0, keyEnd), value: this.value };
  }

  private splitColon(): number {
    if (this.colon < NOT_KEY_VALUE) {
      this.colon = keyValueColon(this.trimmed, this.colon === NOT_SPLIT_MAY_HOLD_LINE_TERMINATOR);
    }

    return this.colon;
  }

  /** Returns the length of the key, NOT_KEY_VALUE for other lines. `Status :` has the key `Status`. */
  private splitKey(): number {
    if (this.keyEnd === NOT_SPLIT) {
      const trimmed = this.trimmed;
      let keyEnd = this.splitColon();
      while (keyEnd > 0 && isWhiteSpace(trimmed.charCodeAt(keyEnd - 1))) {
        keyEnd -= 1;
      }

      this.keyEnd = keyEnd;
    }

    return this.keyEnd;
  }
}
