// What an SSH server offers, read without logging in: its identification and
// KEXINIT lists (RFC 4253 section 7.1, sent in clear before any key exchange),
// and the authentication methods it lists in answer to a `none` request
// (RFC 4252 section 5.2). No password, key or other secret is ever sent.
import net from 'node:net';

import ssh2 from 'ssh2';
import type { AuthenticationType, NextAuthHandler } from 'ssh2';

import { algorithmProfile, ALGORITHM_PROFILES, offerGroupExchangeToCisco, offeredAlgorithms, ssh2Algorithms, type AlgorithmProfileName } from './algorithms.js';
import { classifySshError, TransportError } from './errors.js';
import { sha256Fingerprint } from './known-hosts.js';

const { Client } = ssh2;

const SSH_MSG_KEXINIT = 20;
/** RFC 4253 section 6.1: implementations must handle packets of at least 35000 bytes. */
const MAX_PACKET_BYTES = 35_000;

export interface ServerOffer {
  /** The identification line without `SSH-2.0-`, e.g. `Cisco-1.25`. */
  software: string;
  kex: string[];
  serverHostKey: string[];
  cipher: string[];
  hmac: string[];
}

export interface ProfileFit {
  profile: AlgorithmProfileName;
  /** The algorithms this profile would negotiate, or null where nothing matches. */
  kex: string | null;
  serverHostKey: string | null;
  cipher: string | null;
  hmac: string | null;
}

export interface ProbeResult {
  offer: ServerOffer;
  /** One entry per profile, in the order modern, legacy. */
  profiles: ProfileFit[];
  /** The first profile that would connect, or null when none would. */
  profile: AlgorithmProfileName | null;
  /** Authentication methods listed for `username`, or null when the login step was not reached. */
  authMethods: AuthenticationType[] | null;
  hostKey: { type: string; fingerprint: string } | null;
}

export interface ProbeOptions {
  host: string;
  port: number;
  /** Sent with the `none` request; servers list methods per user. */
  username: string;
  timeoutMs: number;
}

/** Reads the server's offer and its authentication methods. Throws TransportError when the server cannot be reached. */
export async function probeServer(options: ProbeOptions): Promise<ProbeResult> {
  const offer = await readServerOffer(options);
  const profiles = ALGORITHM_PROFILES.map((name) => fitProfile(name, offer));
  const profile = profiles.find(isComplete)?.profile ?? null;

  let authMethods: AuthenticationType[] | null = null;
  let hostKey: ProbeResult['hostKey'] = null;
  if (profile !== null) {
    ({ authMethods, hostKey } = await readAuthMethods(options, profile));
  }

  return { offer, profiles, profile, authMethods, hostKey };
}

function isComplete(fit: ProfileFit): boolean {
  return fit.kex !== null && fit.serverHostKey !== null && fit.cipher !== null && fit.hmac !== null;
}

/**
 * Returns what a profile would negotiate: the client's first algorithm the
 * server also lists (RFC 4253 section 7.1). Like ssh2 1.17, a profile without
 * the Cisco group-exchange option does not offer group-exchange to `Cisco-1.25`.
 */
export function fitProfile(name: AlgorithmProfileName, offer: ServerOffer): ProfileFit {
  const profile = algorithmProfile(name);
  const client = offeredAlgorithms(profile);
  const kex = offer.software === 'Cisco-1.25' && !profile.offerGroupExchangeToCisco ? client.kex.filter((method) => !method.includes('group-exchange')) : client.kex;
  const pick = (ours: string[], theirs: string[]): string | null => ours.find((algorithm) => theirs.includes(algorithm)) ?? null;

  return {
    profile: name,
    kex: pick(kex, offer.kex),
    serverHostKey: pick(client.serverHostKey, offer.serverHostKey),
    cipher: pick(client.cipher, offer.cipher),
    hmac: pick(client.hmac, offer.hmac),
  };
}

/** Connects over TCP, sends an identification and reads the server's identification and KEXINIT. */
export async function readServerOffer(options: Pick<ProbeOptions, 'host' | 'port' | 'timeoutMs'>): Promise<ServerOffer> {
  const endpoint = `${options.host}:${options.port}`;
  const socket = net.connect({ host: options.host, port: options.port });
  socket.setTimeout(options.timeoutMs);

  try {
    return await new Promise<ServerOffer>((resolve, reject) => {
      let received: Buffer = Buffer.alloc(0);
      let software: string | null = null;

      socket.once('connect', () => socket.write('SSH-2.0-sldiag_probe\r\n'));
      socket.once('timeout', () => reject(new TransportError('timeout', `${endpoint} sent no SSH key exchange offer within ${options.timeoutMs / 1000} s`)));
      socket.once('error', (error) => reject(classifySshError(error, endpoint)));
      socket.once('close', () => reject(new TransportError('disconnected', `${endpoint} closed the connection before sending its SSH key exchange offer`)));
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        try {
          if (software === null) {
            const parsed = takeIdentification(received, endpoint);
            if (parsed === null) {
              return;
            }
            software = parsed.software;
            received = parsed.rest;
          }
          const payload = takePacket(received, endpoint);
          if (payload !== null) {
            resolve({ software, ...parseKexInit(payload, endpoint) });
          }
        } catch (error) {
          reject(error);
        }
      });
    });
  } finally {
    socket.destroy();
  }
}

