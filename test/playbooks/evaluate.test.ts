// The condition language and templates, on small playbooks written inline.
import { describe, expect, it } from 'vitest';

import { evaluatePlaybooks, playbookShortName } from '../../src/playbooks/evaluate.js';
import { parsePlaybookFile } from '../../src/playbooks/load.js';
import type { Playbook } from '../../src/playbooks/types.js';
import { facts, intent, LATE_EVALUATION_TIME, line } from './helpers.js';

const TECH = 'show license tech support';

/** Builds a one-check playbook around `check` (YAML lines indented for a list item). The remedy defaults to one step. */
function playbookWith(check: string): Playbook {
  const source = [
    'mnemonic: SMART_LIC-3-COMM_FAILED',
    'severity: 3',
    'text: "Communications failure with the [chars] : [chars]"',
    'variables: [transport, error]',
    'explanation: Example.',
    'checks:',
    '  - id: probe',
    '    topic: communication',
    '    level: warn',
    '    evidence: [facts.transport.type]',
    check.includes('    remedy:') ? '' : '    remedy: [show license status]',
    check,
  ].join('\n');
  const result = parsePlaybookFile('SMART_LIC-3-COMM_FAILED.yaml', source);
  if ('problems' in result) {
    throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  }
  return result.playbook;
}

/** Values and lines from show-license-tech-support/c9300-stack3-cslu-no-ack-no-trust-sa5.5.11.txt. */
const csluNeverAcked = facts((f) => {
  f.transport.type = 'cslu';
  f.transport.csluAddress = 'http://172.19.180.22:8182/cslu/v1/pi';
  f.usageReporting.nextAckDeadline = { text: 'Apr 06 13:28:03 2023 UTC', iso: '2023-04-06T13:28:03Z' };
  f.usageReporting.reportingPushIntervalDays = 30;
  f.currentTime = { text: 'May 21 14:10:53 2022 UTC', iso: '2022-05-21T14:10:53Z' };
  f.evidence['transport.type'] = line(TECH, 32, '  Type: cslu');
  f.evidence['transport.csluAddress'] = line(TECH, 33, '  Cslu address: http://172.19.180.22:8182/cslu/v1/pi');
  f.evidence['usageReporting.lastAckReceived'] = line(TECH, 66, '  Last ACK received: <none>');
  f.evidence['usageReporting.nextAckDeadline'] = line(TECH, 67, '  Next ACK deadline: Apr 06 13:28:03 2023 UTC');
  f.evidence['usageReporting.reportingPushIntervalDays'] = line(TECH, 68, '  Reporting push interval: 30  days State(2) InPolicy(365)');
  f.evidence.currentTime = line(TECH, 154, 'Current time: May 21 14:10:53 2022 UTC');
});

function resultOf(check: string, licensingIntent = intent()): { result: string; message: string; remedy: string[] } {
  const [finding] = evaluatePlaybooks([playbookWith(check)], { facts: csluNeverAcked, intent: licensingIntent, now: LATE_EVALUATION_TIME });
  if (finding === undefined) {
    throw new Error('no finding');
  }
  return finding;
}

describe('condition operators', () => {
  it('compare numbers with literals and fields', () => {
    expect(resultOf('    expect: {path: facts.usageReporting.reportingPushIntervalDays, lte: 30}\n    message: m').result).toBe('pass');
    expect(resultOf('    expect: {path: facts.usageReporting.reportingPushIntervalDays, gt: 30}\n    message: m').result).toBe('warn');
    expect(
      resultOf('    expect: {path: facts.usageReporting.reportingPushIntervalDays, lt: {path: intent.ackWarningDays}}\n    message: m').result,
    ).toBe('warn');
  });

  it('match text with in and matches', () => {
    expect(resultOf('    expect: {path: facts.transport.type, in: [cslu, smart]}\n    message: m').result).toBe('pass');
    expect(resultOf('    expect: {path: facts.transport.csluAddress, matches: ":8182/"}\n    message: m').result).toBe('pass');
    expect(resultOf('    expect: {path: facts.transport.csluAddress, matches: "^https:"}\n    message: m').result).toBe('warn');
  });

  it('compare a time with another time field', () => {
    const check = '    expect: {path: facts.currentTime, before: {date: {path: facts.usageReporting.nextAckDeadline}, offsetDays: -300}}\n    message: m';

    expect(resultOf(check).result).toBe('pass');
  });

  it('never equals an empty device value', () => {
    const check = '    expect: {path: facts.usageReporting.lastAckReceived, exists: false}\n    message: m';

    expect(resultOf(check).result).toBe('pass');
  });
});

