// sldiag never changes a device: what it sends comes from the command catalog
// alone. A playbook cannot name a command, and a whole check run sends only
// catalog commands, `enable` and the enable secret.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

import { CATALOG } from '../../src/commands/catalog.js';
import { loadDeviceProfiles, startSimulator, type RunningSimulator } from '../../src/sim/simulator.js';
import { runCli } from './harness.js';

let simulator: RunningSimulator;
let dir: string;

beforeAll(async () => {
  const profiles = await loadDeviceProfiles(path.resolve('fixtures/devices'));
  simulator = await startSimulator({ profiles: profiles.map((profile) => ({ ...profile, enableSecret: 'test-enable' })) });
  dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-read-only-'));
  await writeFile(path.join(dir, 'known_hosts'), simulator.knownHosts());
  await writeFile(
    path.join(dir, 'inventory.yaml'),
    stringify({
      defaults: { username: profiles[0]!.username, password: '${env:TEST_PASSWORD}', enable: '${env:TEST_ENABLE}' },
      hosts: simulator.devices.map((device) => ({ name: device.name, hostname: device.address, port: device.port })),
    }),
  );
});

afterAll(async () => {
  await simulator.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('read-only guarantee', () => {
  it('rejects a playbook that names a configuration command', async () => {
    const builtin = await readFile(path.resolve('playbooks/SMART_LIC-3-COMM_FAILED.yaml'), 'utf8');
    const playbooks = path.join(dir, 'playbooks');
    await mkdir(playbooks);
    await writeFile(path.join(playbooks, 'SMART_LIC-3-COMM_FAILED.yaml'), builtin.replace('evidence: [facts.transport.url, facts.transport.type]', 'evidence: [configure terminal, facts.transport.type]'));

    const validate = await runCli(['playbooks', 'validate', playbooks]);
    expect(validate.code).toBe(2);
    expect(validate.stdout + validate.stderr).toContain('unknown field "configure terminal"');

    const check = await runCli(['check', '-i', path.join(dir, 'inventory.yaml'), '--known-hosts', path.join(dir, 'known_hosts'), '--no-ssh-config', '--playbooks', playbooks, '--no-capture']);
    expect(check.code).toBe(2);
    expect(simulator.devices.every((device) => simulator.received(device.name).length === 0)).toBe(true);
  });

  it('sends only catalog commands in a whole run', async () => {
    const profiles = await loadDeviceProfiles(path.resolve('fixtures/devices'));
    const run = await runCli(
      ['check', '-i', path.join(dir, 'inventory.yaml'), '--known-hosts', path.join(dir, 'known_hosts'), '--no-ssh-config', '--format', 'json', '--no-capture', '--quiet'],
      { env: { TEST_PASSWORD: profiles[0]!.password, TEST_ENABLE: 'test-enable' } },
    );
    const report = JSON.parse(run.stdout) as { hosts: Array<{ name: string; error: unknown }> };
    expect(report.hosts.filter((host) => host.error !== null)).toEqual([]);

    const allowed = new Set([...CATALOG.map((command) => command.cli), '<secret>']);
    for (const device of simulator.devices) {
      const received = simulator.received(device.name);
      expect(received.length, `${device.name} received nothing`).toBeGreaterThan(0);
      expect(received.filter((line) => !allowed.has(line)), `${device.name} received lines outside the catalog`).toEqual([]);
      expect(received).toContain('enable');
    }
  });
});
