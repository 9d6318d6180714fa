// Golden tests for the evidence command parsers on published IOS XE outputs.
import { describe, expect, it } from 'vitest';

import { parseShowCallHomeProfileAll } from '../../src/parsers/show-call-home-profile-all.js';
import { parseShowNtpStatus } from '../../src/parsers/show-ntp-status.js';
import { normaliseRelease, parseShowVersion } from '../../src/parsers/show-version.js';
import { readFixture } from './golden.js';

describe('parseShowNtpStatus', () => {
  it('reads a synchronised clock', () => {
    const parsed = parseShowNtpStatus(readFixture('show-ntp-status', 'genie-golden-output-1-synchronized-locl.txt'));

    expect(parsed.record).toEqual({ synchronized: true, stratum: 1, reference: '.LOCL.' });
    expect(parsed.sources['synchronized']).toEqual({ line: 2, text: 'Clock is synchronized, stratum 1, reference is .LOCL.' });
    expect(parsed.unparsed).toEqual([]);
  });

  it('returns nulls for other text', () => {
    expect(parseShowNtpStatus('% NTP is not enabled.').record).toEqual({ synchronized: null, stratum: null, reference: null });
  });
});

describe('parseShowVersion', () => {
  it('reads a zero-padded release', () => {
    const parsed = parseShowVersion(readFixture('show-version', 'genie-c9800-cl-17.07.01prd16.txt'));

    expect(parsed.record.versionText).toBe('17.07.01prd16');
    expect(parsed.record.version).toBe('17.7.1prd16');
    expect(parsed.record.smartLicensingStatus).toBe('Registration Not Applicable/Not Applicable');
    expect(parsed.sources['version']).toEqual({ line: 1, text: 'Cisco IOS XE Software, Version 17.07.01prd16' });
  });

  it('normalises release spellings', () => {
    expect(normaliseRelease('17.03.02a')).toBe('17.3.2a');
    expect(normaliseRelease('17.9.1')).toBe('17.9.1');
    expect(normaliseRelease('BLD_POLARIS_DEV_LATEST_20240326_003112')).toBeNull();
  });
});

describe('parseShowCallHomeProfileAll', () => {
  it('reads every profile', () => {
    const parsed = parseShowCallHomeProfileAll(readFixture('show-call-home-profile-all', 'genie-golden-output-tac-http-oddce-url.txt'));

    expect(parsed.record.profiles.map((profile) => profile.name)).toEqual(['CiscoTAC-1', 'MohamedMuskan', 'muskan', 'Shishir', 'test']);
    expect(parsed.record.profiles[0]).toEqual({
      name: 'CiscoTAC-1',
      status: 'ACTIVE',
      transportMethod: 'http',
      httpAddress: 'https://tools.cisco.com/its/service/oddce/services/DDCEService',
    });
    expect(parsed.sources['profiles.0.httpAddress']?.line).toBe(8);
    expect(parsed.unparsed).toEqual([]);
  });

  it('leaves the HTTP address empty for e-mail', () => {
    const parsed = parseShowCallHomeProfileAll(readFixture('show-call-home-profile-all', 'genie-golden-output2-tac-email-transport.txt'));

    expect(parsed.record.profiles).toEqual([{ name: 'CiscoTAC-1', status: 'ACTIVE', transportMethod: 'email', httpAddress: null }]);
    expect(parsed.unparsed).toEqual([]);
  });
});
