import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { buildFacts } from '../../src/facts/build.js';
import type { CommandResult } from '../../src/model/command.js';

const CORPUS = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));

function collected(id: string, file: string): CommandResult {
  return {
    id,
    command: id.replace(/-/g, ' '),
    output: readFileSync(`${CORPUS}${id}/${file}`, 'utf8'),
    failure: null,
    startedAt: '2024-03-15T21:13:41Z',
    finishedAt: '2024-03-15T21:13:42Z',
  };
}

const STACK4 = 'c9350-stack4-smart-proxy-trust-installed-sa5.11.4.txt';

describe('buildFacts', () => {
  it('merges tech support, all and udi of one stack', () => {
    const facts = buildFacts([
      collected('show-license-tech-support', STACK4),
      collected('show-license-all', STACK4),
      collected('show-license-udi', 'c9350-stack4-ha-udi-list.txt'),
    ]);

    expect(facts.licensingMode).toBe('policy');
    expect(facts.agentVersion).toBe('5.11.4_rel/20');
    expect(facts.transport.type).toBe('smart');
    expect(facts.transport.url).toBe('https://smartreceiver.cisco.com/licservice/license');
    expect(facts.transport.proxy).toEqual({ address: '173.36.224.109', port: '80' });
    expect(facts.clockSyncedWithNtp).toBe(false);
    expect(facts.currentTime).toEqual({ text: 'Mar 15 21:13:41 2024 UTC', iso: '2024-03-15T21:13:41Z' });
    expect(facts.trustCode).toHaveLength(4);
    expect(facts.trustCode[0]).toEqual({
      udi: { role: 'Active', pid: 'C9350-24U', sn: 'FOC2705Y8X0' },
      installed: true,
      installedAt: { text: 'Mar 13 21:32:51 2024 UTC', iso: '2024-03-13T21:32:51Z' },
    });
    expect(facts.usageReporting.reportingPushIntervalDays).toBe(30);
    expect(facts.policy.reportingAckRequired).toBe(true);
    expect(facts.udis.map((udi) => udi.sn)).toEqual(['FOC2705Y8X0', 'FOC2705Y8XF', 'FOC2718Y66X', 'FOC2719YOHR']);
    expect(facts.sources).toEqual(['show license tech support', 'show license udi', 'show license all']);
  });

  it('prefers tech support for status fields', () => {
    // The two captures were taken an hour apart, so their last ACK differs.
    const facts = buildFacts([collected('show-license-all', STACK4), collected('show-license-tech-support', STACK4)]);

    expect(facts.usageReporting.lastAckReceived?.text).toBe('Mar 15 21:01:43 2024 UTC');
    expect(facts.evidence['usageReporting.lastAckReceived']).toEqual({
      command: 'show license tech support',
      line: 70,
      text: '  Last ACK received: Mar 15 21:01:43 2024 UTC',
    });
  });

  it('prefers show license udi for UDIs', () => {
    const facts = buildFacts([collected('show-license-tech-support', STACK4), collected('show-license-udi', 'c9350-stack4-ha-udi-list.txt')]);

    expect(facts.evidence['udis']).toEqual({ command: 'show license udi', line: 3, text: 'HA UDI List:' });
    expect(facts.evidence['udis.3']).toEqual({ command: 'show license udi', line: 7, text: '    Member:PID:C9350-24U,SN:FOC2719YOHR' });
  });

  it('quotes the evidence line of each fact', () => {
    const facts = buildFacts([collected('show-license-tech-support', STACK4)]);

    expect(facts.evidence['transport.url']).toEqual({
      command: 'show license tech support',
      line: 36,
      text: '  URL: https://smartreceiver.cisco.com/licservice/license',
    });
    expect(facts.evidence['clockSyncedWithNtp']?.line).toBe(388);
    expect(facts.evidence['currentTime']?.line).toBe(148);
    expect(facts.evidence['usageReporting.reportingPushIntervalDays']?.line).toBe(72);
    expect(facts.evidence['trustCode']?.line).toBe(78);
    expect(facts.evidence['trustCode.1']?.line).toBe(81);
    expect(facts.evidence['licensingMode']?.line).toBe(20);
    expect(facts.evidence['policy.inUse']?.line).toBe(49);
  });

  it('falls back to show license all when tech support is cut', () => {
    const facts = buildFacts([
      collected('show-license-tech-support', 'c9300-48u-17.18.02-cslu-ipmode-trustpoint-first50lines.txt'),
      collected('show-license-status', 'c9300-stack3-cslu-custom-policy-trust-installed.txt'),
    ]);

    expect(facts.transport.trustPoint).toBe('SLA-TrustPoint');
    expect(facts.evidence['transport.trustPoint']?.command).toBe('show license tech support');
    expect(facts.usageReporting.nextAckDeadline?.text).toBe('Jan 12 12:10:32 2022 UTC');
    expect(facts.evidence['usageReporting.nextAckDeadline']?.command).toBe('show license status');
  });

  it('tells a shown nothing from not collected', () => {
    const facts = buildFacts([collected('show-license-status', 'transport-off-ack-received-no-trust.txt')]);

    expect(facts.trustCode).toEqual([]);
    expect(facts.evidence['trustCode']?.text).toBe('Trust Code Installed: <none>');
    expect(facts.transport.type).toBe('off');
    expect(facts.clockSyncedWithNtp).toBeNull();
    expect(facts.evidence['clockSyncedWithNtp']).toBeUndefined();
  });

  it('ignores failed commands', () => {
    const failed: CommandResult = {
      ...collected('show-license-tech-support', STACK4),
      failure: { marker: '% Invalid input detected', message: 'The device rejected the command' },
    };
    const facts = buildFacts([failed, collected('show-license-status', 'c8000v-17.18.1a-cslu-no-trust-telemetry.txt')]);

    expect(facts.transport.type).toBe('cslu');
    expect(facts.currentTime).toBeNull();
    expect(facts.sources).toEqual(['show license status']);
  });

  it('reads legacy Smart Licensing', () => {
    const facts = buildFacts([collected('show-license-status', 'cbr8-legacy-registered-authorized-cet.txt'), collected('show-license-udi', 'cbr8-ha-same-chassis-udi.txt')]);

    expect(facts.licensingMode).toBe('legacy');
    expect(facts.transport.type).toBe('callhome');
    expect(facts.udis).toEqual([
      { role: 'Active', pid: 'CBR-8-CCAP-CHASS', sn: 'FXS2220Q20A' },
      { role: 'Standby', pid: 'CBR-8-CCAP-CHASS', sn: 'FXS2220Q20A' },
    ]);
  });

  it('returns empty facts for no results', () => {
    const facts = buildFacts([]);

    expect(facts.licensingMode).toBeNull();
    expect(facts.udis).toEqual([]);
    expect(facts.evidence).toEqual({});
    expect(facts.sources).toEqual([]);
  });
});

describe('buildFacts trust summary', () => {
  it('counts one UDI listed by both supervisors once', () => {
    const facts = buildFacts([collected('show-license-tech-support', 'c9407r-dualsup-smart-proxy-trust-installed-sa5.10.1.txt')]);

    // Tech support lines 268 and 270: Active and Standby both show PID:C9407R,SN:FXS2119Q2U7.
    expect(facts.trustCode.map((entry) => entry.udi?.sn)).toEqual(['FXS2119Q2U7', 'FXS2119Q2U7']);
    expect(facts.trust.installedCount).toBe(1);
    expect(facts.trust.missingCount).toBe(0);
  });
});
