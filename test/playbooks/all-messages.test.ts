// The checks of every SMART_LIC playbook on real corpus captures, through the
// facts builder: each failing finding quotes its device line and a remedy.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { buildFacts, type BuildOptions } from '../../src/facts/build.js';
import type { CommandResult } from '../../src/model/command.js';
import type { Finding } from '../../src/model/finding.js';
import type { LicensingIntent } from '../../src/model/intent.js';
import { evaluateBuiltin, findingOf, intent, LATE_EVALUATION_TIME } from './helpers.js';

const CLI_TEXT: Record<string, string> = {
  'show-logging-smart-lic': 'show logging | include SMART_LIC',
};

function capture(id: string, file: string): CommandResult {
  return {
    id,
    command: CLI_TEXT[id] ?? id.replaceAll('-', ' '),
    output: readFileSync(`fixtures/corpus/${id}/${file}`, 'utf8'),
    failure: null,
    startedAt: '2024-01-01T00:00:00.000Z',
    finishedAt: '2024-01-01T00:00:01.000Z',
  };
}

function rejected(id: string, command: string): CommandResult {
  return {
    id,
    command,
    output: "% Invalid input detected at '^' marker.",
    failure: { marker: '% Invalid input detected', message: 'the device rejected the command' },
    startedAt: '2024-01-01T00:00:00.000Z',
    finishedAt: '2024-01-01T00:00:01.000Z',
  };
}

async function findingsOf(results: CommandResult[], licensingIntent: LicensingIntent = intent(), options: BuildOptions = {}): Promise<Finding[]> {
  return evaluateBuiltin(buildFacts(results, options), licensingIntent, LATE_EVALUATION_TIME);
}

const tech = (file: string) => capture('show-license-tech-support', file);
const status = (file: string) => capture('show-license-status', file);

const TRUST_INSTALLED = 'c9300-stack3-smart-trust-installed-sa5.1.26.txt';
const TRUST_NOT_INSTALLED = 'c9300-stack3-smart-trust-not-installed-sa5.1.29.txt';
const INVALID_IDENTITY = 'c9407r-dualsup-smart-proxy-invalid-identity-sa5.1.31.txt';

function expectActionable(finding: Finding, quoted: string): void {
  expect(finding.evidence.map((line) => line.text.trim())).toContain(quoted);
  expect(finding.remedy.length).toBeGreaterThan(0);
}

describe('trust code checks', () => {
  it('warn on a stack without trust codes', async () => {
    const finding = findingOf(await findingsOf([tech(TRUST_NOT_INSTALLED)]), 'trust-code-install-failed.trust-missing');

    expect(finding.result).toBe('warn');
    expect(finding.message).toMatch(/No trust code is installed on PID:C9300-\S+,SN:\S+/);
    expect(finding.evidence[0]?.text).toMatch(/^P:C9300-\S+,S:\S+: .*, NOT INSTALLED$/);
    expect(finding.remedy).toContain('license smart trust idtoken <token> all force');
  });

  it('pass on a stack with trust codes', async () => {
    const findings = await findingsOf([tech(TRUST_INSTALLED)]);

    expect(findingOf(findings, 'trust-code-install-failed.trust-missing').result).toBe('pass');
    expect(findingOf(findings, 'trust-code-install-success.trust-per-udi').result).toBe('pass');
  });

  it('skip already-installed without a logged failure', async () => {
    const findings = await findingsOf([tech(TRUST_INSTALLED), capture('show-logging-smart-lic', 'c1117-17.6.4-boot-cslu-comm-failed.txt')]);

    expect(findingOf(findings, 'trust-code-install-failed.already-installed').result).toBe('skip');
  });
});

