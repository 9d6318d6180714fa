// Failing and passing sides of playbook checks on unmodified corpus captures,
// through the facts builder as `sldiag check --from` reads saved outputs. Every
// failing finding quotes its device line and has a remedy, and every
// informational finding explains without a remedy.
import { describe, expect, it } from 'vitest';

import { buildFacts } from '../../src/facts/build.js';
import type { CommandResult } from '../../src/model/command.js';
import type { Finding } from '../../src/model/finding.js';
import type { LicensingIntent } from '../../src/model/intent.js';
import { corpusCapture, evaluateBuiltin, findingOf, intent, LATE_EVALUATION_TIME } from './helpers.js';

async function checkOf(check: string, results: CommandResult[], licensingIntent: LicensingIntent = intent()): Promise<Finding> {
  const findings = await evaluateBuiltin(buildFacts(results), licensingIntent, LATE_EVALUATION_TIME);
  return findingOf(findings, check);
}

/** Asserts that a failing or warning finding quotes the device line and has a remedy. */
function expectActionable(finding: Finding, quoted: string): void {
  expect(finding.evidence.map((line) => line.text.trim())).toContain(quoted);
  expect(finding.remedy.length).toBeGreaterThan(0);
}

/** Asserts that an informational finding explains the state with its device line and no remedy. */
function expectExplained(finding: Finding, quoted: string): void {
  expect(finding.result).toBe('skip');
  expect(finding.evidence.map((line) => line.text.trim())).toContain(quoted);
  expect(finding.remedy).toEqual([]);
}

const tech = (file: string) => corpusCapture('show-license-tech-support', file);
const status = (file: string) => corpusCapture('show-license-status', file);
const all = (file: string) => corpusCapture('show-license-all', file);

// Tech support of a CSLU device without an address, clock not synchronised, never acknowledged.
const CSLU_EMPTY_UNSYNCED = tech('c9300-ha-cslu-empty-address-clock-unsynced-sa5.9.4.txt');
// Tech support of a CSLU device at http://172.19.180.22:8182/cslu/v1/pi, clock synchronised, 3 ongoing failures.
const CSLU_ADDRESSED = tech('c9300-stack3-cslu-custom-policy-no-trust-sa5.3.16.txt');
// Tech support of a smart device sending to the production receiver, trust codes installed, no failures.
const SMART_HEALTHY = tech('c9300-stack3-smart-trust-installed-sa5.1.26.txt');
// Tech support of a smart device sending to Cisco's development receiver, deadline 69 days after its clock.
const SMART_DEV = tech('c9500x-svl-smart-dev-insufficient-trust-sa5.7.15.txt');
const PRODUCTION_RECEIVER = 'https://smartreceiver.cisco.com/licservice/license';

describe('clock checks of AUTHORIZATION_INSTALL_FAILED and TRUST_CODE_INSTALL_FAILED', () => {
  for (const check of ['authorization-install-failed.ntp-sync', 'trust-code-install-failed.ntp-sync']) {
    it(`${check} fails an unsynchronised clock`, async () => {
      const finding = await checkOf(check, [CSLU_EMPTY_UNSYNCED]);

      expect(finding.result).toBe('fail');
      expect(finding.evidence[0]).toEqual({ command: 'show license tech support', line: 386, text: 'Clock sync-ed with NTP: False' });
      expect(finding.remedy).toContain('ntp server <address> version 2 prefer');
    });

    it(`${check} passes a synchronised clock`, async () => {
      const finding = await checkOf(check, [CSLU_ADDRESSED]);

      expect(finding.result).toBe('pass');
      expect(finding.evidence[0]?.text).toBe('Clock sync-ed with NTP: True');
    });
  }
});

describe('authorization-install-failed.authorization-confirmation', () => {
  const check = 'authorization-install-failed.authorization-confirmation';

  it('fails on the CSSM identity error', async () => {
    const finding = await checkOf(check, [tech('c9407r-dualsup-smart-proxy-invalid-identity-sa5.1.31.txt')]);

    expect(finding.result).toBe('fail');
    expect(finding.message).toContain('product instance identifier: The identity for the instance');
    expect(finding.evidence[0]?.text).toContain('Failure Reason: {"product_instance_identifier"');
    expectActionable(finding, 'Attempts: Total=2, Success=0, Fail=2  Ongoing Failure: Overall=2 Communication=0');
    expect(finding.remedy).toContain('license smart authorization request add <feature> all');
  });

  it('fails on a licence engine server error', async () => {
    const finding = await checkOf(check, [tech('c9300-stack3-offline-transport-licengine-fail-sa6.0.1.txt')]);

    expect(finding.result).toBe('fail');
    expect(finding.message).toContain('LS_LICENGINE_FAIL_TO_CONNECT');
    expectActionable(finding, 'Failure Reason: Server error occurred: LS_LICENGINE_FAIL_TO_CONNECT');
  });

  it('passes an old failure reason without ongoing failures', async () => {
    const finding = await checkOf(check, [tech('c9410r-dualsup-cslu-clock-unsynced-hseck9-sa5.7.6.txt')]);

    expect(finding.result).toBe('pass');
    expect(finding.evidence[0]?.text.trim()).toBe('Failure Reason: Null pointer Error');
  });
});

