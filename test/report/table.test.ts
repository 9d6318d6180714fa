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

  it('prints a shared remedy once', () => {
    expect(text.match(/remedy: {3}ntp server <address> version 2 prefer/g)).toHaveLength(1);
    expect(text).not.toContain('same evidence as');
  });
});

describe('formatTable cause with two remedies', () => {
  const transportType = { command: 'show license tech support', line: 28, text: '  Type: Smart' };
  const toCslu: HostResult['findings'][number] = {
    mnemonic: 'SMART_LIC-3-COMM_FAILED',
    check: 'comm-failed.intent-transport-type',
    topic: 'transport-url',
    severity: 3,
    result: 'fail',
    message: 'The device uses transport smart, but the inventory expects cslu.',
    evidence: [transportType],
    remedy: ['configure terminal', 'license smart transport cslu', 'end'],
  };
  const fixSmartUrl: HostResult['findings'][number] = {
    ...toCslu,
    mnemonic: 'SMART_LIC-3-AUTHORIZATION_INSTALL_FAILED',
    check: 'authorization-install-failed.smart-transport',
    message: 'The smart transport does not reach CSSM.',
    remedy: ['configure terminal', 'license smart url smart https://smartreceiver.cisco.com/licservice/license', 'end'],
  };
  const sameAsLead: HostResult['findings'][number] = {
    ...toCslu,
    mnemonic: 'SMART_LIC-3-POLICY_INSTALL_FAILED',
    check: 'policy-install-failed.transport-type',
  };
  let text: string;

  beforeAll(async () => {
    const host: HostResult = { ...failing, commands: [], findings: [toCslu, fixSmartUrl, sameAsLead] };
    text = await formatTable(await storedRun([host]), { verbose: false });
  });

  it('leads with the general message and its remedy', () => {
    const lead = 'FAIL  %SMART_LIC-3-POLICY_INSTALL_FAILED  policy-install-failed.transport-type  [transport-url]';

    expect(text).toContain(lead);
    expect(text).toContain(`${lead}\n        also explains: %SMART_LIC-3-COMM_FAILED (comm-failed.intent-transport-type)\n`);
    expect(text).toContain('remedy:   license smart transport cslu');
  });

  it('shows the other remedy under its own check', () => {
    const block = text.slice(text.indexOf('FAIL  %SMART_LIC-3-AUTHORIZATION_INSTALL_FAILED'));

    expect(block).toMatch(/^FAIL {2}%SMART_LIC-3-AUTHORIZATION_INSTALL_FAILED {2}authorization-install-failed\.smart-transport {2}\[transport-url\]\n/);
    expect(block).toContain(
      'same evidence as %SMART_LIC-3-POLICY_INSTALL_FAILED (policy-install-failed.transport-type) above, with a different remedy',
    );
    expect(block).toContain('The smart transport does not reach CSSM.');
    expect(block).toContain('evidence: show license tech support, line 28: Type: Smart');
    expect(block).toContain('remedy:   license smart url smart https://smartreceiver.cisco.com/licservice/license');
    expect(block).not.toContain('license smart transport cslu');
  });

  it('prints each remedy once', () => {
    expect(text.match(/remedy: {3}license smart transport cslu/g)).toHaveLength(1);
    expect(text.match(/remedy: {3}license smart url smart/g)).toHaveLength(1);
  });

  it('still counts one cause', () => {
    expect(text).toContain('FAILED  3 failed, from 1 cause, 0 passed');
  });
});

describe('formatTable interrupted device', () => {
  const interruptedError = { kind: 'interrupted' as const, message: 'the run was interrupted after 3 commands on this device' };
  const partial: HostResult = { ...failing, name: 'core-2', status: 'error', error: interruptedError };
  const notStarted: HostResult = {
    ...failing,
    name: 'core-3',
    status: 'error',
    error: { kind: 'interrupted', message: 'not collected: the run was interrupted before this device was started' },
    commands: [],
    findings: [],
  };
  let text: string;

  beforeAll(async () => {
    text = await formatTable(await storedRun([partial, notStarted]), { verbose: false });
  });

  it('says its findings come from a partial collection', () => {
    expect(text).toContain(
      'core-2 (127.0.0.1:2201)  ERROR  interrupted; checked on the outputs collected before the interruption: 1 failed, 1 passed\n',
    );
    expect(text).toContain('error [interrupted]: the run was interrupted after 3 commands on this device');
    expect(text).toContain('FAIL  %SMART_LIC-3-COMM_FAILED  comm-failed.smart-url  [transport-url]');
  });

  it('keeps the status in the summary line', () => {
    expect(text.trimEnd().split('\n').at(-1)).toBe('2 devices: 0 passed, 0 failed, 0 unreachable, 2 error (2 of them interrupted)');
  });

  it('adds nothing for a device never started', () => {
    expect(text).toContain('core-3 (127.0.0.1:2201)  ERROR  0 passed\n');
  });

  it('adds nothing for a failed device', async () => {
    const table = await formatTable(await storedRun([failing]), { verbose: false });

    expect(table).toContain('core-1 (127.0.0.1:2201)  FAILED  1 failed, 1 passed\n');
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
    expect(document['summary']['interrupted']).toBe(0);
  });
});
