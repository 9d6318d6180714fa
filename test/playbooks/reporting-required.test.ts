import { describe, expect, it } from 'vitest';

import { evaluateBuiltin, facts, findingOf, intent, LATE_EVALUATION_TIME, line } from './helpers.js';

const TECH = 'show license tech support';
const STATUS = 'show license status';

/** Values and lines from show-license-tech-support/c9300-ha-cslu-empty-address-clock-unsynced-sa5.9.4.txt: the deadline lies before the device time. */
const overdue = facts((f) => {
  f.transport.type = 'cslu';
  f.usageReporting.nextAckDeadline = { text: 'Sep 25 11:23:47 2022 UTC', iso: '2022-09-25T11:23:47Z' };
  f.currentTime = { text: 'Jul 13 13:18:05 2023 UTC', iso: '2023-07-13T13:18:05Z' };
  f.evidence['transport.type'] = line(TECH, 29, '  Type: cslu');
  f.evidence['usageReporting.lastAckReceived'] = line(TECH, 62, '  Last ACK received: <none>');
  f.evidence['usageReporting.nextAckDeadline'] = line(TECH, 63, '  Next ACK deadline: Sep 25 11:23:47 2022 UTC');
  f.evidence.currentTime = line(TECH, 169, 'Current time: Jul 13 13:18:05 2023 UTC');
});

/** Values and lines from show-license-tech-support/c9500x-svl-smart-dev-insufficient-trust-sa5.7.15.txt: 69 days left by the device time. */
const dueIn69Days = facts((f) => {
  f.transport.type = 'smart';
  f.usageReporting.nextAckDeadline = { text: 'Mar 19 19:51:37 2023 UTC', iso: '2023-03-19T19:51:37Z' };
  f.currentTime = { text: 'Jan 09 15:08:53 2023 UTC', iso: '2023-01-09T15:08:53Z' };
  f.evidence['transport.type'] = line(TECH, 30, '  Type: Smart');
  f.evidence['usageReporting.lastAckReceived'] = line(TECH, 64, '  Last ACK received: <none>');
  f.evidence['usageReporting.nextAckDeadline'] = line(TECH, 65, '  Next ACK deadline: Mar 19 19:51:37 2023 UTC');
  f.evidence.currentTime = line(TECH, 130, 'Current time: Jan 09 15:08:53 2023 UTC');
});

/** Values and lines from show-license-status/transport-off-ack-received-no-trust.txt: no device time in this command. */
const statusWithoutClock = facts((f) => {
  f.transport.type = 'off';
  f.usageReporting.lastAckReceived = { text: 'Nov 08 10:31:23 2023 EDT', iso: '2023-11-08T14:31:23Z' };
  f.usageReporting.nextAckDeadline = { text: 'Feb 06 10:31:23 2024 EDT', iso: '2024-02-06T14:31:23Z' };
  f.evidence['transport.type'] = line(STATUS, 18, '  Type: Transport Off');
  f.evidence['usageReporting.lastAckReceived'] = line(STATUS, 44, '  Last ACK received: Nov 08 10:31:23 2023 EDT');
  f.evidence['usageReporting.nextAckDeadline'] = line(STATUS, 45, '  Next ACK deadline: Feb 06 10:31:23 2024 EDT');
});

