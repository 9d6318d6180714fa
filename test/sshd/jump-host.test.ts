import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openSession, SessionError, type SessionOptions } from '../../src/session/session.js';
import { startSimulator, type RunningSimulator } from '../../src/sim/simulator.js';
import type { SshEndpoint } from '../../src/transport/ssh-transport.js';
import { findDevice, makeTempDir, readDeviceOutput, RICH_DEVICE, sessionOptions, testProfile, type TempDir } from '../session/harness.js';
import { sshdUnavailableReason, startOpenSshServer, type OpenSshServer } from './openssh-server.js';

const unavailable = await sshdUnavailableReason();
if (unavailable !== null) {
  console.warn(`OpenSSH jump host tests skipped: ${unavailable}`);
}

const NO_RETRY = { retries: 0, baseDelayMs: 0, maxDelayMs: 0 };

describe.skipIf(unavailable !== null)('OpenSSH sshd as jump host', () => {
  let temp: TempDir;
  let sshd: OpenSshServer;
  let legacySshd: OpenSshServer;
  let simulator: RunningSimulator;
  let knownHosts: string;

  beforeAll(async () => {
    temp = await makeTempDir();
    const modernDir = path.join(temp.path, 'modern');
    const legacyDir = path.join(temp.path, 'legacy');
    await Promise.all([makeDir(modernDir), makeDir(legacyDir)]);

    sshd = await startOpenSshServer({ dir: modernDir });
    legacySshd = await startOpenSshServer({
      dir: legacyDir,
      extraConfig: ['KexAlgorithms diffie-hellman-group14-sha1', 'Ciphers aes128-cbc', 'MACs hmac-sha1'],
    });
    simulator = await startSimulator({
      profiles: [await testProfile('lab-behind-sshd'), await testProfile('lab-sim-jump', { username: 'jump-two', password: 'jump-two-password', jumpHost: true })],
    });

    knownHosts = path.join(temp.path, 'known_hosts');
    await writeFile(knownHosts, [sshd.knownHostsLine, legacySshd.knownHostsLine, simulator.knownHosts().trim()].join('\n') + '\n');
  });

  afterAll(async () => {
    await simulator?.stop();
    await sshd?.stop();
    await legacySshd?.stop();
    await temp?.remove();
  });

  function sshdHop(server: OpenSshServer, key = server.clientKey): SshEndpoint {
    return { host: '127.0.0.1', port: server.port, username: server.username, privateKey: key };
  }

  function deviceOptions(overrides: Partial<SessionOptions>): SessionOptions {
    return sessionOptions(findDevice(simulator, 'lab-behind-sshd'), knownHosts, { retry: NO_RETRY, ...overrides });
  }

  async function openError(options: SessionOptions): Promise<SessionError> {
    const outcome = await openSession(options).then(
      async (session) => {
        await session.close();
        return new Error('expected openSession to fail');
      },
      (caught: unknown) => caught,
    );
    expect(outcome).toBeInstanceOf(SessionError);
    return outcome as SessionError;
  }

  it('reaches a device through sshd with key login', async () => {
    const session = await openSession(deviceOptions({ jumps: [sshdHop(sshd)] }));
    try {
      expect(session.prompt).toBe('lab-behind-sshd#');
      expect((await session.run('show-license-udi')).output).toBe(await readDeviceOutput(RICH_DEVICE, 'show-license-udi.txt'));
    } finally {
      await session.close();
    }
    expect(sshd.log()).toContain('Accepted publickey');
  });

  it('reaches a device through sshd and a second hop', async () => {
    const second = findDevice(simulator, 'lab-sim-jump');
    const jumps = [sshdHop(sshd), { host: second.address, port: second.port, username: 'jump-two', password: 'jump-two-password' }];

    const session = await openSession(deviceOptions({ jumps }));
    try {
      expect(session.prompt).toBe('lab-behind-sshd#');
    } finally {
      await session.close();
    }
  });

  it('reports a rejected key at sshd as auth', async () => {
    const otherDir = path.join(temp.path, 'other');
    await makeDir(otherDir);
    const stranger = await startOpenSshServer({ dir: otherDir });
    await stranger.stop();

    const error = await openError(deviceOptions({ jumps: [sshdHop(sshd, stranger.clientKey)] }));

    expect(error.kind).toBe('auth');
    expect(error.message).toContain(`jump host 127.0.0.1:${sshd.port}`);
  });

  it('rejects an sshd host key missing from known_hosts', async () => {
    const onlyDevices = path.join(temp.path, 'devices_known_hosts');
    await writeFile(onlyDevices, simulator.knownHosts());

    const error = await openError(deviceOptions({ jumps: [sshdHop(sshd)], hostKeys: { knownHostsPath: onlyDevices, mode: 'strict' } }));

    expect(error.kind).toBe('hostkey');
    expect(error.message).toContain(`[127.0.0.1]:${sshd.port}`);
    expect(error.message).toContain('SHA256:');
  });

  it('reports a device port the jump host cannot reach as refused', async () => {
    const closedPort = await closedLoopbackPort();
    const options = deviceOptions({ jumps: [sshdHop(sshd)] });

    const error = await openError({ ...options, target: { ...options.target, port: closedPort } });

    expect(error.kind).toBe('refused');
    expect(error.message).toContain(`127.0.0.1:${closedPort}`);
  });

  it('needs the legacy profile for a group14-sha1, CBC, hmac-sha1 sshd', async () => {
    const modern = await openError(deviceOptions({ jumps: [sshdHop(legacySshd)] }));
    expect(modern.kind).toBe('protocol');

    const session = await openSession(deviceOptions({ jumps: [sshdHop(legacySshd)], algorithms: 'legacy' }));
    try {
      expect(session.prompt).toBe('lab-behind-sshd#');
    } finally {
      await session.close();
    }
  });
});

async function makeDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}

async function closedLoopbackPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}
