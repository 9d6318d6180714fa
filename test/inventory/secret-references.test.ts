import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import * as path from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkCredentials } from '../../src/app/preflight.js';
import { InventoryError, type InventoryProblem } from '../../src/inventory/types.js';
import { loadInventory } from '../../src/inventory/load.js';
import { FIXTURES, fixture, where } from './helpers.js';

/** Every reference in secret-references.yaml that an environment variable can satisfy. */
const ALL_SET: NodeJS.ProcessEnv = {
  SLDIAG_TEST_DEFAULTS_PASSWORD: 'defaults-secret',
  SLDIAG_TEST_CAMPUS_ENABLE: 'campus-secret',
  SLDIAG_TEST_HOST_PASSWORD: 'host-secret',
  SLDIAG_TEST_JUMP_PASSWORD: 'jump-secret',
};

const MISSING_FILE = path.join(FIXTURES, 'secrets/missing-branch-password.txt');

async function credentialProblems(env: NodeJS.ProcessEnv, hostNames?: string[]): Promise<InventoryProblem[]> {
  const inventory = await loadInventory(fixture('secret-references.yaml'));
  const hosts = hostNames === undefined ? inventory.hosts : inventory.hosts.filter((host) => hostNames.includes(host.name));

  const error = await checkCredentials(hosts, env).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InventoryError);
  return (error as InventoryError).problems;
}

function without(name: string): NodeJS.ProcessEnv {
  const env = { ...ALL_SET };
  delete env[name];
  return env;
}

describe('missing secret position', () => {
  it('reference in defaults', async () => {
    const problems = await credentialProblems(without('SLDIAG_TEST_DEFAULTS_PASSWORD'), ['sw-01', 'sw-02', 'sw-03']);

    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(fixture('secret-references.yaml'));
    expect(where(problems[0])).toBe('3:13 defaults.password');
    expect(problems[0]?.message).toBe(
      'environment variable SLDIAG_TEST_DEFAULTS_PASSWORD is not set; export it before running sldiag (2 hosts use it: sw-01, sw-02)',
    );
  });

  it('reference in a group', async () => {
    const problems = await credentialProblems(without('SLDIAG_TEST_CAMPUS_ENABLE'), ['sw-01', 'sw-02', 'sw-03']);

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('7:13 groups.campus.enable');
    expect(problems[0]?.message).toContain('environment variable SLDIAG_TEST_CAMPUS_ENABLE is not set');
    expect(problems[0]?.message).toContain('(2 hosts use it: sw-01, sw-02)');
  });

  it('reference in a host', async () => {
    const problems = await credentialProblems(without('SLDIAG_TEST_HOST_PASSWORD'), ['sw-01', 'sw-02', 'sw-03']);

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('25:15 hosts[3].password');
    expect(problems[0]?.message).toBe(
      'environment variable SLDIAG_TEST_HOST_PASSWORD is not set; export it before running sldiag (host sw-03 uses it)',
    );
  });

  it('reference in a jump host', async () => {
    const problems = await credentialProblems(without('SLDIAG_TEST_JUMP_PASSWORD'), ['sw-03']);

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('29:19 hosts[3].jump[0].password');
    expect(problems[0]?.message).toContain('environment variable SLDIAG_TEST_JUMP_PASSWORD is not set');
  });

  it('missing file reference', async () => {
    const problems = await credentialProblems(ALL_SET);

    expect(problems).toHaveLength(1);
    expect(where(problems[0])).toBe('9:15 groups.branch.password');
    expect(problems[0]?.message).toBe(
      `secret file ${MISSING_FILE} not found; check the path, or create the file with the secret in it (host rtr-01 uses it)`,
    );
  });

  it('each reference once, in file order', async () => {
    const problems = await credentialProblems({});

    expect(problems.map(where)).toEqual([
      '3:13 defaults.password',
      '7:13 groups.campus.enable',
      '9:15 groups.branch.password',
      '25:15 hosts[3].password',
      '29:19 hosts[3].jump[0].password',
    ]);
  });

  it('same variable in two places', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'sldiag-secret-references-'));
    const file = path.join(folder, 'inventory.yaml');
    const lines = [
      'defaults:',
      '  username: netops',
      '  password: ${env:SLDIAG_TEST_SHARED}',
      'groups:',
      '  campus:',
      '    enable: ${env:SLDIAG_TEST_SHARED}',
      'hosts:',
      '  - name: sw-01',
      '    hostname: 127.0.0.1',
      '    groups: [campus]',
      '  - name: sw-02',
      '    hostname: localhost',
      '',
    ];
    await writeFile(file, lines.join('\n'));
    const inventory = await loadInventory(file);

    const error = await checkCredentials(inventory.hosts, {}).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InventoryError);
    const problems = (error as InventoryError).problems;
    expect(problems.map(where)).toEqual(['3:13 defaults.password', '6:13 groups.campus.enable']);
    expect(problems[0]?.message).toContain('SLDIAG_TEST_SHARED is not set');
    expect(problems[0]?.message).toContain('(2 hosts use it: sw-01, sw-02)');
    expect(problems[1]?.message).toContain('SLDIAG_TEST_SHARED is not set');
    expect(problems[1]?.message).toContain('(host sw-01 uses it)');
  });

  it('reference nobody selected is not checked', async () => {
    const inventory = await loadInventory(fixture('secret-references.yaml'));
    const sw03 = inventory.hosts.filter((host) => host.name === 'sw-03');

    await expect(checkCredentials(sw03, without('SLDIAG_TEST_DEFAULTS_PASSWORD'))).resolves.toBeUndefined();
  });
});

describe('credential sources', () => {
  it('point at the layer that wins', async () => {
    const inventory = await loadInventory(fixture('secret-references.yaml'));
    const sources = (name: string) => inventory.hosts.find((host) => host.name === name)?.settingSources;

    expect(sources('sw-01')?.password?.path).toBe('defaults.password');
    expect(sources('sw-01')?.enable?.path).toBe('groups.campus.enable');
    expect(sources('rtr-01')?.password?.path).toBe('groups.branch.password');
    expect(sources('sw-03')?.password?.path).toBe('hosts[3].password');
    expect(sources('sw-03')?.['jump[0].password']?.path).toBe('hosts[3].jump[0].password');
    expect(sources('sw-03')?.enable).toBeUndefined();
  });

  it('a jump written as one map', async () => {
    const inventory = await loadInventory(path.join(FIXTURES, '..', '..', 'inventory.example.yaml'));
    const branch = inventory.hosts.find((host) => host.name === 'rtr-branch-01');

    expect(branch?.settingSources?.['jump[0].privateKey']?.path).toBe('groups.branch.jump.privateKey');
    expect(branch?.settingSources?.['jump[0].privateKey']?.line).toBe(107);
  });
});
