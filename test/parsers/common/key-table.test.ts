import { describe, expect, it } from 'vitest';

import { KeyTable } from '../../../src/parsers/common/key-table.js';
import { contentLines, type Line } from '../../../src/parsers/common/lines.js';

/** Returns the only content line of `text`. */
function lineOf(text: string): Line {
  const [line] = contentLines(text);
  if (line === undefined) {
    throw new Error(`"${text}" has no content line`);
  }

  return line;
}

// `Last Success Time` and `Last Failure Time` share their length and first character.
const TABLE = new KeyTable<string>([
  ['Attempts', 'attempts'],
  ['Last Success Time', 'lastSuccessTime'],
  ['Last Failure Time', 'lastFailureTime'],
  ['Status', 'status'],
]);

describe('KeyTable', () => {
  it('finds keys of equal length and first character', () => {
    expect(TABLE.find(lineOf('  Last Success Time: <none>'))).toBe('lastSuccessTime');
    expect(TABLE.find(lineOf('  Last Failure Time: May 21 13:56:36 2022 UTC'))).toBe('lastFailureTime');
  });

  it('finds a key before an empty value', () => {
    expect(TABLE.find(lineOf('Status:'))).toBe('status');
  });

  it('finds a key with spaces before the colon', () => {
    expect(TABLE.find(lineOf('  Status : ENABLED'))).toBe('status');
  });

  it('misses a key of the same length and first character', () => {
    expect(TABLE.find(lineOf('  Last Renewal Time: <none>'))).toBeUndefined();
    expect(TABLE.find(lineOf('  Statu5: ENABLED'))).toBeUndefined();
  });

  it('misses keys that only start or end alike', () => {
    expect(TABLE.find(lineOf('  Attempts Total: 3'))).toBeUndefined();
    expect(TABLE.find(lineOf('  Stat: ENABLED'))).toBeUndefined();
  });

  it('misses lines that are no key-value line', () => {
    expect(TABLE.find(lineOf('  Attempts:Total=0'))).toBeUndefined();
    expect(TABLE.find(lineOf('  Status ENABLED'))).toBeUndefined();
  });

  it('misses Object.prototype names', () => {
    expect(TABLE.find(lineOf('constructor: x'))).toBeUndefined();
    expect(TABLE.find(lineOf('__proto__: y'))).toBeUndefined();
  });

  it('replaces the value of a key set twice', () => {
    const table = new KeyTable<number>([
      ['Status', 1],
      ['Stage', 2],
    ]);
    table.set('Status', 3);

    expect(table.find(lineOf('Status: ENABLED'))).toBe(3);
    expect(table.find(lineOf('Stage: 1'))).toBe(2);
  });
});
