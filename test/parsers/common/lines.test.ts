import { describe, expect, it } from 'vitest';

import { contentLines, isSentinel, splitKeyValue, splitLines, valueOrNull } from '../../../src/parsers/common/lines.js';

describe('splitLines', () => {
  it('numbers CRLF, LF and CR lines from 1', () => {
    expect(splitLines('a\r\nb\nc\rd')).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
      { line: 3, text: 'c' },
      { line: 4, text: 'd' },
    ]);
  });

  it('drops only the empty line after a final break', () => {
    expect(splitLines('a\n')).toEqual([{ line: 1, text: 'a' }]);
    expect(splitLines('a\n\n')).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: '' },
    ]);
  });

  it('keeps trailing spaces', () => {
    expect(splitLines('Policy:   ')[0]?.text).toBe('Policy:   ');
  });
});

describe('contentLines', () => {
  it('skips prompt echo and timestamp headers', () => {
    const text = [
      'router#show license status',
      'Load for five secs: 1%/0%; one minute: 0%; five minutes: 0%',
      'Time source is NTP, .13:28:08.565 UTC Tue Jan 11 2022',
      '',
      'Utility:',
      '  Status: DISABLED  ',
    ].join('\r\n');

    // A Line also keeps its key-value split state, so only the public fields are compared.
    const lines = contentLines(text).map((l) => ({ line: l.line, text: l.text, trimmed: l.trimmed, indent: l.indent }));
    expect(lines).toEqual([
      { line: 5, text: 'Utility:', trimmed: 'Utility:', indent: 0 },
      { line: 6, text: '  Status: DISABLED  ', trimmed: 'Status: DISABLED', indent: 2 },
    ]);
  });

  it('skips a bare echoed command and an abbreviation', () => {
    expect(contentLines('show license all\nA: 1').map((l) => l.line)).toEqual([2]);
    expect(contentLines('csr1#sh license status\nA: 1').map((l) => l.line)).toEqual([2]);
    expect(contentLines('No time source, *17:05:54.449 UTC Mon Jul 29 2024\nA: 1').map((l) => l.line)).toEqual([2]);
  });

  it('keeps a later line that looks like a command', () => {
    expect(contentLines('A: 1\nshow license all').map((l) => l.line)).toEqual([1, 2]);
  });

  it('drops pager residue and whitespace-only lines', () => {
    const lines = contentLines('A: 1\n          \n \n --More-- \b\b\b\b\b\b\b\b\bB: 2');
    expect(lines.map((l) => l.trimmed)).toEqual(['A: 1', 'B: 2']);
  });
});

describe('sentinels', () => {
  it.each(['<none>', '<empty>', 'None', 'Not Configured', ' Not Available '])('treats %s as nothing', (value) => {
    expect(isSentinel(value)).toBe(true);
    expect(valueOrNull(value)).toBeNull();
  });

  it('keeps real values', () => {
    expect(valueOrNull(' SLA-TrustPoint ')).toBe('SLA-TrustPoint');
    expect(valueOrNull('')).toBeNull();
  });
});

describe('splitKeyValue', () => {
  it('splits at the first colon before a space', () => {
    expect(splitKeyValue('URL: https://smartreceiver.cisco.com/licservice/license')).toEqual({
      key: 'URL',
      value: 'https://smartreceiver.cisco.com/licservice/license',
    });
  });

  it('returns an empty value for a header', () => {
    expect(splitKeyValue('Transport:')).toEqual({ key: 'Transport', value: '' });
  });

  it('keeps colons without a space inside the key', () => {
    expect(splitKeyValue('Active:PID:C9300,SN:FOC1')).toBeNull();
  });
});
