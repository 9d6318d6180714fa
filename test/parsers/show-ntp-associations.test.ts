// Golden tests for `show ntp associations` on published IOS XE outputs.
import { describe, expect, it } from 'vitest';

import { parseShowNtpAssociations } from '../../src/parsers/show-ntp-associations.js';
import { expectField, readFixture } from './golden.js';

const COMMAND = 'show-ntp-associations';

describe('parseShowNtpAssociations', () => {
  it('reads a local reference clock as sys.peer', () => {
    const parsed = parseShowNtpAssociations(readFixture(COMMAND, 'genie-golden-output-1-locl-sys-peer.txt'));

    expect(parsed.record.associations).toHaveLength(5);
    expect(parsed.record.associations[0]).toEqual({
      address: '127.127.1.1',
      selection: 'sys.peer',
      configured: true,
      referenceClock: '.LOCL.',
      stratum: 0,
      when: '6',
      poll: 16,
      reach: '377',
      delay: 0,
      offset: 0,
      dispersion: 1.204,
    });
    expect(parsed.record.associations[1]).toEqual({
      address: '10.4.1.1',
      selection: null,
      configured: true,
      referenceClock: '.INIT.',
      stratum: 16,
      when: '-',
      poll: 1024,
      reach: '0',
      delay: 0,
      offset: 0,
      dispersion: 15937,
    });
    expectField(parsed, 'sysPeer', '127.127.1.1', 5);
    expect(parsed.unparsed).toEqual([]);
  });

  it('reads IPv6 peers and a candidate', () => {
    const parsed = parseShowNtpAssociations(readFixture(COMMAND, 'genie-golden-output-2-ipv6-sys-peer.txt'));

    expect(parsed.record.associations.map((peer) => [peer.address, peer.selection, peer.offset])).toEqual([
      ['2001:DB8::EEE8', 'sys.peer', -2.107],
      ['2001:DB8::EEE7', 'candidate', -2.214],
    ]);
    expectField(parsed, 'sysPeer', '2001:DB8::EEE8', 2);
    expect(parsed.unparsed).toEqual([]);
  });

  it('reads an unreachable peer without a tally code', () => {
    const parsed = parseShowNtpAssociations(readFixture(COMMAND, 'genie-golden-output-3-sys-peer-candidate-unreachable.txt'));

    expect(parsed.record.associations.map((peer) => [peer.address, peer.selection, peer.referenceClock, peer.reach])).toEqual([
      ['192.0.2.1', 'sys.peer', '192.0.2.2', '377'],
      ['192.0.2.10', 'candidate', '.GNSS.', '377'],
      ['192.0.2.20', null, '127.0.0.1', '0'],
    ]);
    expect(parsed.sources['associations.2']).toEqual({
      line: 4,
      text: ' ~192.0.2.20      127.0.0.1       16    375   1024     0  0.000   0.000 15937.',
    });
    expect(parsed.unparsed).toEqual([]);
  });

  it('has no sys.peer when no line carries *', () => {
    // No published capture shows an unsynchronised peer list, so this edits a
    // copy of a real one: the tally code of the system peer is removed.
    const text = readFixture(COMMAND, 'genie-golden-output-3-sys-peer-candidate-unreachable.txt').replace('*~192.0.2.1 ', ' ~192.0.2.1 ');
    const parsed = parseShowNtpAssociations(text);

    expect(parsed.record.sysPeer).toBeNull();
    expect(parsed.sources['sysPeer']).toBeUndefined();
    expect(parsed.record.associations[0]?.selection).toBeNull();
  });

  it('keeps an error line as unparsed', () => {
    const parsed = parseShowNtpAssociations("% Invalid input detected at '^' marker.");

    expect(parsed.record).toEqual({ associations: [], sysPeer: null });
    expect(parsed.unparsed).toEqual([{ line: 1, text: "% Invalid input detected at '^' marker." }]);
  });
});
