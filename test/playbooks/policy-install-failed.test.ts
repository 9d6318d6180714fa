import { describe, expect, it } from 'vitest';

import { evaluateBuiltin, facts, findingOf, line } from './helpers.js';

const TECH = 'show license tech support';

describe('policy-install-failed.ntp-sync', () => {
  it('fails when the clock is not synced', async () => {
    // Values and lines from show-license-tech-support/c9300-ha-cslu-empty-address-clock-unsynced-sa5.9.4.txt.
    const unsynced = facts((f) => {
      f.clockSyncedWithNtp = false;
      f.evidence.clockSyncedWithNtp = line(TECH, 386, 'Clock sync-ed with NTP: False');
    });

    const finding = findingOf(await evaluateBuiltin(unsynced), 'policy-install-failed.ntp-sync');

    expect(finding.result).toBe('fail');
    expect(finding.topic).toBe('clock-sync');
    expect(finding.mnemonic).toBe('SMART_LIC-3-POLICY_INSTALL_FAILED');
    expect(finding.evidence).toEqual([line(TECH, 386, 'Clock sync-ed with NTP: False')]);
    expect(finding.remedy).toContain('ntp server <address> version 2 prefer');
  });

  it('passes when the clock is synced', async () => {
    // Values and lines from show-license-tech-support/c9300-stack3-cslu-custom-policy-no-trust-sa5.3.16.txt.
    const synced = facts((f) => {
      f.clockSyncedWithNtp = true;
      f.evidence.clockSyncedWithNtp = line(TECH, 392, 'Clock sync-ed with NTP: True');
    });

    const finding = findingOf(await evaluateBuiltin(synced), 'policy-install-failed.ntp-sync');

    expect(finding.result).toBe('pass');
    expect(finding.message).toBe('The device clock is synchronised with NTP.');
  });

  it('skips when only show license status was collected', async () => {
    // show license status does not print the NTP field: values from show-license-status/transport-off-ack-received-no-trust.txt.
    const statusOnly = facts((f) => {
      f.transport.type = 'off';
      f.evidence['transport.type'] = line('show license status', 18, '  Type: Transport Off');
    });

    const finding = findingOf(await evaluateBuiltin(statusOnly), 'policy-install-failed.ntp-sync');

    expect(finding.result).toBe('skip');
    expect(finding.message).toBe(
      'Not checked: clockSyncedWithNtp was not collected (it comes from show license tech support).',
    );
  });
});
