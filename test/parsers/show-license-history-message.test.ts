import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { parseShowLicenseHistoryMessage } from '../../src/parsers/show-license-history-message.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/corpus/show-license-history-message/${name}`, import.meta.url), 'utf8');
}

function empty(name: string) {
  return { name, hasHistory: false, entries: [] };
}

describe('show license history message', () => {
  it('reads both blocks with no past history', () => {
    const { record, unparsed, sources } = parseShowLicenseHistoryMessage(fixture('c9300-no-past-history.txt'));

    expect(record.messageHistory).toEqual([
      empty('Trust Establishment'),
      empty('Usage Reporting'),
      empty('Result Polling'),
      empty('Authorization Request'),
      empty('Authorization Return'),
      empty('Trust Sync'),
    ]);
    expect(record.importHistory).toEqual([
      empty('POLICY'),
      empty('AUTH'),
      empty('TRUST CODE'),
      empty('RUM ACK'),
      empty('CONVERSION ACK'),
      empty('ACCOUNT INFO'),
    ]);
    expect(sources['messageHistory']?.line).toBe(2);
    expect(sources['importHistory']?.line).toBe(17);
    expect(sources['importHistory.5']).toEqual({ line: 34, text: 'Import ACCOUNT INFO:' });
    expect(unparsed).toEqual([]);
  });

  it('keeps lines under a category as entries', () => {
    const text = fixture('c9300-no-past-history.txt').replace(
      'Trust Sync:\n  No past history\n',
      'Trust Sync:\n  a history line\n',
    );

    const { record, unparsed } = parseShowLicenseHistoryMessage(text);

    expect(record.messageHistory?.[5]).toEqual({ name: 'Trust Sync', hasHistory: true, entries: ['a history line'] });
    expect(unparsed).toEqual([{ line: 15, text: '  a history line' }]);
  });

  it('returns null blocks for empty text', () => {
    const { record, unparsed } = parseShowLicenseHistoryMessage('');

    expect(record.messageHistory).toBeNull();
    expect(record.importHistory).toBeNull();
    expect(unparsed).toEqual([]);
  });
});
