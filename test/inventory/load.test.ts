import { homedir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { loadInventory } from '../../src/inventory/load.js';
import { absolutePath } from '../../src/inventory/normalise.js';
import type { InventoryHost } from '../../src/inventory/types.js';
import { FIXTURES, fixture } from './helpers.js';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function byName(hosts: InventoryHost[], name: string): InventoryHost {
  const host = hosts.find((candidate) => candidate.name === name);
  if (host === undefined) {
    throw new Error(`no host ${name}`);
  }
  return host;
}

describe('loadInventory', () => {
  it('example inventory loads cleanly', async () => {
    const inventory = await loadInventory(path.join(REPOSITORY, 'inventory.example.yaml'));

    expect(inventory.hosts.map((host) => host.name)).toEqual(['sw-campus-01', 'sw-campus-02', 'rtr-branch-01', 'rtr-lab-01']);
  });

  it('example inventory normalises each host', async () => {
    const inventory = await loadInventory(path.join(REPOSITORY, 'inventory.example.yaml'));
    const campus = byName(inventory.hosts, 'sw-campus-01');
    const branch = byName(inventory.hosts, 'rtr-branch-01');
    const lab = byName(inventory.hosts, 'rtr-lab-01');

    expect(campus.password).toEqual({ kind: 'env', name: 'SLDIAG_PASSWORD' });
    expect(campus.enable).toEqual({ kind: 'env', name: 'CAMPUS_ENABLE' });
    expect(campus.licensing.transportType).toBe('smart');
    expect(campus.licensing.policy).toBe('custom');
    expect(campus.licensing.slacFile).toBe(path.join(REPOSITORY, 'slac/sw-campus-01.xml'));
    expect(campus.source).toEqual({ file: path.join(REPOSITORY, 'inventory.example.yaml'), line: 116, column: 5 });

    expect(branch.password).toBeNull();
    expect(branch.username).toBe('branch-ops');
    expect(branch.port).toBe(2222);
    expect(branch.privateKey).toBe(path.join(REPOSITORY, 'keys/branch_ed25519'));
    expect(branch.licensing.ackWarningDays).toBe(30);
    expect(branch.ssh.connectTimeoutMs).toBe(30_000);
    expect(branch.ssh.algorithms).toBe('legacy');
    expect(branch.jumps?.map((hop) => `${hop.username}@${hop.hostname}:${hop.port}`)).toEqual(['jump-ops@203.0.113.5:22']);
    expect(branch.jumps?.[0]?.privateKey).toBe(path.join(REPOSITORY, 'keys/jump_ed25519'));

    expect(lab.hostname).toBe('2001:db8::20');
    expect(lab.agent).toEqual({ kind: 'env', name: 'SSH_AUTH_SOCK' });
    expect(lab.licensing.transportType).toBe('off');
    expect(lab.licensing.transportUrl).toBeNull();
    expect(inventory.groupLimits).toEqual({ branch: 10 });
  });

  it('built-in defaults fill unset keys', async () => {
    const inventory = await loadInventory(fixture('filter.yaml'));
    const host = byName(inventory.hosts, 'sw-campus-01');

    expect(host.port).toBe(22);
    expect(host.password).toBeNull();
    expect(host.licensing).toEqual({ transportType: null, transportUrl: null, slacFile: null, ackWarningDays: 14, policy: null, toleratedFailures: 3 });
    expect(host.ssh).toEqual({ knownHosts: null, connectTimeoutMs: 20_000, commandTimeoutMs: null, algorithms: 'modern' });
    expect(host.jumps).toEqual([]);
  });

  it('precedence defaults < groups < host', async () => {
    const { hosts } = await loadInventory(fixture('precedence.yaml'));
    const defaultsOnly = byName(hosts, 'defaults-only');
    const firstThenSecond = byName(hosts, 'first-then-second');
    const secondThenFirst = byName(hosts, 'second-then-first');
    const hostWins = byName(hosts, 'host-wins');

    expect(defaultsOnly.username).toBe('from-defaults');
    expect(defaultsOnly.port).toBe(2201);
    expect(defaultsOnly.licensing.ackWarningDays).toBe(7);
    expect(defaultsOnly.ssh.connectTimeoutMs).toBe(5_000);

    expect(firstThenSecond.username).toBe('from-second');
    expect(firstThenSecond.port).toBe(2202);
    expect(firstThenSecond.enable).toEqual({ kind: 'env', name: 'FIRST_ENABLE' });
    expect(firstThenSecond.licensing.transportType).toBe('cslu');
    expect(firstThenSecond.licensing.transportUrl).toBeNull();
    expect(firstThenSecond.licensing.ackWarningDays).toBe(21);
    expect(firstThenSecond.ssh.connectTimeoutMs).toBe(9_000);
    expect(firstThenSecond.ssh.commandTimeoutMs).toBe(60_000);
    expect(firstThenSecond.agent).toEqual({ kind: 'env', name: 'SSH_AUTH_SOCK' });

    expect(secondThenFirst.username).toBe('from-first');
    expect(secondThenFirst.licensing.transportType).toBe('smart');
    expect(secondThenFirst.licensing.transportUrl).toBe('https://smartreceiver.cisco.com/licservice/license');
    expect(secondThenFirst.licensing.ackWarningDays).toBe(21);

    expect(hostWins.username).toBe('from-host');
    expect(hostWins.port).toBe(2204);
    expect(hostWins.enable).toBeNull();
    expect(hostWins.agent).toBeNull();
    expect(hostWins.password).toEqual({ kind: 'env', name: 'DEFAULTS_PASSWORD' });
    expect(hostWins.licensing.ackWarningDays).toBe(3);
    expect(hostWins.licensing.transportType).toBe('cslu');
  });

  it('home folder paths expanded', () => {
    expect(absolutePath('~/.ssh/id_ed25519', '/inventories')).toBe(path.join(homedir(), '.ssh/id_ed25519'));
    expect(absolutePath('keys/id_ed25519', '/inventories')).toBe(path.resolve('/inventories', 'keys/id_ed25519'));
    expect(absolutePath(null, '/inventories')).toBeNull();
  });

  it('relative paths from inventory folder', async () => {
    const folder = path.join(FIXTURES, 'relative');
    const inventory = await loadInventory(path.relative(process.cwd(), path.join(folder, 'inventory.yaml')));
    const host = byName(inventory.hosts, 'sw-01');

    expect(inventory.file).toBe(path.join(folder, 'inventory.yaml'));
    expect(host.password).toEqual({ kind: 'file', path: path.join(folder, 'secrets/password.txt') });
    expect(host.privateKey).toBe(path.join(folder, 'keys/sw-01_ed25519'));
    expect(host.licensing.slacFile).toBe(path.join(folder, 'slac/sw-01.xml'));
    expect(host.ssh.knownHosts).toBe(path.join(folder, 'known_hosts'));
    expect(host.passphrase).toEqual({ kind: 'env', name: 'SW01_PASSPHRASE' });
  });
});