describe('communication checks', () => {
  it('fail on ongoing failures and decode the CSSM reason', async () => {
    const findings = await findingsOf([tech(INVALID_IDENTITY)]);
    const ongoing = findingOf(findings, 'comm-failed.ongoing-failures');
    const reason = findingOf(findings, 'comm-failed.failure-reason');

    expect(ongoing.result).toBe('fail');
    expect(ongoing.message).toContain('2 failed attempts in a row');
    expectActionable(ongoing, 'Attempts: Total=2, Success=0, Fail=2  Ongoing Failure: Overall=2 Communication=0');
    expect(reason.result).toBe('fail');
    expect(reason.message).toContain('product instance identifier: The identity for the instance');
    expect(reason.message).toContain('is not valid. Please re-register the instance.');
    expect(reason.evidence[0]?.text).toContain('Failure Reason: {"product_instance_identifier"');
    expect(reason.remedy).toContain('license smart trust idtoken <token> all force');
  });

  it('pass when no message kind fails', async () => {
    const findings = await findingsOf([tech(TRUST_INSTALLED)]);

    expect(findingOf(findings, 'comm-failed.ongoing-failures').result).toBe('pass');
    expect(findingOf(findings, 'comm-restored.no-ongoing-failure').result).toBe('pass');
    expect(findingOf(findings, 'comm-failed.failure-reason').result).toBe('skip');
  });

  it('pass the SLA-TrustPoint trustpoint', async () => {
    const findings = await findingsOf([tech('c9300-48u-17.18.02-cslu-ipmode-trustpoint-first50lines.txt')]);

    expect(findingOf(findings, 'comm-failed.trustpoint').result).toBe('pass');
  });

  it('skip the trustpoint where the release does not print it', async () => {
    const findings = await findingsOf([tech(TRUST_INSTALLED)]);

    expect(findingOf(findings, 'comm-failed.trustpoint').result).toBe('skip');
  });
});

describe('FN72578 check', () => {
  // NOTE: the release and the communication counters come from two different
  // published devices, because no capture in the corpus has both commands.
  it('warns on 17.7.1 with failing communication', async () => {
    const finding = findingOf(
      await findingsOf([capture('show-version', 'genie-c9800-cl-17.07.01prd16.txt'), tech(INVALID_IDENTITY)]),
      'comm-failed.fn72578',
    );

    expect(finding.result).toBe('warn');
    expect(finding.message).toContain('IOS XE 17.7.1prd16');
    expectActionable(finding, 'Cisco IOS XE Software, Version 17.07.01prd16');
  });

  it('passes on 17.7.1 when communication works', async () => {
    const finding = findingOf(
      await findingsOf([capture('show-version', 'genie-c9800-cl-17.07.01prd16.txt'), tech(TRUST_INSTALLED)]),
      'comm-failed.fn72578',
    );

    expect(finding.result).toBe('pass');
  });

  it('is not checked when show version is rejected', async () => {
    const finding = findingOf(await findingsOf([rejected('show-version', 'show version'), tech(INVALID_IDENTITY)]), 'comm-failed.fn72578');

    expect(finding.result).toBe('skip');
    expect(finding.message).toBe('Not checked: software.version is unknown because show version returned "% Invalid input detected".');
  });
});

describe('reporting checks', () => {
  it('fail a zero push interval while an ACK is required', async () => {
    const finding = findingOf(
      await findingsOf([status('isr4451x-17.12.4-smart-proxy-no-reporting-telemetry.txt')]),
      'reporting-required.no-reporting-interval',
    );

    expect(finding.result).toBe('fail');
    expectActionable(finding, 'Reporting push interval: 0 (no reporting)');
  });

  it('pass a 30-day push interval', async () => {
    const finding = findingOf(await findingsOf([status('transport-off-ack-received-no-trust.txt')]), 'reporting-required.no-reporting-interval');

    expect(finding.result).toBe('pass');
    expect(finding.message).toContain('every 30 days');
  });
});

describe('licensing mode', () => {
  it('reports a legacy device once', async () => {
    const findings = await findingsOf([status('csr1000v-legacy-registered-authorized.txt')]);
    const mode = findingOf(findings, 'reporting-required.licensing-mode');

    expect(mode.result).toBe('warn');
    expect(mode.message).toContain('registration REGISTERED');
    expect(mode.remedy.length).toBeGreaterThan(0);
    expect(findings.filter((finding) => finding.result === 'fail' || finding.result === 'warn')).toHaveLength(1);
  });

  it('passes a policy device', async () => {
    const findings = await findingsOf([tech(TRUST_INSTALLED)]);

    expect(findingOf(findings, 'reporting-required.licensing-mode').result).toBe('pass');
  });
});

