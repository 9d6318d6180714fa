// The checks that read the network evidence commands (NTP peers, the HTTP
// client, DNS, the CSLU session module) on real captures, through the facts builder.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { collectionPlan } from '../../src/app/collection-plan.js';
import { buildFacts } from '../../src/facts/build.js';
import type { CommandResult } from '../../src/model/command.js';
import type { Finding } from '../../src/model/finding.js';
import { loadBuiltinPlaybooks } from '../../src/playbooks/load.js';
import { evaluateBuiltin, findingOf, intent, LATE_EVALUATION_TIME } from './helpers.js';

function captureText(id: string, text: string): CommandResult {
  return {
    id,
    command: id.replaceAll('-', ' '),
    output: text,
    failure: null,
    startedAt: '2024-01-01T00:00:00.000Z',
    finishedAt: '2024-01-01T00:00:01.000Z',
  };
}

function fixture(id: string, file: string): string {
  return readFileSync(`fixtures/corpus/${id}/${file}`, 'utf8');
}

async function findingsOf(results: CommandResult[]): Promise<Finding[]> {
  return evaluateBuiltin(buildFacts(results), intent(), LATE_EVALUATION_TIME);
}

const ASSOCIATIONS = 'show-ntp-associations';
const UNREACHABLE_PEER = 'genie-golden-output-3-sys-peer-candidate-unreachable.txt';

describe('policy-install-failed.ntp-sys-peer', () => {
  it('passes with a sys.peer', async () => {
    const findings = await findingsOf([captureText(ASSOCIATIONS, fixture(ASSOCIATIONS, UNREACHABLE_PEER))]);
    const finding = findingOf(findings, 'policy-install-failed.ntp-sys-peer');

    expect(finding.result).toBe('pass');
    expect(finding.message).toBe('show ntp associations marks 192.0.2.1 as the system peer (*).');
    expect(finding.evidence[0]?.text).toBe('*~192.0.2.1       192.0.2.2        2    676   1024   377  0.117  -3.705  1.090');
  });

  it('fails without a sys.peer', async () => {
    // No published capture lists peers without a system peer, so this edits a
    // copy of a real one: the tally code of the system peer is removed.
    const edited = fixture(ASSOCIATIONS, UNREACHABLE_PEER).replace('*~192.0.2.1 ', ' ~192.0.2.1 ');
    const finding = findingOf(await findingsOf([captureText(ASSOCIATIONS, edited)]), 'policy-install-failed.ntp-sys-peer');

    expect(finding.result).toBe('fail');
    expect(finding.message).toContain('marks no peer with * (sys.peer)');
    expect(finding.message).toContain('these peers do not answer: 192.0.2.20.');
    expect(finding.evidence.map((line) => line.text.trim())).toEqual([
      '~192.0.2.1       192.0.2.2        2    676   1024   377  0.117  -3.705  1.090',
      '~192.0.2.20      127.0.0.1       16    375   1024     0  0.000   0.000 15937.',
    ]);
    expect(finding.remedy).toContain('ntp server <address> version 2 prefer');
  });

  it('skips when the command was not run', async () => {
    const finding = findingOf(await findingsOf([]), 'policy-install-failed.ntp-sys-peer');

    expect(finding.result).toBe('skip');
    expect(finding.message).toContain('show ntp associations');
  });

  it('makes check collect show ntp associations', async () => {
    expect(collectionPlan(await loadBuiltinPlaybooks())).toContain(ASSOCIATIONS);
  });
});
