import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { parseShowLicenseAuthorization } from '../../src/parsers/show-license-authorization.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/corpus/show-license-authorization/${name}`, import.meta.url), 'utf8');
}

describe('show license authorization', () => {
  it('reads a standalone C9300 without a SLAC', () => {
    const { record, unparsed, sources } = parseShowLicenseAuthorization(fixture('c9300-standalone-not-installed.txt'));

    expect(record.authorizations).toEqual([
      {
        udi: { role: 'Active', pid: 'C9300-24UX', sn: 'FCW2147L0C5' },
        status: 'NOT INSTALLED',
        installed: false,
        installedAt: null,
        lastConfirmationCode: null,
        lastReturnCode: null,
      },
    ]);
    expect(record.purchaseInformationAvailable).toBe(false);
    expect(record.purchasedLicenses).toEqual([]);
    expect(record.derivedEntitlementTags).toEqual([]);
    expect(record.lastDataPush).toBeNull();
    expect(record.lastFileExport).toBeNull();
    expect(sources['authorizations.0.udi']).toEqual({ line: 3, text: '  Active: PID:C9300-24UX,SN:FCW2147L0C5' });
    expect(sources['authorizations.0.status']?.line).toBe(4);
    expect(sources['purchaseInformationAvailable']?.line).toBe(7);
    expect(unparsed).toEqual([]);
  });

  it('lists an unknown line under a UDI', () => {
    const text = fixture('c9300-standalone-not-installed.txt').replace(
      '      Status: NOT INSTALLED\n',
      '      Status: NOT INSTALLED\n      Some new field: x\n',
    );

    const { record, unparsed } = parseShowLicenseAuthorization(text);

    expect(record.authorizations).toHaveLength(1);
    expect(unparsed).toEqual([{ line: 5, text: '      Some new field: x' }]);
  });

  it('returns nothing for empty text', () => {
    const { record, unparsed } = parseShowLicenseAuthorization('');

    expect(record.authorizations).toEqual([]);
    expect(record.purchaseInformationAvailable).toBeNull();
    expect(unparsed).toEqual([]);
  });
});
