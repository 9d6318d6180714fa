import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { parseShowLicenseSummary } from '../../src/parsers/show-license-summary.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/corpus/show-license-summary/${name}`, import.meta.url), 'utf8');
}

function row(license: string | null, entitlement: string, count: number, status: string) {
  return {
    license,
    licenseTruncated: license?.endsWith('...') ?? false,
    entitlement,
    entitlementTruncated: entitlement.endsWith('...'),
    count,
    status,
  };
}

describe('show license summary', () => {
  it('reads a C9300 stack with account information and cut tags', () => {
    const { record, unparsed, sources } = parseShowLicenseSummary(fixture('c9300-stack-account-info-truncated-tags.txt'));

    expect(record.licensingMode).toBe('policy');
    expect(record.smartLicensingEnabled).toBeNull();
    expect(record.account).toEqual({ smartAccount: null, virtualAccount: null });
    expect(record.registration).toBeNull();
    expect(record.authorization).toBeNull();
    expect(record.licenses).toEqual([
      row('network-advantage', 'C9300-24 Network Advan...', 2, 'IN USE'),
      row('dna-advantage', 'C9300-24 DNA Advantage', 2, 'IN USE'),
      row('network-advantage', 'C9300-48 Network Advan...', 1, 'IN USE'),
      row('dna-advantage', 'C9300-48 DNA Advantage', 1, 'IN USE'),
    ]);
    expect(record.licenses[0]?.entitlementTruncated).toBe(true);
    expect(sources['account.smartAccount']?.line).toBe(5);
    expect(sources['licenses.3']?.line).toBe(14);
    expect(unparsed).toEqual([]);
  });

  it('reads throughput tier and HSEC rows', () => {
    const { record, unparsed } = parseShowLicenseSummary(fixture('isr-premier-5g-hseck9.txt'));

    expect(record.licensingMode).toBe('policy');
    expect(record.account).toBeNull();
    expect(record.licenses).toEqual([
      row('network-premier_5G', 'ESR_P_5G_P', 1, 'IN USE'),
      row('dna-premier_5G', 'DNA_P_5G_P', 1, 'IN USE'),
      row('hseck9', 'DNA_HSEC', 1, 'IN USE'),
    ]);
    expect(unparsed).toEqual([]);
  });

  it('keeps a cut licence name with spaces', () => {
    const { record, unparsed } = parseShowLicenseSummary(fixture('isr1100-hsec-not-in-use-truncated-name.txt'));

    expect(record.licenses).toEqual([
      row('network-advantage_10M', 'ESR_P_10M_A', 1, 'IN USE'),
      row('dna-advantage_10M', 'DNA_P_10M_A', 1, 'IN USE'),
      row('Router US Export Lic...', 'DNA_HSEC', 0, 'NOT IN USE'),
    ]);
    expect(record.licenses[2]?.licenseTruncated).toBe(true);
    expect(record.licensingMode).toBe('policy');
    expect(unparsed).toEqual([]);
  });

  it('reads the lower-case header with deeper rows', () => {
    const { record, unparsed } = parseShowLicenseSummary(fixture('c8000v-17.15.1a-cube-lowercase-tag-odd-columns.txt'));

    expect(record.account).toEqual({ smartAccount: null, virtualAccount: null });
    expect(record.licenses).toEqual([
      row('network-premier_10M', 'ESR_P_10M_P', 1, 'IN USE'),
      row('dna-premier_10M', 'DNA_P_10M_P', 1, 'IN USE'),
      row('CUBE_T_STD', 'CUBE_T_STD', 1, 'IN USE'),
    ]);
    expect(unparsed).toEqual([]);
  });

  it('skips the echoed command with a trailing space', () => {
    const { record, unparsed } = parseShowLicenseSummary(fixture('c8000v-17.18.1a-cube.txt'));

    expect(record.licenses).toEqual([
      row('network-essentials_10M', 'ESR_P_10M_E', 1, 'IN USE'),
      row('CUBE_TS_STD', 'CUBE_TS_STD', 1, 'IN USE'),
    ]);
    expect(unparsed).toEqual([]);
  });

  it('skips the prompt after the table', () => {
    const { record, unparsed } = parseShowLicenseSummary(
      fixture('asr1006x-17.6.1a-inbox-ha-active-no-account-section.txt'),
    );

    expect(record.account).toBeNull();
    expect(record.licenses).toEqual([
      row('adventerprise', 'ASR_1000_AdvEnterprise', 1, 'IN USE'),
      row('ipbase', 'ASR_1000_Ipbase', 1, 'IN USE'),
      row('CUBE_Standard_Session', 'CUBE_T_STD', 10, 'IN USE'),
    ]);
    expect(unparsed).toEqual([]);
  });

  it('reads legacy eval mode rows with a blank name', () => {
    const { record, unparsed, sources } = parseShowLicenseSummary(
      fixture('c9200l-stack-16.9.1-legacy-eval-mode-blank-license-name.txt'),
    );

    expect(record.licensingMode).toBe('legacy');
    expect(record.smartLicensingEnabled).toBe(true);
    expect(record.registration).toEqual({
      status: 'UNREGISTERED',
      smartAccount: null,
      virtualAccount: null,
      exportControlledFunctionality: 'Not Allowed',
      initialRegistration: null,
      lastRenewalAttempt: null,
      nextRenewalAttempt: null,
      registrationExpires: null,
    });
    expect(record.authorization).toEqual({
      status: 'EVAL MODE',
      statusSince: null,
      evaluationPeriodRemaining: '71 days, 22 hours, 1 minutes, 59 seconds',
      lastCommunicationAttempt: null,
      nextCommunicationAttempt: null,
      communicationDeadline: null,
    });
    expect(record.licenses).toEqual([
      row(null, 'C9200L-NW-E-48', 1, 'EVAL MODE'),
      row(null, 'C9200L-NW-E-24', 1, 'EVAL MODE'),
    ]);
    expect(sources['authorization.status']?.line).toBe(8);
    expect(unparsed).toEqual([]);
  });

  it('reads legacy registered and authorized', () => {
    const { record, unparsed } = parseShowLicenseSummary(
      fixture('c9200l-stack-16.9.1-legacy-registered-authorized.txt'),
    );

    expect(record.licensingMode).toBe('legacy');
    expect(record.registration).toEqual({
      status: 'REGISTERED',
      smartAccount: 'BU Production Test',
      virtualAccount: 'DNAC-Licensing',
      exportControlledFunctionality: 'Allowed',
      initialRegistration: null,
      lastRenewalAttempt: null,
      nextRenewalAttempt: { text: 'Mar 11 16:41:39 2019 UTC', iso: '2019-03-11T16:41:39Z' },
      registrationExpires: null,
    });
    expect(record.authorization).toEqual({
      status: 'AUTHORIZED',
      statusSince: null,
      evaluationPeriodRemaining: null,
      lastCommunicationAttempt: 'SUCCEEDED',
      nextCommunicationAttempt: { text: 'Oct 12 16:41:43 2018 UTC', iso: '2018-10-12T16:41:43Z' },
      communicationDeadline: null,
    });
    expect(record.licenses).toEqual([
      row('C9200L Network Essen...', 'C9200L-NW-E-48', 1, 'AUTHORIZED'),
      row('C9200L Network Essen...', 'C9200L-NW-E-24', 1, 'AUTHORIZED'),
    ]);
    expect(unparsed).toEqual([]);
  });

  it('reads dated legacy registration lines', () => {
    // The Registration and License Authorization blocks of a legacy `show
    // license status`, which a registered legacy summary prints the same way.
    const status = readFileSync(
      new URL('../../fixtures/corpus/show-license-status/legacy-registered-out-of-compliance-callhome.txt', import.meta.url),
      'utf8',
    );
    const text = status.slice(status.indexOf('Registration:'), status.indexOf('Export Authorization Key:'));

    const { record, unparsed } = parseShowLicenseSummary(text);

    expect(record.licensingMode).toBe('legacy');
    expect(record.registration).toEqual({
      status: 'REGISTERED',
      smartAccount: 'ACME Corporation',
      virtualAccount: 'Wile E. Coyote',
      exportControlledFunctionality: 'ALLOWED',
      initialRegistration: 'SUCCEEDED on Aug 22 18:58:03 2022 UTC',
      lastRenewalAttempt: null,
      nextRenewalAttempt: { text: 'Feb 18 18:58:03 2023 UTC', iso: '2023-02-18T18:58:03Z' },
      registrationExpires: { text: 'Aug 22 18:52:49 2023 UTC', iso: '2023-08-22T18:52:49Z' },
    });
    expect(record.authorization).toEqual({
      status: 'OUT OF COMPLIANCE',
      statusSince: { text: 'Aug 22 18:58:17 2022 UTC', iso: '2022-08-22T18:58:17Z' },
      evaluationPeriodRemaining: null,
      lastCommunicationAttempt: 'SUCCEEDED on Aug 22 18:58:17 2022 UTC',
      nextCommunicationAttempt: { text: 'Aug 23 06:58:17 2022 UTC', iso: '2022-08-23T06:58:17Z' },
      communicationDeadline: { text: 'Nov 20 18:53:16 2022 UTC', iso: '2022-11-20T18:53:16Z' },
    });
    expect(unparsed).toEqual([]);
  });

  it('lists lines it does not know', () => {
    const text = fixture('isr-premier-5g-hseck9.txt') + 'Some new footer line\n';

    const { record, unparsed } = parseShowLicenseSummary(text);

    expect(record.licenses).toHaveLength(3);
    expect(unparsed).toEqual([{ line: 7, text: 'Some new footer line' }]);
  });

  it('returns an empty record for empty text', () => {
    const { record, unparsed } = parseShowLicenseSummary('');

    expect(record.licenses).toEqual([]);
    expect(record.licensingMode).toBeNull();
    expect(unparsed).toEqual([]);
  });
});
