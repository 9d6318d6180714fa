// Shared set-up for tests that run the session against the device simulator
// over real SSH on 127.0.0.1.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { SessionOptions } from '../../src/session/session.js';
import { loadDeviceProfile, type DeviceProfile } from '../../src/sim/profile.js';
import type { RunningSimulator, SimDevice } from '../../src/sim/simulator.js';

export const DEVICES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/devices');

/** The demo device with real outputs for tech support, all and udi. */
export const RICH_DEVICE = 'access-clock-unsynced-c9350';

export async function readDeviceOutput(device: string, file: string): Promise<string> {
  return readFile(path.join(DEVICES_DIR, device, file), 'utf8');
}

/** Builds a profile on a demo device's real outputs, with test settings on top. */
export async function testProfile(name: string, overrides: Partial<DeviceProfile> = {}): Promise<DeviceProfile> {
  const base = await loadDeviceProfile(path.join(DEVICES_DIR, RICH_DEVICE));
  return { ...base, name, hostname: name, username: 'netops', password: 'test-password', ...overrides };
}

export interface TempDir {
  path: string;
  remove(): Promise<void>;
}

export async function makeTempDir(): Promise<TempDir> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-session-test-'));
  return { path: dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes the simulator's known_hosts text to a file in `dir` and returns its path. */
export async function writeKnownHosts(dir: string, simulator: RunningSimulator, name = 'known_hosts'): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, simulator.knownHosts());
  return file;
}

export function findDevice(simulator: RunningSimulator, name: string): SimDevice {
  const device = simulator.devices.find((candidate) => candidate.name === name);
  if (device === undefined) {
    throw new Error(`test set-up: no simulated device ${name}`);
  }
  return device;
}

/** Session options for a simulated device with the test password and strict host key checking. */
export function sessionOptions(device: SimDevice, knownHostsPath: string, overrides: Partial<SessionOptions> = {}): SessionOptions {
  return {
    target: { name: device.name, address: device.address, port: device.port, username: 'netops' },
    credentials: { password: 'test-password' },
    hostKeys: { knownHostsPath, mode: 'strict' },
    connectTimeoutMs: 10_000,
    ...overrides,
  };
}
