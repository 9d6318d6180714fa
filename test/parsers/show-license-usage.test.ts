import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { parseShowLicenseUsage } from '../../src/parsers/show-license-usage.js';
import type { LicenseUsageEntry } from '../../src/parsers/show-license-usage.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/corpus/show-license-usage/${name}`, import.meta.url), 'utf8');
}

// Builds the expected entry for the many samples where name, description and
// feature fields repeat one value.
function policyEntry(
  name: string,
  entitlement: string,
  description: string,
  count: number,
  licenseType: string,
): LicenseUsageEntry {
  return {
    name,
    entitlement,
    description,
    count,
    version: '1.0',
    status: 'IN USE',
    exportStatus: 'NOT RESTRICTED',
    featureName: name,
    featureDescription: description,
    enforcementType: 'NOT ENFORCED',
    licenseType,
    applicationHa: null,
  };
}

function legacyEntry(name: string, entitlement: string, description: string, count: number): LicenseUsageEntry {
  return {
    name,
    entitlement,
    description,
    count,
    version: '1.0',
    status: 'AUTHORIZED',
    exportStatus: 'NOT RESTRICTED',
    featureName: null,
    featureDescription: null,
    enforcementType: null,
    licenseType: null,
    applicationHa: null,
  };
}

// The `License Usage` section of a `show license all` sample, up to the next
// section, with the line breaks of the capture.
function usageSection(name: string): string {
  const text = readFileSync(new URL(`../../fixtures/corpus/show-license-all/${name}`, import.meta.url), 'utf8');
  const start = text.indexOf('License Usage');
  const end = text.indexOf('Product Information', start);
  return text.slice(start, end);
}