describe('policy checks', () => {
  it('fail the default policy when custom is intended', async () => {
    const finding = findingOf(
      await findingsOf([status('transport-off-ack-received-no-trust.txt')], intent({ policy: 'custom' })),
      'policy-removed.policy-intent',
    );

    expect(finding.result).toBe('fail');
    expect(finding.message).toContain('runs the default policy');
    expectActionable(finding, 'Reporting ACK required: yes (CISCO default)');
  });

  it('pass the custom policy when custom is intended', async () => {
    const finding = findingOf(
      await findingsOf([status('c9300-stack3-cslu-custom-policy-trust-installed.txt')], intent({ policy: 'custom' })),
      'policy-removed.policy-intent',
    );

    expect(finding.result).toBe('pass');
  });

  it('skip the intent check without an intent', async () => {
    const finding = findingOf(await findingsOf([status('c9300-stack3-cslu-custom-policy-trust-installed.txt')]), 'policy-removed.policy-intent');

    expect(finding.result).toBe('skip');
  });
});

describe('UDI match against the SLAC file', () => {
  const slacFile = 'fixtures/slac/c9350-stack4-documented-format.xml';
  const slac = { file: slacFile, text: readFileSync(slacFile, 'utf8') };

  it('passes the stack the file was made for', async () => {
    const findings = await findingsOf([capture('show-license-udi', 'c9350-stack4-ha-udi-list.txt')], intent(), { slac });

    expect(findingOf(findings, 'authorization-install-failed.udis-in-slac').result).toBe('pass');
    expect(findingOf(findings, 'authorization-install-failed.slac-foreign-udis').result).toBe('pass');
    expect(findingOf(findings, 'authorization-install-failed.slac-pid').result).toBe('pass');
  });

  it('fails another stack both ways', async () => {
    const findings = await findingsOf([tech(TRUST_INSTALLED)], intent(), { slac });
    const missing = findingOf(findings, 'authorization-install-failed.udis-in-slac');
    const foreign = findingOf(findings, 'authorization-install-failed.slac-foreign-udis');

    expect(missing.result).toBe('fail');
    expect(missing.message).toMatch(/lacks these UDIs of the device: PID:C9300-/);
    expect(missing.evidence[0]?.command).toBe('show license tech support');
    expect(missing.remedy.length).toBeGreaterThan(0);
    expect(foreign.result).toBe('fail');
    expect(foreign.message).toContain('P:C9350-24U,SN:FOC2705Y8X0');
    expect(foreign.evidence[0]).toMatchObject({ command: slacFile });
    expect(foreign.evidence[0]?.text).toContain('P:C9350-24U,SN:FOC2705Y8X0');
  });

  it('is not checked without a SLAC file', async () => {
    const finding = findingOf(await findingsOf([tech(TRUST_INSTALLED)]), 'authorization-install-failed.udis-in-slac');

    expect(finding.result).toBe('skip');
    expect(finding.message).toContain('needs a SLAC file, and the inventory names none for this host (licensing.slacFile)');
  });

  it('is not checked when the file cannot be read', async () => {
    const findings = await findingsOf([tech(TRUST_INSTALLED)], intent(), { slac: { file: '/nonexistent/slac.xml', error: 'ENOENT: no such file' } });

    expect(findingOf(findings, 'authorization-install-failed.udis-in-slac').message).toContain('the SLAC file /nonexistent/slac.xml could not be read');
  });
});