describe('facts that were not collected', () => {
  it('skip a comparison that needs them', () => {
    const finding = resultOf('    expect: {path: facts.clockSyncedWithNtp, equals: true}\n    message: m');

    expect(finding.result).toBe('skip');
    expect(finding.message).toBe('Not checked: clockSyncedWithNtp was not collected (it comes from show license tech support).');
  });

  it('skip through not', () => {
    expect(resultOf('    expect: {not: {path: facts.clockSyncedWithNtp, equals: false}}\n    message: m').result).toBe('skip');
  });

  it('do not block any with a true operand', () => {
    const check = [
      '    expect:',
      '      any:',
      '        - {path: facts.clockSyncedWithNtp, equals: true}',
      '        - {path: facts.transport.type, equals: cslu}',
      '    message: m',
    ].join('\n');

    expect(resultOf(check).result).toBe('pass');
  });

  it('do not block all with a false operand', () => {
    const check = [
      '    expect:',
      '      all:',
      '        - {path: facts.clockSyncedWithNtp, equals: true}',
      '        - {path: facts.transport.type, equals: smart}',
      '    message: m',
    ].join('\n');

    expect(resultOf(check).result).toBe('warn');
  });

  it('print as not collected in templates', () => {
    const check = '    expect: {path: facts.transport.type, equals: smart}\n    message: "clock {facts.clockSyncedWithNtp}, ack {facts.usageReporting.lastAckReceived}"';

    expect(resultOf(check).message).toBe('clock (not collected), ack (none)');
  });
});

describe('templates', () => {
  it('fill fields, hosts and days', () => {
    // 319 days and 23 hours from the device time to the deadline count as 319 whole days.
    const check = [
      '    expect: {path: facts.transport.type, equals: smart}',
      '    message: "{facts.transport.type} at {facts.transport.csluAddress|host}, due in {facts.usageReporting.nextAckDeadline|days} days, warn at {intent.ackWarningDays}"',
    ].join('\n');

    expect(resultOf(check).message).toBe('cslu at 172.19.180.22, due in 319 days, warn at 14');
  });

  it('leave placeholder-like text from intent unexpanded', () => {
    const check = '    expect: {path: facts.transport.type, equals: smart}\n    message: "expected {intent.transportUrl}"';

    expect(resultOf(check, intent({ transportUrl: '{facts.transport.type}' })).message).toBe('expected {facts.transport.type}');
  });

  it('add conditional remedy steps only when they apply', () => {
    const check = [
      '    expect: {path: facts.transport.type, equals: smart}',
      '    message: m',
      '    remedy:',
      '      - {when: {path: facts.transport.type, equals: cslu}, steps: [license smart sync all]}',
      '      - {when: {path: facts.transport.type, equals: "off"}, steps: [license smart save usage all file bootflash:usage.txt]}',
      '      - show license status',
    ].join('\n');

    expect(resultOf(check).remedy).toEqual(['license smart sync all', 'show license status']);
  });
});

describe('playbookShortName', () => {
  it('keeps the mnemonic part in lower case with dashes', () => {
    expect(playbookShortName('SMART_LIC-3-COMM_FAILED')).toBe('comm-failed');
    expect(playbookShortName('SMART_LIC-6-REPORTING_REQUIRED')).toBe('reporting-required');
  });
});
