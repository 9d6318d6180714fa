// Helpers for the golden tests: read a corpus fixture, and check one record
// field together with the line it was read from.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { expect } from 'vitest';

import type { DeviceTime } from '../../src/model/facts.js';
import type { ParseResult } from '../../src/parsers/types.js';

const CORPUS = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));

/** Reads a corpus capture byte for byte (CRLF, missing final newline and all). */
export function readFixture(command: string, file: string): string {
  return readFileSync(`${CORPUS}${command}/${file}`, 'utf8');
}

/** A device time as the parser should return it. */
export function time(text: string, iso: string | null): DeviceTime {
  return { text, iso };
}

/** Walks a dotted path (`transport.proxy.port`, `udis.1.sn`) through a record. */
export function valueAt(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') {
      return undefined;
    }
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Checks that `path` has the value `expected` and was read from line `line` of the capture. */
export function expectField(result: ParseResult<unknown>, path: string, expected: unknown, line: number): void {
  expect(valueAt(result.record, path), `value of ${path}`).toEqual(expected);
  expect(result.sources[path]?.line, `source line of ${path}`).toBe(line);
}

/** Checks that the capture does not show `path`: null value and no source. */
export function expectAbsent(result: ParseResult<unknown>, path: string): void {
  const value = valueAt(result.record, path);
  expect(value === null || (Array.isArray(value) && value.length === 0), `value of ${path}`).toBe(true);
  expect(result.sources[path], `source of ${path}`).toBeUndefined();
}
