import { describe, expect, it } from 'vitest';

import { extractCommandOutput, findFailure, removePagingMarkers, stripTerminalControls } from '../../src/session/output.js';
import { CommandOutputStream } from '../../src/session/output-stream.js';
import { IOSXE } from '../../src/session/platforms/iosxe.js';

describe('stripTerminalControls', () => {
  it('removes ANSI sequences', () => {
    expect(stripTerminalControls('\x1b[?25lUDI: PID:C9300\x1b[0m\r\n\x1b]0;title\x07')).toBe('UDI: PID:C9300\r\n');
  });

  it('applies backspaces within a line', () => {
    expect(stripTerminalControls('show licx\x08ense\r\n')).toBe('show license\r\n');
  });

  it('keeps text without controls unchanged', () => {
    const text = 'Smart Licensing Status\n======================\r\n\tTab\n';
    expect(stripTerminalControls(text)).toBe(text);
  });
});

describe('removePagingMarkers', () => {
  it('removes the marker with a backspace erase', () => {
    const erase = '\b'.repeat(10) + ' '.repeat(10) + '\b'.repeat(10);
    expect(removePagingMarkers(`line 23\r\n --More-- ${erase}line 24\r\n`, IOSXE.pagingMarker)).toBe('line 23\r\nline 24\r\n');
  });

  it('removes the marker with a carriage-return erase', () => {
    expect(removePagingMarkers('line 23\r\n --More-- \r          \rline 24\r\n', IOSXE.pagingMarker)).toBe('line 23\r\nline 24\r\n');
  });
});

describe('extractCommandOutput', () => {
  it('drops the echo and the trailing prompt', () => {
    expect(extractCommandOutput('show license udi\r\nUDI: PID:C9300\r\nsw1#', 'show license udi', 'sw1#')).toBe('UDI: PID:C9300\r\n');
  });

  it('keeps a first line without the echo', () => {
    expect(extractCommandOutput('UDI: PID:C9300\r\nsw1#', 'show license udi', 'sw1#')).toBe('UDI: PID:C9300\r\n');
  });

  it('strips a prompt glued to the last line', () => {
    expect(extractCommandOutput('show license udi\r\nUDI: PID:C9300sw1#', 'show license udi', 'sw1#')).toBe('UDI: PID:C9300');
  });

  it('drops spaces and BEL after the prompt', () => {
    expect(extractCommandOutput('UDI: PID:C9300\r\nsw1# \x07 ', 'show license udi', 'sw1#')).toBe('UDI: PID:C9300\r\n');
  });

  it('keeps output that does not end in the prompt', () => {
    expect(extractCommandOutput('UDI: PID:C9300\r\nw1#', 'show license udi', 'sw1#')).toBe('UDI: PID:C9300\r\nw1#');
  });

  it('keeps prompt-like text inside the output', () => {
    const output = 'router#show license all\nsw1#\nUDI: PID:C9300\n';
    expect(extractCommandOutput(`show license all\r\n${output}sw1#`, 'show license all', 'sw1#')).toBe(output);
  });
});

describe('findFailure', () => {
  it.each([
    ["        ^\r\n% Invalid input detected at '^' marker.\r\n\r\n", '% Invalid input detected', "% Invalid input detected at '^' marker."],
    ['% Incomplete command.\r\n', '% Incomplete command', '% Incomplete command.'],
    ['% Ambiguous command:  "show lic"\r\n', '% Ambiguous command', '% Ambiguous command:  "show lic"'],
    ['Command authorization failed.\r\n', 'Command authorization failed', 'Command authorization failed.'],
    ['% Authorization failed.\r\n', '% Authorization failed', '% Authorization failed.'],
  ])('finds %j', (output, marker, message) => {
    expect(findFailure(output, IOSXE.failureMarkers)).toEqual({ marker, message });
  });

  it('ignores markers inside a line', () => {
    expect(findFailure('  Failure Reason: text % Invalid input detected\r\n', IOSXE.failureMarkers)).toBeNull();
  });

  it('finds a marker after one inside a line', () => {
    const output = 'Reason: % Permission denied\r\n\t% Permission denied here\r\n';
    expect(findFailure(output, IOSXE.failureMarkers)).toEqual({ marker: '% Permission denied', message: '% Permission denied here' });
  });

  it('returns the earliest line of several markers', () => {
    const output = 'x\r% Incomplete command.\r% Invalid input detected at\r';
    expect(findFailure(output, IOSXE.failureMarkers)).toEqual({ marker: '% Incomplete command', message: '% Incomplete command.' });
  });

  it('reads a marker on the last line without a line break', () => {
    expect(findFailure('ok\n% Unknown command   ', IOSXE.failureMarkers)).toEqual({ marker: '% Unknown command', message: '% Unknown command' });
  });
});

describe('IOSXE.promptPattern', () => {
  it.each([
    ['sw1#', true],
    ['sw1>', true],
    ['core-01.lab_a#', true],
    ['Switch(standby)#', true],
    ['sw1# ', true],
    ['sw1#\x07', true],
    ['sw1 #', false],
    ['Password:', false],
    ['', false],
  ])('%j is a prompt: %s', (line, expected) => {
    expect(IOSXE.promptPattern.test(line)).toBe(expected);
  });
});

describe('CommandOutputStream', () => {
  const erase = '\b'.repeat(10) + ' '.repeat(10) + '\b'.repeat(10);
  const raw = `show license udi\r\nline 1\r\n\x1b[0mline 2\r\n --More-- ${erase}line 3 with licx\bense\r\nlast line without newlinesw1#`;

  it.each([1, 2, 3, 7, 64, raw.length])('matches whole-text clean-up in chunks of %i', (size) => {
    const chunks: string[] = [];
    const stream = new CommandOutputStream({ cli: 'show license udi', prompt: 'sw1#', pagingMarker: IOSXE.pagingMarker, onData: (chunk) => chunks.push(chunk) });

    for (let offset = 0; offset < raw.length; offset += size) {
      stream.push(raw.slice(offset, offset + size));
    }
    const output = stream.finish();

    const whole = extractCommandOutput(stripTerminalControls(removePagingMarkers(raw, IOSXE.pagingMarker)), 'show license udi', 'sw1#');
    expect(output).toBe(whole);
    expect(output).toBe('line 1\r\nline 2\r\nline 3 with license\r\nlast line without newline');
    expect(chunks.join('')).toBe(output);
  });

  it('keeps a first line without the echo', () => {
    const stream = new CommandOutputStream({ cli: 'show license udi', prompt: 'sw1#', pagingMarker: IOSXE.pagingMarker });
    stream.push('UDI: PID:C9300\r\nsw1#');

    expect(stream.finish()).toBe('UDI: PID:C9300\r\n');
  });
});
