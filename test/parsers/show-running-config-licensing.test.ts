// Golden tests for the filtered running configuration on a published IOS XE configuration.
import { describe, expect, it } from 'vitest';

import { parseShowRunningConfigLicensing } from '../../src/parsers/show-running-config-licensing.js';
import { expectAbsent, expectField, readFixture } from './golden.js';

const COMMAND = 'show-running-config-licensing';
const NO_HTTP_CLIENT = 'c9200l-17.6-no-http-client-no-dns.txt';

describe('parseShowRunningConfigLicensing', () => {
  it('reads trustpoints and call-home', () => {
    const parsed = parseShowRunningConfigLicensing(readFixture(COMMAND, NO_HTTP_CLIENT));

    expectField(parsed, 'trustpoints.0', 'TP-self-signed-3639644206', 1);
    expectField(parsed, 'trustpoints.1', 'SLA-TrustPoint', 2);
    expectField(parsed, 'callHome', true, 3);
    expectAbsent(parsed, 'httpClientSecureTrustpoint');
    expectAbsent(parsed, 'httpClientSourceInterface');
    expectAbsent(parsed, 'nameServers');
    expectAbsent(parsed, 'domainName');
    expect(parsed.unparsed).toEqual([]);
  });

  it('reads HTTP client, DNS and NTP lines', () => {
    // No published filtered output carries these lines together, so this
    // adds configuration lines to a copy of a real one. The commands are
    // the ones the licensing configuration guides give.
    const text = [
      'ip http client secure-trustpoint SLA-TrustPoint',
      'ip http client source-interface GigabitEthernet0/0/2',
      'ip http client connection forceclose',
      'ip name-server 192.0.2.53 192.0.2.54',
      'ip name-server vrf Mgmt-vrf 192.0.2.55',
      'ip domain name example.com',
      'ip domain lookup source-interface GigabitEthernet0/0/2',
      'ntp server 192.0.2.123',
      'ntp server vrf Mgmt-vrf ip 192.0.2.124 prefer',
      'license smart transport smart',
      readFixture(COMMAND, NO_HTTP_CLIENT),
    ].join('\n');
    const parsed = parseShowRunningConfigLicensing(text);

    expectField(parsed, 'httpClientSecureTrustpoint', 'SLA-TrustPoint', 1);
    expectField(parsed, 'httpClientSourceInterface', 'GigabitEthernet0/0/2', 2);
    expect(parsed.record.nameServers).toEqual(['192.0.2.53', '192.0.2.54', '192.0.2.55']);
    expect(parsed.sources['nameServers.2']?.line).toBe(5);
    expectField(parsed, 'domainName', 'example.com', 6);
    expect(parsed.record.ntpServers).toEqual(['192.0.2.123', '192.0.2.124']);
    expect(parsed.record.licenseSmart).toEqual(['license smart transport smart']);
    expect(parsed.record.trustpoints).toEqual(['TP-self-signed-3639644206', 'SLA-TrustPoint']);
    expect(parsed.unparsed).toEqual([]);
  });

  it('reads the older ip domain-name form', () => {
    expect(parseShowRunningConfigLicensing('ip domain-name example.com').record.domainName).toBe('example.com');
  });

  it('returns the empty record for empty output', () => {
    const parsed = parseShowRunningConfigLicensing('');

    expect(parsed.record.trustpoints).toEqual([]);
    expect(parsed.record.callHome).toBe(false);
    expect(parsed.unparsed).toEqual([]);
  });
});