/** Finds the `SSH-` line; servers may send other lines before it (RFC 4253 section 4.2). */
function takeIdentification(data: Buffer, endpoint: string): { software: string; rest: Buffer } | null {
  let start = 0;
  for (;;) {
    const end = data.indexOf('\n', start);
    if (end === -1) {
      if (data.length > 8192) {
        throw new TransportError('protocol', `${endpoint} sent no SSH identification line in its first 8 KiB; it is probably not an SSH server`);
      }
      return null;
    }
    const line = data.subarray(start, end).toString('latin1').replace(/\r$/, '');
    if (line.startsWith('SSH-')) {
      const match = /^SSH-(?:2\.0|1\.99)-(\S+)/.exec(line);
      if (match === null) {
        throw new TransportError('protocol', `${endpoint} sent an unsupported SSH identification "${line}"; only SSH protocol 2.0 is supported`);
      }
      return { software: match[1] ?? '', rest: data.subarray(end + 1) };
    }
    start = end + 1;
  }
}

function takePacket(data: Buffer, endpoint: string): Buffer | null {
  if (data.length < 5) {
    return null;
  }
  const length = data.readUInt32BE(0);
  if (length > MAX_PACKET_BYTES) {
    throw new TransportError('protocol', `${endpoint} sent a first packet of ${length} bytes, more than SSH allows before key exchange`);
  }
  if (data.length < 4 + length) {
    return null;
  }
  const padding = data.readUInt8(4);
  return data.subarray(5, 4 + length - padding);
}

/** Parses an SSH_MSG_KEXINIT payload into its first eight name-lists. */
export function parseKexInit(payload: Buffer, endpoint: string): Omit<ServerOffer, 'software'> {
  if (payload[0] !== SSH_MSG_KEXINIT) {
    throw new TransportError('protocol', `${endpoint} sent message ${payload[0]} where the key exchange offer (KEXINIT, 20) belongs`);
  }

  const lists: string[][] = [];
  let offset = 17;
  for (let index = 0; index < 8; index += 1) {
    if (offset + 4 > payload.length) {
      throw new TransportError('protocol', `${endpoint} sent a truncated key exchange offer`);
    }
    const length = payload.readUInt32BE(offset);
    const text = payload.subarray(offset + 4, offset + 4 + length).toString('latin1');
    lists.push(text === '' ? [] : text.split(','));
    offset += 4 + length;
  }

  // Lists 2 and 4 are client-to-server cipher and MAC; servers list the same in both directions in practice.
  return { kex: lists[0] ?? [], serverHostKey: lists[1] ?? [], cipher: lists[2] ?? [], hmac: lists[4] ?? [] };
}

async function readAuthMethods(options: ProbeOptions, profileName: AlgorithmProfileName): Promise<Pick<ProbeResult, 'authMethods' | 'hostKey'>> {
  const endpoint = `${options.host}:${options.port}`;
  const profile = algorithmProfile(profileName);
  const client = new Client();
  let hostKey: ProbeResult['hostKey'] = null;
  let methods: AuthenticationType[] | null = null;

  await new Promise<void>((resolve, reject) => {
    client.once('error', (error: Error) => {
      // Ending authentication on purpose makes ssh2 report "All configured authentication methods failed".
      if (methods !== null) {
        resolve();
        return;
      }
      reject(classifySshError(error, endpoint));
    });
    client.once('ready', () => resolve());
    client.once('close', () => resolve());
    client.connect({
      host: options.host,
      port: options.port,
      username: options.username,
      readyTimeout: options.timeoutMs,
      algorithms: ssh2Algorithms(profile),
      // Only the `none` method follows, which carries the user name and nothing secret.
      hostVerifier: (key: Buffer) => {
        const parsed = ssh2.utils.parseKey(key);
        hostKey = { type: parsed instanceof Error ? 'unknown' : parsed.type, fingerprint: sha256Fingerprint(key) };
        return true;
      },
      authHandler: (methodsLeft: AuthenticationType[] | null, _partial: boolean | null, next: NextAuthHandler) => {
        if (methodsLeft === null) {
          next({ type: 'none', username: options.username });
          return;
        }
        methods = methodsLeft;
        (next as unknown as (auth: false) => void)(false);
      },
    });
    if (profile.offerGroupExchangeToCisco) {
      offerGroupExchangeToCisco(client);
    }
  }).finally(() => client.end());

  return { authMethods: methods, hostKey };
}
