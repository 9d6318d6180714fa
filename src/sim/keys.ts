// SSH key pairs for the simulator and the tests.
import { createPrivateKey, sign } from 'node:crypto';

import ssh2 from 'ssh2';
import type { ParsedKey } from 'ssh2';

const { utils } = ssh2;

export interface KeyPairOptions {
  bits?: number;
  passphrase?: string;
  cipher?: string;
  rounds?: number;
}

export interface GeneratedKeyPair {
  private: string;
  public: string;
  parsedPublic: ParsedKey;
}

/**
 * Generates a key pair that ssh2 can read back. ssh2 1.17 writes an ed25519
 * key whose first byte is zero with 31 bytes instead of 32 (about one key in
 * 256) and then rejects it as malformed; such a key is generated again, and
 * ten tries make a failure all but impossible.
 */
export function generateKeyPair(type: 'rsa' | 'ed25519', options: KeyPairOptions = {}): GeneratedKeyPair {
  let lastError: Error | null = null;

  for (let attempt = 0; attempt < 10; attempt += 1) {
    // The ssh2 typings split options by key type; the options given here suit the type asked for.
    const pair = (utils.generateKeyPairSync as (type: string, options: KeyPairOptions) => { private: string; public: string })(type, options);
    const parsedPublic = utils.parseKey(pair.public);
    const parsedPrivate = utils.parseKey(pair.private, options.passphrase);
    if (!(parsedPublic instanceof Error) && !(parsedPrivate instanceof Error)) {
      return { private: pair.private, public: pair.public, parsedPublic };
    }
    lastError = parsedPublic instanceof Error ? parsedPublic : (parsedPrivate as Error);
  }

  throw new Error(`could not generate a usable ${type} key: ${lastError?.message}`);
}

/**
 * Parses a private host key for an ssh2 Server. An ed25519 key gets a signing
 * function that reuses one crypto key object: ssh2 1.17 parses the key's PEM
 * text again for every signature, which made each simulated key exchange cost
 * about half a millisecond of CPU. The signatures are the same, because
 * ed25519 signing is deterministic.
 */
export function parseHostKey(privateKey: string): ParsedKey {
  const parsed = utils.parseKey(privateKey);
  if (parsed instanceof Error) {
    throw new Error(`the simulator's host key could not be parsed: ${parsed.message}`);
  }
  if (parsed.type !== 'ssh-ed25519') {
    return parsed;
  }

  const keyObject = createPrivateKey(parsed.getPrivatePEM());
  // Like ssh2's own signer, a failure is returned, not thrown, although the typings promise a Buffer.
  const signOrError = (data: Buffer | string): Buffer | Error => {
    try {
      return sign(null, typeof data === 'string' ? Buffer.from(data) : data, keyObject);
    } catch (error) {
      return error as Error;
    }
  };
  parsed.sign = signOrError as ParsedKey['sign'];
  return parsed;
}
