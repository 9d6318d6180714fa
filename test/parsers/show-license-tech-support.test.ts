import { describe, expect, it } from 'vitest';

import type { DeviceTime, Udi } from '../../src/model/facts.js';
import { parseShowLicenseTechSupport } from '../../src/parsers/show-license-tech-support.js';
import { expectAbsent, expectField, readFixture, time } from './golden.js';

type Field<T> = [value: T, line: number];

/** What each capture shows, read from the capture text; `undefined` means the capture does not show it. */
interface Expected {
  file: string;
  licensingMode: number;
  transportType: Field<string>;
  url?: Field<string>;
  csluAddress?: Field<string | null>;
  proxy: Field<{ address: string; port: string } | null>;
  trustPoint?: Field<string>;
  policyInUse?: Field<string>;
  lastAckReceived?: Field<DeviceTime | null>;
  nextAckDeadline?: Field<DeviceTime>;
  intervalDays?: Field<number>;
  /** `null` for `<none>`, else installed flag and time per entry; line of the section header or first trust line. */
  trustCode?: Field<Array<{ udi: Udi | null; installed: boolean; installedAt: string | null }> | null>;
  udis?: Udi[];
  agentVersion?: Field<string>;
  currentTime?: Field<DeviceTime>;
  clockSyncedWithNtp?: Field<boolean>;
  overallState?: Field<string | null>;
  /** One message class with failures: kind, counters and failure reason. */
  failing?: { kind: string; total: number; success: number; fail: number; overall: number; communication: number; failureReason: string | null; line: number };
}

const SMART_URL = 'https://smartreceiver.cisco.com/licservice/license';
const udi = (role: string | null, pid: string, sn: string): Udi => ({ role, pid, sn });

