// Secrets never leave sldiag: a whole check run with a password, an enable
// secret and a key passphrase, all given by reference, is searched for each
// secret value in every output it produces and in its process arguments.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

import { loadDeviceProfiles, startSimulator, type RunningSimulator } from '../../src/sim/simulator.js';
import { CLI } from './harness.js';
import { generateKeyPair } from '../../src/sim/keys.js';

const SECRETS = {
  password: 'pw-Secret-7f3a91',
  enable: 'en-Secret-2c8d44',
  passphrase: 'pp-Secret-9b1e07',
};

let simulator: RunningSimulator;
let dir: string;

beforeAll(async () => {
  const [base] = (await loadDeviceProfiles(path.resolve('fixtures/devices'))).filter((profile) => profile.name === 'edge-healthy-c9300');
  const keys = generateKeyPair('ed25519', { passphrase: SECRETS.passphrase, cipher: 'aes256-ctr', rounds: 16 });

  simulator = await startSimulator({
    profiles: [
      { ...base!, name: 'user-exec', username: 'netops', password: SECRETS.password, enableSecret: SECRETS.enable, latencyMs: 20 },
      { ...base!, name: 'key-login', username: 'netops', password: 'not-used-here', authMethods: ['publickey'], authorizedKeys: [keys.public], latencyMs: 20 },
    ],
  });

  dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-secrets-'));
  await writeFile(path.join(dir, 'known_hosts'), simulator.knownHosts());
  await writeFile(path.join(dir, 'id_ed25519'), keys.private, { mode: 0o600 });
  await writeFile(path.join(dir, 'passphrase'), `${SECRETS.passphrase}\n`, { mode: 0o600 });

  const [userExec, keyLogin] = simulator.devices;
  await writeFile(
    path.join(dir, 'inventory.yaml'),
    stringify({
      defaults: { username: 'netops' },
      hosts: [
        { name: 'user-exec', hostname: userExec!.address, port: userExec!.port, password: '${env:TEST_DEVICE_PASSWORD}', enable: '${env:TEST_ENABLE_SECRET}' },
        { name: 'key-login', hostname: keyLogin!.address, port: keyLogin!.port, privateKey: 'id_ed25519', passphrase: '${file:passphrase}' },
      ],
    }),
  );
});

afterAll(async () => {
  await simulator.stop();
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  cmdline: string;
}

/** Runs the built CLI and reads its /proc/<pid>/cmdline while it runs. */
function runCheck(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, TEST_DEVICE_PASSWORD: SECRETS.password, TEST_ENABLE_SECRET: SECRETS.enable },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let cmdline = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('spawn', () => {
      readFile(`/proc/${child.pid}/cmdline`, 'utf8').then((text) => (cmdline = text), reject);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, cmdline }));
  });
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('secrets in a check run', () => {
  it('appear in no output, capture or argument', async () => {
    const captureDir = path.join(dir, 'captures');
    const run = await runCheck([
      'check', '-i', path.join(dir, 'inventory.yaml'), '--known-hosts', path.join(dir, 'known_hosts'), '--no-ssh-config',
      '--format', 'json', '--capture-dir', captureDir, '--log-level', 'debug', '--quiet',
    ]);

    // Both devices were logged in to, so every secret was used.
    const report = JSON.parse(run.stdout) as { hosts: Array<{ name: string; error: unknown; commands: unknown[] }> };
    expect(report.hosts.map((host) => [host.name, host.error])).toEqual([['user-exec', null], ['key-login', null]]);
    expect(simulator.received('user-exec')).toContain('<secret>');
    expect(run.cmdline).toContain('check');

    const captures = await filesUnder(captureDir);
    expect(captures.length).toBeGreaterThan(0);
    const places: Array<[string, string]> = [
      ['stdout (JSON report)', run.stdout],
      ['stderr (debug log)', run.stderr],
      ['/proc/<pid>/cmdline', run.cmdline],
      ...(await Promise.all(captures.map(async (file): Promise<[string, string]> => [file, await readFile(file, 'utf8')]))),
    ];

    for (const [name, secret] of Object.entries(SECRETS)) {
      for (const [place, text] of places) {
        expect(text.includes(secret), `${name} found in ${place}`).toBe(false);
      }
    }
  });
});
