import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openSession, SessionError, type HostKeyPolicy } from '../../src/session/session.js';
import { startSimulator, type RunningSimulator, type SimDevice } from '../../src/sim/simulator.js';
import { makeTempDir, sessionOptions, testProfile, type TempDir } from '../session/harness.js';
import { generateKeyPair } from '../../src/sim/keys.js';

const run = promisify(execFile);

let simulator: RunningSimulator;
let device: SimDevice;
let temp: TempDir;
let fileCount = 0;

beforeAll(async () => {
  temp = await makeTempDir();
  simulator = await startSimulator({ profiles: [await testProfile('lab-keys')] });
  device = simulator.devices[0] as SimDevice;
});

afterAll(async () => {
  await simulator.stop();
  await temp.remove();
});

function otherKeyLine(): string {
  const parsed = generateKeyPair('ed25519').parsedPublic;
  return `${parsed.type} ${parsed.getPublicSSH().toString('base64')}`;
}

function deviceKeyLine(): string {
  const line = simulator.knownHosts().trim();
  return line.slice(line.indexOf(' ') + 1);
}

async function knownHostsFile(text: string | null): Promise<string> {
  fileCount += 1;
  const file = path.join(temp.path, `known_hosts_${fileCount}`);
  if (text !== null) {
    await writeFile(file, text);
  }
  return file;
}

/** Opens and closes a session; resolves to the SessionError, or null when the session opened. */
async function connect(hostKeys: HostKeyPolicy): Promise<SessionError | null> {
  try {
    const session = await openSession(sessionOptions(device, hostKeys.knownHostsPath, { hostKeys }));
    await session.close();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(SessionError);
    return error as SessionError;
  }
}

const endpoint = (): string => `[127.0.0.1]:${device.port}`;

describe('host key verification', () => {
  it('accepts the recorded key', async () => {
    const file = await knownHostsFile(simulator.knownHosts());

    expect(await connect({ knownHostsPath: file, mode: 'strict' })).toBeNull();
  });

  it('rejects an unknown host in strict mode', async () => {
    const file = await knownHostsFile('');

    const error = await connect({ knownHostsPath: file, mode: 'strict' });

    expect(error?.kind).toBe('hostkey');
    expect(error?.message).toContain(device.hostKeyFingerprint);
    expect(error?.message).toMatch(/SHA256:[A-Za-z0-9+/]{43}(?!=)/);
    expect(error?.message).toContain(endpoint());
    expect(error?.message).toContain(file);
    expect(error?.message).toContain('run again with --accept-new to record it');
  });

  it('rejects a changed key', async () => {
    const file = await knownHostsFile(`# lab\n${endpoint()} ${otherKeyLine()}\n`);

    const error = await connect({ knownHostsPath: file, mode: 'strict' });

    expect(error?.kind).toBe('hostkey');
    expect(error?.message).toContain(`differs from the key recorded at ${file}:2`);
    expect(error?.message).toContain('man-in-the-middle');
    expect(error?.message).toContain(`ssh-keygen -R "${endpoint()}" -f ${file}`);
  });

  it('rejects a changed key under accept-new', async () => {
    const original = `${endpoint()} ${otherKeyLine()}\n`;
    const file = await knownHostsFile(original);

    const error = await connect({ knownHostsPath: file, mode: 'accept-new' });

    expect(error?.kind).toBe('hostkey');
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('records a new key under accept-new', async () => {
    const file = await knownHostsFile('# no final newline');

    expect(await connect({ knownHostsPath: file, mode: 'accept-new' })).toBeNull();
    expect(await readFile(file, 'utf8')).toBe(`# no final newline\n${endpoint()} ${deviceKeyLine()}\n`);
    expect(await connect({ knownHostsPath: file, mode: 'strict' })).toBeNull();
  });

  it('records one line for parallel accept-new sessions', async () => {
    const file = await knownHostsFile(null);

    const errors = await Promise.all(Array.from({ length: 6 }, () => connect({ knownHostsPath: file, mode: 'accept-new' })));

    expect(errors).toEqual([null, null, null, null, null, null]);
    expect(await readFile(file, 'utf8')).toBe(`${endpoint()} ${deviceKeyLine()}\n`);
  });

  it('names a @cert-authority line for an unknown host', async () => {
    const file = await knownHostsFile(`@cert-authority [127.0.0.1]:* ${otherKeyLine()}\n`);

    const error = await connect({ knownHostsPath: file, mode: 'strict' });

    expect(error?.kind).toBe('hostkey');
    expect(error?.message).toContain('@cert-authority');
    expect(error?.message).toContain(`${file}:1`);
    expect(error?.message).toContain('does not support SSH host certificates');
  });

  it('creates the file under accept-new', async () => {
    const file = path.join(temp.path, 'new-folder', 'known_hosts');

    expect(await connect({ knownHostsPath: file, mode: 'accept-new' })).toBeNull();
    expect(await readFile(file, 'utf8')).toBe(`${endpoint()} ${deviceKeyLine()}\n`);
  });

  it('matches an entry hashed by ssh-keygen -H', async () => {
    const file = await knownHostsFile(simulator.knownHosts());
    await run('ssh-keygen', ['-H', '-f', file]);
    const hashed = await readFile(file, 'utf8');
    expect(hashed.startsWith('|1|')).toBe(true);

    expect(await connect({ knownHostsPath: file, mode: 'strict' })).toBeNull();
  });

  it('accepts the key among several for the host', async () => {
    const file = await knownHostsFile(`${endpoint()} ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ==\n${simulator.knownHosts()}`);

    expect(await connect({ knownHostsPath: file, mode: 'strict' })).toBeNull();
  });

  it('rejects a key marked @revoked', async () => {
    const file = await knownHostsFile(`${simulator.knownHosts()}@revoked * ${deviceKeyLine()}\n`);

    const error = await connect({ knownHostsPath: file, mode: 'strict' });

    expect(error?.kind).toBe('hostkey');
    expect(error?.message).toContain('@revoked');
    expect(error?.message).toContain(`${file}:2`);
  });

  it('skips the check in off mode', async () => {
    const file = await knownHostsFile(`${endpoint()} ${otherKeyLine()}\n`);

    expect(await connect({ knownHostsPath: file, mode: 'off' })).toBeNull();
  });
});
