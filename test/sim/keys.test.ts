import ssh2 from 'ssh2';
import { describe, expect, it } from 'vitest';

import { generateKeyPair, parseHostKey } from '../../src/sim/keys.js';

const { utils } = ssh2;

describe('parseHostKey', () => {
  it('signs an ed25519 key as ssh2 does', () => {
    const pair = generateKeyPair('ed25519');
    const data = Buffer.from('exchange hash of one key exchange');
    const reference = utils.parseKey(pair.private);
    if (reference instanceof Error) {
      throw reference;
    }

    const key = parseHostKey(pair.private);
    const signature = key.sign(data);

    // Its own signer, not ssh2's, which parses the PEM text again for every signature.
    expect(Object.hasOwn(key, 'sign')).toBe(true);
    expect(signature).toEqual(reference.sign(data));
    expect(pair.parsedPublic.verify(data, signature)).toBe(true);
  });

  it('keeps an RSA key as ssh2 parsed it', () => {
    const pair = generateKeyPair('rsa', { bits: 2048 });
    const data = Buffer.from('exchange hash');

    const key = parseHostKey(pair.private);

    expect(key.type).toBe('ssh-rsa');
    expect(pair.parsedPublic.verify(data, key.sign(data))).toBe(true);
  });

  it('names a key it cannot parse', () => {
    expect(() => parseHostKey('not a key')).toThrow("the simulator's host key could not be parsed");
  });
});
