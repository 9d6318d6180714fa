import * as path from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadInventory } from '../../src/inventory/load.js';
import type { InventoryHost } from '../../src/inventory/types.js';
import { fixture, problemsOf, where } from './helpers.js';

function byName(hosts: InventoryHost[], name: string): InventoryHost {
  const host = hosts.find((candidate) => candidate.name === name);
  if (host === undefined) {
    throw new Error(`no host ${name}`);
  }
  return host;
}

describe('jump and ssh.algorithms', () => {
  it('inherits one hop from a group', async () => {
    const { hosts } = await loadInventory(fixture('jump.yaml'));
    const host = byName(hosts, 'via-branch');

    expect(host.jumps).toEqual([
      {
        hostname: '192.0.2.50',
        port: 22,
        username: 'jump-user',
        password: null,
        privateKey: path.join(path.dirname(fixture('jump.yaml')), 'keys/jump_ed25519'),
        passphrase: null,
        agent: null,
      },
    ]);
    expect(host.ssh.algorithms).toBe('legacy');
  });

  it('keeps a list of hops in order', async () => {
    const { hosts } = await loadInventory(fixture('jump.yaml'));
    const jumps = byName(hosts, 'two-hops').jumps ?? [];

    expect(jumps.map((hop) => `${hop.username}@${hop.hostname}:${hop.port}`)).toEqual(['first@192.0.2.50:2222', 'second@bastion-2.example.net:22']);
    expect(jumps[0]?.agent).toEqual({ kind: 'env', name: 'SSH_AUTH_SOCK' });
    expect(jumps[1]?.password).toEqual({ kind: 'env', name: 'HOP_PASSWORD' });
  });

  it('connects directly by default and after jump is cleared', async () => {
    const { hosts } = await loadInventory(fixture('jump.yaml'));

    expect(byName(hosts, 'direct').jumps).toEqual([]);
    expect(byName(hosts, 'direct').ssh.algorithms).toBe('modern');
    expect(byName(hosts, 'cleared').jumps).toEqual([]);
    expect(byName(hosts, 'cleared').ssh.algorithms).toBe('legacy');
  });

  it('reports each bad hop with its position', async () => {
    const problems = await problemsOf('bad-jump.yaml');
    const lines = problems.map((problem) => `${where(problem)}: ${problem.message}`);

    expect(lines).toEqual([
      '8:7 hosts[0].jump.username: username is missing; add username, which must be a user name',
      '15:19 hosts[1].jump[0].password: password is written in clear text; use ${env:NAME} or ${file:PATH}',
      '18:12 hosts[2].jump[0].username: username is missing; add username, which must be a user name',
      '18:36 hosts[2].jump[0].user: unknown key "user"; remove it or use one of: hostname, port, username, password, privateKey, passphrase, agent',
      '21:11 hosts[3].jump: the jump host has no credential; set password, privateKey or agent on it',
      '24:11 hosts[4].jump: jump is an empty list; list at least one jump host, or write jump: with no value to connect directly',
      '28:19 hosts[5].ssh.algorithms: must be one of modern, legacy, not "ancient"',
    ]);
  });

  it('never repeats a clear-text hop password', async () => {
    const problems = await problemsOf('bad-jump.yaml');

    expect(problems.map((problem) => problem.message).join('\n')).not.toContain('hunter2');
  });
});
