import path from 'node:path';
import net from 'node:net';

import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { probeCommand } from '../../src/cli/commands/probe.js';
import { fitProfile, probeServer, readServerOffer } from '../../src/transport/probe.js';
import { startSimulator, type RunningSimulator } from '../../src/sim/simulator.js';
import { findDevice, testProfile } from '../session/harness.js';

const { Client } = ssh2;

const SSH_MSG_DISCONNECT = 1;
const SSH_MSG_KEXINIT = 20;
const SSH_MSG_KEX_DH_GEX_REQUEST = 34;

let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({
    profiles: [
      await testProfile('lab-modern'),
      await testProfile('lab-legacy', { hostKeyType: 'rsa', authMethods: ['password', 'keyboard-interactive'], serverAlgorithms: { kex: ['diffie-hellman-group14-sha1'], serverHostKey: ['ssh-rsa'], cipher: ['aes128-cbc'], hmac: ['hmac-sha1'] } }),
    ],
  });
});

afterAll(async () => {
  await simulator.stop();
});

describe('probeServer', () => {
  it('reads a modern device offer', async () => {
    const device = findDevice(simulator, 'lab-modern');

    const result = await probeServer({ host: device.address, port: device.port, username: 'netops', timeoutMs: 5000 });

    expect(result.offer.software).toBe('Cisco-1.25');
    expect(result.offer.kex).toContain('curve25519-sha256');
    expect(result.profile).toBe('modern');
    expect(result.authMethods).toEqual(['password', 'keyboard-interactive']);
    expect(result.hostKey?.fingerprint).toBe(device.hostKeyFingerprint);
  });

  it('names the legacy profile for an old device', async () => {
    const device = findDevice(simulator, 'lab-legacy');

    const result = await probeServer({ host: device.address, port: device.port, username: 'netops', timeoutMs: 5000 });

    expect(result.offer.kex).toContain('diffie-hellman-group14-sha1');
    expect(result.offer.kex).not.toContain('curve25519-sha256');
    expect(result.offer.serverHostKey).toEqual(['ssh-rsa']);
    expect(result.profiles[0]?.kex).toBeNull();
    expect(result.profile).toBe('legacy');
    expect(result.profiles[1]).toEqual({ profile: 'legacy', kex: 'diffie-hellman-group14-sha1', serverHostKey: 'ssh-rsa', cipher: 'aes128-cbc', hmac: 'hmac-sha1' });
    expect(result.authMethods).toEqual(['password', 'keyboard-interactive']);
    expect(result.hostKey?.type).toBe('ssh-rsa');
  });

  it('reports a refused port', async () => {
    const port = await closedLoopbackPort();

    const error = await readServerOffer({ host: '127.0.0.1', port, timeoutMs: 5000 }).catch((caught: unknown) => caught);

    expect((error as { kind?: string }).kind).toBe('refused');
  });
});

describe('probeCommand', () => {
  it('prints the offer and the profile to use', async () => {
    const device = findDevice(simulator, 'lab-legacy');
    let text = '';

    const code = await probeCommand({ target: `127.0.0.1:${device.port}`, inventory: null, username: 'netops', timeoutMs: 5000, write: (chunk) => { text += chunk; } });

    expect(code).toBe(0);
    expect(text).toContain(`127.0.0.1:${device.port}: SSH-2.0-Cisco-1.25`);
    expect(text).toContain('auth methods for netops: password, keyboard-interactive');
    expect(text).toContain('profile modern  no common kex, cipher');
    expect(text).toContain('use: ssh.algorithms: legacy');
    expect(text).toContain(device.hostKeyFingerprint);
  });

  it('rejects a malformed target', async () => {
    let text = '';

    const code = await probeCommand({ target: 'fe80::1', inventory: null, username: null, timeoutMs: 5000, write: (chunk) => { text += chunk; } });

    expect(code).toBe(2);
    expect(text).toContain('[address]:port');
  });

  it('rejects a bare name the inventory does not have', async () => {
    let text = '';
    const inventory = path.resolve('inventory.example.yaml');

    const code = await probeCommand({ target: 'sw-campus-99', inventory, username: null, timeoutMs: 5000, write: (chunk) => { text += chunk; } });

    expect(code).toBe(2);
    expect(text).toContain(`"sw-campus-99" is not a host in ${inventory}`);
  });
});