describe('authorization code checks', () => {
  // No published device shows both an HSEC licence in use and its SLAC
  // state, so this pairs the summary of one device with the authorization
  // output of another.
  it('warn where an HSEC licence lacks a SLAC', async () => {
    const finding = findingOf(
      await findingsOf([
        capture('show-license-summary', 'isr-premier-5g-hseck9.txt'),
        capture('show-license-authorization', 'c9300-standalone-not-installed.txt'),
      ]),
      'authorization-install-failed.slac-installed',
    );

    expect(finding.result).toBe('warn');
    expect(finding.message).toContain('hseck9 is in use and needs an authorization code');
    expect(finding.message).toContain('PID:C9300-24UX,SN:FCW2147L0C5');
    expect(finding.remedy[0]).toBe('Request the SLAC for the licence in use: license smart authorization request add hseck9 all');
    expect(finding.evidence[0]?.text).toContain('hseck9');
    expect(finding.evidence.map((line) => line.text.trim())).toContain('Status: NOT INSTALLED');
  });

  it('pass without a SLAC where no licence needs one', async () => {
    const finding = findingOf(
      await findingsOf([tech('c9410r-dualsup-cslu-clock-unsynced-hseck9-sa5.7.6.txt')]),
      'authorization-install-failed.slac-installed',
    );

    expect(finding.result).toBe('pass');
    expect(finding.message).toContain('No licence in use needs an authorization code (SLAC)');
    expect(finding.evidence[0]?.text).toBe('  License: network-advantage');
  });

  it('pass an HSEC licence that is not in use', async () => {
    const finding = findingOf(
      await findingsOf([
        capture('show-license-summary', 'isr1100-hsec-not-in-use-truncated-name.txt'),
        capture('show-license-authorization', 'c9300-standalone-not-installed.txt'),
      ]),
      'authorization-install-failed.slac-installed',
    );

    expect(finding.result).toBe('pass');
  });

  it('skip the SLAC check without the licences in use', async () => {
    const finding = findingOf(
      await findingsOf([capture('show-license-authorization', 'c9300-standalone-not-installed.txt')]),
      'authorization-install-failed.slac-installed',
    );

    expect(finding.result).toBe('skip');
    expect(finding.message).toMatch(/^Not checked: licenses\.needingSlac/);
  });

  it('explain a missing SLAC without a warning', async () => {
    const findings = await findingsOf([capture('show-license-authorization', 'c9300-standalone-not-installed.txt')]);

    for (const check of ['authorization-install-success.slac-per-udi', 'authorization-removed.slac-per-udi']) {
      const finding = findingOf(findings, check);
      expect(finding.result, check).toBe('skip');
      expect(finding.message, check).toContain('show license authorization shows the state per UDI');
      expect(finding.evidence[0]?.text, check).toContain('NOT INSTALLED');
    }
  });

  it('pass where a SLAC is installed', async () => {
    const findings = await findingsOf([capture('show-license-all', 'c8000v-cube-smart-stage-slac-installed-app-ha-sa5.1.21.txt')]);

    expect(findingOf(findings, 'authorization-install-failed.slac-installed').result).toBe('pass');
    expect(findingOf(findings, 'authorization-install-success.slac-per-udi').result).toBe('pass');
    expect(findingOf(findings, 'authorization-removed.slac-per-udi').result).toBe('pass');
  });
});

describe('Call Home profile check', () => {
  const callhome = capture('show-license-all', 'c9300-stack3-callhome-default-policy-sa5.3.10.txt');

  it('passes the active CiscoTAC-1 profile that IOS XE ships', async () => {
    const finding = findingOf(
      await findingsOf([callhome, capture('show-call-home-profile-all', 'genie-golden-output-tac-http-oddce-url.txt')]),
      'comm-failed.callhome-profile',
    );

    expect(finding.result).toBe('pass');
  });

  it('fails a CiscoTAC-1 profile that sends e-mail', async () => {
    const finding = findingOf(
      await findingsOf([callhome, capture('show-call-home-profile-all', 'genie-golden-output2-tac-email-transport.txt')]),
      'comm-failed.callhome-profile',
    );

    expect(finding.result).toBe('fail');
    expect(finding.message).toContain('transport method email');
    expectActionable(finding, 'Transport Method: email');
  });

  it('is not checked when the command was not run', async () => {
    const finding = findingOf(await findingsOf([callhome]), 'comm-failed.callhome-profile');

    expect(finding.result).toBe('skip');
    expect(finding.message).toContain('show call-home profile all');
  });
});

describe('NTP status check', () => {
  it('passes a synchronised clock', async () => {
    const finding = findingOf(
      await findingsOf([capture('show-ntp-status', 'genie-golden-output-1-synchronized-locl.txt')]),
      'policy-install-failed.ntp-status',
    );

    expect(finding.result).toBe('pass');
    expect(finding.message).toContain('.LOCL.');
  });
});

