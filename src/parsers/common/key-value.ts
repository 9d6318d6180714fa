// `Key: value` lines, the shape of almost every Smart Licensing field.

import { isLineTerminator, isWhiteSpace } from './white-space.js';

/** A `Key: value` line split at the first `: ` (or a final `:`). */
export interface KeyValue {
  key: string;
  /** Trimmed; empty when the line ends at the colon. */
  value: string;
}

/**
 * Splits `Key: value` at the first colon followed by white space or the end
 * of the line, so `URL: https://host/path` and `Active:PID:X,SN:Y` keep the
 * colons inside their values. Returns null when the line has no such colon.
 */
export function splitKeyValue(trimmed: string): KeyValue | null {
  const colon = keyValueColon(trimmed);
  if (colon < 0) {
    return null;
  }

  return { key: trimmedSlice(trimmed, 0, colon), value: trimmedSlice(trimmed, colon + 1, trimmed.length) };
}

/** `text.slice(start, end).trim()` with one copy in place of two. */
function trimmedSlice(text: string, start: number, end: number): string {
  let first = start;
  let last = end;
  while (first < last && isWhiteSpace(text.charCodeAt(first))) {
    first += 1;
  }

  while (last > first && isWhiteSpace(text.charCodeAt(last - 1))) {
    last -= 1;
  }

  return text.slice(first, last);
}

/**
 * Returns the index of the colon that splitKeyValue splits `text` at, or -1
 * when `text` is no `Key: value` line. Finds it without copying any part of
 * the text. A caller that knows `text` contains no line terminator passes false
 * for `mayHoldLineTerminator` to skip the search for one.
 */
export function keyValueColon(text: string, mayHoldLineTerminator = true): number {
  // The key is everything before the first colon and may not be empty. The
  // same test as `/^([^:]+?):(?:\s+(.*))?$/`, written with index searches
  // because it runs on almost every line.
  const colon = text.indexOf(':');
  if (colon <= 0) {
    return -1;
  }

  const length = text.length;
  if (colon === length - 1) {
    return colon;
  }

  if (!isWhiteSpace(text.charCodeAt(colon + 1))) {
    return -1;
  }

  if (!mayHoldLineTerminator) {
    return colon;
  }

  // Like `.` in a regular expression, the value (from its first character
  // that is not white space) does not span a line terminator.
  let index = colon + 2;
  while (index < length && isWhiteSpace(text.charCodeAt(index))) {
    index += 1;
  }

  for (; index < length; index += 1) {
    if (isLineTerminator(text.charCodeAt(index))) {
      return -1;
    }
  }

  return colon;
}
