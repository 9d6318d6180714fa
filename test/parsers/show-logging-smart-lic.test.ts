import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { parseShowLoggingSmartLic } from '../../src/parsers/show-logging-smart-lic.js';

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/corpus/show-logging-smart-lic/${name}`, import.meta.url), 'utf8');
}

const CSLU_FAILURE =
  'Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name';

describe('show logging SMART_LIC messages', () => {
  it('reads a C1117 boot log with repeated COMM_FAILED', () => {
    const { record, unparsed, sources } = parseShowLoggingSmartLic(fixture('c1117-17.6.4-boot-cslu-comm-failed.txt'));

    expect(record.counts).toEqual({
      'SMART_LIC-6-AGENT_ENABLED': 1,
      'SMART_LIC-6-EXPORT_CONTROLLED': 1,
      'SMART_LIC-6-REPORTING_REQUIRED': 1,
      'SMART_LIC-3-COMM_FAILED': 7,
    });
    expect(record.messages).toHaveLength(10);

    const [enabled, exportControlled, reporting, firstFailure] = record.messages;
    expect(enabled).toEqual({
      line: 1,
      sequence: null,
      clockNotAuthoritative: true,
      time: { text: 'Nov 19 14:53:07.300', iso: null },
      severity: 6,
      mnemonic: 'AGENT_ENABLED',
      name: 'SMART_LIC-6-AGENT_ENABLED',
      text: 'Smart Agent for Licensing is enabled',
      interrupted: false,
      variables: {},
    });
    expect(exportControlled?.text).toBe('Usage of export controlled features is not allowed');
    expect(exportControlled?.interrupted).toBe(true);
    expect(exportControlled?.clockNotAuthoritative).toBe(true);
    expect(reporting?.line).toBe(5);
    expect(reporting?.clockNotAuthoritative).toBe(false);
    expect(reporting?.variables).toEqual({ days: 364 });
    expect(reporting?.text).toBe('A Usage report acknowledgement will be required in 364 days.');
    expect(firstFailure).toEqual({
      line: 6,
      sequence: null,
      clockNotAuthoritative: false,
      time: { text: 'Nov 19 14:54:55.045', iso: null },
      severity: 3,
      mnemonic: 'COMM_FAILED',
      name: 'SMART_LIC-3-COMM_FAILED',
      text: CSLU_FAILURE,
      interrupted: false,
      variables: {
        peer: 'Cisco Smart License Utility (CSLU)',
        reason: 'Unable to resolve server hostname/domain name',
      },
    });
    expect(record.messages[9]?.time?.text).toBe('Nov 19 15:54:56.672');
    expect(sources['messages.9']?.line).toBe(12);
    expect(unparsed).toEqual([]);
  });

  it('reads a message after a pager prompt', () => {
    const { record, unparsed } = parseShowLoggingSmartLic(
      fixture('c9200l-17.9.5-boot-reporting-required-more-prompt.txt'),
    );

    expect(record.counts).toEqual({ 'SMART_LIC-6-REPORTING_REQUIRED': 1 });
    expect(record.messages[0]?.line).toBe(4);
    expect(record.messages[0]?.time).toEqual({ text: 'Apr  1 15:39:19.199', iso: null });
    expect(record.messages[0]?.clockNotAuthoritative).toBe(true);
    expect(record.messages[0]?.variables).toEqual({ days: 89 });
    expect(record.messages[0]?.interrupted).toBe(false);
    expect(unparsed).toEqual([
      { line: 1, text: 'Switch uptime is 0 minutes' },
      { line: 2, text: ' --More--' },
    ]);
  });

  it('marks a message cut by command output', () => {
    const { record, unparsed } = parseShowLoggingSmartLic(fixture('isr-voice-cmdref-syslog-interleaved-mid-line.txt'));

    expect(record.messages).toHaveLength(1);
    expect(record.messages[0]).toEqual({
      line: 6,
      sequence: null,
      clockNotAuthoritative: false,
      time: { text: 'Mar 31 17:29:43.447 CST', iso: null },
      severity: 6,
      mnemonic: 'REPORTING_REQUIRED',
      name: 'SMART_LIC-6-REPORTING_REQUIRED',
      text: 'A Usage report acknowledgement will be required in',
      interrupted: true,
      variables: {},
    });
    expect(unparsed.map((line) => line.line)).toEqual([1, 2, 3, 4, 5, 7, 8, 9]);
    expect(unparsed[5]).toEqual({ line: 7, text: '        DEACTIVATED' });
  });

  it('reads a sequence number and a year', () => {
    // `service sequence-numbers` and `service timestamps log datetime year`
    // turn the sample's line 6 into this form.
    const sampleLine = fixture('c1117-17.6.4-boot-cslu-comm-failed.txt').split('\n')[5] ?? '';
    const line = sampleLine.replace('Nov 19 14:54:55.045:', '000042: *Nov 19 2021 14:54:55.045 UTC:');

    const { record } = parseShowLoggingSmartLic(line);

    expect(record.messages[0]?.sequence).toBe(42);
    expect(record.messages[0]?.time).toEqual({ text: 'Nov 19 2021 14:54:55.045 UTC', iso: '2021-11-19T14:54:55.045Z' });
    expect(record.messages[0]?.text).toBe(CSLU_FAILURE);
  });

  it('lists a broken SMART_LIC line as unparsed', () => {
    // A line cut right after the facility, as when the console drops the rest.
    const sampleLine = fixture('c1117-17.6.4-boot-cslu-comm-failed.txt').split('\n')[5] ?? '';
    const cut = sampleLine.slice(0, sampleLine.indexOf('%SMART_LIC-') + '%SMART_LIC-'.length);

    const { record, unparsed } = parseShowLoggingSmartLic(cut);

    expect(record.messages).toEqual([]);
    expect(unparsed).toEqual([{ line: 1, text: 'Nov 19 14:54:55.045: %SMART_LIC-' }]);
  });
});
