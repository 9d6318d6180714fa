import { describe, expect, it } from 'vitest';

import { classifySshError } from '../../src/transport/errors.js';

function socketError(code: string): Error {
  return Object.assign(new Error(`getaddrinfo ${code} nosuchhost`), { code, level: 'client-socket' });
}

describe('classifySshError', () => {
  it('reports a name that does not resolve as refused', () => {
    const error = classifySshError(socketError('ENOTFOUND'), 'nosuchhost:22');

    expect(error.kind).toBe('refused');
    expect(error.message).toBe(
      'host name in nosuchhost:22 does not resolve (ENOTFOUND); check the hostname in the inventory and the DNS servers of this machine',
    );
  });

  it('reports no route as refused', () => {
    expect(classifySshError(socketError('EHOSTUNREACH'), '192.0.2.1:22').kind).toBe('refused');
  });

  it('keeps unknown SSH errors as protocol', () => {
    expect(classifySshError(new Error('Handshake failed: no matching key exchange algorithm'), '127.0.0.1:22').kind).toBe('protocol');
  });
});
