// Line shapes that carry no field of a record but are normal device output.

import type { ParseContext } from './context.js';
import { isSentinel, splitKeyValue, type Line } from './lines.js';
import { hasTextAt } from './text-at.js';
import { parseRoleUdi } from './udi.js';

/** Whole-line statements of sections the records do not model. */
const KNOWN_STATEMENTS: readonly string[] = [
  'Smart Licensing is ENABLED',
  'Smart Licensing is DISABLED',
  'Smart Licensing Tech Support info',
  'No Purchase Information Available',
  'Not registered. No certificates installed',
  'No licenses in use',
  'No PD enforced licenses',
];

const SUB_HEADER = /^\S.*:$/;
const DOUBLE_COLON_KEY = /^[^:]+::\s/;
const UPPER_CASE_STATE = /^[A-Z][A-Z ]+$/;

/**
 * True for `Key: value` lines (also `Build type:: Production`), sub-headers ending in a colon, sentinels, role
 * UDIs, upper-case state lines (`NOT APPLICABLE`) and the statements above.
 * Everything else is left for `unparsed`.
 */
export function isKnownShape(trimmed: string): boolean {
  return splitKeyValue(trimmed) !== null || isKnownShapeOtherThanKeyValue(trimmed);
}

/** isKnownShape for a content line, with its key-value split computed once per line. */
export function isKnownShapeLine(line: Line): boolean {
  return line.isKeyValue || isKnownShapeOtherThanKeyValue(line.trimmed);
}

function isKnownShapeOtherThanKeyValue(trimmed: string): boolean {
  return (
    (trimmed.endsWith(':') && SUB_HEADER.test(trimmed)) ||
    (trimmed.includes('::') && DOUBLE_COLON_KEY.test(trimmed)) ||
    isSentinel(trimmed) ||
    (isUpperCaseLetter(trimmed.charCodeAt(0)) && UPPER_CASE_STATE.test(trimmed)) ||
    isKnownStatement(trimmed) ||
    parseRoleUdi(trimmed) !== null
  );
}

// The length and first character rule out almost every line before a
// comparison. A Set would first hash the line, a new string each time.
function isKnownStatement(trimmed: string): boolean {
  const first = trimmed.charCodeAt(0);
  for (const statement of KNOWN_STATEMENTS) {
    if (statement.length === trimmed.length && statement.charCodeAt(0) === first && hasTextAt(trimmed, statement)) {
      return true;
    }
  }

  return false;
}

function isUpperCaseLetter(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

/** Marks the lines of a known shape as understood. */
export function useKnownShapes(lines: readonly Line[], context: ParseContext): void {
  for (const line of lines) {
    if (isKnownShapeLine(line)) {
      context.use(line);
    }
  }
}
