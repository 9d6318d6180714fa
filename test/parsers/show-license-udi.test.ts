import { describe, expect, it } from 'vitest';

import { parseShowLicenseUdi } from '../../src/parsers/show-license-udi.js';
import { expectField, readFixture } from './golden.js';

const parse = (file: string) => parseShowLicenseUdi(readFixture('show-license-udi', file));

describe('show license udi', () => {
  it('reads a four-member HA UDI list', () => {
    const result = parse('c9350-stack4-ha-udi-list.txt');

    expectField(result, 'udi', { role: null, pid: 'C9350-24U', sn: 'FOC2705Y8X0' }, 1);
    expectField(result, 'udis.0', { role: 'Active', pid: 'C9350-24U', sn: 'FOC2705Y8X0' }, 4);
    expectField(result, 'udis.1', { role: 'Standby', pid: 'C9350-24U', sn: 'FOC2705Y8XF' }, 5);
    expectField(result, 'udis.2', { role: 'Member', pid: 'C9350-24U', sn: 'FOC2718Y66X' }, 6);
    expectField(result, 'udis.3', { role: 'Member', pid: 'C9350-24U', sn: 'FOC2719YOHR' }, 7);
    expect(result.record.udis).toHaveLength(4);
    expect(result.unparsed).toEqual([]);
  });

  it('keeps one chassis UDI twice', () => {
    const result = parse('cbr8-ha-same-chassis-udi.txt');

    expectField(result, 'udis.0', { role: 'Active', pid: 'CBR-8-CCAP-CHASS', sn: 'FXS2220Q20A' }, 4);
    expectField(result, 'udis.1', { role: 'Standby', pid: 'CBR-8-CCAP-CHASS', sn: 'FXS2220Q20A' }, 5);
    expect(result.record.udis).toHaveLength(2);
    expect(result.unparsed).toEqual([]);
  });

  it('reads the tab-separated slot table', () => {
    const result = parse('asr1006-legacy-slot-table.txt');

    expectField(result, 'udis', [{ role: null, pid: 'ASR1006', sn: 'NWG1512050G' }], 1);
    expect(result.sources['udis.0']?.line).toBe(3);
    expect(result.record.udi).toBeNull();
    expect(result.unparsed).toEqual([]);
  });
});