describe('show license usage', () => {
  it('reads the authorization block and four stack entries', () => {
    const { record, unparsed, sources } = parseShowLicenseUsage(fixture('c9300-stack-authorization-not-applicable.txt'));

    expect(record.licensingMode).toBe('policy');
    expect(record.authorizationStatus).toBe('Not Applicable');
    expect(record.entries).toEqual([
      policyEntry('network-advantage', 'C9300-24 Network Advantage', 'C9300-24 Network Advantage', 2, 'Perpetual'),
      policyEntry('dna-advantage', 'C9300-24 DNA Advantage', 'C9300-24 DNA Advantage', 2, 'Subscription'),
      policyEntry('network-advantage', 'C9300-48 Network Advantage', 'C9300-48 Network Advantage', 1, 'Perpetual'),
      policyEntry('dna-advantage', 'C9300-48 DNA Advantage', 'C9300-48 DNA Advantage', 1, 'Subscription'),
    ]);
    expect(record.entries[0]?.featureName).toBe('network-advantage');
    expect(sources['authorizationStatus']?.line).toBe(5);
    expect(sources['entries.3']?.line).toBe(40);
    expect(sources['entries.3.licenseType']?.line).toBe(49);
    expect(unparsed).toEqual([]);
  });

  it('splits entries without blank lines between them', () => {
    const { record, unparsed } = parseShowLicenseUsage(fixture('c8000v-17.15.1a-cube-no-blank-between-entries.txt'));

    expect(record.authorizationStatus).toBeNull();
    expect(record.entries).toEqual([
      policyEntry('prem_250M', 'ax_250M', 'prem_250M', 1, 'Subscription'),
      policyEntry('CUBE_T_STD', 'CUBE_T_STD', 'CUBE_T_STD', 121, 'Perpetual'),
    ]);
    expect(unparsed).toEqual([]);
  });

  it('reads entries separated by blank lines', () => {
    const { record, unparsed } = parseShowLicenseUsage(fixture('c8000v-17.18.1a-cube-ts-enh.txt'));

    expect(record.licensingMode).toBe('policy');
    expect(record.entries).toEqual([
      policyEntry('network-essentials_10M', 'ESR_P_10M_E', 'network-essentials_10M', 1, 'Perpetual'),
      policyEntry('CUBE_TS_ENH', 'CUBE_TS_ENH', 'CUBE_TS_ENH', 5, 'Perpetual'),
    ]);
    expect(unparsed).toEqual([]);
  });

  it('reads legacy cBR-8 entries with odd names', () => {
    const { record, unparsed } = parseShowLicenseUsage(fixture('cbr8-legacy-authorized-docsis.txt'));

    expect(record.licensingMode).toBe('legacy');
    expect(record.authorizationStatus).toBeNull();
    expect(record.entries).toEqual([
      legacyEntry(
        'CBR8 DOCSIS 3.0 Downstream Channel License Feature',
        'DS_License',
        'CBR8 DOCSIS 3.0 Downstream Channel License Feature',
        436,
      ),
      legacyEntry(
        'CBR8 DOCSIS 3.0 Upstream Channel License Feature',
        'US_License',
        'CBR8 DOCSIS 3.0 Upstream Channel License Feature',
        81,
      ),
      legacyEntry(
        'cBR DOCSIS 3.0 Line-card N+1 HA License Feature',
        'LCHA_License',
        'cBR DOCSIS 3.0 Line-card HA License Feature',
        1,
      ),
      legacyEntry(
        'CBR8 VOD/SDV Downstream Video QAM License Feature',
        'NC_License',
        'CBR8 VOD/SDV Downstream Video QAM License Feature',
        16,
      ),
      legacyEntry('cBR8 D3.1 Downstream License', 'DS_D31_License', 'cBR DOCSIS 3.1 6MHz Downstream License', 180),
      legacyEntry('cBR8 D3.1 Upstream License', 'US_D31_License', 'cBR DOCSIS 3.1 1MHz Upstream Exclusive License', 62),
      legacyEntry('CBR8 - Supervisor 10G Port License', 'WAN_License', 'CBR8 - Supervisor 10G Port License', 5),
    ]);
    expect(unparsed).toEqual([]);
  });

  it('reads CUBE application HA with peer', () => {
    const { record, unparsed, sources } = parseShowLicenseUsage(
      usageSection('c8200l-17.18.1a-cslu-app-ha-standby-peer-info-sa6.2.0.txt'),
    );

    expect(record.entries.map((entry) => entry.name)).toEqual(['network-premier_10M', 'dna-premier_10M', 'CUBE_TS_ENH']);
    expect(record.entries[0]?.applicationHa).toBeNull();
    expect(record.entries[2]?.licenseType).toBe('Perpetual');
    expect(record.entries[2]?.applicationHa).toEqual({
      applicationName: 'CUBE',
      applicationId: '1',
      applicationRole: 'Standby',
      peer: {
        applicationName: 'CUBE',
        applicationId: '1',
        applicationRole: 'Active',
        hostname: 'Promethium-L1',
        piid: '7261db73-a8b6-490c-a1b6-94790a871e7e',
        udi: { role: null, pid: 'C8200L-1N-4T', sn: 'FGL2435LHLH' },
        smartAccountName: null,
        virtualAccountName: null,
      },
    });
    expect(sources['entries.2.applicationHa.peer.udi']?.text).toBe('      UDI: P:C8200L-1N-4T,S:FGL2435LHLH');
    expect(unparsed).toEqual([]);
  });

  it('reads CUBE application HA without peer', () => {
    const { record, unparsed } = parseShowLicenseUsage(
      usageSection('c8000v-cube-smart-stage-slac-installed-app-ha-sa5.1.21.txt'),
    );

    expect(record.entries.map((entry) => [entry.name, entry.entitlement, entry.count])).toEqual([
      ['prem_250M', 'ax_250M', 1],
      ['CUBE_T_RED', 'CUBE_T_RED', 4],
    ]);
    expect(record.entries[1]?.applicationHa).toEqual({
      applicationName: 'CUBE',
      applicationId: '1',
      applicationRole: 'Active',
      peer: null,
    });
    expect(unparsed).toEqual([]);
  });

  it('reads legacy no licenses in use', () => {
    const { record, unparsed, sources } = parseShowLicenseUsage(
      usageSection('csr1000v-legacy-registered-callhome-sa4.8.5.txt'),
    );

    expect(record.entries).toEqual([]);
    expect(record.licensingMode).toBeNull();
    expect(sources['entries']?.text).toBe('No licenses in use');
    expect(unparsed).toEqual([]);
  });

  it('lists an unknown entry field as unparsed', () => {
    const text = fixture('c8000v-17.18.1a-cube-ts-enh.txt') + '  Some new field: 7\n';

    const { record, unparsed } = parseShowLicenseUsage(text);

    expect(record.entries).toHaveLength(2);
    expect(unparsed).toEqual([{ line: 23, text: '  Some new field: 7' }]);
  });

  it('returns no entries for empty text', () => {
    const { record, unparsed } = parseShowLicenseUsage('');

    expect(record.entries).toEqual([]);
    expect(record.licensingMode).toBeNull();
    expect(unparsed).toEqual([]);
  });
});
