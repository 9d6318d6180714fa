import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkCredentials } from '../../src/app/preflight.js';
import { InventoryError } from '../../src/inventory/errors.js';
import type { InventoryHost } from '../../src/inventory/types.js';

function host(name: string, line: number, overrides: Partial<InventoryHost> = {}): InventoryHost {
  return {
    name,
    hostname: '127.0.0.1',
    port: 22,
    username: 'netops',
    password: { kind: 'env', name: 'SLDIAG_PREFLIGHT_PASSWORD' },
    enable: null,
    privateKey: null,
    passphrase: null,
    agent: null,
    groups: [],
    tags: [],
    description: null,
    licensing: { transportType: null, transportUrl: null, slacFile: null, ackWarningDays: 14, policy: null },
    ssh: { knownHosts: null, connectTimeoutMs: 10_000, commandTimeoutMs: null },
    source: { file: '/inventories/fleet.yaml', line, column: 5 },
    ...overrides,
  } as InventoryHost;
}

async function problemsOf(hosts: InventoryHost[], env: NodeJS.ProcessEnv): Promise<InventoryError> {
  const error = await checkCredentials(hosts, env).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InventoryError);
  return error as InventoryError;
}

describe('checkCredentials', () => {
  it('passes when every reference resolves', async () => {
    await expect(checkCredentials([host('sw-1', 4)], { SLDIAG_PREFLIGHT_PASSWORD: 'x' })).resolves.toBeUndefined();
  });

  it('names the variable, the host and its inventory line', async () => {
    const error = await problemsOf([host('sw-1', 4)], {});

    expect(error.problems).toHaveLength(1);
    expect(error.message).toBe(
      '/inventories/fleet.yaml:4:5: password: environment variable SLDIAG_PREFLIGHT_PASSWORD is not set; export it before running sldiag (host sw-1 uses it)',
    );
  });

  it('reports one missing variable once for many hosts', async () => {
    const hosts = Array.from({ length: 6 }, (_, i) => host(`sw-${i}`, 4 + i));
    const error = await problemsOf(hosts, {});

    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.line).toBe(4);
    expect(error.problems[0]?.message).toContain('(6 hosts use it: sw-0, sw-1, sw-2 and 3 more)');
  });

  it('reports an unreadable key file and secret file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-preflight-'));
    const error = await problemsOf(
      [
        host('sw-1', 4, {
          password: null,
          privateKey: path.join(dir, 'missing_ed25519'),
          passphrase: { kind: 'file', path: path.join(dir, 'missing-passphrase') },
        }),
      ],
      {},
    );

    expect(error.problems.map((problem) => problem.path)).toEqual(['passphrase', 'privateKey']);
    expect(error.message).toContain(`private key file ${path.join(dir, 'missing_ed25519')} cannot be read (ENOENT)`);
    expect(error.message).toContain(`secret file ${path.join(dir, 'missing-passphrase')} not found`);
  });

  it('never puts a secret value in a message', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-preflight-'));
    const enableFile = path.join(dir, 'enable');
    await writeFile(enableFile, '');
    const error = await problemsOf([host('sw-1', 4, { enable: { kind: 'file', path: enableFile } })], { SLDIAG_PREFLIGHT_PASSWORD: 'secret-value-42' });

    expect(error.message).toContain('is empty');
    expect(error.message).not.toContain('secret-value-42');
  });
});
