// Runs the built sldiag executable with plain node, as a user would, and
// starts the simulated demo fleet for it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { stringify } from 'yaml';

import { loadDeviceProfiles, startSimulator } from '../../src/sim/simulator.js';
import type { DeviceProfile, RunningSimulator } from '../../src/sim/simulator.js';

export const CLI = path.resolve('dist/src/cli/index.js');
export const PASSWORD_VARIABLE = 'SLDIAG_TEST_PASSWORD';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns `node dist/src/cli/index.js ...args`; `npm test` builds dist first. */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): Promise<CliRun> {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} does not exist: run "npm run build" first (npm test does it for you)`);
  }

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, ...options.env },
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export interface DemoFleet {
  simulator: RunningSimulator;
  profiles: DeviceProfile[];
  dir: string;
  inventory: string;
  knownHosts: string;
  env: NodeJS.ProcessEnv;
}

/** Starts the demo fleet and writes an inventory and known_hosts file for it. */
export async function startDemoFleet(extraHosts: object[] = []): Promise<DemoFleet> {
  return startFleet(await loadDeviceProfiles(path.resolve('fixtures/devices')), extraHosts);
}

/** Copies of the healthy demo device that answer every command after `latencyMs`, for runs that must still be busy. */
export async function slowHealthyDevices(count: number, latencyMs: number): Promise<DeviceProfile[]> {
  const [healthy] = (await loadDeviceProfiles(path.resolve('fixtures/devices'))).filter((p) => p.name === 'edge-healthy-c9300');
  return Array.from({ length: count }, (_, i) => ({ ...healthy!, name: `slow-${i}`, latencyMs }));
}

/** Starts these device profiles and writes an inventory and known_hosts file for them. */
export async function startFleet(profiles: DeviceProfile[], extraHosts: object[] = []): Promise<DemoFleet> {
  const simulator = await startSimulator({ profiles });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-e2e-'));

  const knownHosts = path.join(dir, 'known_hosts');
  await writeFile(knownHosts, simulator.knownHosts());

  const inventory = path.join(dir, 'inventory.yaml');
  const document = {
    defaults: { username: profiles[0]!.username, password: `\${env:${PASSWORD_VARIABLE}}` },
    hosts: [
      ...simulator.devices.map((device) => ({ name: device.name, hostname: device.address, port: device.port })),
      ...extraHosts,
    ],
  };
  await writeFile(inventory, stringify(document));

  return { simulator, profiles, dir, inventory, knownHosts, env: { [PASSWORD_VARIABLE]: profiles[0]!.password } };
}

/** Returns a port on 127.0.0.1 that nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
