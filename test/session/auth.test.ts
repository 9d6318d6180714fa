import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openSession, SessionError, type SessionCredentials } from '../../src/session/session.js';
import { startSimulator, type RunningSimulator } from '../../src/sim/simulator.js';
import { findDevice, makeTempDir, sessionOptions, testProfile, writeKnownHosts, type TempDir } from './harness.js';
import { generateKeyPair } from '../../src/sim/keys.js';

const run = promisify(execFile);

const plainKey = generateKeyPair('ed25519');
const protectedKey = generateKeyPair('ed25519', { passphrase: 'key-passphrase', cipher: 'aes256-ctr' });
const strangerKey = generateKeyPair('ed25519');

let simulator: RunningSimulator;
let temp: TempDir;
let knownHosts: string;
let agentKeyFile: string;

beforeAll(async () => {
  temp = await makeTempDir();
  agentKeyFile = path.join(temp.path, 'agent_key');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'sldiag-test', '-f', agentKeyFile]);
  const agentPublic = await readFile(`${agentKeyFile}.pub`, 'utf8');

  simulator = await startSimulator({
    profiles: [await testProfile('lab-keys', { authMethods: ['publickey'], authorizedKeys: [plainKey.public, protectedKey.public, agentPublic.trim()] })],
  });
  knownHosts = await writeKnownHosts(temp.path, simulator);
});

afterAll(async () => {
  await simulator.stop();
  await temp.remove();
});

async function login(credentials: SessionCredentials): Promise<SessionError | null> {
  try {
    const session = await openSession(sessionOptions(findDevice(simulator, 'lab-keys'), knownHosts, { credentials }));
    await session.close();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(SessionError);
    return error as SessionError;
  }
}

describe('key authentication', () => {
  it('logs in with a private key', async () => {
    expect(await login({ privateKey: plainKey.private })).toBeNull();
  });

  it('logs in with a passphrase-protected key', async () => {
    expect(await login({ privateKey: protectedKey.private, passphrase: 'key-passphrase' })).toBeNull();
  });

  it('reports a wrong passphrase as auth', async () => {
    const error = await login({ privateKey: protectedKey.private, passphrase: 'wrong-passphrase' });

    expect(error?.kind).toBe('auth');
    expect(error?.message).toContain('passphrase');
    expect(error?.message).not.toContain('wrong-passphrase');
  });

  it('reports a public key given as private key', async () => {
    const error = await login({ privateKey: plainKey.public });

    expect(error?.kind).toBe('auth');
    expect(error?.message).toContain('public key');
  });

  it('reports an unauthorized key as auth', async () => {
    const error = await login({ privateKey: strangerKey.private });

    expect(error?.kind).toBe('auth');
  });

  it('logs in through ssh-agent', async () => {
    const socket = path.join(temp.path, 'agent.sock');
    const agent: ChildProcess = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
    try {
      await waitForSocket(socket);
      await run('ssh-add', ['-q', agentKeyFile], { env: { ...process.env, SSH_AUTH_SOCK: socket } });

      expect(await login({ agent: socket })).toBeNull();
    } finally {
      agent.kill();
    }
  });
});

async function waitForSocket(socket: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    try {
      await readFile(socket);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A socket exists once reading it fails with something other than "not found".
      if (code !== 'ENOENT') {
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`ssh-agent did not create ${socket}`);
}