describe('comm-failed.failure-reason', () => {
  it('fails on a licence engine server error', async () => {
    const finding = await checkOf('comm-failed.failure-reason', [tech('c9300-stack3-offline-transport-licengine-fail-sa6.0.1.txt')]);

    expect(finding.result).toBe('fail');
    expectActionable(finding, 'Failure Reason: Server error occurred: LS_LICENGINE_FAIL_TO_CONNECT');
    expect(finding.evidence.map((line) => line.text.trim())).toContain('Last Response: OK_TRY_AGAIN on Nov 15 18:45:47 2024 UTC');
  });

  it('passes an old failure reason without ongoing failures', async () => {
    const finding = await checkOf('comm-failed.failure-reason', [tech('c9410r-dualsup-cslu-clock-unsynced-hseck9-sa5.7.6.txt')]);

    expect(finding.result).toBe('pass');
    expect(finding.message).toBe('A failure reason is recorded (Null pointer Error), but no message kind is failing now.');
    expect(finding.remedy).toEqual([]);
  });
});

describe('comm-failed transport checks', () => {
  it('cslu-address fails an address without port 8182', async () => {
    const finding = await checkOf('comm-failed.cslu-address', [all('c8200l-17.18.1a-cslu-app-ha-standby-peer-info-sa6.2.0.txt')]);

    expect(finding.result).toBe('fail');
    expectActionable(finding, 'Cslu address: http://8.39.22.48/cslu/v1/pi/CUBE%20Regression%20Mirabile-1');
    expect(finding.remedy).toContain('For CSLU: license smart url cslu http://8.39.22.48:8182/cslu/v1/pi');
  });

  it('cslu-discovery warns on an empty address', async () => {
    const finding = await checkOf('comm-failed.cslu-discovery', [CSLU_EMPTY_UNSYNCED]);

    expect(finding.result).toBe('warn');
    expect(finding.message).toContain('cslu-local');
    expectActionable(finding, 'Cslu address: <empty>');
  });

  it('smart-url-onprem passes the production receiver', async () => {
    const finding = await checkOf('comm-failed.smart-url-onprem', [SMART_HEALTHY]);

    expect(finding.result).toBe('pass');
    expect(finding.evidence[0]?.text.trim()).toBe(`URL: ${PRODUCTION_RECEIVER}`);
  });

  it('transport-off fails while an ACK is required', async () => {
    const finding = await checkOf('comm-failed.transport-off', [status('transport-off-ack-received-no-trust.txt')]);

    expect(finding.result).toBe('fail');
    expect(finding.evidence.map((line) => line.text.trim())).toEqual(['Type: Transport Off', 'Reporting ACK required: yes (CISCO default)']);
    expect(finding.remedy).toContain('license smart transport smart');
  });
});

describe('comm-failed intent checks on captures', () => {
  it('intent-transport-type fails a CSLU device meant for smart', async () => {
    const finding = await checkOf('comm-failed.intent-transport-type', [CSLU_ADDRESSED], intent({ transportType: 'smart' }));

    expect(finding.result).toBe('fail');
    expect(finding.message).toBe('The device uses transport cslu, but the inventory expects smart.');
    expectActionable(finding, 'Type: cslu');
    expect(finding.remedy).toContain('license smart transport smart');
  });

  it('intent-transport-type passes the intended transport', async () => {
    const finding = await checkOf('comm-failed.intent-transport-type', [SMART_HEALTHY], intent({ transportType: 'smart' }));

    expect(finding.result).toBe('pass');
    expect(finding.evidence[0]?.text.trim()).toBe('Type: Smart');
  });

  it('intent-url fails the development receiver', async () => {
    const finding = await checkOf('comm-failed.intent-url', [SMART_DEV], intent({ transportUrl: PRODUCTION_RECEIVER }));

    expect(finding.result).toBe('fail');
    expect(finding.message).toContain(`but the inventory expects ${PRODUCTION_RECEIVER}`);
    expectActionable(finding, 'URL: https://smartreceiver-dev.cisco.com/licservice/license');
    expect(finding.remedy).toContain(`license smart url smart ${PRODUCTION_RECEIVER}`);
  });

  it('intent-url passes the intended URL', async () => {
    const finding = await checkOf('comm-failed.intent-url', [SMART_HEALTHY], intent({ transportUrl: PRODUCTION_RECEIVER }));

    expect(finding.result).toBe('pass');
    expect(finding.evidence[0]?.text.trim()).toBe(`URL: ${PRODUCTION_RECEIVER}`);
  });

  it('intent-cslu-address fails another CSLU host', async () => {
    const expected = 'http://192.0.2.50:8182/cslu/v1/pi';
    const finding = await checkOf('comm-failed.intent-cslu-address', [CSLU_ADDRESSED], intent({ transportUrl: expected }));

    expect(finding.result).toBe('fail');
    expect(finding.message).toBe(`The device's CSLU address is http://172.19.180.22:8182/cslu/v1/pi, but the inventory expects ${expected}.`);
    expectActionable(finding, 'Cslu address: http://172.19.180.22:8182/cslu/v1/pi');
    expect(finding.remedy).toContain(`license smart url cslu ${expected}`);
  });

  it('intent-cslu-address passes the intended address', async () => {
    const finding = await checkOf('comm-failed.intent-cslu-address', [CSLU_ADDRESSED], intent({ transportUrl: 'http://172.19.180.22:8182/cslu/v1/pi' }));

    expect(finding.result).toBe('pass');
  });
});

