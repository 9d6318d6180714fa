import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { parseShowLicenseEventlog } from '../../src/parsers/show-license-eventlog.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/corpus/show-license-eventlog/${name}`, import.meta.url), 'utf8');
}

const DNA_NWSTACK = 'regid.2018-06.com.cisco.DNA_NWStack,1.0_e7244e71-3ad5-4608-8bf0-d12f67c80896';
const AIR_DNA_A = 'regid.2017-08.com.cisco.AIR-DNA-A,1.0_b6308627-3ab0-4a11-a3d9-586911a0d790';
const ERM_RESET = 'ERM-Reset: Client 0, AP-GROUP group, 2 features air-network-advantage,air-dna-advantage';

describe('show license eventlog', () => {
  it('reads ERM reset and endpoint usage events', () => {
    const { record, unparsed, sources } = parseShowLicenseEventlog(fixture('cat9k-eventlog2-erm-reset-air-licenses.txt'));

    expect(record.noEventLogFound).toBe(false);
    expect(record.events).toHaveLength(12);
    expect(record.events.map((event) => event.type)).toEqual([
      'SAEVT_PLATFORM',
      'SAEVT_ENDPOINT_USAGE',
      'SAEVT_ENDPOINT_USAGE',
      'SAEVT_PLATFORM',
      'SAEVT_ENDPOINT_USAGE',
      'SAEVT_ENDPOINT_USAGE',
      'SAEVT_PLATFORM',
      'SAEVT_ENDPOINT_USAGE',
      'SAEVT_ENDPOINT_USAGE',
      'SAEVT_PLATFORM',
      'SAEVT_ENDPOINT_USAGE',
      'SAEVT_ENDPOINT_USAGE',
    ]);

    const first = record.events[0];
    expect(first?.time).toEqual({ text: '2021-11-17 03:31:32.920 UTC', iso: '2021-11-17T03:31:32.920Z' });
    expect(first?.attributes).toEqual({
      eventSource: 'INFRA_SL',
      eventName: 'INFRA_SL_EVLOG_ERM_RESET',
      MSG: ERM_RESET,
    });
    expect(first?.firstLine).toBe(6);
    expect(first?.lastLine).toBe(6);

    const last = record.events[11];
    expect(last?.time).toEqual({ text: '2021-11-18 03:31:32.923 UTC', iso: '2021-11-18T03:31:32.923Z' });
    expect(last?.attributes).toEqual({ count: '0', entitlementTag: AIR_DNA_A });
    expect(record.events[1]?.attributes).toEqual({ count: '0', entitlementTag: DNA_NWSTACK });
    expect(sources['events.11']?.line).toBe(17);
    expect(unparsed).toEqual([]);
  });

  it('joins events wrapped at 80 columns', () => {
    const { record, unparsed } = parseShowLicenseEventlog(fixture('c9300-48u-17.18.02-wrapped-lines-partial.txt'));

    expect(record.events.map((event) => [event.type, event.attributes])).toEqual([
      ['SAEVT_READY', {}],
      ['SAEVT_ENABLED', {}],
      ['SAEVT_EXPORT_FLAG', { exportAllowed: 'False' }],
      ['SAEVT_HA_EVENT', { eventType: 'SmartAgentEvtHArmfInitialize' }],
      ['SAEVT_HA_CHASSIS_ROLE', { udi: 'PID:C9300-48U,SN:FCW2419C0LC' }],
      ['SAEVT_HA_EVENT', { eventType: 'SmartAgentEvtHAchkptRegister' }],
      ['SAEVT_HA_ROLE', { udi: 'PID:C9300-48U,SN:FCW2419C0LC', haRole: 'Active' }],
      ['SAEVT_HA_ROLE', { udi: 'PID:C9300-48U,SN:FCW2419C0LC', haRole: 'Active' }],
      ['SAEVT_HA_CHASSIS_ROLE', { udi: 'PID:C9300-48U,SN:FCW2419C0LC', haRole: 'Active' }],
      ['SAEVT_HA_ROLE', { udi: 'PID:C9300-48U,SN:FCW2419C0LC', haRole: 'Active' }],
      ['SAEVT_INIT_CONFIG_READ_BEGIN', {}],
      ['SAEVT_INIT_CONFIG_READ_DONE', {}],
      [
        'SAEVT_PLATFORM',
        { eventSource: 'INFRA_SL', eventName: 'INFRA_SL_EVLOG_OIR_ADD', MSG: 'OIR Add evt 100 with slot-id 1' },
      ],
    ]);

    const wrapped = record.events[6];
    expect(wrapped?.text).toBe('udi="PID:C9300-48U,SN:FCW2419C0LC" haRole="Active"');
    expect(wrapped?.firstLine).toBe(12);
    expect(wrapped?.lastLine).toBe(13);
    expect(record.events[3]?.text).toBe('eventType="SmartAgentEvtHArmfInitialize"');
    expect(record.events[0]?.time.iso).toBe('2021-09-10T14:03:56.089Z');
    expect(unparsed).toEqual([]);
  });

  it('joins a wrap inside a quoted value', () => {
    const text = fixture('c9300-48u-17.18.02-wrapped-lines-partial.txt').replace(
      'MSG="OIR Add evt 100 with slot-id 1"',
      'MSG="OIR Add evt 100 \nwith slot-id 1"',
    );

    const { record, unparsed } = parseShowLicenseEventlog(text);

    expect(record.events[12]?.attributes['MSG']).toBe('OIR Add evt 100 with slot-id 1');
    expect(record.events[12]?.lastLine).toBe(24);
    expect(unparsed).toEqual([]);
  });

  it('reports text after an unclosed quote', () => {
    // Line 6 cut inside `eventName="INFRA_SL_EVLOG_ERM_RESET"`, then a foreign line.
    const lines = fixture('cat9k-eventlog2-erm-reset-air-licenses.txt').split('\n');
    lines[5] = (lines[5] ?? '').slice(0, (lines[5] ?? '').indexOf('INFRA_SL_EVLOG'));
    lines.splice(6, 0, 'Switch uptime is 0 minutes');

    const { record, unparsed } = parseShowLicenseEventlog(lines.join('\n'));

    expect(unparsed).toEqual([{ line: 7, text: 'Switch uptime is 0 minutes' }]);
    expect(record.events[0]?.lastLine).toBe(6);
    expect(record.events).toHaveLength(12);
  });

  it('lists other text after an event as unparsed', () => {
    const text = fixture('c9300-48u-17.18.02-wrapped-lines-partial.txt').replace(
      'SAEVT_INIT_CONFIG_READ_BEGIN\n',
      'SAEVT_INIT_CONFIG_READ_BEGIN\nSwitch uptime is 0 minutes\n',
    );

    const { record, unparsed } = parseShowLicenseEventlog(text);

    expect(record.events[10]?.text).toBe('');
    expect(record.events).toHaveLength(13);
    expect(unparsed).toEqual([{ line: 21, text: 'Switch uptime is 0 minutes' }]);
  });

  it('reads an empty event log', () => {
    const { record, unparsed, sources } = parseShowLicenseEventlog(fixture('no-eventlog-found.txt'));

    expect(record.noEventLogFound).toBe(true);
    expect(record.events).toEqual([]);
    expect(sources['noEventLogFound']?.line).toBe(4);
    expect(unparsed).toEqual([]);
  });

  it('lists text before the first event as unparsed', () => {
    const { record, unparsed } = parseShowLicenseEventlog('unexpected text\n' + fixture('no-eventlog-found.txt'));

    expect(record.noEventLogFound).toBe(true);
    expect(unparsed).toEqual([{ line: 1, text: 'unexpected text' }]);
  });
});
