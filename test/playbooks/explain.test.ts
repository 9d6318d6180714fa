import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { collectionPlan } from '../../src/app/collection-plan.js';
import { CHECK_COMMANDS } from '../../src/commands/catalog.js';
import { findExplanation, formatExplanation, variableValues } from '../../src/playbooks/explain.js';
import { rankChecks } from '../../src/playbooks/line-clues.js';
import { loadBuiltinPlaybooks, parsePlaybookFile } from '../../src/playbooks/load.js';
import { mergePlaybooks } from '../../src/playbooks/merge.js';

const MNEMONICS = [
  'SMART_LIC-3-AUTHORIZATION_INSTALL_FAILED',
  'SMART_LIC-3-COMM_FAILED',
  'SMART_LIC-3-COMM_RESTORED',
  'SMART_LIC-3-POLICY_INSTALL_FAILED',
  'SMART_LIC-3-POLICY_REMOVED',
  'SMART_LIC-3-TRUST_CODE_INSTALL_FAILED',
  'SMART_LIC-4-REPORTING_NOT_SUPPORTED',
  'SMART_LIC-6-AUTHORIZATION_INSTALL_SUCCESS',
  'SMART_LIC-6-AUTHORIZATION_REMOVED',
  'SMART_LIC-6-POLICY_INSTALL_SUCCESS',
  'SMART_LIC-6-REPORTING_REQUIRED',
  'SMART_LIC-6-TRUST_CODE_INSTALL_SUCCESS',
];

describe('built-in playbooks', () => {
  it('cover all twelve messages', async () => {
    const playbooks = await loadBuiltinPlaybooks();

    expect(playbooks.map((playbook) => playbook.mnemonic).sort()).toEqual(MNEMONICS);
  });
});

describe('findExplanation', () => {
  it.each(MNEMONICS)('explains %s', async (mnemonic) => {
    const explanation = findExplanation(await loadBuiltinPlaybooks(), mnemonic);

    expect(explanation?.playbook.mnemonic).toBe(mnemonic);
    const text = formatExplanation(explanation!);
    expect(text).toContain(`Severity: ${mnemonic.split('-')[1]} (`);
    expect(text).toContain('Causes sldiag checks, and their remedies:');
  });

  it('accepts the short mnemonic', async () => {
    expect(findExplanation(await loadBuiltinPlaybooks(), 'comm_failed')?.playbook.mnemonic).toBe('SMART_LIC-3-COMM_FAILED');
  });

  it('fills variables from a logged line', async () => {
    const line = '*Jun 12 10:01:02.123: %SMART_LIC-6-REPORTING_REQUIRED: A Usage report acknowledgement will be required in 89 days.';
    const explanation = findExplanation(await loadBuiltinPlaybooks(), line);

    expect(explanation?.values).toEqual(['89']);
    expect(formatExplanation(explanation!)).toContain('1. days left until the acknowledgement deadline: 89');
  });

  it('returns null for an unknown message', async () => {
    expect(findExplanation(await loadBuiltinPlaybooks(), 'SMART_LIC-3-NO_SUCH_THING')).toBeNull();
  });
});

/** The first COMM_FAILED line a C1117 on 17.6.4 logged after boot, as captured. */
function loggedCommFailedLine(): string {
  const log = readFileSync('fixtures/corpus/show-logging-smart-lic/c1117-17.6.4-boot-cslu-comm-failed.txt', 'utf8');
  const line = log.split(/\r?\n/).find((candidate) => candidate.includes('%SMART_LIC-3-COMM_FAILED'));
  if (line === undefined) {
    throw new Error('the C1117 boot log has no COMM_FAILED line');
  }
  return line;
}

