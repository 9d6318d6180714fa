// SSH algorithm profiles. Each one extends ssh2's default lists rather than
// replacing them, so a profile never loses an algorithm a modern device needs.
import { createRequire } from 'node:module';

import type { Algorithms } from 'ssh2';

interface Ssh2Constants {
  DEFAULT_KEX: string[];
  DEFAULT_SERVER_HOST_KEY: string[];
  DEFAULT_CIPHER: string[];
  DEFAULT_MAC: string[];
  SUPPORTED_KEX: string[];
  SUPPORTED_SERVER_HOST_KEY: string[];
  SUPPORTED_CIPHER: string[];
  SUPPORTED_MAC: string[];
}

// ssh2 exports no list of its defaults; this module is where it keeps them
// (ssh2 1.17), and the lists depend on what the local OpenSSL provides.
const constants = createRequire(import.meta.url)('ssh2/lib/protocol/constants.js') as Ssh2Constants;

export const ALGORITHM_PROFILES = ['modern', 'legacy'] as const;

export type AlgorithmProfileName = (typeof ALGORITHM_PROFILES)[number];

export interface AlgorithmProfile {
  name: AlgorithmProfileName;
  /** Names added after ssh2's defaults, per list. */
  kex: readonly string[];
  serverHostKey: readonly string[];
  cipher: readonly string[];
  hmac: readonly string[];
  /**
   * ssh2 (1.17) withholds every `diffie-hellman-group-exchange-*` method from
   * servers whose identification is `Cisco-1.25`. When true, the connection
   * offers them anyway, so a device with only group-exchange can be reached.
   */
  offerGroupExchangeToCisco: boolean;
}

const MODERN: AlgorithmProfile = Object.freeze({
  name: 'modern',
  kex: [],
  serverHostKey: [],
  cipher: [],
  hmac: [],
  offerGroupExchangeToCisco: false,
});

/** What older IOS and IOS XE releases offer when `ip ssh server algorithm` was never set. */
const LEGACY: AlgorithmProfile = Object.freeze({
  name: 'legacy',
  kex: ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'],
  serverHostKey: ['ssh-rsa'],
  cipher: ['aes128-cbc', 'aes192-cbc', 'aes256-cbc', '3des-cbc'],
  hmac: ['hmac-sha1', 'hmac-sha1-96'],
  offerGroupExchangeToCisco: true,
});

export function algorithmProfile(name: AlgorithmProfileName): AlgorithmProfile {
  return name === 'legacy' ? LEGACY : MODERN;
}

/** The lists a client with this profile offers, in ssh2's order of preference. */
export interface OfferedAlgorithms {
  kex: string[];
  serverHostKey: string[];
  cipher: string[];
  hmac: string[];
}

/** Returns what a connection with this profile offers: ssh2's defaults, then the profile's additions this OpenSSL supports. */
export function offeredAlgorithms(profile: AlgorithmProfile): OfferedAlgorithms {
  const extend = (defaults: string[], supported: string[], extra: readonly string[]): string[] => {
    const added = extra.filter((name) => supported.includes(name) && !defaults.includes(name));
    return [...defaults, ...added];
  };

  return {
    kex: extend(constants.DEFAULT_KEX, constants.SUPPORTED_KEX, profile.kex),
    serverHostKey: extend(constants.DEFAULT_SERVER_HOST_KEY, constants.SUPPORTED_SERVER_HOST_KEY, profile.serverHostKey),
    cipher: extend(constants.DEFAULT_CIPHER, constants.SUPPORTED_CIPHER, profile.cipher),
    hmac: extend(constants.DEFAULT_MAC, constants.SUPPORTED_MAC, profile.hmac),
  };
}

/** Builds ssh2's `algorithms` option: the profile's names appended to ssh2's defaults. */
export function ssh2Algorithms(profile: AlgorithmProfile): Algorithms {
  const offered = offeredAlgorithms(profile);
  const defaults = offeredAlgorithms(MODERN);
  const append = (all: string[], base: string[]) => ({ append: all.filter((name) => !base.includes(name)) }) as unknown;

  // @types/ssh2 types the append form as needing append, prepend and remove together; ssh2 accepts any of them alone.
  return {
    kex: append(offered.kex, defaults.kex),
    serverHostKey: append(offered.serverHostKey, defaults.serverHostKey),
    cipher: append(offered.cipher, defaults.cipher),
    hmac: append(offered.hmac, defaults.hmac),
  } as Algorithms;
}

interface ProtocolWithCompatFlags {
  _compatFlags: number;
}

/**
 * Makes an ssh2 client offer group-exchange to `Cisco-1.25` servers. Call it
 * right after `client.connect()`, which creates the protocol object
 * synchronously; the flag is read only once the server's identification
 * arrives. Only the BAD_DHGEX bit is cleared: ssh2 still asks Cisco servers
 * for the smaller group sizes they handle (its BUG_DHGEX_LARGE flag).
 */
// NOTE: this reaches into ssh2's private `_protocol._compatFlags` (ssh2 1.17).
// A test connects to a `Cisco-1.25` server that offers only
// diffie-hellman-group-exchange-sha1, so an ssh2 upgrade that moves the flag fails there.
export function offerGroupExchangeToCisco(client: object): void {
  const protocol = (client as { _protocol?: ProtocolWithCompatFlags })._protocol;
  if (protocol === undefined) {
    return;
  }

  const badGroupExchange = (createRequire(import.meta.url)('ssh2/lib/protocol/constants.js') as { COMPAT: { BAD_DHGEX: number } }).COMPAT.BAD_DHGEX;
  let flags = protocol._compatFlags;
  Object.defineProperty(protocol, '_compatFlags', {
    configurable: true,
    enumerable: true,
    get: () => flags & ~badGroupExchange,
    set: (value: number) => {
      flags = value;
    },
  });
}