const CASES: Expected[] = [
  {
    file: 'c9300-48u-17.18.02-cslu-ipmode-trustpoint-first50lines.txt',
    licensingMode: 20,
    transportType: ['cslu', 35],
    csluAddress: [null, 36],
    proxy: [null, 37],
    trustPoint: ['SLA-TrustPoint', 45],
  },
  {
    file: 'c9300-ha-cslu-empty-address-clock-unsynced-sa5.9.4.txt',
    licensingMode: 15,
    transportType: ['cslu', 29],
    csluAddress: [null, 30],
    proxy: [null, 31],
    policyInUse: ['Merged from multiple sources.', 43],
    lastAckReceived: [null, 62],
    nextAckDeadline: [time('Sep 25 11:23:47 2022 UTC', '2022-09-25T11:23:47Z'), 63],
    intervalDays: [30, 64],
    trustCode: [[{ udi: udi(null, 'C9300-48S', 'FOC2517L8KW'), installed: false, installedAt: null }, { udi: udi(null, 'C9300-24S', 'FOC2517L9RJ'), installed: false, installedAt: null }], 383],
    udis: [udi('Active', 'C9300-48S', 'FOC2517L8KW'), udi('Standby', 'C9300-24S', 'FOC2517L9RJ')],
    agentVersion: ['5.9.4_rel/9', 165],
    currentTime: [time('Jul 13 13:18:05 2023 UTC', '2023-07-13T13:18:05Z'), 169],
    clockSyncedWithNtp: [false, 386],
    overallState: [null, 184],
    failing: { kind: 'Hello Message', total: 30, success: 0, fail: 30, overall: 30, communication: 30, failureReason: null, line: 233 },
  },
  {
    file: 'c9300-stack3-cslu-custom-policy-no-trust-sa5.3.16.txt',
    licensingMode: 18,
    transportType: ['cslu', 32],
    csluAddress: ['http://172.19.180.22:8182/cslu/v1/pi', 33],
    proxy: [null, 34],
    policyInUse: ['Installed On Jan 10 17:18:01 2022 UTC', 46],
    lastAckReceived: [time('Jan 10 20:32:26 2022 UTC', '2022-01-10T20:32:26Z'), 67],
    nextAckDeadline: [time('Apr 10 20:32:26 2022 UTC', '2022-04-10T20:32:26Z'), 68],
    intervalDays: [30, 69],
    trustCode: [
      [
        { udi: udi(null, 'C9300-24UX', 'FCW2134L00C'), installed: false, installedAt: null },
        { udi: udi(null, 'C9300-24U', 'FOC2129Z02H'), installed: false, installedAt: null },
        { udi: udi(null, 'C9300-24T', 'FCW2125L07Y'), installed: false, installedAt: null },
      ],
      388,
    ],
    udis: [udi('Active', 'C9300-24UX', 'FCW2134L00C'), udi('Standby', 'C9300-24U', 'FOC2129Z02H'), udi('Member', 'C9300-24T', 'FCW2125L07Y')],
    agentVersion: ['5.3.16_rel/55', 172],
    currentTime: [time('Jan 11 13:28:08 2022 UTC', '2022-01-11T13:28:08Z'), 176],
    clockSyncedWithNtp: [true, 392],
    overallState: [null, 194],
    failing: { kind: 'Hello Message', total: 12, success: 9, fail: 3, overall: 3, communication: 3, failureReason: null, line: 243 },
  },
  {
    file: 'c9300-stack3-cslu-no-ack-no-trust-sa5.5.11.txt',
    licensingMode: 18,
    transportType: ['cslu', 32],
    csluAddress: ['http://172.19.180.22:8182/cslu/v1/pi', 33],
    proxy: [null, 34],
    policyInUse: ['Merged from multiple sources.', 46],
    lastAckReceived: [null, 66],
    nextAckDeadline: [time('Apr 06 13:28:03 2023 UTC', '2023-04-06T13:28:03Z'), 67],
    intervalDays: [30, 68],
    trustCode: [
      [
        { udi: udi(null, 'C9300-24UX', 'FCW2134L00C'), installed: false, installedAt: null },
        { udi: udi(null, 'C9300-24U', 'FOC2129Z02H'), installed: false, installedAt: null },
        { udi: udi(null, 'C9300-24T', 'FCW2125L07Y'), installed: false, installedAt: null },
      ],
      362,
    ],
    udis: [udi('Active', 'C9300-24UX', 'FCW2134L00C'), udi('Standby', 'C9300-24U', 'FOC2129Z02H'), udi('Member', 'C9300-24T', 'FCW2125L07Y')],
    agentVersion: ['5.5.11_rel/31', 150],
    currentTime: [time('May 21 14:10:53 2022 UTC', '2022-05-21T14:10:53Z'), 154],
    clockSyncedWithNtp: [true, 366],
    overallState: [null, 169],
    failing: { kind: 'Hello Message', total: 11, success: 0, fail: 11, overall: 11, communication: 11, failureReason: null, line: 218 },
  },
  {
    file: 'c9300-stack3-cslu-trust-none-clock-unsynced-sa5.10.1.txt',
    licensingMode: 18,
    transportType: ['cslu', 32],
    csluAddress: [null, 33],
    proxy: [null, 34],
    policyInUse: ['Merged from multiple sources.', 46],
    lastAckReceived: [null, 66],
    nextAckDeadline: [time('Feb 22 22:52:03 2024 PDT', '2024-02-23T05:52:03Z'), 67],
    intervalDays: [30, 68],
    trustCode: [null, 267],
    udis: [udi('Active', 'C9300-48UXM', 'FOC2617YTXX'), udi('Standby', 'C9300-48U', 'FOC2618YCVZ'), udi('Member', 'C9300-24U', 'FOC2617YMQU')],
    agentVersion: ['5.10.1_rel/5', 129],
    currentTime: [time('Dec 02 10:15:21 2023 PDT', '2023-12-02T17:15:21Z'), 133],
    clockSyncedWithNtp: [false, 360],
    overallState: [null, 148],
    failing: { kind: 'Hello Message', total: 210, success: 0, fail: 210, overall: 210, communication: 210, failureReason: null, line: 197 },
  },
  {
    file: 'c9300-stack3-offline-transport-licengine-fail-sa6.0.1.txt',
    licensingMode: 23,
    transportType: ['smart', 38],
    url: [SMART_URL, 39],
    proxy: [null, 40],
    trustPoint: ['SLA-TrustPoint', 48],
    policyInUse: ['Merged from multiple sources.', 54],
    lastAckReceived: [null, 74],
    nextAckDeadline: [time('Oct 27 17:00:51 2024 UTC', '2024-10-27T17:00:51Z'), 75],
    intervalDays: [30, 76],
    trustCode: [null, 82],
    udis: [udi('Active', 'C9300-24P', 'FOC2334W0K5'), udi('Standby', 'C9300-48U', 'FOC2133Z047'), udi('Member', 'C9300-24U', 'FCW2224L0GH')],
    agentVersion: ['6.0.1_poc1/11a656bb3', 181],
    currentTime: [time('Jul 29 17:05:54 2024 UTC', '2024-07-29T17:05:54Z'), 185],
    clockSyncedWithNtp: [false, 419],
    overallState: ['Device configured for Offline transport', 200],
    failing: { kind: 'Trust Sync', total: 2, success: 1, fail: 1, overall: 1, communication: 0, failureReason: 'Server error occurred: LS_LICENGINE_FAIL_TO_CONNECT', line: 243 },
  },
  {
    file: 'c9300-stack3-smart-trust-installed-sa5.1.26.txt',
    licensingMode: 18,
    transportType: ['smart', 28],
    url: [SMART_URL, 29],
    proxy: [null, 30],
    policyInUse: ['Installed On Mar 22 11:19:35 2022 UTC', 41],
    lastAckReceived: [time('Mar 22 12:19:01 2022 UTC', '2022-03-22T12:19:01Z'), 62],
    nextAckDeadline: [time('May 21 12:19:01 2022 UTC', '2022-05-21T12:19:01Z'), 63],
    intervalDays: [30, 64],
    trustCode: [
      [
        { udi: udi(null, 'C9300-24UX', 'FCW2134L00C'), installed: true, installedAt: null },
        { udi: udi(null, 'C9300-24U', 'FOC2129Z02H'), installed: true, installedAt: null },
        { udi: udi(null, 'C9300-24T', 'FCW2125L07Y'), installed: true, installedAt: null },
      ],
      369,
    ],
    udis: [udi('Active', 'C9300-24UX', 'FCW2134L00C'), udi('Standby', 'C9300-24U', 'FOC2129Z02H'), udi('Member', 'C9300-24T', 'FCW2125L07Y')],
    agentVersion: ['5.1.26_rel/120', 163],
    currentTime: [time('Mar 22 14:48:32 2022 UTC', '2022-03-22T14:48:32Z'), 167],
    clockSyncedWithNtp: [true, 373],
    overallState: [null, 186],
  },
  {
    file: 'c9300-stack3-smart-trust-not-installed-sa5.1.29.txt',
    licensingMode: 18,
    transportType: ['smart', 28],
    url: [SMART_URL, 29],
    proxy: [null, 30],
    policyInUse: ['Merged from multiple sources.', 41],
    lastAckReceived: [null, 61],
    nextAckDeadline: [time('Nov 27 09:47:56 2022 UTC', '2022-11-27T09:47:56Z'), 62],
    intervalDays: [30, 63],
    trustCode: [
      [
        { udi: udi(null, 'C9300-48U', 'FCW2133G09T'), installed: false, installedAt: null },
        { udi: udi(null, 'C9300-48P', 'FCW2132L0WA'), installed: false, installedAt: null },
        { udi: udi(null, 'C9300-24UX', 'FOC2537Y0HL'), installed: false, installedAt: null },
      ],
      366,
    ],
    udis: [udi('Active', 'C9300-48U', 'FCW2133G09T'), udi('Standby', 'C9300-48P', 'FCW2132L0WA'), udi('Member', 'C9300-24UX', 'FOC2537Y0HL')],
    agentVersion: ['5.1.29_rel/134', 162],
    currentTime: [time('Aug 29 09:59:10 2022 UTC', '2022-08-29T09:59:10Z'), 166],
    clockSyncedWithNtp: [true, 370],
    overallState: [null, 183],
    failing: { kind: 'Trust Establishment', total: 2, success: 0, fail: 2, overall: 2, communication: 2, failureReason: null, line: 184 },
  },
  {
    file: 'c9300l-standalone-cslu-no-trust-sa5.10.3.txt',
    licensingMode: 18,
    transportType: ['cslu', 31],
    csluAddress: [null, 32],
    proxy: [null, 33],
    policyInUse: ['Merged from multiple sources.', 44],
    lastAckReceived: [null, 63],
    nextAckDeadline: [time('Mar 07 00:33:56 2024 PST', '2024-03-07T08:33:56Z'), 64],
    intervalDays: [30, 65],
    trustCode: [null, 71],
    udis: [udi(null, 'C9300L-48PF-4X', 'FOC2732Y0JF')],
    agentVersion: ['5.10.3_rel/9', 120],
    currentTime: [time('Dec 19 01:41:45 2023 PST', '2023-12-19T09:41:45Z'), 124],
    clockSyncedWithNtp: [false, 333],
    overallState: [null, 138],
    failing: { kind: 'Hello Message', total: 205, success: 0, fail: 205, overall: 205, communication: 205, failureReason: null, line: 187 },
  },
  {
    file: 'c9350-stack4-smart-proxy-trust-installed-sa5.11.4.txt',
    licensingMode: 20,
    transportType: ['smart', 35],
    url: [SMART_URL, 36],
    proxy: [{ address: '173.36.224.109', port: '80' }, 37],
    policyInUse: ['Installed On Mar 13 21:32:51 2024 UTC', 49],
    lastAckReceived: [time('Mar 15 21:01:43 2024 UTC', '2024-03-15T21:01:43Z'), 70],
    nextAckDeadline: [time('May 14 21:01:43 2024 UTC', '2024-05-14T21:01:43Z'), 71],
    intervalDays: [30, 72],
    trustCode: [
      [
        { udi: udi('Active', 'C9350-24U', 'FOC2705Y8X0'), installed: true, installedAt: 'Mar 13 21:32:51 2024 UTC' },
        { udi: udi('Standby', 'C9350-24U', 'FOC2705Y8XF'), installed: true, installedAt: 'Mar 13 21:32:52 2024 UTC' },
        { udi: udi('Member', 'C9350-24U', 'FOC2718Y66X'), installed: true, installedAt: 'Mar 13 21:32:52 2024 UTC' },
        { udi: udi('Member', 'C9350-24U', 'FOC2719YOHR'), installed: true, installedAt: 'Mar 13 21:32:52 2024 UTC' },
      ],
      78,
    ],
    udis: [
      udi('Active', 'C9350-24U', 'FOC2705Y8X0'),
      udi('Standby', 'C9350-24U', 'FOC2705Y8XF'),
      udi('Member', 'C9350-24U', 'FOC2718Y66X'),
      udi('Member', 'C9350-24U', 'FOC2719YOHR'),
    ],
    agentVersion: ['5.11.4_rel/20', 144],
    currentTime: [time('Mar 15 21:13:41 2024 UTC', '2024-03-15T21:13:41Z'), 148],
    clockSyncedWithNtp: [false, 388],
    overallState: [null, 166],
    failing: { kind: 'Trust Sync', total: 344, success: 154, fail: 190, overall: 0, communication: 0, failureReason: null, line: 209 },
  },
  {
    file: 'c9407r-dualsup-smart-proxy-invalid-identity-sa5.1.31.txt',
    licensingMode: 19,
    transportType: ['smart', 29],
    url: [SMART_URL, 30],
    proxy: [{ address: '173.36.224.108', port: '80' }, 31],
    policyInUse: ['Installed On Aug 30 18:45:53 2023 PDT', 42],
    lastAckReceived: [time('Aug 30 19:03:00 2023 PDT', '2023-08-31T02:03:00Z'), 63],
    nextAckDeadline: [time('Oct 29 19:03:00 2023 PDT', '2023-10-30T02:03:00Z'), 64],
    intervalDays: [30, 65],
    trustCode: [
      [
        { udi: udi(null, 'C9407R', 'FXS2119Q2U7'), installed: true, installedAt: null },
        { udi: udi(null, 'C9407R', 'FXS2119Q2U7'), installed: true, installedAt: null },
      ],
      320,
    ],
    udis: [udi('Active', 'C9407R', 'FXS2119Q2U7'), udi('Standby', 'C9407R', 'FXS2119Q2U7')],
    agentVersion: ['5.1.31_rel/142', 123],
    currentTime: [time('Sep 01 11:04:51 2023 PDT', '2023-09-01T18:04:51Z'), 127],
    clockSyncedWithNtp: [true, 323],
    overallState: [null, 143],
    failing: {
      kind: 'Usage Reporting',
      total: 2,
      success: 0,
      fail: 2,
      overall: 2,
      communication: 0,
      failureReason:
        '{"product_instance_identifier":["The identity for the instance f654477d-627f-4049-bada-b44f18612bcc is not valid.Please re-register the instance."]}',
      line: 156,
    },
  },
  {
    file: 'c9407r-dualsup-smart-proxy-trust-installed-sa5.10.1.txt',
    licensingMode: 21,
    transportType: ['smart', 35],
    url: [SMART_URL, 36],
    proxy: [{ address: '173.36.224.109', port: '80' }, 37],
    policyInUse: ['Installed On Oct 24 15:07:43 2023 PDT', 49],
    lastAckReceived: [time('Nov 28 02:43:37 2023 PDT', '2023-11-28T09:43:37Z'), 70],
    nextAckDeadline: [time('Jan 27 02:43:37 2024 PDT', '2024-01-27T09:43:37Z'), 71],
    intervalDays: [30, 72],
    trustCode: [
      [
        { udi: udi('Active', 'C9407R', 'FXS2119Q2U7'), installed: true, installedAt: 'Nov 22 11:34:47 2023 PDT' },
        { udi: udi('Standby', 'C9407R', 'FXS2119Q2U7'), installed: true, installedAt: 'Nov 22 11:34:47 2023 PDT' },
      ],
      267,
    ],
    udis: [udi('Active', 'C9407R', 'FXS2119Q2U7'), udi('Standby', 'C9407R', 'FXS2119Q2U7')],
    agentVersion: ['5.10.1_rel/5', 132],
    currentTime: [time('Dec 02 10:33:51 2023 PDT', '2023-12-02T17:33:51Z'), 136],
    clockSyncedWithNtp: [true, 364],
    overallState: [null, 154],
    failing: { kind: 'Result Polling', total: 5, success: 4, fail: 1, overall: 0, communication: 0, failureReason: null, line: 173 },
  },
  {
    file: 'c9410r-dualsup-cslu-clock-unsynced-hseck9-sa5.7.6.txt',
    licensingMode: 16,
    transportType: ['cslu', 30],
    csluAddress: ['http://1.4.135.115:8182/cslu/v1/pi', 31],
    proxy: [null, 32],
    policyInUse: ['Installed On Oct 11 15:39:41 2022 PDT', 44],
    lastAckReceived: [time('Oct 11 15:39:41 2022 PDT', '2022-10-11T22:39:41Z'), 65],
    nextAckDeadline: [time('Dec 10 15:39:42 2022 PDT', '2022-12-10T22:39:42Z'), 66],
    intervalDays: [30, 67],
    trustCode: [
      [
        { udi: udi(null, 'C9410R', 'FXS2228026X'), installed: true, installedAt: null },
        { udi: udi(null, 'C9410R', 'FXS2228026X'), installed: true, installedAt: null },
      ],
      349,
    ],
    udis: [udi('Active', 'C9410R', 'FXS2228026X'), udi('Standby', 'C9410R', 'FXS2228026X')],
    agentVersion: ['5.7.6_rel/15', 127],
    currentTime: [time('Oct 14 14:05:17 2022 PDT', '2022-10-14T21:05:17Z'), 131],
    clockSyncedWithNtp: [false, 352],
    overallState: [null, 151],
    failing: { kind: 'Authorization Request', total: 2, success: 0, fail: 0, overall: 0, communication: 0, failureReason: 'Null pointer Error', line: 176 },
  },
  {
    file: 'c9500-svl-offline-transport-product-analytics-sa6.3.7.txt',
    licensingMode: 24,
    transportType: ['smart', 39],
    url: [SMART_URL, 40],
    proxy: [{ address: '173.36.224.108', port: '80' }, 41],
    trustPoint: ['SLA-TrustPoint', 49],
    policyInUse: ['Merged from multiple sources.', 55],
    lastAckReceived: [null, 75],
    nextAckDeadline: [time('Jun 17 15:04:29 2025 IST', '2025-06-17T09:34:29Z'), 76],
    intervalDays: [30, 77],
    trustCode: [null, 83],
    udis: [udi('Active', 'C9500-32QC', 'CAT2209L0KS'), udi('Standby', 'C9500-32QC', 'CAT2210L3GH')],
    agentVersion: ['6.3.7/b37215cd0', 171],
    currentTime: [time('Mar 19 15:08:49 2025 IST', '2025-03-19T09:38:49Z'), 175],
    clockSyncedWithNtp: [true, 409],
    overallState: ['Device configured for Offline transport', 190],
  },
  {
    file: 'c9500-svl-smart-trust-cssm-merged-lines-sa6.3.10.txt',
    licensingMode: 24,
    transportType: ['smart', 39],
    url: [SMART_URL, 40],
    proxy: [{ address: '173.36.224.108', port: '80' }, 41],
    trustPoint: ['SLA-TrustPoint', 49],
    policyInUse: ['Installed On Apr 22 05:01:33 2025 UTC', 55],
    lastAckReceived: [time('Apr 22 05:01:33 2025 UTC', '2025-04-22T05:01:33Z'), 76],
    nextAckDeadline: [time('May 22 05:01:34 2025 UTC', '2025-05-22T05:01:34Z'), 77],
    intervalDays: [30, 78],
    trustCode: [
      [
        { udi: udi('Active', 'C9500-32QC', 'CAT2209L0KS'), installed: true, installedAt: 'Apr 22 05:01:33 2025 UTC' },
        { udi: udi('Standby', 'C9500-32QC', 'CAT2210L3GH'), installed: true, installedAt: 'Apr 22 05:01:33 2025 UTC' },
      ],
      84,
    ],
    udis: [udi('Active', 'C9500-32QC', 'CAT2209L0KS'), udi('Standby', 'C9500-32QC', 'CAT2210L3GH')],
    agentVersion: ['6.3.10/58086906e', 175],
    currentTime: [time('Apr 22 05:02:24 2025 UTC', '2025-04-22T05:02:24Z'), 179],
    clockSyncedWithNtp: [true, 415],
    overallState: [null, 197],
  },
  {
    file: 'c9500x-svl-smart-dev-insufficient-trust-sa5.7.15.txt',
    licensingMode: 16,
    transportType: ['smart', 30],
    url: ['https://smartreceiver-dev.cisco.com/licservice/license', 31],
    proxy: [null, 32],
    policyInUse: ['Merged from multiple sources.', 44],
    lastAckReceived: [null, 64],
    nextAckDeadline: [time('Mar 19 19:51:37 2023 UTC', '2023-03-19T19:51:37Z'), 65],
    intervalDays: [30, 66],
    trustCode: [[{ udi: udi(null, 'C9500X-28C8D', 'FDO2446000P'), installed: false, installedAt: null }, { udi: udi(null, 'C9500X-28C8D', 'FDO25200FUB'), installed: false, installedAt: null }], 346],
    udis: [udi('Active', 'C9500X-28C8D', 'FDO2446000P'), udi('Standby', 'C9500X-28C8D', 'FDO25200FUB')],
    agentVersion: ['5.7.15_rel/44', 126],
    currentTime: [time('Jan 09 15:08:53 2023 UTC', '2023-01-09T15:08:53Z'), 130],
    clockSyncedWithNtp: [false, 349],
    overallState: ['Insufficient trust for direct communication', 147],
  },
  {
    file: 'c9606r-standalone-smart-trust-date-sa5.11.3.txt',
    licensingMode: 23,
    transportType: ['smart', 38],
    url: [SMART_URL, 39],
    proxy: [{ address: '173.36.224.108', port: '80' }, 40],
    policyInUse: ['Installed On Feb 27 09:06:59 2024 IST', 52],
    lastAckReceived: [time('Feb 27 11:18:06 2024 IST', '2024-02-27T05:48:06Z'), 73],
    nextAckDeadline: [time('Apr 27 11:18:06 2024 IST', '2024-04-27T05:48:06Z'), 74],
    intervalDays: [30, 75],
    trustCode: [[{ udi: null, installed: true, installedAt: 'Feb 27 09:06:59 2024 IST' }], 81],
    udis: [udi(null, 'C9606R', 'FXS2311Q355')],
    agentVersion: ['5.11.3_rel/16', 112],
    currentTime: [time('Feb 27 11:18:56 2024 IST', '2024-02-27T05:48:56Z'), 116],
    clockSyncedWithNtp: [true, 334],
    overallState: [null, 134],
  },
];

