// Real captures run through the facts builder and then the built-in playbooks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { buildFacts } from '../../src/facts/build.js';
import type { CommandResult } from '../../src/model/command.js';
import type { Finding } from '../../src/model/finding.js';
import { evaluateBuiltin, findingOf, LATE_EVALUATION_TIME } from './helpers.js';

function capture(id: string, file: string): CommandResult {
  return {
    id,
    command: id.replaceAll('-', ' '),
    output: readFileSync(`fixtures/corpus/${id}/${file}`, 'utf8'),
    failure: null,
    startedAt: '2024-01-01T00:00:00.000Z',
    finishedAt: '2024-01-01T00:00:01.000Z',
  };
}

async function findingsFor(id: string, file: string, now = LATE_EVALUATION_TIME): Promise<Finding[]> {
  return evaluateBuiltin(buildFacts([capture(id, file)]), undefined, now);
}

describe('built-in playbooks on corpus captures', () => {
  it('flag the dev receiver, the clock and the missing ACK', async () => {
    const findings = await findingsFor('show-license-tech-support', 'c9500x-svl-smart-dev-insufficient-trust-sa5.7.15.txt');

    const url = findingOf(findings, 'comm-failed.smart-url');
    expect(url.result).toBe('fail');
    expect(url.evidence[0]).toEqual({ command: 'show license tech support', line: 31, text: '  URL: https://smartreceiver-dev.cisco.com/licservice/license' });
    expect(findingOf(findings, 'policy-install-failed.ntp-sync').result).toBe('fail');
    expect(findingOf(findings, 'reporting-required.never-acked').result).toBe('warn');
    expect(findingOf(findings, 'reporting-required.ack-overdue').result).toBe('pass');
  });

  it('flag the overdue deadline and the empty CSLU address', async () => {
    const findings = await findingsFor('show-license-tech-support', 'c9300-ha-cslu-empty-address-clock-unsynced-sa5.9.4.txt');

    const overdue = findingOf(findings, 'reporting-required.ack-overdue');
    expect(overdue.result).toBe('fail');
    expect(overdue.evidence.map((line) => line.line)).toEqual([63, 169, 62]);
    expect(findingOf(findings, 'comm-failed.cslu-discovery').result).toBe('warn');
    expect(findingOf(findings, 'comm-failed.cslu-address').result).toBe('skip');
  });

  it('pass a healthy CSLU device', async () => {
    const findings = await findingsFor('show-license-tech-support', 'c9300-stack3-cslu-custom-policy-no-trust-sa5.3.16.txt');

    expect(findingOf(findings, 'comm-failed.cslu-address').result).toBe('pass');
    expect(findingOf(findings, 'comm-failed.cslu-discovery').result).toBe('pass');
    expect(findingOf(findings, 'policy-install-failed.ntp-sync').result).toBe('pass');
    expect(findingOf(findings, 'reporting-required.ack-overdue').result).toBe('pass');
    expect(findingOf(findings, 'reporting-required.never-acked').result).toBe('pass');
  });

  it('skip the NTP check on show license status alone', async () => {
    const findings = await findingsFor('show-license-status', 'transport-off-ack-received-no-trust.txt', new Date('2024-03-01T00:00:00Z'));

    expect(findingOf(findings, 'policy-install-failed.ntp-sync').result).toBe('skip');
    expect(findingOf(findings, 'comm-failed.transport-off').result).toBe('fail');
    expect(findingOf(findings, 'reporting-required.ack-overdue').result).toBe('fail');
  });

  it('give every fail and warn evidence and a remedy', async () => {
    const files = [
      'c9300-ha-cslu-empty-address-clock-unsynced-sa5.9.4.txt',
      'c9500x-svl-smart-dev-insufficient-trust-sa5.7.15.txt',
      'c9300-stack3-cslu-no-ack-no-trust-sa5.5.11.txt',
      'c9410r-dualsup-cslu-clock-unsynced-hseck9-sa5.7.6.txt',
      'c9300-stack3-offline-transport-licengine-fail-sa6.0.1.txt',
    ];
    for (const file of files) {
      const findings = await findingsFor('show-license-tech-support', file);
      for (const finding of findings.filter((candidate) => candidate.result === 'fail' || candidate.result === 'warn')) {
        expect(finding.evidence.length, `${file} ${finding.check}`).toBeGreaterThan(0);
        expect(finding.remedy.length, `${file} ${finding.check}`).toBeGreaterThan(0);
        expect(finding.message, `${file} ${finding.check}`).not.toMatch(/[{}]/);
      }
    }
  });
});
