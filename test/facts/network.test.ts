// Facts from the network evidence commands, built from published IOS XE outputs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { buildFacts } from '../../src/facts/build.js';
import type { CommandResult } from '../../src/model/command.js';

const CORPUS = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));

function collected(id: string, file: string, command = id.replace(/-/g, ' ')): CommandResult {
  return {
    id,
    command,
    output: readFileSync(`${CORPUS}${id}/${file}`, 'utf8'),
    failure: null,
    startedAt: '2024-03-15T21:13:41Z',
    finishedAt: '2024-03-15T21:13:42Z',
  };
}

describe('buildFacts with show ntp associations', () => {
  it('reads the system peer and the unreachable peers', () => {
    const facts = buildFacts([collected('show-ntp-associations', 'genie-golden-output-1-locl-sys-peer.txt')]);

    expect(facts.ntpAssociations).toEqual({ sysPeer: '127.127.1.1', peerCount: 5, unreachablePeers: '10.4.1.1, 10.16.2.2' });
    expect(facts.evidence['ntpAssociations.sysPeer']?.line).toBe(5);
    expect(facts.evidence['ntpAssociations.unreachablePeers']?.line).toBe(6);
    expect(facts.sources).toEqual(['show ntp associations']);
  });

  it('leaves the facts empty when the command failed', () => {
    const failure = { marker: '% Invalid input detected', message: 'the device rejected the command' };
    const result = { ...collected('show-ntp-associations', 'genie-golden-output-2-ipv6-sys-peer.txt'), failure };
    const facts = buildFacts([result]);

    expect(facts.ntpAssociations).toEqual({ sysPeer: null, peerCount: null, unreachablePeers: null });
    expect(facts.evidence['ntpAssociations.sysPeer']).toBeUndefined();
    expect(facts.unavailable['show-ntp-associations']).toBe('show ntp associations returned "% Invalid input detected"');
  });
});

describe('buildFacts with the licensing configuration', () => {
  const CLI = 'show running-config | include ^ip http client|^ip name-server|^ip domain|^ntp server|^license smart|^call-home|^crypto pki trustpoint';

  it('reads the trustpoints and leaves the rest empty', () => {
    const facts = buildFacts([collected('show-running-config-licensing', 'c9200l-17.6-no-http-client-no-dns.txt', CLI)]);

    expect(facts.runningConfig).toEqual({
      httpClientTrustpoint: null,
      httpClientSourceInterface: null,
      nameServers: null,
      domainName: null,
      ntpServers: null,
      trustpoints: 'TP-self-signed-3639644206, SLA-TrustPoint',
    });
    expect(facts.evidence['runningConfig.trustpoints']).toEqual({ command: CLI, line: 2, text: 'crypto pki trustpoint SLA-TrustPoint' });
    expect(facts.evidence['runningConfig.nameServers']).toBeUndefined();
    expect(facts.sources).toEqual([CLI]);
  });
});
