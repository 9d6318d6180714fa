import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { parseSlac, udiFields } from '../../src/parsers/slac.js';

// Built from the documented SLAC structure. fixtures/slac/README.md names the
// source of each value.
const SAMPLE = readFileSync(
  new URL('../../fixtures/slac/c9350-stack4-documented-format.xml', import.meta.url),
  'utf8',
);

// The HSEC entitlement tag as printed by a C9300 stack in `show license tech support`.
const HSEC_TAG = 'regid.2021-05.com.cisco.C9K_HSEC,1.0_90fdf411-3823-45bd-bd8c-5a5d0e0e1ea2';

describe('SLAC file', () => {
  it('reads the UDIs of a four-member stack', () => {
    const { record, unparsed, sources } = parseSlac(SAMPLE);

    expect(record.isSlac).toBe(true);
    expect(record.rootElements).toEqual(['smartLicenseAuthorization']);
    expect(record.udis).toEqual([
      { pid: 'C9350-24U', sn: 'FOC2705Y8X0', text: 'P:C9350-24U,SN:FOC2705Y8X0', line: 3 },
      { pid: 'C9350-24U', sn: 'FOC2705Y8XF', text: 'P:C9350-24U,SN:FOC2705Y8XF', line: 4 },
      { pid: 'C9350-24U', sn: 'FOC2718Y66X', text: 'P:C9350-24U,SN:FOC2718Y66X', line: 5 },
      { pid: 'C9350-24U', sn: 'FOC2719YOHR', text: 'P:C9350-24U,SN:FOC2719YOHR', line: 6 },
    ]);
    expect(record.entitlementTags).toEqual([]);
    expect(sources['udis.0']).toEqual({ line: 3, text: '  <udi>P:C9350-24U,SN:FOC2705Y8X0</udi>' });
    expect(unparsed).toEqual([]);
  });

  it('reads the file on one line with CRLF', () => {
    const oneLine = SAMPLE.replace(/\n\s*/g, '').replace('?>', '?>\r\n');

    const { record, unparsed } = parseSlac(oneLine);

    expect(record.udis.map((udi) => [udi.sn, udi.line])).toEqual([
      ['FOC2705Y8X0', 2],
      ['FOC2705Y8XF', 2],
      ['FOC2718Y66X', 2],
      ['FOC2719YOHR', 2],
    ]);
    expect(unparsed).toEqual([]);
  });

  it('ignores comments, namespaces and entities', () => {
    const text = SAMPLE.replace('<smartLicenseAuthorization>', '<ns0:smartLicenseAuthorization xmlns:ns0="urn:x">')
      .replace('</smartLicenseAuthorization>', '<!-- <udi>P:X,SN:Y</udi> --></ns0:smartLicenseAuthorization>')
      .replace('P:C9350-24U,SN:FOC2705Y8X0', 'P:C9350-24U&#44;SN:FOC2705Y8X0');

    const { record, unparsed } = parseSlac(text);

    expect(record.isSlac).toBe(true);
    expect(record.udis).toHaveLength(4);
    expect(record.udis[0]).toMatchObject({ pid: 'C9350-24U', sn: 'FOC2705Y8X0' });
    expect(unparsed).toEqual([]);
  });

  it('collects entitlement tags from element text', () => {
    const text = SAMPLE.replace('</smartLicenseAuthorization>', `<tag>${HSEC_TAG}</tag><tag>${HSEC_TAG}</tag></smartLicenseAuthorization>`);

    const { record } = parseSlac(text);

    expect(record.entitlementTags).toEqual([HSEC_TAG]);
  });

  it('lists a UDI without a serial number', () => {
    const text = SAMPLE.replace('P:C9350-24U,SN:FOC2718Y66X', 'P:C9350-24U');

    const { record, unparsed } = parseSlac(text);

    expect(record.udis).toHaveLength(3);
    expect(unparsed).toEqual([{ line: 5, text: '  <udi>P:C9350-24U</udi>' }]);
  });

  it('reports a file cut short', () => {
    const text = SAMPLE.slice(0, SAMPLE.indexOf('  <udi>P:C9350-24U,SN:FOC2718Y66X'));

    const { record, unparsed } = parseSlac(text);

    expect(record.isSlac).toBe(true);
    expect(record.udis).toHaveLength(2);
    expect(unparsed).toEqual([{ line: 4, text: '  <udi>P:C9350-24U,SN:FOC2705Y8XF</udi>' }]);
  });

  it('tells a file with another root apart', () => {
    const text = SAMPLE.replaceAll('smartLicenseAuthorization', 'smartLicense');

    const { record } = parseSlac(text);

    expect(record.isSlac).toBe(false);
    expect(record.rootElements).toEqual(['smartLicense']);
    expect(record.udis).toHaveLength(4);
  });

  it('returns nothing for text that is not XML', () => {
    const { record, unparsed } = parseSlac('not xml at all');

    expect(record.isSlac).toBe(false);
    expect(record.udis).toEqual([]);
    expect(unparsed).toEqual([]);
  });
});

describe('SLAC UDI text', () => {
  it.each([
    ['P:C9350-24U,SN:FOC2705Y8X0', { pid: 'C9350-24U', sn: 'FOC2705Y8X0' }],
    ['PID:C9350-24U,SN:FOC2705Y8X0', { pid: 'C9350-24U', sn: 'FOC2705Y8X0' }],
    ['P:C9350-24U, S:FOC2705Y8X0', { pid: 'C9350-24U', sn: 'FOC2705Y8X0' }],
    ['PID:C9350-24U,VID:V01,SN:FOC2705Y8X0', { pid: 'C9350-24U', sn: 'FOC2705Y8X0' }],
    ['SN:FOC2705Y8X0', null],
    ['', null],
  ])('reads %j', (text, expected) => {
    expect(udiFields(text)).toEqual(expected);
  });
});
