import { describe, expect, it } from 'vitest';

import { parseDeviceTime } from '../../../src/parsers/common/time.js';
import { readFixture } from '../golden.js';

/** Returns the text of a 1-based line of a corpus capture, without its line ending. */
function corpusLine(command: string, file: string, line: number): string {
  return readFixture(command, file).split(/\r\n|\n|\r/)[line - 1] ?? '';
}

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

  // The usual 24-character layout is read by a shortcut. These differ from
  // it by one character or space, or carry over as Date.UTC does.
  it.each([
    ['Mar 13 21:32:51 2024\tUTC', '2024-03-13T21:32:51Z'],
    ['Mar 13  21:32:51 2024 UTC', '2024-03-13T21:32:51Z'],
    ['mar 13 21:32:51 2024 utc', '2024-03-13T21:32:51Z'],
    ['Feb 30 10:00:00 2024 UTC', '2024-03-01T10:00:00Z'],
    ['Mar 13 21:32:60 2024 UTC', '2024-03-13T21:33:00Z'],
    ['Mar 13 21:32:51 0099 UTC', '1999-03-13T21:32:51Z'],
    ['Mar 1x 21:32:51 2024 UTC', null],
    ['M4r 13 21:32:51 2024 UTC', null],
    ['Mar 13 21:32:51 2024 U1C', null],
    ['Mar 13 24:00:00 2024 UTC', null],
  ])('reads the status form %s', (text, iso) => {
    expect(parseDeviceTime(text)?.iso ?? null).toBe(iso);
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

  it('reads the event log form with milliseconds', () => {
    // `2021-11-17 03:31:32.920 UTC SAEVT_PLATFORM eventSource="INFRA_SL" ...`
    const line = corpusLine('show-license-eventlog', 'cat9k-eventlog2-erm-reset-air-licenses.txt', 6);
    const stamp = line.split(' ').slice(0, 3).join(' ');

    expect(stamp).toBe('2021-11-17 03:31:32.920 UTC');
    expect(parseDeviceTime(stamp)).toEqual({ text: stamp, iso: '2021-11-17T03:31:32.920Z' });
  });

  it('reads the event log form without a zone', () => {
    expect(parseDeviceTime('2021-11-17 03:31:32.920')).toEqual({ text: '2021-11-17 03:31:32.920', iso: null });
  });

  it('reads the event log form with whole seconds', () => {
    expect(parseDeviceTime('2021-11-17 03:31:32 UTC')?.iso).toBe('2021-11-17T03:31:32Z');
  });

  it('cuts fractions beyond milliseconds', () => {
    expect(parseDeviceTime('2021-11-17 03:31:32.9209 UTC')?.iso).toBe('2021-11-17T03:31:32.920Z');
    expect(parseDeviceTime('2021-11-17 03:31:32.9 UTC')?.iso).toBe('2021-11-17T03:31:32.900Z');
  });

  it('rejects an event log date out of range', () => {
    expect(parseDeviceTime('2021-13-17 03:31:32.920 UTC')).toBeNull();
    expect(parseDeviceTime('2021-11-00 03:31:32.920 UTC')).toBeNull();
    expect(parseDeviceTime('2021-11-17 24:31:32.920 UTC')).toBeNull();
  });

  it('reads the syslog form with a year', () => {
    // The corpus logs have no year; `service timestamps log datetime msec year`
    // adds one after the day, as in this stamp of the C1117 log's line 6.
    const line = corpusLine('show-logging-smart-lic', 'c1117-17.6.4-boot-cslu-comm-failed.txt', 6);
    const stamp = line.slice(0, line.indexOf(': %SMART_LIC-')).replace('Nov 19 ', 'Nov 19 2021 ') + ' UTC';

    expect(stamp).toBe('Nov 19 2021 14:54:55.045 UTC');
    expect(parseDeviceTime(stamp)).toEqual({ text: stamp, iso: '2021-11-19T14:54:55.045Z' });
  });

  it('reads the syslog form with a year and no fraction', () => {
    expect(parseDeviceTime('Mar 31 2024 17:29:43 CST')?.iso).toBe('2024-03-31T23:29:43Z');
  });

  it('keeps a syslog stamp without a year as no time stamp', () => {
    // `*Nov 19 14:53:07.300: %SMART_LIC-6-AGENT_ENABLED: ...` cannot be placed in a year.
    const line = corpusLine('show-logging-smart-lic', 'c1117-17.6.4-boot-cslu-comm-failed.txt', 1);

    expect(parseDeviceTime(line.slice(1, line.indexOf(': %')))).toBeNull();
  });

  // The expected texts are what Date.UTC and toISOString return for the same fields.
  it.each([
    ['Feb 29 12:00:00 2023 UTC', '2023-03-01T12:00:00Z'],
    ['Feb 29 12:00:00 2024 UTC', '2024-02-29T12:00:00Z'],
    ['Feb 31 23:59:60 2024 IST', '2024-03-02T18:30:00Z'],
    ['Dec 31 23:59:59 1969 GMT', '1969-12-31T23:59:59Z'],
    ['Jan 01 00:00:00 1600 EST', '1600-01-01T05:00:00Z'],
    ['Jan 01 00:00:00 0099 UTC', '1999-01-01T00:00:00Z'],
    ['Jan 01 00:00:00 0000 CET', '1899-12-31T23:00:00Z'],
    ['Jan 01 00:30:00 0100 IST', '0099-12-31T19:00:00Z'],
    ['Dec 31 23:59:59 9999 PDT', '+010000-01-01T06:59:59Z'],
    ['9999-12-31 23:59:60.999 PST', '+010000-01-01T08:00:00.999Z'],
  ])('carries over calendar edges in %s', (text, iso) => {
    expect(parseDeviceTime(text)?.iso).toBe(iso);
  });

  it('reads zone and month names in any letter case', () => {
    expect(parseDeviceTime('mAR 13 21:32:51 2024 cEsT')?.iso).toBe('2024-03-13T19:32:51Z');
    expect(parseDeviceTime('nov 19 2021 14:54:55.045 utc')?.iso).toBe('2021-11-19T14:54:55.045Z');
  });

  it('reads a status line of the corpus', () => {
    // `  Last ACK received: Oct 14 12:10:32 2021 UTC`
    const line = corpusLine('show-license-status', 'c9300-stack3-cslu-custom-policy-trust-installed.txt', 53);
    const stamp = line.slice(line.indexOf(': ') + 2);

    expect(parseDeviceTime(stamp)).toEqual({ text: 'Oct 14 12:10:32 2021 UTC', iso: '2021-10-14T12:10:32Z' });
  });
});
