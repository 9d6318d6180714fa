// The checks that read the network evidence commands (NTP peers, the HTTP
// client, DNS, the CSLU session module) on real captures, through the facts builder.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { collectionPlan } from '../../src/app/collection-plan.js';
import { requireCommand } from '../../src/commands/catalog.js';
import { buildFacts } from '../../src/facts/build.js';
import type { CommandResult } from '../../src/model/command.js';
import type { Finding } from '../../src/model/finding.js';
import { loadBuiltinPlaybooks } from '../../src/playbooks/load.js';
import { evaluateBuiltin, findingOf, intent, LATE_EVALUATION_TIME } from './helpers.js';

function captureText(id: string, text: string): CommandResult {
  return {
    id,
    command: requireCommand(id).cli,
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

  it('makes check collect the licensing configuration', async () => {
    expect(collectionPlan(await loadBuiltinPlaybooks())).toContain('show-running-config-licensing');
  });
});

const TECH = 'show-license-tech-support';
const SMART_TRANSPORT = 'c9300-stack3-smart-trust-installed-sa5.1.26.txt';
const CSLU_BY_ADDRESS = 'c9300-stack3-cslu-custom-policy-no-trust-sa5.3.16.txt';
const CONFIG = 'show-running-config-licensing';
const NO_HTTP_CLIENT = 'c9200l-17.6-no-http-client-no-dns.txt';

/** Builds a copy of the real filtered configuration with the given lines added in front, for the side no published capture shows. */
function configWith(...lines: string[]): CommandResult {
  return captureText(CONFIG, [...lines, fixture(CONFIG, NO_HTTP_CLIENT)].join('\n'));
}

describe('comm-failed.http-client-trustpoint', () => {
  it('warns without a secure-trustpoint line', async () => {
    const findings = await findingsOf([captureText(TECH, fixture(TECH, SMART_TRANSPORT)), captureText(CONFIG, fixture(CONFIG, NO_HTTP_CLIENT))]);
    const finding = findingOf(findings, 'comm-failed.http-client-trustpoint');

    expect(finding.result).toBe('warn');
    expect(finding.message).toContain('no ip http client secure-trustpoint line');
    expect(finding.evidence.map((line) => line.text)).toEqual(['crypto pki trustpoint SLA-TrustPoint']);
    expect(finding.remedy).toContain('ip http client secure-trustpoint SLA-TrustPoint');
  });

  it('passes and shows the source interface', async () => {
    // No published configuration shows these lines, so they are added to a copy of a real one.
    const config = configWith('ip http client secure-trustpoint SLA-TrustPoint', 'ip http client source-interface GigabitEthernet0/0/2');
    const finding = findingOf(await findingsOf([captureText(TECH, fixture(TECH, SMART_TRANSPORT)), config]), 'comm-failed.http-client-trustpoint');

    expect(finding.result).toBe('pass');
    expect(finding.message).toBe('The HTTPS client presents trustpoint SLA-TrustPoint and sends from GigabitEthernet0/0/2.');
    expect(finding.evidence.map((line) => line.text)).toContain('ip http client source-interface GigabitEthernet0/0/2');
  });

  it('skips when the configuration was not collected', async () => {
    const finding = findingOf(await findingsOf([captureText(TECH, fixture(TECH, SMART_TRANSPORT))]), 'comm-failed.http-client-trustpoint');

    expect(finding.result).toBe('skip');
    expect(finding.message).toContain('show running-config | include');
  });
});

describe('comm-failed.dns', () => {
  it('fails for a host name without a name server', async () => {
    const findings = await findingsOf([captureText(TECH, fixture(TECH, SMART_TRANSPORT)), captureText(CONFIG, fixture(CONFIG, NO_HTTP_CLIENT))]);
    const finding = findingOf(findings, 'comm-failed.dns');

    expect(finding.result).toBe('fail');
    expect(finding.message).toContain('names host smartreceiver.cisco.com');
    expect(finding.evidence.map((line) => line.text.trim())).toContain('URL: https://smartreceiver.cisco.com/licservice/license');
    expect(finding.remedy).toContain('ip name-server <dns-server-address>');
    expect(finding.remedy).toContain('Check that the device resolves the transport host: ping smartreceiver.cisco.com');
  });

  it('passes with a name server', async () => {
    // No published configuration shows these lines, so they are added to a copy of a real one.
    const config = configWith('ip name-server 192.0.2.53', 'ip domain name example.com');
    const finding = findingOf(await findingsOf([captureText(TECH, fixture(TECH, SMART_TRANSPORT)), config]), 'comm-failed.dns');

    expect(finding.result).toBe('pass');
    expect(finding.message).toBe('The device resolves host names through 192.0.2.53 in domain example.com.');
    expect(finding.evidence.map((line) => line.text)).toContain('ip name-server 192.0.2.53');
  });

  it('does not apply to a CSLU address given as an IPv4 address', async () => {
    const findings = await findingsOf([captureText(TECH, fixture(TECH, CSLU_BY_ADDRESS)), captureText(CONFIG, fixture(CONFIG, NO_HTTP_CLIENT))]);
    const finding = findingOf(findings, 'comm-failed.dns');

    expect(finding.result).toBe('skip');
  });

  it('skips when the configuration was not collected', async () => {
    const finding = findingOf(await findingsOf([captureText(TECH, fixture(TECH, SMART_TRANSPORT))]), 'comm-failed.dns');

    expect(finding.result).toBe('skip');
    expect(finding.message).toContain('show running-config | include');
  });
});
