// RSA key login to a device that does not announce server-sig-algs, as SSH
// servers older than OpenSSH 7.2 and many IOS releases do: the client must
// fall back to ssh-rsa signatures and still log in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openSession } from '../../src/session/session.js';
import { startSimulator, type RunningSimulator } from '../../src/sim/simulator.js';
import { findDevice, makeTempDir, sessionOptions, testProfile, writeKnownHosts, type TempDir } from './harness.js';
import { generateKeyPair } from '../../src/sim/keys.js';

const rsaKey = generateKeyPair('rsa', { bits: 2048 });

let simulator: RunningSimulator;
let temp: TempDir;
let knownHosts: string;

beforeAll(async () => {
  temp = await makeTempDir();
  const keyLogin = { authMethods: ['publickey' as const], authorizedKeys: [rsaKey.public] };
  simulator = await startSimulator({
    profiles: [
      await testProfile('old-ssh-rsa', { ...keyLogin, announceServerSigAlgs: false }),
      await testProfile('new-ssh-rsa', keyLogin),
    ],
  });
  knownHosts = await writeKnownHosts(temp.path, simulator);
});

afterAll(async () => {
  await simulator.stop();
  await temp.remove();
});

async function loginWithRsaKey(device: string): Promise<void> {
  const session = await openSession(sessionOptions(findDevice(simulator, device), knownHosts, { credentials: { privateKey: rsaKey.private } }));
  await session.run('show-license-udi');
  await session.close();
}

describe('RSA key login and server-sig-algs', () => {
  it('logs in with ssh-rsa when the device announces nothing', async () => {
    await loginWithRsaKey('old-ssh-rsa');

    expect(simulator.signatureAlgorithms('old-ssh-rsa')).toEqual(['ssh-rsa']);
  });

  it('uses rsa-sha2-256 when the device announces it', async () => {
    await loginWithRsaKey('new-ssh-rsa');

    expect(simulator.signatureAlgorithms('new-ssh-rsa')).toEqual(['rsa-sha2-256']);
  });
});
