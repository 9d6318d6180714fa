// SSH key pairs for the simulator and the tests.
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
