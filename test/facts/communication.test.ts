// The last successful and failed exchanges of Communication Statistics, on
// real tech support captures.
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { buildFacts } from '../../src/facts/build.js';
import type { DeviceFacts } from '../../src/model/facts.js';

const TECH = 'show license tech support';

function techSupportFacts(file: string): DeviceFacts {
  const output = readFileSync(`fixtures/corpus/show-license-tech-support/${file}`, 'utf8');
  return buildFacts([{ id: 'show-license-tech-support', command: TECH, output, failure: null, startedAt: '2024-01-01T00:00:00Z', finishedAt: '2024-01-01T00:00:01Z' }]);
}

describe('communication last exchanges', () => {
  it('finds a success after the failure', () => {
    const facts = techSupportFacts('c9350-stack4-smart-proxy-trust-installed-sa5.11.4.txt');

    expect(facts.communicationStatus.ongoingFailures).toBe(1);
    expect(facts.communicationStatus.failingKinds).toBe('Result Polling');
    expect(facts.communicationStatus.lastFailure).toEqual({ text: 'Mar 14 22:32:55 2024 UTC', iso: '2024-03-14T22:32:55Z' });
    expect(facts.communicationStatus.lastSuccess).toEqual({ text: 'Mar 15 21:01:43 2024 UTC', iso: '2024-03-15T21:01:43Z' });
    expect(facts.evidence['communicationStatus.lastFailure']).toEqual({ command: TECH, line: 190, text: '  Last Failure Time: Mar 14 22:32:55 2024 UTC' });
    expect(facts.evidence['communicationStatus.lastSuccess']).toEqual({ command: TECH, line: 213, text: '  Last Success Time: Mar 15 21:01:43 2024 UTC' });
  });

  it('finds no success after the failure', () => {
    const facts = techSupportFacts('c9300-stack3-cslu-custom-policy-no-trust-sa5.3.16.txt');

    expect(facts.communicationStatus.ongoingFailures).toBe(3);
    expect(facts.communicationStatus.lastFailure?.text).toBe('Jan 11 13:21:47 2022 UTC');
    expect(facts.communicationStatus.lastSuccess?.text).toBe('Jan 10 20:32:26 2022 UTC');
  });

  it('quotes the header without failures', () => {
    const facts = techSupportFacts('c9300-stack3-smart-trust-installed-sa5.1.26.txt');

    expect(facts.communicationStatus.ongoingFailures).toBe(0);
    expect(facts.communicationStatus.lastFailure).toBeNull();
    expect(facts.evidence['communicationStatus.lastFailure']?.text).toBe('Communication Statistics:');
  });

  it('leaves both empty without a success', () => {
    const facts = techSupportFacts('c9300-stack3-cslu-no-ack-no-trust-sa5.5.11.txt');

    expect(facts.communicationStatus.ongoingFailures).toBe(11);
    expect(facts.communicationStatus.lastSuccess).toBeNull();
    expect(facts.communicationStatus.lastFailure?.text).toBe('May 21 13:56:36 2022 UTC');
  });
});
