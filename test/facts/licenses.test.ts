import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { buildFacts } from '../../src/facts/build.js';
import type { CommandResult } from '../../src/model/command.js';

function capture(id: string, file: string): CommandResult {
  return {
    id,
    command: id.replaceAll('-', ' '),
    output: readFileSync(`fixtures/corpus/${id}/${file}`, 'utf8'),
    failure: null,
    startedAt: '2024-01-01T00:00:00.000Z',
    finishedAt: '2024-01-01T00:00:01.000Z',
  };
}

describe('licences in use', () => {
  it('read the Handle blocks of tech support', () => {
    const facts = buildFacts([capture('show-license-tech-support', 'c9410r-dualsup-cslu-clock-unsynced-hseck9-sa5.7.6.txt')]);

    expect(facts.licenses.inUse).toBe('network-advantage, dna-advantage');
    expect(facts.licenses.needingSlac).toBeNull();
    expect(facts.evidence['licenses.needingSlac']).toEqual({ command: 'show license tech support', line: 76, text: '  License: network-advantage' });
  });

  it('find an HSEC licence in the summary', () => {
    const facts = buildFacts([capture('show-license-summary', 'isr-premier-5g-hseck9.txt')]);

    expect(facts.licenses.inUse).toBe('network-premier_5G, dna-premier_5G, hseck9');
    expect(facts.licenses.needingSlac).toBe('hseck9');
    expect(facts.evidence['licenses.needingSlac']?.text).toContain('hseck9');
  });

  it('ignore an HSEC licence not in use', () => {
    const facts = buildFacts([capture('show-license-summary', 'isr1100-hsec-not-in-use-truncated-name.txt')]);

    expect(facts.licenses.needingSlac).toBeNull();
  });

  it('read License Usage of show license all', () => {
    const facts = buildFacts([capture('show-license-all', 'c9350-stack4-smart-proxy-trust-installed-sa5.11.4.txt')]);

    expect(facts.licenses.inUse).toContain('network-advantage');
    expect(facts.licenses.needingSlac).toBeNull();
  });

  it('prefer show license usage to the summary', () => {
    const facts = buildFacts([
      capture('show-license-summary', 'isr-premier-5g-hseck9.txt'),
      capture('show-license-usage', 'c9300-stack-authorization-not-applicable.txt'),
    ]);

    expect(facts.licenses.needingSlac).toBeNull();
    expect(facts.evidence['licenses']?.command).toBe('show license usage');
  });
});