describe('reporting-required.ack-overdue', () => {
  it('fails when the deadline precedes the device time', async () => {
    const finding = findingOf(await evaluateBuiltin(overdue), 'reporting-required.ack-overdue');

    expect(finding.result).toBe('fail');
    expect(finding.severity).toBe(3);
    expect(finding.topic).toBe('reporting-deadline');
    expect(finding.message).toContain('The acknowledgement deadline Sep 25 11:23:47 2022 UTC has passed');
    expect(finding.evidence).toEqual([
      line(TECH, 63, '  Next ACK deadline: Sep 25 11:23:47 2022 UTC'),
      line(TECH, 169, 'Current time: Jul 13 13:18:05 2023 UTC'),
      line(TECH, 62, '  Last ACK received: <none>'),
    ]);
  });

  it('gives the remedy for the transport in use', async () => {
    const finding = findingOf(await evaluateBuiltin(overdue), 'reporting-required.ack-overdue');

    expect(finding.remedy).toContain('When the device sends to CSLU: license smart sync all');
    expect(finding.remedy).not.toContain('license smart sync all');
    expect(finding.remedy).not.toContain('license smart save usage all file bootflash:usage.txt');
  });

  it('passes by the device time even when the evaluation time is later', async () => {
    const finding = findingOf(await evaluateBuiltin(dueIn69Days, intent(), LATE_EVALUATION_TIME), 'reporting-required.ack-overdue');

    expect(finding.result).toBe('pass');
  });

  it('uses the evaluation time without a device time', async () => {
    const before = findingOf(await evaluateBuiltin(statusWithoutClock, intent(), new Date('2024-01-01T00:00:00Z')), 'reporting-required.ack-overdue');
    const after = findingOf(await evaluateBuiltin(statusWithoutClock, intent(), new Date('2024-03-01T00:00:00Z')), 'reporting-required.ack-overdue');

    expect(before.result).toBe('pass');
    expect(after.result).toBe('fail');
    expect(after.remedy).toContain('license smart save usage all file bootflash:usage.txt');
  });

  it('skips when the deadline was not collected', async () => {
    const finding = findingOf(await evaluateBuiltin(facts(() => {})), 'reporting-required.ack-overdue');

    expect(finding.result).toBe('skip');
    expect(finding.message).toContain('usageReporting.nextAckDeadline was not collected');
  });

  it('skips when the zones differ and are unknown', async () => {
    // Deadline and line from show-license-status/isr4451x-17.12.4-smart-proxy-no-reporting-telemetry.txt
    // (lower-case "est"), with a UTC device time from another capture: the offset of "est" is not assumed.
    const mixedZones = facts((f) => {
      f.usageReporting.nextAckDeadline = { text: 'Aug 03 09:03:25 2025 est', iso: null };
      f.currentTime = { text: 'Jul 13 13:18:05 2023 UTC', iso: '2023-07-13T13:18:05Z' };
      f.evidence['usageReporting.nextAckDeadline'] = line(STATUS, 52, '  Next ACK deadline: Aug 03 09:03:25 2025 est');
    });

    const finding = findingOf(await evaluateBuiltin(mixedZones), 'reporting-required.ack-overdue');

    expect(finding.result).toBe('skip');
    expect(finding.message).toContain('the time zone is unknown');
  });

  it('compares stamps of one unknown zone as printed', async () => {
    // Deadline from the same capture; the device time is its "Next ACK push check" stamp moved past the deadline.
    const sameZone = facts((f) => {
      f.usageReporting.nextAckDeadline = { text: 'Aug 03 09:03:25 2025 est', iso: null };
      f.currentTime = { text: 'Aug 03 09:05:29 2025 est', iso: null };
      f.evidence['usageReporting.nextAckDeadline'] = line(STATUS, 52, '  Next ACK deadline: Aug 03 09:03:25 2025 est');
    });

    const finding = findingOf(await evaluateBuiltin(sameZone), 'reporting-required.ack-overdue');

    expect(finding.result).toBe('fail');
  });

  it('passes a same-zone deadline still ahead', async () => {
    const sameZone = facts((f) => {
      f.usageReporting.nextAckDeadline = { text: 'Aug 03 09:03:25 2025 est', iso: null };
      f.currentTime = { text: 'Aug 03 09:05:29 2024 est', iso: null };
      f.evidence['usageReporting.nextAckDeadline'] = line(STATUS, 52, '  Next ACK deadline: Aug 03 09:03:25 2025 est');
    });

    const finding = findingOf(await evaluateBuiltin(sameZone), 'reporting-required.ack-overdue');

    expect(finding.result).toBe('pass');
  });
});

describe('reporting-required.ack-due-soon', () => {
  it('passes outside the default 14-day window', async () => {
    const finding = findingOf(await evaluateBuiltin(dueIn69Days), 'reporting-required.ack-due-soon');

    expect(finding.result).toBe('pass');
    expect(finding.message).toBe('The acknowledgement deadline Mar 19 19:51:37 2023 UTC is more than 14 days away.');
  });

  it('warns inside the window the intent sets', async () => {
    const finding = findingOf(await evaluateBuiltin(dueIn69Days, intent({ ackWarningDays: 90 })), 'reporting-required.ack-due-soon');

    expect(finding.result).toBe('warn');
    expect(finding.severity).toBe(4);
    expect(finding.message).toContain('is within the 90-day warning window (days left: 69).');
    expect(finding.remedy).toContain('license smart sync all');
  });

  it('is not applicable once the deadline passed', async () => {
    const finding = findingOf(await evaluateBuiltin(overdue), 'reporting-required.ack-due-soon');

    expect(finding.result).toBe('skip');
    expect(finding.message).toBe('Not applicable: applies only when usageReporting.nextAckDeadline is after now.');
  });
});

describe('reporting-required.never-acked', () => {
  it('warns when the device shows <none>', async () => {
    const finding = findingOf(await evaluateBuiltin(overdue), 'reporting-required.never-acked');

    expect(finding.result).toBe('warn');
    expect(finding.evidence).toEqual([line(TECH, 62, '  Last ACK received: <none>')]);
    expect(finding.remedy.length).toBeGreaterThan(0);
  });

  it('passes with an ACK time', async () => {
    const finding = findingOf(await evaluateBuiltin(statusWithoutClock), 'reporting-required.never-acked');

    expect(finding.result).toBe('pass');
    expect(finding.message).toBe('The last acknowledgement arrived Nov 08 10:31:23 2023 EDT.');
  });

  it('skips when the field was not collected', async () => {
    const finding = findingOf(await evaluateBuiltin(facts(() => {})), 'reporting-required.never-acked');

    expect(finding.result).toBe('skip');
  });
});