describe('Cisco-1.25 with only group-exchange-sha1', () => {
  const offer = { software: 'Cisco-1.25', kex: ['diffie-hellman-group-exchange-sha1'], serverHostKey: ['ssh-rsa'], cipher: ['aes128-ctr'], hmac: ['hmac-sha1'] };

  it('fits only the legacy profile', () => {
    expect(fitProfile('modern', offer).kex).toBeNull();
    expect(fitProfile('legacy', offer).kex).toBe('diffie-hellman-group-exchange-sha1');
  });

  // ssh2's own server has no group exchange, so this server speaks the
  // protocol by hand up to the client's first key exchange message.
  it.each([
    ['legacy', SSH_MSG_KEX_DH_GEX_REQUEST],
    ['modern', SSH_MSG_DISCONNECT],
  ] as const)('%s client answers KEXINIT with message %i', async (profile, expected) => {
    const server = await startKexInitServer(offer);
    try {
      const client = new Client();
      client.on('error', () => undefined);
      const { ssh2Algorithms, algorithmProfile, offerGroupExchangeToCisco } = await import('../../src/transport/algorithms.js');
      client.connect({ host: '127.0.0.1', port: server.port, username: 'netops', readyTimeout: 5000, algorithms: ssh2Algorithms(algorithmProfile(profile)) });
      if (algorithmProfile(profile).offerGroupExchangeToCisco) {
        offerGroupExchangeToCisco(client);
      }

      const types = await server.clientMessages;
      client.end();

      expect(types[0]).toBe(SSH_MSG_KEXINIT);
      expect(types[1]).toBe(expected);
    } finally {
      server.close();
    }
  });
});

interface KexInitServer {
  port: number;
  /** Message types of the client's first packets, once the client sent two or closed. */
  clientMessages: Promise<number[]>;
  close(): void;
}

async function startKexInitServer(offer: { software: string; kex: string[]; serverHostKey: string[]; cipher: string[]; hmac: string[] }): Promise<KexInitServer> {
  let report: (types: number[]) => void = () => undefined;
  const clientMessages = new Promise<number[]>((resolve) => {
    report = resolve;
  });
  const sockets: net.Socket[] = [];

  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.write(`SSH-2.0-${offer.software}\r\n`);
    socket.write(packet(kexInitPayload(offer)));

    let data = Buffer.alloc(0);
    let identified = false;
    const types: number[] = [];
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (!identified) {
        const end = data.indexOf('\n');
        if (end === -1) {
          return;
        }
        identified = true;
        data = data.subarray(end + 1);
      }
      while (data.length >= 5 && data.length >= 4 + data.readUInt32BE(0)) {
        const length = data.readUInt32BE(0);
        types.push(data.readUInt8(5));
        data = data.subarray(4 + length);
      }
      if (types.length >= 2) {
        report(types);
      }
    });
    socket.on('close', () => report(types));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as net.AddressInfo).port,
    clientMessages,
    close: () => {
      sockets.forEach((socket) => socket.destroy());
      server.close();
    },
  };
}

function kexInitPayload(offer: { kex: string[]; serverHostKey: string[]; cipher: string[]; hmac: string[] }): Buffer {
  const nameList = (names: string[]): Buffer => {
    const text = Buffer.from(names.join(','), 'latin1');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(text.length);
    return Buffer.concat([length, text]);
  };
  const lists = [offer.kex, offer.serverHostKey, offer.cipher, offer.cipher, offer.hmac, offer.hmac, ['none'], ['none'], [], []];
  return Buffer.concat([Buffer.from([SSH_MSG_KEXINIT]), Buffer.alloc(16, 7), ...lists.map(nameList), Buffer.from([0, 0, 0, 0, 0])]);
}

/** Frames a payload as an unencrypted SSH binary packet (RFC 4253 section 6), padded to 8 bytes. */
function packet(payload: Buffer): Buffer {
  let padding = 8 - ((payload.length + 5) % 8);
  if (padding < 4) {
    padding += 8;
  }
  const header = Buffer.alloc(5);
  header.writeUInt32BE(payload.length + padding + 1, 0);
  header.writeUInt8(padding, 4);
  return Buffer.concat([header, payload, Buffer.alloc(padding)]);
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
