// The fleet runner over real SSH to the simulator: concurrency limits, group
// caps and interruption.
import path from 'node:path';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunEvent } from '../../src/app/events.js';
import { ResultStore } from '../../src/app/result-store.js';
import { runFleet } from '../../src/app/run.js';
import type { RunOptions } from '../../src/app/run.js';
import { CHECK_COMMANDS } from '../../src/commands/catalog.js';
import type { InventoryHost } from '../../src/inventory/types.js';
import { silentLogger } from '../../src/log/logger.js';
import type { HostResult, RunResult } from '../../src/model/result.js';
import { loadBuiltinPlaybooks } from '../../src/playbooks/load.js';
import { loadDeviceProfiles, startSimulator } from '../../src/sim/simulator.js';
import type { RunningSimulator } from '../../src/sim/simulator.js';

const PASSWORD_VARIABLE = 'SLDIAG_RUN_TEST_PASSWORD';
const FLEET_SIZE = 8;

let simulator: RunningSimulator;
let hosts: InventoryHost[];
let knownHostsPath: string;

beforeAll(async () => {
  // Eight devices replaying the healthy demo device, each command answered after 40 ms.
  const [healthy] = (await loadDeviceProfiles(path.resolve('fixtures/devices'))).filter((p) => p.name === 'edge-healthy-c9300');
  const profiles = Array.from({ length: FLEET_SIZE }, (_, i) => ({ ...healthy!, name: `sw-${i}`, latencyMs: 40 }));
  simulator = await startSimulator({ profiles });
  process.env[PASSWORD_VARIABLE] = healthy!.password;

  const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-run-'));
  knownHostsPath = path.join(dir, 'known_hosts');
  await writeFile(knownHostsPath, simulator.knownHosts());

  hosts = simulator.devices.map((device, i) => ({
    name: device.name,
    hostname: device.address,
    port: device.port,
    username: healthy!.username,
    password: { kind: 'env', name: PASSWORD_VARIABLE },
    enable: null,
    privateKey: null,
    passphrase: null,
    agent: null,
    // The first four hosts share a group capped at one session in the tests below.
    groups: i < 4 ? ['behind-jump'] : ['direct'],
    tags: [],
    description: null,
    licensing: { transportType: null, transportUrl: null, slacFile: null, ackWarningDays: 14 },
    ssh: { knownHosts: null, connectTimeoutMs: 10_000, commandTimeoutMs: null },
    source: { file: 'inventory.yaml', line: i + 1, column: 1 },
  }));
});

const stores: ResultStore[] = [];

afterAll(async () => {
  await simulator?.stop();
  await Promise.all(stores.map((store) => store.close()));
});

async function options(overrides: Partial<RunOptions>): Promise<RunOptions> {
  const store = await ResultStore.createTemporary({ logger: silentLogger });
  stores.push(store);
  return {
    store,
    commands: CHECK_COMMANDS,
    playbooks: await loadBuiltinPlaybooks(),
    hostKeys: { knownHostsPath, mode: 'strict' },
    captureDir: null,
    now: () => new Date(),
    logger: silentLogger,
    observers: [],
    commandTimeoutMs: null,
    concurrency: 50,
    ...overrides,
  };
}

async function readAll(run: RunResult): Promise<HostResult[]> {
  const results: HostResult[] = [];
  for await (const result of run.results()) {
    results.push(result);
  }
  return results;
}

/** Tracks how many hosts of a set were in progress at once. */
function concurrencyProbe(filter: (host: string) => boolean = () => true) {
  let current = 0;
  let max = 0;
  const observe = (event: RunEvent): void => {
    if (event.type === 'host-started' && filter(event.host)) {
      current += 1;
      max = Math.max(max, current);
    }
    if (event.type === 'host-finished' && filter(event.result.name)) {
      current -= 1;
    }
  };
  return { observe, max: () => max };
}

describe('runFleet', () => {
  it('yields one passed result per host', async () => {
    const run = await runFleet(hosts, await options({}));

    expect(run.hosts.map((host) => host.name)).toEqual(hosts.map((host) => host.name));
    expect(run.hosts.every((host) => host.status === 'passed')).toBe(true);
  });

  it('never runs more hosts at once than --concurrency', async () => {
    const probe = concurrencyProbe();
    await runFleet(hosts, await options({ concurrency: 3, observers: [probe.observe] }));

    expect(probe.max()).toBe(3);
  });

  it('keeps a capped group to its maxSessions', async () => {
    const capped = new Set(hosts.filter((host) => host.groups.includes('behind-jump')).map((host) => host.name));
    const probe = concurrencyProbe((name) => capped.has(name));
    const overall = concurrencyProbe();

    const run = await runFleet(hosts, await options({ concurrency: 8, groupLimits: { 'behind-jump': 1 }, observers: [probe.observe, overall.observe] }));

    expect(probe.max()).toBe(1);
    expect(overall.max()).toBeGreaterThan(1);
    expect(run.hosts.every((host) => host.status === 'passed')).toBe(true);
  });

  it('reports unstarted hosts as interrupted after an abort', async () => {
    const controller = new AbortController();
    const abortAfterFirst = (event: RunEvent): void => {
      if (event.type === 'host-finished') {
        controller.abort();
      }
    };

    const run = await runFleet(hosts, await options({ concurrency: 1, signal: controller.signal, observers: [abortAfterFirst] }));

    expect(run.hosts).toHaveLength(FLEET_SIZE);
    expect(run.hosts[0]?.status).toBe('passed');
    for (const host of run.hosts.slice(1)) {
      expect(host.status, host.name).toBe('error');
      expect(host.error?.kind, host.name).toBe('interrupted');
    }
  });

  it('closes a session in progress when aborted', async () => {
    const controller = new AbortController();
    const abortOnFirstCommand = (event: RunEvent): void => {
      if (event.type === 'command-finished') {
        controller.abort();
      }
    };

    const run = await runFleet(hosts.slice(0, 1), await options({ signal: controller.signal, observers: [abortOnFirstCommand] }));
    const [host] = await readAll(run);

    expect(host?.error?.kind).toBe('interrupted');
    expect(host?.commands.length).toBeGreaterThanOrEqual(1);
    expect(host?.commands.length).toBeLessThan(CHECK_COMMANDS.length);
  });
});

describe('runFleet command timeouts', () => {
  let hanging: RunningSimulator;

  afterAll(async () => {
    await hanging?.stop();
  });

  it('applies a per-command timeout by catalog id', async () => {
    const [healthy] = (await loadDeviceProfiles(path.resolve('fixtures/devices'))).filter((p) => p.name === 'edge-healthy-c9300');
    hanging = await startSimulator({ profiles: [{ ...healthy!, name: 'hangs-on-udi', hangCommands: ['show license udi'] }] });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-run-timeout-'));
    const knownHosts = path.join(dir, 'known_hosts');
    await writeFile(knownHosts, hanging.knownHosts());
    const device = hanging.devices[0]!;
    const host = { ...hosts[0]!, name: device.name, port: device.port };

    const run = await runFleet([host], await options({ hostKeys: { knownHostsPath: knownHosts, mode: 'strict' }, commandTimeoutsById: { 'show-license-udi': 1000 } }));
    const [result] = await readAll(run);

    expect(result?.error?.kind).toBe('timeout');
    expect(result?.error?.message).toContain('show license udi');
    expect(result?.commands.map((command) => command.id)).toEqual(['show-license-tech-support', 'show-license-status']);
  });
});