describe('show license tech support', () => {
  it.each(CASES.map((c) => [c.file, c] as const))('reads %s', (_file, expected) => {
    const result = parseShowLicenseTechSupport(readFixture('show-license-tech-support', expected.file));
    const record = result.record;

    expectField(result, 'licensingMode', 'policy', expected.licensingMode);
    expectField(result, 'transport.type', ...expected.transportType);
    expectField(result, 'transport.proxy', ...expected.proxy);
    checkOptional(result, 'transport.url', expected.url);
    checkOptional(result, 'transport.csluAddress', expected.csluAddress);
    checkOptional(result, 'transport.trustPoint', expected.trustPoint);
    checkOptional(result, 'policy.inUse', expected.policyInUse);
    checkOptional(result, 'usageReporting.lastAckReceived', expected.lastAckReceived);
    checkOptional(result, 'usageReporting.nextAckDeadline', expected.nextAckDeadline);
    checkOptional(result, 'agentVersion', expected.agentVersion);
    checkOptional(result, 'currentTime', expected.currentTime);
    checkOptional(result, 'clockSyncedWithNtp', expected.clockSyncedWithNtp);
    checkOptional(result, 'communicationOverallState', expected.overallState);

    if (expected.intervalDays !== undefined) {
      expect(record.usageReporting.reportingPushInterval?.days).toBe(expected.intervalDays[0]);
      expect(result.sources['usageReporting.reportingPushInterval']?.line).toBe(expected.intervalDays[1]);
    }

    if (expected.trustCode !== undefined) {
      const [entries, line] = expected.trustCode;
      const actual = record.trustCode?.map((entry) => ({ udi: entry.udi, installed: entry.installed, installedAt: entry.installedAt?.text ?? null })) ?? null;
      expect(actual).toEqual(entries);
      expect(result.sources['trustCode']?.line).toBe(line);
    }

    expect(record.udis).toEqual(expected.udis ?? []);

    if (expected.failing !== undefined) {
      const failing = expected.failing;
      const index = record.communication.findIndex((counter) => counter.kind === failing.kind);
      const counter = record.communication[index];
      expect(counter, `counter ${failing.kind}`).toBeDefined();
      expect(counter?.total).toBe(failing.total);
      expect(counter?.success).toBe(failing.success);
      expect(counter?.fail).toBe(failing.fail);
      expect(counter?.ongoingFailureOverall).toBe(failing.overall);
      expect(counter?.ongoingFailureCommunication).toBe(failing.communication);
      expect(counter?.failureReason).toBe(failing.failureReason);
      expect(result.sources[`communication.${index}`]?.line).toBe(failing.line);
      expect(result.sources[`communication.${index}.failureReason`]?.line).toBe(failing.line + 3);
    }
  });

  it('reads the merged SA 6.3 trust code lines', () => {
    const result = parseShowLicenseTechSupport(readFixture('show-license-tech-support', 'c9500-svl-smart-trust-cssm-merged-lines-sa6.3.10.txt'));
    const [active, standby] = result.record.trustCode ?? [];

    expect(active?.installedAt).toEqual(time('Apr 22 05:01:33 2025 UTC', '2025-04-22T05:01:33Z'));
    expect(active?.validOn).toEqual(time('Apr 22 04:56:31 2025 UTC', '2025-04-22T04:56:31Z'));
    expect(active?.expiredOn).toEqual(time('Jan 01 00:00:00 1970 UTC', '1970-01-01T00:00:00Z'));
    expect(active?.type).toBe('CSSM');
    expect(standby?.validOn?.text).toBe('Apr 22 04:56:32 2025 UTC');
    expect(result.sources['trustCode.0.installedAt']?.line).toBe(88);
    expect(result.sources['trustCode.1.udi']?.line).toBe(93);
  });

  it('keeps the column-0 proxy address of a trimmed capture', () => {
    const result = parseShowLicenseTechSupport(readFixture('show-license-tech-support', 'c9300-ha-cslu-empty-address-clock-unsynced-sa5.9.4.txt'));

    expect(result.sources['transport.proxy.address']?.line).toBe(32);
    expect(result.sources['transport.proxy.port']?.line).toBe(33);
  });

  it('leaves no corpus line unparsed', () => {
    for (const { file } of CASES) {
      expect(parseShowLicenseTechSupport(readFixture('show-license-tech-support', file)).unparsed, file).toEqual([]);
    }
  });

  it('reads Reporting Mode where printed', () => {
    const reportingModeLines: Record<string, number> = {
      'c9300-48u-17.18.02-cslu-ipmode-trustpoint-first50lines.txt': 22,
      'c9300-stack3-offline-transport-licengine-fail-sa6.0.1.txt': 25,
      'c9350-stack4-smart-proxy-trust-installed-sa5.11.4.txt': 22,
      'c9500-svl-offline-transport-product-analytics-sa6.3.7.txt': 26,
      'c9500-svl-smart-trust-cssm-merged-lines-sa6.3.10.txt': 26,
      'c9606r-standalone-smart-trust-date-sa5.11.3.txt': 25,
    };

    for (const { file } of CASES) {
      const result = parseShowLicenseTechSupport(readFixture('show-license-tech-support', file));
      const line = reportingModeLines[file];
      if (line === undefined) {
        expectAbsent(result, 'reportingMode');
      } else {
        expectField(result, 'reportingMode', 'STANDARD', line);
      }
    }
  });

  it('reads the first lines of a cut capture', () => {
    const result = parseShowLicenseTechSupport(readFixture('show-license-tech-support', 'c9300-48u-17.18.02-cslu-ipmode-trustpoint-first50lines.txt'));

    expectField(result, 'transport.ipMode', 'IPv4 ONLY', 44);
    expectAbsent(result, 'usageReporting.nextAckDeadline');
    expectAbsent(result, 'currentTime');
    expectAbsent(result, 'clockSyncedWithNtp');
  });
});

function checkOptional<T>(result: Parameters<typeof expectField>[0], path: string, expected: Field<T> | undefined): void {
  if (expected === undefined) {
    expectAbsent(result, path);
    return;
  }

  expectField(result, path, ...expected);
}
