// `appliesWhen`: the plain words that explain and skip messages show for a
// check's `when` condition in place of its operators and regular expressions.
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { buildFacts } from '../../src/facts/build.js';
import { findExplanation, formatExplanation } from '../../src/playbooks/explain.js';
import { loadBuiltinPlaybooks, parsePlaybookFile } from '../../src/playbooks/load.js';
import { formatPlaybookProblem } from '../../src/playbooks/types.js';
import { evaluateBuiltin, findingOf } from './helpers.js';

const BAD_FILE = 'fixtures/playbooks/bad-applies-when/SMART_LIC-3-COMM_FAILED.yaml';
const DNS_WORDS = 'the transport URL or the CSLU address names a host by name, not by IP address';

describe('appliesWhen in the loader', () => {
  it('keeps the words of a check', () => {
    const source = `mnemonic: SMART_LIC-3-COMM_FAILED
severity: 3
text: "Communications failure with the [chars] : [chars]"
variables: [transport, error]
explanation: Example.
checks:
  - id: cslu-host
    topic: communication
    level: fail
    when: {path: facts.transport.csluAddress, matches: "^https?://[a-z]"}
    appliesWhen: >-
      the CSLU address
      names a host.
    expect: {path: facts.runningConfig.nameServers, exists: true}
    message: No DNS server is configured.
    evidence: [facts.runningConfig.nameServers]
    remedy: [ip name-server <address>]
`;
    const result = parsePlaybookFile('SMART_LIC-3-COMM_FAILED.yaml', source);

    expect('playbook' in result ? result.playbook.checks[0]?.appliesWhen : result.problems).toBe('the CSLU address names a host');
  });

  it('rejects words without when and a list', () => {
    const result = parsePlaybookFile(BAD_FILE, readFileSync(BAD_FILE, 'utf8'));
    const problems = 'problems' in result ? result.problems.map(formatPlaybookProblem) : [];

    expect(problems).toEqual([
      `${BAD_FILE}:10:5: checks[0].appliesWhen: "appliesWhen" describes the check's "when" condition, and this check has none; add "when" or remove "appliesWhen"`,
      `${BAD_FILE}:19:18: checks[1].appliesWhen: expected text that completes "applies only when ...", got a list`,
    ]);
  });

  it('covers every built-in when with a regular expression', async () => {
    const playbooks = await loadBuiltinPlaybooks();
    const withRegex = playbooks.flatMap((playbook) => playbook.checks).filter((check) => JSON.stringify(check.when).includes('"op":"matches"'));

    expect(withRegex.length).toBeGreaterThan(0);
    for (const check of withRegex) {
      expect(check.appliesWhen, check.id).not.toBeNull();
    }
  });
});

describe('appliesWhen in messages', () => {
  it('replaces the regex in explain', async () => {
    const text = formatExplanation(findExplanation(await loadBuiltinPlaybooks(), 'SMART_LIC-3-COMM_FAILED')!);

    expect(text).toContain(`  dns [communication, fail] (when ${DNS_WORDS})`);
    expect(text).not.toContain('matches /');
  });

  it('replaces the regex in a skip', async () => {
    const output = readFileSync('fixtures/corpus/show-license-tech-support/c9300-stack3-cslu-custom-policy-no-trust-sa5.3.16.txt', 'utf8');
    const facts = buildFacts([
      { id: 'show-license-tech-support', command: 'show license tech support', output, failure: null, startedAt: '2022-01-11T13:30:00.000Z', finishedAt: '2022-01-11T13:30:01.000Z' },
    ]);

    const dns = findingOf(await evaluateBuiltin(facts), 'comm-failed.dns');

    expect(facts.transport.csluAddress).toBe('http://172.19.180.22:8182/cslu/v1/pi');
    expect(dns.result).toBe('skip');
    expect(dns.message).toBe(`Not applicable: applies only when ${DNS_WORDS}.`);
  });
});
