import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { HostResult, RunResult } from '../../src/model/result.js';
import { formatJson, hostJson } from '../../src/report/json.js';
import { summarise } from '../../src/report/summary.js';
import { formatTable } from '../../src/report/table.js';
import { closeStoredRuns, storedRun } from './stored-run.js';

const failing: HostResult = {
  name: 'core-1',
  address: '127.0.0.1:2201',
  status: 'failed',
  error: null,
  commands: [
    {
      id: 'show-license-status',
      command: 'show license status',
      bytes: 40,
      failure: { marker: '% Invalid input detected', message: "% Invalid input detected at '^' marker." },
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:00.100Z',
    },
  ],
  facts: null,
  findings: [
    {
      mnemonic: 'SMART_LIC-3-COMM_FAILED',
      check: 'comm-failed.smart-url',
      topic: 'transport-url',
      severity: 3,
      result: 'fail',
      message: 'The smart transport URL is not the CSSM receiver URL.',
      evidence: [{ command: 'show license tech support', line: 34, text: '  URL: https://smartreceiver-dev.cisco.com/licservice/license' }],
      remedy: ['license smart url smart https://smartreceiver.cisco.com/licservice/license'],
    },
    {
      mnemonic: 'SMART_LIC-3-POLICY_INSTALL_FAILED',
      check: 'policy-install-failed.clock-sync',
      topic: 'clock-sync',
      severity: 3,
      result: 'pass',
      message: 'The clock is synchronised with NTP.',
      evidence: [],
      remedy: [],
    },
  ],
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:00:01.000Z',
};

const unreachable: HostResult = {
  ...failing,
  name: 'edge-9',
  status: 'unreachable',
  error: { kind: 'refused', message: 'connection refused by 127.0.0.1:2299' },
  commands: [],
  findings: [],
};

let run: RunResult;

beforeAll(async () => {
  run = await storedRun([failing, unreachable]);
});

afterAll(async () => {
  await closeStoredRuns();
});

describe('formatTable', () => {
  let text: string;

  beforeAll(async () => {
    text = await formatTable(run, { verbose: false });
  });

  it('shows a failed check with evidence and remedy', () => {
    expect(text).toContain('core-1 (127.0.0.1:2201)  FAILED');
    expect(text).toContain('%SMART_LIC-3-COMM_FAILED  comm-failed.smart-url  [transport-url]');
    expect(text).toContain('evidence: show license tech support, line 34: URL: https://smartreceiver-dev.cisco.com/licservice/license');
    expect(text).toContain('remedy:   license smart url smart https://smartreceiver.cisco.com/licservice/license');
  });

  it('hides passed checks unless verbose', async () => {
    expect(text).not.toContain('policy-install-failed.clock-sync');
    expect(await formatTable(run, { verbose: true })).toContain('policy-install-failed.clock-sync');
  });

  it('names commands the device did not answer', () => {
    expect(text).toContain('not collected: show license status (% Invalid input detected)');
  });

  it('cuts the pattern of a filtered command', async () => {
    const filtered = {
      ...failing.commands[0]!,
      id: 'show-running-config-licensing',
      command: 'show running-config | include ^ip http client|^ip name-server|^ip domain|^ntp server',
    };
    const table = await formatTable(await storedRun([{ ...failing, commands: [filtered] }]), { verbose: false });

    expect(table).toContain('not collected: show running-config | include ^ip http client|^ip … (% Invalid input detected)');
  });

  it('shows the error of an unreachable device', () => {
    expect(text).toContain('edge-9 (127.0.0.1:2201)  UNREACHABLE');
    expect(text).toContain('error [refused]: connection refused by 127.0.0.1:2299');
  });

  it('ends with the device counts', () => {
    expect(text.trimEnd().split('\n').at(-1)).toBe('2 devices: 0 passed, 1 failed, 1 unreachable, 0 error');
  });
});

describe('formatTable cause grouping', () => {
  const clock = (mnemonic: string, check: string): HostResult['findings'][number] => ({
    mnemonic,
    check,
    topic: 'clock-sync',
    severity: 3,
    result: 'fail',
    message: `${mnemonic}: the clock is not synchronised with NTP.`,
    evidence: [{ command: 'show license tech support', line: 352, text: 'Clock sync-ed with NTP: False' }],
    remedy: ['ntp server <address> version 2 prefer'],
  });
  const grouped: HostResult = {
    ...failing,
    commands: [],
    findings: [
      clock('SMART_LIC-3-AUTHORIZATION_INSTALL_FAILED', 'authorization-install-failed.ntp-sync'),
      clock('SMART_LIC-3-POLICY_INSTALL_FAILED', 'policy-install-failed.ntp-sync'),
      clock('SMART_LIC-3-TRUST_CODE_INSTALL_FAILED', 'trust-code-install-failed.ntp-sync'),
      failing.findings[0]!,
    ],
  };
  let text: string;

  beforeAll(async () => {
    text = await formatTable(await storedRun([grouped]), { verbose: false });
  });

  it('prints one cause once and names the other messages it explains', () => {
    expect(text.match(/Clock sync-ed with NTP: False/g)).toHaveLength(1);
    expect(text).toContain('FAIL  %SMART_LIC-3-POLICY_INSTALL_FAILED  policy-install-failed.ntp-sync  [clock-sync]');
    expect(text).toContain(
      'also explains: %SMART_LIC-3-AUTHORIZATION_INSTALL_FAILED (authorization-install-failed.ntp-sync), %SMART_LIC-3-TRUST_CODE_INSTALL_FAILED (trust-code-install-failed.ntp-sync)',
    );
  });

  it('counts the causes behind the failed checks', () => {
    expect(text).toContain('FAILED  4 failed, from 2 causes, 0 passed');
  });

  it('keeps causes with other evidence apart', () => {
    expect(text).toContain('FAIL  %SMART_LIC-3-COMM_FAILED  comm-failed.smart-url  [transport-url]');
    expect(text).not.toMatch(/also explains: %SMART_LIC-3-COMM_FAILED/);
  });
});

describe('formatJson', () => {
  let document: Record<string, any>;

  beforeAll(async () => {
    document = JSON.parse(await formatJson(run)) as Record<string, any>;
  });

  it('follows the version 1 layout', () => {
    expect(document['version']).toBe(1);
    expect(Object.keys(document['hosts'][0])).toEqual(
      expect.arrayContaining(['name', 'address', 'status', 'error', 'facts', 'findings']),
    );
  });

  it('streams the same text as one JSON document', async () => {
    const whole = { version: 1, startedAt: run.startedAt, finishedAt: run.finishedAt, hosts: [failing, unreachable].map(hostJson), summary: summarise(run) };
    const empty = await storedRun([]);
    const wholeEmpty = { version: 1, startedAt: empty.startedAt, finishedAt: empty.finishedAt, hosts: [], summary: summarise(empty) };

    expect(await formatJson(run)).toBe(JSON.stringify(whole, null, 2) + '\n');
    expect(await formatJson(empty)).toBe(JSON.stringify(wholeEmpty, null, 2) + '\n');
  });

  it('keeps every finding field', () => {
    expect(document['hosts'][0]['findings'][0]).toEqual(failing.findings[0]);
  });

  it('counts hosts and findings in the summary', () => {
    expect(document['summary']['byStatus']).toEqual({ passed: 0, failed: 1, unreachable: 1, error: 0 });
    expect(document['summary']['findings']).toEqual({ fail: 1, warn: 0, pass: 1, skip: 0 });
  });
});
