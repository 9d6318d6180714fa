// Lines whose key is a property of Object.prototype must not count as understood.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { PARSERS } from '../../src/parsers/index.js';

// The status parsers keep every `key: value` line as an unknown field of its section, so they are not listed.
const CASES: Array<[string, string]> = [
  ['show-license-summary', 'show-license-summary/c8000v-17.18.1a-cube.txt'],
  ['show-license-usage', 'show-license-usage/c8000v-17.18.1a-cube-ts-enh.txt'],
  ['show-license-authorization', 'show-license-authorization/c9300-standalone-not-installed.txt'],
  ['show-license', 'show-license-legacy-csl/isr4k-csl-rtu-show-license.txt'],
];

const TRAPS = ['constructor: trap', 'toString:', '__proto__: trap', 'hasOwnProperty: trap'];

describe('parsers and prototype keys', () => {
  for (const [id, file] of CASES) {
    it(`${id} reports prototype keys as unparsed`, () => {
      const text = readFileSync(path.resolve('fixtures/corpus', file), 'utf8');
      const lines = text.split('\n');
      // In the middle of the output, where the parser looks field names up in its tables.
      const middle = Math.floor(lines.length / 2);
      const damaged = [...lines.slice(0, middle), ...TRAPS, ...lines.slice(middle)].join('\n');

      const result = PARSERS[id]!(damaged);
      const unparsed = result.unparsed.map((line) => line.text.trim());

      for (const trap of TRAPS) {
        expect(unparsed, `${id}: ${trap}`).toContain(trap);
      }
    });
  }
});
