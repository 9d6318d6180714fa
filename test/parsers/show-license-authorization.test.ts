import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { parseShowLicenseAuthorization } from '../../src/parsers/show-license-authorization.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/corpus/show-license-authorization/${name}`, import.meta.url), 'utf8');
}

// The `License Authorizations` block of a `show license all` sample, up to the
// next section, with the line breaks of the capture.
function authorizationBlock(name: string): string {
  const text = readFileSync(new URL(`../../fixtures/corpus/show-license-all/${name}`, import.meta.url), 'utf8');
  const start = text.indexOf('License Authorizations');
  const end = text.indexOf('Usage Report Summary', start);
  return text.slice(start, end);
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

  it('reads an installed SLAC in show license all', () => {
    const { record, unparsed } = parseShowLicenseAuthorization(
      authorizationBlock('c8000v-cube-smart-stage-slac-installed-app-ha-sa5.1.21.txt'),
    );

    expect(record.lastDataPush).toBeNull();
    expect(record.lastFileExport).toBeNull();
    expect(record.authorizations).toEqual([
      {
        udi: { role: 'Active', pid: 'C8000V', sn: '93POM8FF9IZ' },
        status: 'SMART AUTHORIZATION INSTALLED',
        installed: true,
        installedAt: { text: 'Sep 21 13:48:56 2021 UTC', iso: '2021-09-21T13:48:56Z' },
        lastConfirmationCode: '1fc54c75',
        lastReturnCode: null,
      },
    ]);
    expect(record.purchaseInformationAvailable).toBe(false);
    expect(record.derivedEntitlementTags).toEqual([
      'regid.2014-05.com.cisco.ax_250M,1.0_b59e576b-91a4-4bf3-9031-5f7543d33912',
    ]);
    expect(unparsed).toEqual([]);
  });

  it('reads every UDI of a four-member stack', () => {
    const { record, unparsed } = parseShowLicenseAuthorization(
      authorizationBlock('c9350-stack4-smart-proxy-trust-installed-sa5.11.4.txt'),
    );

    expect(record.authorizations.map((entry) => [entry.udi, entry.status, entry.installed])).toEqual([
      [{ role: 'Active', pid: 'C9350-24U', sn: 'FOC2705Y8X0' }, 'NOT INSTALLED', false],
      [{ role: 'Standby', pid: 'C9350-24U', sn: 'FOC2705Y8XF' }, 'NOT INSTALLED', false],
      [{ role: 'Member', pid: 'C9350-24U', sn: 'FOC2718Y66X' }, 'NOT INSTALLED', false],
      [{ role: 'Member', pid: 'C9350-24U', sn: 'FOC2719YOHR' }, 'NOT INSTALLED', false],
    ]);
    expect(unparsed).toEqual([]);
  });

  it('reads the same UDI twice on a dual supervisor', () => {
    const { record, unparsed } = parseShowLicenseAuthorization(
      authorizationBlock('c9407r-dualsup-smart-proxy-sle-policy-sa5.11.2.txt'),
    );

    expect(record.authorizations.map((entry) => [entry.udi, entry.status])).toEqual([
      [{ role: 'Active', pid: 'C9407R', sn: 'FXS2119Q2U7' }, 'NOT INSTALLED'],
      [{ role: 'Standby', pid: 'C9407R', sn: 'FXS2119Q2U7' }, 'NOT INSTALLED'],
    ]);
    expect(record.purchaseInformationAvailable).toBe(false);
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
