import { describe, expect, it } from 'vitest';

import { parseDeviceTime } from '../../../src/parsers/common/time.js';

describe('parseDeviceTime', () => {
  it('converts UTC to ISO', () => {
    expect(parseDeviceTime('Mar 13 21:32:51 2024 UTC')).toEqual({
      text: 'Mar 13 21:32:51 2024 UTC',
      iso: '2024-03-13T21:32:51Z',
    });
  });

  it.each([
    ['Dec 02 10:33:51 2023 PDT', '2023-12-02T17:33:51Z'],
    ['Dec 02 10:33:51 2023 PST', '2023-12-02T18:33:51Z'],
    ['Jun 10 06:00:00 2024 EDT', '2024-06-10T10:00:00Z'],
    ['Jun 10 06:00:00 2024 EST', '2024-06-10T11:00:00Z'],
    ['Jun 10 06:00:00 2024 est', '2024-06-10T11:00:00Z'],
    ['Jun 10 06:00:00 2024 CDT', '2024-06-10T11:00:00Z'],
    ['Jun 10 06:00:00 2024 CST', '2024-06-10T12:00:00Z'],
    ['Jun 10 06:00:00 2024 MDT', '2024-06-10T12:00:00Z'],
    ['Jun 10 06:00:00 2024 MST', '2024-06-10T13:00:00Z'],
    ['Jun 10 06:00:00 2024 CET', '2024-06-10T05:00:00Z'],
    ['Jun 10 06:00:00 2024 CEST', '2024-06-10T04:00:00Z'],
    ['Jun 10 06:00:00 2024 GMT', '2024-06-10T06:00:00Z'],
    ['Feb 27 11:18:56 2024 IST', '2024-02-27T05:48:56Z'],
  ])('converts %s', (text, iso) => {
    expect(parseDeviceTime(text)?.iso).toBe(iso);
  });

  it('accepts a single-digit day', () => {
    expect(parseDeviceTime('Sep 1 11:04:51 2023 PDT')?.iso).toBe('2023-09-01T18:04:51Z');
  });

  it('keeps the text of an unknown zone', () => {
    expect(parseDeviceTime('Jan 01 00:00:00 1970 XYZ')).toEqual({ text: 'Jan 01 00:00:00 1970 XYZ', iso: null });
  });

  it('keeps the text without a zone', () => {
    expect(parseDeviceTime('Jan 01 00:00:00 1970')).toEqual({ text: 'Jan 01 00:00:00 1970', iso: null });
  });

  it('rejects text that is no time stamp', () => {
    expect(parseDeviceTime('<none>')).toBeNull();
    expect(parseDeviceTime('Foo 13 21:32:51 2024 UTC')).toBeNull();
    expect(parseDeviceTime('Mar 13 25:32:51 2024 UTC')).toBeNull();
    expect(parseDeviceTime('')).toBeNull();
  });
});
