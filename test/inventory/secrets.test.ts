import * as path from 'node:path';

import { describe, expect, it } from 'vitest';

import { resolveSecret, SecretError } from '../../src/inventory/secrets.js';
import { FIXTURES } from './helpers.js';

const SECRETS = path.join(FIXTURES, 'relative', 'secrets');

async function failureOf(promise: Promise<string>): Promise<SecretError> {
  const error = await promise.catch((caught: unknown) => caught);
  if (!(error instanceof SecretError)) {
    throw new Error(`expected a SecretError, got ${String(error)}`);
  }
  return error;
}

describe('resolveSecret', () => {
  it('env variable value', async () => {
    const secret = await resolveSecret({ kind: 'env', name: 'SLDIAG_TEST_PASSWORD' }, { SLDIAG_TEST_PASSWORD: 's3cret' });

    expect(secret).toBe('s3cret');
  });

  it('missing env variable named', async () => {
    const env = { OTHER: 'do-not-show' };
    const error = await failureOf(
      resolveSecret({ kind: 'env', name: 'SLDIAG_TEST_PASSWORD' }, env, { host: 'sw-01', key: 'password' }),
    );

    expect(error.message).toContain('SLDIAG_TEST_PASSWORD');
    expect(error.message).toContain('sw-01');
    expect(error.message).toContain('password');
    expect(error.message).not.toContain('do-not-show');
  });

  it('empty env variable rejected', async () => {
    const error = await failureOf(resolveSecret({ kind: 'env', name: 'EMPTY' }, { EMPTY: '' }));

    expect(error.message).toContain('EMPTY is empty');
  });

  it('default env is process.env', async () => {
    process.env.SLDIAG_TEST_DEFAULT_ENV = 'from-process';
    try {
      await expect(resolveSecret({ kind: 'env', name: 'SLDIAG_TEST_DEFAULT_ENV' })).resolves.toBe('from-process');
    } finally {
      delete process.env.SLDIAG_TEST_DEFAULT_ENV;
    }
  });

  it('file without final newline', async () => {
    const secret = await resolveSecret({ kind: 'file', path: path.join(SECRETS, 'password.txt') });

    expect(secret).toBe('correct horse battery staple');
  });

  it('file with CRLF ending', async () => {
    const secret = await resolveSecret({ kind: 'file', path: path.join(SECRETS, 'crlf.txt') });

    expect(secret).toBe('crlf secret');
  });

  it('file loses one newline only', async () => {
    const secret = await resolveSecret({ kind: 'file', path: path.join(SECRETS, 'two-newlines.txt') });

    expect(secret).toBe('two newlines\n');
  });

  it('missing file named with host', async () => {
    const missing = path.join(SECRETS, 'absent.txt');
    const error = await failureOf(resolveSecret({ kind: 'file', path: missing }, {}, { host: 'sw-01', key: 'enable' }));

    expect(error.message).toContain(`secret file ${missing} not found`);
    expect(error.message).toContain('host sw-01: enable');
  });

  it('folder in place of a file', async () => {
    const error = await failureOf(resolveSecret({ kind: 'file', path: SECRETS }, {}, { host: 'sw-01', key: 'enable' }));

    expect(error.message).toContain(`secret file ${SECRETS} is a folder`);
  });
});