describe('reporting-required checks on captures', () => {
  it('ack-due-soon passes outside the default window', async () => {
    const finding = await checkOf('reporting-required.ack-due-soon', [SMART_DEV]);

    expect(finding.result).toBe('pass');
    expect(finding.message).toBe('The acknowledgement deadline Mar 19 19:51:37 2023 UTC is more than 14 days away.');
  });

  it('ack-due-soon warns inside the inventory window', async () => {
    const finding = await checkOf('reporting-required.ack-due-soon', [SMART_DEV], intent({ ackWarningDays: 90 }));

    expect(finding.result).toBe('warn');
    expect(finding.message).toContain('within the 90-day warning window (days left: 69)');
    expectActionable(finding, 'Next ACK deadline: Mar 19 19:51:37 2023 UTC');
    expect(finding.evidence.map((line) => line.text.trim())).toContain('Current time: Jan 09 15:08:53 2023 UTC');
    expect(finding.remedy).toContain('license smart sync all');
  });

  it('never-acked warns on <none>', async () => {
    const finding = await checkOf('reporting-required.never-acked', [CSLU_EMPTY_UNSYNCED]);

    expect(finding.result).toBe('warn');
    expectActionable(finding, 'Last ACK received: <none>');
  });

  it('ack-overdue fails with the CSLU remedy', async () => {
    const finding = await checkOf('reporting-required.ack-overdue', [CSLU_EMPTY_UNSYNCED]);

    expect(finding.result).toBe('fail');
    expectActionable(finding, 'Next ACK deadline: Sep 25 11:23:47 2022 UTC');
    expect(finding.remedy).toContain('When the device sends to CSLU: license smart sync all');
  });
});

describe('informational checks on captures', () => {
  it('comm-restored explains an ongoing failure', async () => {
    const finding = await checkOf('comm-restored.no-ongoing-failure', [CSLU_ADDRESSED]);

    expect(finding.message).toContain('still 3 failed attempts in a row for Hello Message');
    expectExplained(finding, 'Attempts: Total=12, Success=9, Fail=3  Ongoing Failure: Overall=3 Communication=3');
  });

  it('trust-per-udi explains the UDIs without a trust code', async () => {
    const finding = await checkOf('trust-code-install-success.trust-per-udi', [tech('c9300-stack3-smart-trust-not-installed-sa5.1.29.txt')]);

    expect(finding.message).toContain('No trust code is installed on PID:C9300-48U,SN:FCW2133G09T');
    expectExplained(finding, 'P:C9300-48U,S:FCW2133G09T: P:C9300-48U,S:FCW2133G09T, state[1], NOT INSTALLED');
  });

  it('policy-shown passes the custom policy', async () => {
    const finding = await checkOf('policy-removed.policy-shown', [CSLU_ADDRESSED]);

    expect(finding.result).toBe('pass');
    expect(finding.evidence.map((line) => line.text.trim())).toContain('Reporting ACK required: yes (Customer Policy)');
  });

  it('policy-shown passes the default policy', async () => {
    const finding = await checkOf('policy-removed.policy-shown', [status('transport-off-ack-received-no-trust.txt')]);

    expect(finding.result).toBe('pass');
    expect(finding.evidence.map((line) => line.text.trim())).toContain('Reporting ACK required: yes (CISCO default)');
  });

  it('policy-in-use passes a named policy', async () => {
    const finding = await checkOf('policy-install-success.policy-in-use', [CSLU_ADDRESSED]);

    expect(finding.result).toBe('pass');
    expect(finding.message).toContain('Custom Policy (Installed On Jan 10 17:18:01 2022 UTC)');
    expect(finding.evidence.map((line) => line.text.trim())).toContain('Policy in use: Installed On Jan 10 17:18:01 2022 UTC');
  });
});
