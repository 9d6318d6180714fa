import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import * as path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadInventory } from '../../src/inventory/load.js';
import { SshConfig } from '../../src/inventory/ssh-config.js';
import { InventoryError, type InventoryHost } from '../../src/inventory/types.js';
import { createLogger } from '../../src/log/logger.js';
import { generateKeyPair } from '../../src/sim/keys.js';

let dir: string;
let key: string;
let jumpKey: string;
let encryptedKey: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-ssh-config-'));
  key = path.join(dir, 'id_device');
  jumpKey = path.join(dir, 'id_jump');
  encryptedKey = path.join(dir, 'id_encrypted');
  await writeFile(key, generateKeyPair('ed25519').private);
  await writeFile(jumpKey, generateKeyPair('ed25519').private);
  await writeFile(encryptedKey, generateKeyPair('ed25519', { passphrase: 'key-passphrase', cipher: 'aes256-ctr', rounds: 16 }).private);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes an inventory and an ssh_config into the test folder and loads the inventory with it. */
async function load(inventory: string, sshConfig: string, logger = createLogger({ level: 'error' })): Promise<InventoryHost[]> {
  const inventoryFile = path.join(dir, 'inventory.yaml');
  const configFile = path.join(dir, 'ssh_config');
  await writeFile(inventoryFile, inventory);
  await writeFile(configFile, sshConfig);
  const { hosts } = await loadInventory(inventoryFile, { sshConfig: SshConfig.parse(configFile, sshConfig, logger) });
  return hosts;
}

function only(hosts: InventoryHost[]): InventoryHost {
  expect(hosts).toHaveLength(1);
  return hosts[0]!;
}

const BARE_HOST = ['hosts:', '  - name: edge', '    hostname: edge-alias', ''].join('\n');

describe('ssh_config in the inventory', () => {
  it('fills HostName, User, Port and IdentityFile, skipping unusable keys', async () => {
    const config = ['Host edge-alias', '  HostName 127.0.0.1', '  User from-config', '  Port 2022', `  IdentityFile ${dir}/missing_key`, `  IdentityFile ${encryptedKey}`, `  IdentityFile ${key}`, ''].join('\n');
    const host = only(await load(BARE_HOST, config));

    expect(host.hostname).toBe('127.0.0.1');
    expect(host.username).toBe('from-config');
    expect(host.port).toBe(2022);
    expect(host.privateKey).toBe(key);
  });

  it('lets the inventory win where it sets a value', async () => {
    const inventory = ['defaults:', '  username: from-inventory', '  port: 2200', '  password: ${env:PASSWORD}', BARE_HOST].join('\n');
    const config = ['Host edge-alias', '  User from-config', '  Port 2022', `  IdentityFile ${key}`, ''].join('\n');
    const host = only(await load(inventory, config));

    expect(host.username).toBe('from-inventory');
    expect(host.port).toBe(2200);
    expect(host.password).toEqual({ kind: 'env', name: 'PASSWORD' });
    // The key is added, as ssh(1) would try it too.
    expect(host.privateKey).toBe(key);
  });

  it('turns ProxyJump into jump hosts', async () => {
    const config = [
      'Host edge-alias',
      '  User netops',
      `  IdentityFile ${key}`,
      '  ProxyJump jump-one,ops@[::1]:2200',
      'Host jump-one',
      '  HostName 127.0.0.1',
      '  User jumper',
      '  Port 2201',
      `  IdentityFile ${jumpKey}`,
      'Host ::1',
      `  IdentityFile ${jumpKey}`,
      '',
    ].join('\n');
    const host = only(await load(BARE_HOST, config));

    expect(host.jumps).toEqual([
      { hostname: '127.0.0.1', port: 2201, username: 'jumper', privateKey: jumpKey, password: null, passphrase: null, agent: null },
      { hostname: '::1', port: 2200, username: 'ops', privateKey: jumpKey, password: null, passphrase: null, agent: null },
    ]);
  });

  it('prefers the inventory jump over ProxyJump', async () => {
    const inventory = [
      'defaults:',
      '  jump: { hostname: 127.0.0.1, port: 2300, username: inv-jumper, agent: true }',
      BARE_HOST,
    ].join('\n');
    const config = ['Host edge-alias', '  User netops', `  IdentityFile ${key}`, '  ProxyJump nobody-knows-me', ''].join('\n');
    const host = only(await load(inventory, config));

    expect(host.jumps?.map((hop) => `${hop.username}@${hop.hostname}:${hop.port}`)).toEqual(['inv-jumper@127.0.0.1:2300']);
  });

  it('reports a ProxyJump hop without a key', async () => {
    const config = ['Host edge-alias', '  User netops', `  IdentityFile ${key}`, '  ProxyJump keyless@jump-two', ''].join('\n');
    const error = await load(BARE_HOST, config).then(
      () => null,
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(InventoryError);
    const problems = (error as InventoryError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(2);
    expect(problems[0]?.message).toContain('ProxyJump hop keyless@jump-two has no IdentityFile with a key readable without a passphrase');
  });

  it('never runs Match exec and logs that it skipped it', async () => {
    const marker = path.join(dir, 'match-exec-ran');
    const config = [`Match exec "touch ${marker}"`, '  User from-exec', 'Host edge-alias', '  User from-host', `  IdentityFile ${key}`, ''].join('\n');
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', write: (line: string) => lines.push(line) });
    const host = only(await load(BARE_HOST, config, logger));

    expect(existsSync(marker)).toBe(false);
    expect(host.username).toBe('from-host');
    expect(lines.some((line) => line.includes('Match exec is never run'))).toBe(true);
  });

  it('reports an invalid Port from ssh_config', async () => {
    const config = ['Host edge-alias', '  User netops', '  Port twenty-two', `  IdentityFile ${key}`, ''].join('\n');
    const error = await load(BARE_HOST, config).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InventoryError);
    expect((error as InventoryError).problems[0]?.message).toContain('sets Port "twenty-two" for edge-alias');
  });
});