describe('SSM On-Prem reporting check', () => {
  it('passes an On-Prem device that logged no REPORTING_NOT_SUPPORTED', async () => {
    const findings = await findingsOf([
      capture('show-license-all', 'c8200l-17.18.1a-cslu-app-ha-standby-peer-info-sa6.2.0.txt'),
      capture('show-logging-smart-lic', 'c1117-17.6.4-boot-cslu-comm-failed.txt'),
    ]);

    expect(findingOf(findings, 'reporting-not-supported.onprem-logged').result).toBe('pass');
  });

  it('does not apply to a CSLU address', async () => {
    const findings = await findingsOf([tech('c9300-stack3-cslu-custom-policy-no-trust-sa5.3.16.txt')]);

    expect(findingOf(findings, 'reporting-not-supported.onprem-logged').result).toBe('skip');
  });
});

describe('logged messages', () => {
  it('mark findings of a logged mnemonic as observed', async () => {
    const log = capture('show-logging-smart-lic', 'c1117-17.6.4-boot-cslu-comm-failed.txt');
    const findings = await findingsOf([tech('c9300-ha-cslu-empty-address-clock-unsynced-sa5.9.4.txt'), log]);
    const discovery = findingOf(findings, 'comm-failed.cslu-discovery');

    expect(discovery.result).toBe('warn');
    expect(discovery.message).toMatch(/Observed: the device logged SMART_LIC-3-COMM_FAILED (once|\d+ times)\./);
    expect(discovery.evidence[0]?.command).toBe('show logging | include SMART_LIC');
    expect(discovery.evidence[0]?.text).toContain('%SMART_LIC-3-COMM_FAILED');
    expect(discovery.observed?.count).toBeGreaterThan(0);
    expect(discovery.observed?.line).toBe(discovery.evidence[0]?.text);
  });

  it('mark skipped findings as observed without quoting', async () => {
    const log = capture('show-logging-smart-lic', 'c1117-17.6.4-boot-cslu-comm-failed.txt');
    const findings = await findingsOf([tech('c9300-ha-cslu-empty-address-clock-unsynced-sa5.9.4.txt'), log]);
    const address = findingOf(findings, 'comm-failed.cslu-address');

    expect(address.result).toBe('skip');
    expect(address.observed).not.toBeNull();
    expect(address.evidence).toEqual([]);
    expect(address.message).not.toContain('Observed');
  });

  it('leave other playbooks unmarked', async () => {
    const log = capture('show-logging-smart-lic', 'c1117-17.6.4-boot-cslu-comm-failed.txt');
    const findings = await findingsOf([tech('c9300-ha-cslu-empty-address-clock-unsynced-sa5.9.4.txt'), log]);

    expect(findingOf(findings, 'policy-install-failed.ntp-sync').message).not.toContain('Observed');
    expect(findingOf(findings, 'policy-install-failed.ntp-sync').observed).toBeNull();
  });
});

describe('Direct trust check', () => {
  it('fails a smart transport without trust for direct communication', async () => {
    const finding = findingOf(await findingsOf([tech('c9500x-svl-smart-dev-insufficient-trust-sa5.7.15.txt')]), 'comm-failed.direct-trust');

    expect(finding.result).toBe('fail');
    expectActionable(finding, 'Overall State: Insufficient trust for direct communication');
  });

  it('passes a smart transport with trust established', async () => {
    const finding = findingOf(await findingsOf([tech('c9350-stack4-smart-proxy-trust-installed-sa5.11.4.txt')]), 'comm-failed.direct-trust');

    expect(finding.result).toBe('pass');
  });
});

describe('Checks on a CSLU device without an address', () => {
  const EMPTY_CSLU = 'c9300-ha-cslu-empty-address-clock-unsynced-sa5.9.4.txt';

  it('asks no trust code of a device that reports through CSLU', async () => {
    const finding = findingOf(await findingsOf([tech(EMPTY_CSLU)]), 'trust-code-install-failed.trust-missing');

    expect(finding.result).toBe('skip');
  });

  it('names the missing address instead of printing nothing', async () => {
    const expected = 'http://192.0.2.50:8182/cslu/v1/pi';
    const finding = findingOf(await findingsOf([tech(EMPTY_CSLU)], intent({ transportUrl: expected })), 'comm-failed.intent-cslu-address');

    expect(finding.result).toBe('fail');
    expect(finding.message).toBe(`The device has no CSLU address configured (it relies on cslu-local discovery), but the inventory expects ${expected}.`);
  });
});
