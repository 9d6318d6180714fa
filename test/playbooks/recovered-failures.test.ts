// Ongoing communication failures that a later successful exchange followed
// are a warning up to intent.toleratedFailures attempts, on real captures.
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { buildFacts } from '../../src/facts/build.js';
import type { DeviceFacts } from '../../src/model/facts.js';
import { evaluateBuiltin, findingOf, intent } from './helpers.js';

const TECH = 'show license tech support';

function devicesFacts(device: string): DeviceFacts {
  const output = readFileSync(`fixtures/devices/${device}/show-license-tech-support.txt`, 'utf8');
  return buildFacts([{ id: 'show-license-tech-support', command: TECH, output, failure: null, startedAt: '2024-01-01T00:00:00Z', finishedAt: '2024-01-01T00:00:01Z' }]);
}

function corpusFacts(file: string): DeviceFacts {
  const output = readFileSync(`fixtures/corpus/show-license-tech-support/${file}`, 'utf8');
  return buildFacts([{ id: 'show-license-tech-support', command: TECH, output, failure: null, startedAt: '2024-01-01T00:00:00Z', finishedAt: '2024-01-01T00:00:01Z' }]);
}

describe('a failure a later success followed', () => {
  it('warns instead of failing', async () => {
    const findings = await evaluateBuiltin(devicesFacts('access-clock-unsynced-c9350'));
    const recovered = findingOf(findings, 'comm-failed.recovered-failures');
    const ongoing = findingOf(findings, 'comm-failed.ongoing-failures');

    expect(recovered.result).toBe('warn');
    expect(recovered.evidence.map((line) => line.text)).toEqual([
      '  Attempts: Total=4, Success=3, Fail=1  Ongoing Failure: Overall=1 Communication=1',
      '  Last Failure Time: Mar 14 22:32:55 2024 UTC',
      '  Last Success Time: Mar 15 21:01:43 2024 UTC',
    ]);
    expect(recovered.remedy[0]).toBe('license smart sync all');
    expect(ongoing.result).toBe('pass');
    expect(ongoing.message).toBe(
      'The 1 failed attempt for Result Polling came before a successful exchange at Mar 15 21:01:43 2024 UTC, so the device reaches its server. The check recovered-failures reports the failure as a warning.',
    );
  });

  it('fails above the inventory threshold', async () => {
    const findings = await evaluateBuiltin(devicesFacts('access-clock-unsynced-c9350'), intent({ toleratedFailures: 0 }));
    const recovered = findingOf(findings, 'comm-failed.recovered-failures');

    expect(findingOf(findings, 'comm-failed.ongoing-failures').result).toBe('fail');
    expect(recovered.result).toBe('skip');
    expect(recovered.message).toMatch(/^Not applicable: applies only when communication failed at most intent\.toleratedFailures times in a row/);
  });

  it('uses the default threshold without one', async () => {
    const { toleratedFailures: _left, ...withoutThreshold } = intent();
    const findings = await evaluateBuiltin(devicesFacts('access-clock-unsynced-c9350'), withoutThreshold);

    expect(findingOf(findings, 'comm-failed.recovered-failures').result).toBe('warn');
  });
});

describe('a failure no success followed', () => {
  it('fails within the threshold', async () => {
    const findings = await evaluateBuiltin(corpusFacts('c9300-stack3-cslu-custom-policy-no-trust-sa5.3.16.txt'));
    const ongoing = findingOf(findings, 'comm-failed.ongoing-failures');

    expect(ongoing.result).toBe('fail');
    expect(ongoing.message).toBe('Communication is failing right now: 3 failed attempts in a row for Hello Message.');
    expect(ongoing.evidence.map((line) => line.text)).toEqual([
      '  Attempts: Total=12, Success=9, Fail=3  Ongoing Failure: Overall=3 Communication=3',
      '  Last Failure Time: Jan 11 13:21:47 2022 UTC',
    ]);
    expect(findingOf(findings, 'comm-failed.recovered-failures').result).toBe('skip');
  });

  it('fails a success just before it', async () => {
    const findings = await evaluateBuiltin(corpusFacts('c9300-stack3-offline-transport-licengine-fail-sa6.0.1.txt'));

    expect(findingOf(findings, 'comm-failed.ongoing-failures').result).toBe('fail');
    expect(findingOf(findings, 'comm-failed.recovered-failures').result).toBe('skip');
  });

  it('passes a device without failures', async () => {
    const findings = await evaluateBuiltin(devicesFacts('edge-healthy-c9300'));

    expect(findingOf(findings, 'comm-failed.ongoing-failures').message).toBe('No message kind has an ongoing communication failure.');
    expect(findingOf(findings, 'comm-failed.ongoing-failures').result).toBe('pass');
    expect(findingOf(findings, 'comm-failed.recovered-failures').result).toBe('skip');
  });
});