describe('explain with a logged COMM_FAILED line', () => {
  it('matches the transport and DNS clues', async () => {
    const explanation = findExplanation(await loadBuiltinPlaybooks(), loggedCommFailedLine())!;

    expect(explanation.clues.map((matched) => matched.text)).toEqual([
      'Cisco Smart License Utility (CSLU)',
      'Unable to resolve server hostname/domain name',
    ]);
  });

  it('ranks the DNS causes first', async () => {
    const explanation = findExplanation(await loadBuiltinPlaybooks(), loggedCommFailedLine())!;
    const ranked = rankChecks(explanation.playbook.checks, explanation.clues);
    const standing = (id: string) => ranked.find((entry) => entry.check.id === id)?.standing;

    expect(standing('dns')).toBe('likely');
    expect(standing('cslu-discovery')).toBe('likely');
    expect(standing('cslu-address')).toBe('likely');
    expect(standing('ongoing-failures')).toBe('possible');
    expect(standing('intent-transport-type')).toBe('possible');
    expect(ranked.map((entry) => entry.standing)).toEqual([...ranked.map((entry) => entry.standing)].sort((a, b) => order(a) - order(b)));
  });

  it('rules out causes of the other transports', async () => {
    const explanation = findExplanation(await loadBuiltinPlaybooks(), loggedCommFailedLine())!;
    const ranked = rankChecks(explanation.playbook.checks, explanation.clues);
    const smartUrl = ranked.find((entry) => entry.check.id === 'smart-url')!;

    expect(smartUrl.standing).toBe('ruled-out');
    expect(smartUrl.reasons).toEqual(['the line says "Cisco Smart License Utility (CSLU)", so transport.type is "cslu", and the check applies only when the transport is smart and the inventory names neither another transport type nor a transport URL for smart']);
    expect(ranked.find((entry) => entry.check.id === 'callhome-profile')?.standing).toBe('ruled-out');
    expect(ranked.find((entry) => entry.check.id === 'transport-off')?.standing).toBe('ruled-out');
  });

  it('rules out the trustpoint when DNS failed', async () => {
    const explanation = findExplanation(await loadBuiltinPlaybooks(), loggedCommFailedLine())!;
    const ranked = rankChecks(explanation.playbook.checks, explanation.clues);
    const trustpoint = ranked.find((entry) => entry.check.id === 'http-client-trustpoint')!;

    expect(trustpoint.standing).toBe('ruled-out');
    expect(trustpoint.reasons).toEqual(['the line says "Unable to resolve server hostname/domain name"']);
  });

  it('prints likely causes before the ruled-out ones', async () => {
    const text = formatExplanation(findExplanation(await loadBuiltinPlaybooks(), loggedCommFailedLine())!);
    const likelyDns = text.indexOf('  dns [communication, fail]');
    const ruledOutHeading = text.indexOf('Causes the logged line rules out:');
    const ruledOutSmartUrl = text.indexOf('  smart-url [transport-url, fail]');

    expect(text).toContain('What the logged line tells:');
    expect(text).toContain('Likely: the line says "Unable to resolve server hostname/domain name".');
    expect(likelyDns).toBeGreaterThan(0);
    expect(ruledOutHeading).toBeGreaterThan(likelyDns);
    expect(ruledOutSmartUrl).toBeGreaterThan(ruledOutHeading);
  });

  it('ranks nothing for a bare mnemonic', async () => {
    const explanation = findExplanation(await loadBuiltinPlaybooks(), 'SMART_LIC-3-COMM_FAILED')!;
    const text = formatExplanation(explanation);

    expect(explanation.clues).toEqual([]);
    expect(text).not.toContain('rules out');
    expect(text).toContain('  smart-url [transport-url, fail]');
  });
});

function order(standing: string): number {
  return ['likely', 'possible', 'ruled-out'].indexOf(standing);
}

describe('variableValues', () => {
  it('reads both COMM_FAILED variables', () => {
    const values = variableValues('Communications failure with the [chars] : [chars]', 'Communications failure with the Cisco Smart License Utility (CSLU) : Unable to resolve server hostname/domain name');

    expect(values).toEqual(['Cisco Smart License Utility (CSLU)', 'Unable to resolve server hostname/domain name']);
  });

  it('returns nothing when the text differs', () => {
    expect(variableValues('A Usage report acknowledgement will be required in [dec] days.', 'something else')).toEqual([]);
  });
});

describe('mergePlaybooks', () => {
  const userSource = `mnemonic: SMART_LIC-3-COMM_FAILED
severity: 3
text: "Communications failure with the [chars] : [chars]"
variables: [the transport, the error]
explanation: A site rule for the smart URL.
checks:
  - id: smart-url
    topic: transport-url
    level: warn
    expect: {path: facts.transport.url, equals: "https://proxy.example.net/licservice/license"}
    message: The smart URL is not the site relay.
    evidence: [facts.transport.url]
    remedy: [license smart url smart https://proxy.example.net/licservice/license]
`;

  it('replaces a built-in check with the same name', async () => {
    const builtin = await loadBuiltinPlaybooks();
    const user = parsePlaybookFile('SMART_LIC-3-COMM_FAILED.yaml', userSource);
    if (!('playbook' in user)) {
      throw new Error(user.problems.map((problem) => problem.message).join('\n'));
    }
    const merged = mergePlaybooks(builtin, [user.playbook]);
    const commFailed = merged.find((playbook) => playbook.mnemonic === 'SMART_LIC-3-COMM_FAILED')!;
    const original = builtin.find((playbook) => playbook.mnemonic === 'SMART_LIC-3-COMM_FAILED')!;

    expect(commFailed.checks.filter((check) => check.id === 'smart-url')).toHaveLength(1);
    expect(commFailed.checks.find((check) => check.id === 'smart-url')?.level).toBe('warn');
    expect(commFailed.checks).toHaveLength(original.checks.length);
    expect(original.checks.find((check) => check.id === 'smart-url')?.level).toBe('fail');
  });
});

describe('collectionPlan', () => {
  it('adds the evidence commands the built-in playbooks read', async () => {
    const plan = collectionPlan(await loadBuiltinPlaybooks());

    expect(plan.slice(0, CHECK_COMMANDS.length)).toEqual([...CHECK_COMMANDS]);
    expect(plan).toContain('show-version');
    expect(plan).toContain('show-ntp-status');
    expect(plan).toContain('show-call-home-profile-all');
    expect(plan).toContain('show-logging-smart-lic');
    expect(plan).not.toContain('show-license-authorization');
    expect(new Set(plan).size).toBe(plan.length);
  });
});
