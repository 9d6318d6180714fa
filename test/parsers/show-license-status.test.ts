import { describe, expect, it } from 'vitest';

import { parseShowLicenseStatus } from '../../src/parsers/show-license-status.js';
import { expectAbsent, expectField, readFixture, time } from './golden.js';

const parse = (file: string) => parseShowLicenseStatus(readFixture('show-license-status', file));

describe('show license status', () => {
  it('reads a CSLU stack with per-UDI trust codes', () => {
    const result = parse('c9300-stack3-cslu-custom-policy-trust-installed.txt');

    expectField(result, 'licensingMode', 'policy', 7);
    expectField(result, 'transport.type', 'cslu', 21);
    expectField(result, 'transport.csluAddress', null, 22);
    expectField(result, 'transport.proxy', null, 23);
    expectField(result, 'transport.vrf', null, 25);
    expectAbsent(result, 'transport.url');
    expectAbsent(result, 'transport.trustPoint');
    expectField(result, 'policy.inUse', 'Installed On Oct 14 11:37:52 2021 UTC', 29);
    expectField(result, 'policy.name', 'Custom Policy', 30);
    expectField(result, 'policy.reportingAckRequired', true, 31);
    expectField(result, 'usageReporting.lastAckReceived', time('Oct 14 12:10:32 2021 UTC', '2021-10-14T12:10:32Z'), 53);
    expectField(result, 'usageReporting.nextAckDeadline', time('Jan 12 12:10:32 2022 UTC', '2022-01-12T12:10:32Z'), 54);
    expectField(result, 'usageReporting.reportingPushInterval', { text: '30  days', days: 30 }, 55);
    expectField(result, 'usageReporting.nextAckPushCheck', null, 56);
    expectField(result, 'usageReporting.nextReportPush', time('Oct 22 04:33:08 2021 UTC', '2021-10-22T04:33:08Z'), 57);
    expectField(result, 'usageReporting.lastReportPush', time('Oct 14 12:09:30 2021 UTC', '2021-10-14T12:09:30Z'), 58);
    expectField(result, 'trustCode.0.udi', { role: 'Active', pid: 'C9300-24UX', sn: 'FCW2303D16Y' }, 62);
    expectField(result, 'trustCode.0.installed', true, 63);
    expect(result.record.trustCode?.[0]?.installedAt).toEqual(time('Oct 14 11:37:52 2021 UTC', '2021-10-14T11:37:52Z'));
    expectField(result, 'trustCode.1.udi', { role: 'Standby', pid: 'C9300-24U', sn: 'FHH2043P09E' }, 64);
    expectField(result, 'trustCode.2.udi', { role: 'Member', pid: 'C9300-48T', sn: 'FCW2139L056' }, 66);
    expect(result.record.trustCode?.[2]?.installedAt?.text).toBe('Oct 14 11:37:53 2021 UTC');
    expect(result.record.trustCode).toHaveLength(3);
    expectAbsent(result, 'registration');
    expect(result.unparsed).toEqual([]);
  });

  it('reads CSLU with an inline empty VRF and no trust code', () => {
    const result = parse('c8000v-17.18.1a-cslu-no-trust-telemetry.txt');

    expectField(result, 'licensingMode', 'policy', 5);
    expectField(result, 'transport.type', 'cslu', 19);
    expectField(result, 'transport.csluAddress', null, 20);
    expectField(result, 'transport.proxy', null, 21);
    expectField(result, 'transport.vrf', null, 23);
    expectField(result, 'policy.inUse', 'Merged from multiple sources.', 26);
    expectField(result, 'policy.reportingAckRequired', true, 27);
    expectField(result, 'usageReporting.lastAckReceived', null, 49);
    expectField(result, 'usageReporting.nextAckDeadline', time('Mar 18 08:00:01 2025 UTC', '2025-03-18T08:00:01Z'), 50);
    expectField(result, 'usageReporting.reportingPushInterval', { text: '30  days', days: 30 }, 51);
    expectField(result, 'usageReporting.nextReportPush', time('Mar 06 09:29:58 2025 UTC', '2025-03-06T09:29:58Z'), 53);
    expectField(result, 'usageReporting.lastReportPush', null, 54);
    expectField(result, 'trustCode', null, 57);
    expect(result.unparsed).toEqual([]);
  });

  it('reads a proxy, no reporting and lower-case est', () => {
    const result = parse('isr4451x-17.12.4-smart-proxy-no-reporting-telemetry.txt');

    expectField(result, 'licensingMode', 'policy', 4);
    expectField(result, 'transport.type', 'smart', 18);
    expectField(result, 'transport.url', 'https://smartreceiver.cisco.com/licservice/license', 19);
    expectField(result, 'transport.proxy', { address: 'proxy.foo.bar.com', port: '80' }, 20);
    expectField(result, 'transport.proxy.address', 'proxy.foo.bar.com', 21);
    expectField(result, 'transport.proxy.port', '80', 22);
    expectField(result, 'transport.vrf', null, 25);
    expectField(result, 'policy.inUse', 'Merged from multiple sources.', 28);
    expectField(result, 'usageReporting.lastAckReceived', time('Aug 03 09:03:25 2024 est', '2024-08-03T14:03:25Z'), 51);
    expectField(result, 'usageReporting.nextAckDeadline', time('Aug 03 09:03:25 2025 est', '2025-08-03T14:03:25Z'), 52);
    expectField(result, 'usageReporting.reportingPushInterval', { text: '0 (no reporting)', days: 0 }, 53);
    expectField(result, 'usageReporting.nextReportPush', null, 55);
    expectField(result, 'usageReporting.lastReportPush', time('Aug 03 09:03:26 2024 est', '2024-08-03T14:03:26Z'), 56);
    expectField(result, 'trustCode', [
      { udi: null, installed: true, installedAt: time('Aug 03 09:02:50 2024 est', '2024-08-03T14:02:50Z'), validOn: null, expiredOn: null, type: null },
    ], 59);
    expect(result.unparsed).toEqual([]);
  });

  it('reads one trust code date for the device', () => {
    const result = parse('smart-sle-policy-trust-date-single.txt');

    expectField(result, 'licensingMode', 'policy', 5);
    expectField(result, 'transport.type', 'smart', 19);
    expectField(result, 'transport.url', 'https://smartreceiver.cisco.com/licservice/license', 20);
    expectField(result, 'transport.proxy', null, 21);
    expectField(result, 'transport.vrf', null, 23);
    expectField(result, 'policy.inUse', 'Installed On Dec 03 08:23:45 2021 UTC', 27);
    expectField(result, 'policy.reportingAckRequired', true, 29);
    expectField(result, 'usageReporting.lastAckReceived', time('Dec 03 08:34:58 2021 UTC', '2021-12-03T08:34:58Z'), 51);
    expectField(result, 'usageReporting.nextAckDeadline', time('Jan 02 08:34:58 2022 UTC', '2022-01-02T08:34:58Z'), 52);
    expectField(result, 'usageReporting.reportingPushInterval', { text: '30  days', days: 30 }, 53);
    expectField(result, 'usageReporting.nextReportPush', time('Jan 02 08:30:57 2022 UTC', '2022-01-02T08:30:57Z'), 55);
    expectField(result, 'usageReporting.lastReportPush', time('Dec 03 08:30:57 2021 UTC', '2021-12-03T08:30:57Z'), 56);
    expectField(result, 'trustCode.0.installedAt', time('Dec 03 08:23:45 2021 UTC', '2021-12-03T08:23:45Z'), 59);
    expect(result.record.trustCode).toHaveLength(1);
    expect(result.record.trustCode?.[0]?.udi).toBeNull();
  });

  it('reads Transport Off as off', () => {
    const result = parse('transport-off-ack-received-no-trust.txt');

    expectField(result, 'licensingMode', 'policy', 4);
    expectField(result, 'transport.type', 'off', 18);
    expectAbsent(result, 'transport.url');
    expectAbsent(result, 'transport.proxy');
    expectField(result, 'policy.inUse', 'Merged from multiple sources.', 21);
    expectField(result, 'policy.reportingAckRequired', true, 22);
    expectField(result, 'usageReporting.lastAckReceived', time('Nov 08 10:31:23 2023 EDT', '2023-11-08T14:31:23Z'), 44);
    expectField(result, 'usageReporting.nextAckDeadline', time('Feb 06 10:31:23 2024 EDT', '2024-02-06T14:31:23Z'), 45);
    expectField(result, 'usageReporting.reportingPushInterval', { text: '30  days', days: 30 }, 46);
    expectField(result, 'usageReporting.nextReportPush', time('Jun 12 11:09:56 2024 EDT', '2024-06-12T15:09:56Z'), 48);
    expectField(result, 'usageReporting.lastReportPush', time('Nov 09 11:18:00 2023 EDT', '2023-11-09T15:18:00Z'), 49);
    expectField(result, 'trustCode', null, 52);
    expect(result.unparsed).toEqual([]);
  });

  it('reads legacy registration with a trailing prompt', () => {
    const result = parse('c1000v-legacy-registered-callhome.txt');

    expectField(result, 'licensingMode', 'legacy', 16);
    expectField(result, 'transport.type', 'callhome', 14);
    expectField(result, 'registration.status', 'REGISTERED', 17);
    expectField(result, 'registration.initialRegistration', { state: 'SUCCEEDED', at: time('Mar 13 08:09:24 2024 UTC', '2024-03-13T08:09:24Z') }, 21);
    expectField(result, 'authorization.status', { state: 'AUTHORIZED', at: time('Mar 13 08:09:28 2024 UTC', '2024-03-13T08:09:28Z') }, 27);
    expectAbsent(result, 'policy.inUse');
    expectAbsent(result, 'usageReporting.nextAckDeadline');
    expectAbsent(result, 'trustCode');
    expect(result.unparsed).toEqual([]);
  });

  it('reads legacy CET time stamps', () => {
    const result = parse('cbr8-legacy-registered-authorized-cet.txt');

    expectField(result, 'licensingMode', 'legacy', 15);
    expectField(result, 'transport.type', 'callhome', 13);
    expectField(result, 'registration.status', 'REGISTERED', 16);
    expectField(result, 'account.smartAccount', 'Ziggo', 17);
    expectField(result, 'account.virtualAccount', 'VFZ Access Engineering', 18);
    expectField(result, 'registration.exportControlledFunctionality', 'ALLOWED', 19);
    expectField(result, 'registration.initialRegistration', { state: 'SUCCEEDED', at: time('Nov 04 09:01:27 2022 CET', '2022-11-04T08:01:27Z') }, 20);
    expectField(result, 'registration.lastRenewalAttempt', { state: 'SUCCEEDED', at: time('May 16 10:01:19 2022 CET', '2022-05-16T09:01:19Z') }, 21);
    expectField(result, 'registration.nextRenewalAttempt', time('May 03 09:01:26 2023 CET', '2023-05-03T08:01:26Z'), 22);
    expectField(result, 'registration.registrationExpires', time('Nov 04 08:55:22 2023 CET', '2023-11-04T07:55:22Z'), 23);
    expectField(result, 'authorization.status', { state: 'AUTHORIZED', at: time('Dec 06 23:14:52 2022 CET', '2022-12-06T22:14:52Z') }, 26);
    expectField(result, 'authorization.lastCommunicationAttempt', { state: 'SUCCEEDED', at: time('Dec 06 23:14:52 2022 CET', '2022-12-06T22:14:52Z') }, 27);
    expectField(result, 'authorization.nextCommunicationAttempt', time('Jan 05 23:14:52 2023 CET', '2023-01-05T22:14:52Z'), 28);
    expectField(result, 'authorization.communicationDeadline', time('Mar 06 23:09:51 2023 CET', '2023-03-06T22:09:51Z'), 29);
    expect(result.unparsed).toEqual([]);
  });

  it('reads legacy registered and authorized', () => {
    const result = parse('csr1000v-legacy-registered-authorized.txt');

    expectField(result, 'licensingMode', 'legacy', 16);
    expectField(result, 'transport.type', 'callhome', 14);
    expectField(result, 'registration.status', 'REGISTERED', 17);
    expectField(result, 'registration.initialRegistration', { state: 'SUCCEEDED', at: time('May 10 16:39:56 2023 UTC', '2023-05-10T16:39:56Z') }, 21);
    expectField(result, 'authorization.status', { state: 'AUTHORIZED', at: time('May 10 16:40:00 2023 UTC', '2023-05-10T16:40:00Z') }, 27);
  });

  it('reads legacy unregistered with no licenses in use', () => {
    const result = parse('csr1000v-legacy-unregistered-no-licenses-in-use.txt');

    expectField(result, 'licensingMode', 'legacy', 16);
    expectField(result, 'transport.type', 'callhome', 14);
    expectField(result, 'registration.status', 'UNREGISTERED', 17);
    expectField(result, 'authorization.status', { state: 'No Licenses in Use', at: null }, 21);
  });

  it('reads legacy out of compliance', () => {
    const result = parse('legacy-registered-out-of-compliance-callhome.txt');

    expectField(result, 'licensingMode', 'legacy', 15);
    expectField(result, 'transport.type', 'callhome', 13);
    expectField(result, 'registration.status', 'REGISTERED', 16);
    expectField(result, 'registration.initialRegistration', { state: 'SUCCEEDED', at: time('Aug 22 18:58:03 2022 UTC', '2022-08-22T18:58:03Z') }, 20);
    expectField(result, 'authorization.status', { state: 'OUT OF COMPLIANCE', at: time('Aug 22 18:58:17 2022 UTC', '2022-08-22T18:58:17Z') }, 26);
  });

  describe('unknown keys in a read section', () => {
    const file = 'c9300-stack3-cslu-custom-policy-trust-installed.txt';
    const capture = readFixture('show-license-status', file);

    it('lists a renamed key as unparsed', () => {
      const renamed = capture.replace('  Next ACK deadline: ', '  Next ACK due by: ');
      expect(renamed).not.toBe(capture);

      const result = parseShowLicenseStatus(renamed);

      expectAbsent(result, 'usageReporting.nextAckDeadline');
      expect(result.record.usageReporting.nextAckDeadline).toBeNull();
      expect(result.unparsed).toEqual([{ line: 54, text: '  Next ACK due by: Jan 12 12:10:32 2022 UTC' }]);
    });

    it('lists an added key as unparsed', () => {
      const added = capture.replace('  Reporting push interval: ', '  Mystery Setting: enabled\r\n  Reporting push interval: ');
      expect(added).not.toBe(capture);

      const result = parseShowLicenseStatus(added);

      expect(result.unparsed).toEqual([{ line: 55, text: '  Mystery Setting: enabled' }]);
      expectField(result, 'usageReporting.reportingPushInterval', { text: '30  days', days: 30 }, 56);
    });
  });
});
