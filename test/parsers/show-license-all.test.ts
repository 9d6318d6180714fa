import { describe, expect, it } from 'vitest';

import type { Udi } from '../../src/model/facts.js';
import { parseShowLicenseAll } from '../../src/parsers/show-license-all.js';
import { expectAbsent, expectField, readFixture, time } from './golden.js';

const parse = (file: string) => parseShowLicenseAll(readFixture('show-license-all', file));
const udi = (role: string | null, pid: string, sn: string): Udi => ({ role, pid, sn });

const trustSummary = (result: ReturnType<typeof parse>) =>
  result.record.trustCode?.map((entry) => ({ udi: entry.udi, installed: entry.installed, installedAt: entry.installedAt?.text ?? null })) ?? null;

describe('show license all', () => {
  it('reads a CUBE router with one trust date and SLAC', () => {
    const result = parse('c8000v-cube-smart-stage-slac-installed-app-ha-sa5.1.21.txt');

    expectField(result, 'licensingMode', 'policy', 19);
    expectField(result, 'transport.type', 'smart', 34);
    expectField(result, 'transport.url', 'https://smartreceiver-stage.cisco.com/licservice/license', 35);
    expectField(result, 'transport.proxy', null, 36);
    expectField(result, 'transport.vrf', null, 38);
    expectField(result, 'policy.inUse', 'Installed On Apr 20 13:26:18 2021 UTC', 44);
    expectField(result, 'usageReporting.lastAckReceived', time('Oct 08 13:56:07 2021 UTC', '2021-10-08T13:56:07Z'), 65);
    expectField(result, 'usageReporting.nextAckDeadline', time('Dec 07 13:56:07 2021 UTC', '2021-12-07T13:56:07Z'), 66);
    expectField(result, 'usageReporting.reportingPushInterval', { text: '1  days', days: 1 }, 67);
    expectField(result, 'trustCode.0.installedAt', time('Apr 20 13:26:18 2021 UTC', '2021-04-20T13:26:18Z'), 73);
    expect(trustSummary(result)).toEqual([{ udi: null, installed: true, installedAt: 'Apr 20 13:26:18 2021 UTC' }]);
    expectField(result, 'udis', [udi(null, 'C8000V', '93POM8FF9IZ')], 105);
    expectField(result, 'agentVersion', '5.1.21_rel/96', 109);
  });

  it('ignores the peer UDI under Application HA Info', () => {
    const result = parse('c8200l-17.18.1a-cslu-app-ha-standby-peer-info-sa6.2.0.txt');

    expectField(result, 'licensingMode', 'policy', 21);
    expectField(result, 'transport.type', 'cslu', 36);
    expectField(result, 'transport.csluAddress', 'http://8.39.22.48/cslu/v1/pi/CUBE%20Regression%20Mirabile-1', 37);
    expectField(result, 'transport.proxy', null, 38);
    expectField(result, 'policy.inUse', 'Installed On Dec 06 14:35:24 2024 IST', 46);
    expectField(result, 'usageReporting.lastAckReceived', time('Jan 30 23:57:03 2025 IST', '2025-01-30T18:27:03Z'), 67);
    expectField(result, 'usageReporting.nextAckDeadline', time('Mar 31 23:57:03 2025 IST', '2025-03-31T18:27:03Z'), 68);
    expect(trustSummary(result)).toEqual([{ udi: null, installed: true, installedAt: 'Apr 08 12:56:59 2021 IST' }]);
    expectField(result, 'udis', [udi(null, 'C8200L-1N-4T', 'FGL2435LHP5')], 128);
    expectField(result, 'agentVersion', '6.2.0/11094e344', 132);
  });

  it('reads Callhome on a stack without trust code', () => {
    const result = parse('c9300-stack3-callhome-default-policy-sa5.3.10.txt');

    expectField(result, 'licensingMode', 'policy', 16);
    expectField(result, 'transport.type', 'callhome', 30);
    expectAbsent(result, 'transport.url');
    expectField(result, 'policy.inUse', 'Merged from multiple sources.', 36);
    expectField(result, 'usageReporting.lastAckReceived', null, 56);
    expectField(result, 'usageReporting.nextAckDeadline', time('Feb 07 10:32:11 2022 UTC', '2022-02-07T10:32:11Z'), 57);
    expectField(result, 'trustCode', null, 64);
    expect(result.record.udis).toEqual([udi('Active', 'C9300-24UX', 'FCW2303D16Y'), udi('Standby', 'C9300-24U', 'FHH2043P09E'), udi('Member', 'C9300-48T', 'FCW2139L056')]);
    expect(result.sources['udis.2']?.line).toBe(120);
    expectField(result, 'agentVersion', '5.3.10_rel/25', 124);
  });

  it('reads merged CSSM trust lines and no reporting', () => {
    const result = parse('c9350-stack3-smart-stage-no-reporting-cssm-trust-sa6.3.10.txt');

    expectField(result, 'licensingMode', 'policy', 18);
    expectField(result, 'transport.type', 'smart', 33);
    expectField(result, 'transport.url', 'https://smartreceiver-stage.cisco.com/licservice/license', 34);
    expectField(result, 'policy.inUse', 'Installed On Apr 23 15:28:43 2025 IST', 43);
    expectField(result, 'usageReporting.lastAckReceived', time('Apr 23 15:28:43 2025 IST', '2025-04-23T09:58:43Z'), 64);
    expectField(result, 'usageReporting.nextAckDeadline', null, 65);
    expectField(result, 'usageReporting.reportingPushInterval', { text: '0 (no reporting)', days: 0 }, 66);
    expect(trustSummary(result)).toEqual([
      { udi: udi('Active', 'C9350-48T', 'FOC2820Y07F'), installed: true, installedAt: 'Apr 23 15:28:43 2025 IST' },
      { udi: udi('Standby', 'C9350-48P', 'FOC2823Y0QC'), installed: true, installedAt: 'Apr 23 15:28:43 2025 IST' },
      { udi: udi('Member', 'C9350-24T', 'FOC2823Y1LN'), installed: true, installedAt: 'Apr 23 15:28:43 2025 IST' },
    ]);
    expect(result.record.trustCode?.[2]?.validOn?.text).toBe('Apr 23 15:23:42 2025 IST');
    expect(result.sources['trustCode']?.line).toBe(72);
    expect(result.record.udis).toEqual([udi('Active', 'C9350-48T', 'FOC2820Y07F'), udi('Standby', 'C9350-48P', 'FOC2823Y0QC'), udi('Member', 'C9350-24T', 'FOC2823Y1LN')]);
    expectField(result, 'agentVersion', '6.3.10/58086906e', 119);
  });

  it('reads a four-member stack behind a proxy', () => {
    const result = parse('c9350-stack4-smart-proxy-trust-installed-sa5.11.4.txt');

    expectField(result, 'licensingMode', 'policy', 18);
    expectField(result, 'transport.type', 'smart', 33);
    expectField(result, 'transport.proxy', { address: '173.36.224.109', port: '80' }, 35);
    expectField(result, 'usageReporting.lastAckReceived', time('Mar 15 20:10:40 2024 UTC', '2024-03-15T20:10:40Z'), 67);
    expectField(result, 'usageReporting.nextAckDeadline', time('May 14 20:10:40 2024 UTC', '2024-05-14T20:10:40Z'), 68);
    expect(trustSummary(result)).toHaveLength(4);
    expectField(result, 'trustCode.3.udi', udi('Member', 'C9350-24U', 'FOC2719YOHR'), 82);
    expectField(result, 'trustCode.3.installedAt', time('Mar 13 21:32:52 2024 UTC', '2024-03-13T21:32:52Z'), 83);
    expect(result.record.udis.map((u) => u.role)).toEqual(['Active', 'Standby', 'Member', 'Member']);
    expectField(result, 'agentVersion', '5.11.4_rel/20', 122);
  });

  it('keeps both supervisors of one chassis', () => {
    const result = parse('c9407r-dualsup-smart-proxy-sle-policy-sa5.11.2.txt');

    expectField(result, 'transport.type', 'smart', 32);
    expectField(result, 'transport.proxy', { address: '173.36.224.109', port: '80' }, 34);
    expectField(result, 'policy.inUse', 'Installed On Oct 24 15:07:43 2023 PDT', 44);
    expectField(result, 'usageReporting.nextAckDeadline', time('Feb 16 11:05:11 2024 PDT', '2024-02-16T18:05:11Z'), 65);
    expect(trustSummary(result)).toEqual([
      { udi: udi('Active', 'C9407R', 'FXS2119Q2U7'), installed: true, installedAt: 'Nov 22 11:34:47 2023 PDT' },
      { udi: udi('Standby', 'C9407R', 'FXS2119Q2U7'), installed: true, installedAt: 'Nov 22 11:34:47 2023 PDT' },
    ]);
    expect(result.record.udis).toEqual([udi('Active', 'C9407R', 'FXS2119Q2U7'), udi('Standby', 'C9407R', 'FXS2119Q2U7')]);
    expectField(result, 'agentVersion', '5.11.2_rel/6', 87);
  });

  it('reads legacy registration', () => {
    const result = parse('csr1000v-legacy-registered-callhome-sa4.8.5.txt');

    expectField(result, 'licensingMode', 'legacy', 6);
    expectField(result, 'registration.status', 'REGISTERED', 7);
    expectField(result, 'authorization.status', { state: 'AUTHORIZED', at: time('Mar 13 08:09:28 2024 UTC', '2024-03-13T08:09:28Z') }, 17);
    expectField(result, 'transport.type', 'callhome', 36);
    expectAbsent(result, 'trustCode');
    expectAbsent(result, 'policy.inUse');
    expectField(result, 'udis', [udi(null, 'CSR1000V', '9NZ7O74FICQ')], 45);
    expectField(result, 'agentVersion', '4.8.5.4_rel/22', 49);
  });

  it('leaves only the glued prompt unparsed', () => {
    const glued = parse('c8000v-cube-smart-stage-slac-installed-app-ha-sa5.1.21.txt');
    expect(glued.unparsed.map((line) => line.line)).toEqual([122]);

    for (const file of ['c8200l-17.18.1a-cslu-app-ha-standby-peer-info-sa6.2.0.txt', 'c9300-stack3-callhome-default-policy-sa5.3.10.txt', 'c9350-stack3-smart-stage-no-reporting-cssm-trust-sa6.3.10.txt', 'c9350-stack4-smart-proxy-trust-installed-sa5.11.4.txt', 'c9407r-dualsup-smart-proxy-sle-policy-sa5.11.2.txt', 'csr1000v-legacy-registered-callhome-sa4.8.5.txt']) {
      expect(parse(file).unparsed, file).toEqual([]);
    }
  });

  it('reads Reporting Mode where printed', () => {
    const reportingModeLines: Array<[string, number | null]> = [
      ['c8000v-cube-smart-stage-slac-installed-app-ha-sa5.1.21.txt', 21],
      ['c8200l-17.18.1a-cslu-app-ha-standby-peer-info-sa6.2.0.txt', 23],
      ['c9300-stack3-callhome-default-policy-sa5.3.10.txt', null],
      ['c9350-stack3-smart-stage-no-reporting-cssm-trust-sa6.3.10.txt', 20],
      ['c9350-stack4-smart-proxy-trust-installed-sa5.11.4.txt', 20],
      ['c9407r-dualsup-smart-proxy-sle-policy-sa5.11.2.txt', 20],
      ['csr1000v-legacy-registered-callhome-sa4.8.5.txt', null],
    ];

    for (const [file, line] of reportingModeLines) {
      if (line === null) {
        expectAbsent(parse(file), 'reportingMode');
      } else {
        expectField(parse(file), 'reportingMode', 'STANDARD', line);
      }
    }
  });
});
