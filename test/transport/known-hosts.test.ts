import { execFile } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { entryMatchesHost, knownHostsName, lookupHostKey, parseKnownHosts, sha256Fingerprint } from '../../src/transport/known-hosts.js';
import { makeTempDir, type TempDir } from '../session/harness.js';
import { generateKeyPair } from '../../src/sim/keys.js';

const run = promisify(execFile);

function newKey(): { type: string; blob: Buffer; line: string } {
  const parsed = generateKeyPair('ed25519').parsedPublic;
  const blob = parsed.getPublicSSH();
  return { type: parsed.type, blob, line: `${parsed.type} ${blob.toString('base64')}` };
}

function hashedName(name: string): string {
  const salt = randomBytes(20);
  const hash = createHmac('sha1', salt).update(name).digest();
  return `|1|${salt.toString('base64')}|${hash.toString('base64')}`;
}

let temp: TempDir;

beforeAll(async () => {
  temp = await makeTempDir();
});

afterAll(async () => {
  await temp.remove();
});

describe('knownHostsName', () => {
  it('writes ports other than 22 in brackets', () => {
    expect(knownHostsName('127.0.0.1', 22)).toBe('127.0.0.1');
    expect(knownHostsName('127.0.0.1', 2222)).toBe('[127.0.0.1]:2222');
  });
});

describe('sha256Fingerprint', () => {
  it('matches ssh-keygen -l', async () => {
    const key = newKey();
    const file = path.join(temp.path, 'key.pub');
    await writeFile(file, `${key.line}\n`);

    const { stdout } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', file]);

    expect(stdout.split(' ')[1]).toBe(sha256Fingerprint(key.blob));
  });
});

describe('entryMatchesHost', () => {
  it.each([
    ['[127.0.0.1]:2222', '[127.0.0.1]:2222', true],
    ['[127.0.0.1]:2222', '[127.0.0.1]:2223', false],
    ['127.0.0.1', '[127.0.0.1]:2222', false],
    ['other,[127.0.0.1]:2222', '[127.0.0.1]:2222', true],
    ['[127.0.0.*]:2222', '[127.0.0.1]:2222', true],
    ['[127.0.0.?]:2222', '[127.0.0.1]:2222', true],
    ['*,![127.0.0.1]:2222', '[127.0.0.1]:2222', false],
    ['*', '[127.0.0.1]:2222', true],
    ['LAB-SW1', 'lab-sw1', true],
  ])('pattern %s against %s is %s', (patterns, name, expected) => {
    expect(entryMatchesHost(patterns, name)).toBe(expected);
  });

  it('matches a hashed name', () => {
    const field = hashedName('[127.0.0.1]:2222');

    expect(entryMatchesHost(field, '[127.0.0.1]:2222')).toBe(true);
    expect(entryMatchesHost(field, '[127.0.0.1]:2223')).toBe(false);
  });
});

describe('parseKnownHosts', () => {
  it('reads markers, comments and line numbers', () => {
    const key = newKey();
    const text = [
      '# comment',
      '',
      `[127.0.0.1]:2222 ${key.line} lab-sw1`,
      `@revoked * ${key.line}`,
      `@cert-authority *.example ${key.line}`,
      '@unknown-marker host ssh-ed25519 AAAA',
      'truncated-line ssh-ed25519',
    ].join('\r\n');

    const entries = parseKnownHosts(text);

    expect(entries.map((entry) => [entry.line, entry.marker, entry.hostPatterns])).toEqual([
      [3, null, '[127.0.0.1]:2222'],
      [4, 'revoked', '*'],
      [5, 'cert-authority', '*.example'],
    ]);
    expect(entries[0]?.key.equals(key.blob)).toBe(true);
  });
});

describe('lookupHostKey', () => {
  const name = '[127.0.0.1]:2222';

  it('finds a known key among several for the host', () => {
    const other = newKey();
    const presented = newKey();
    const entries = parseKnownHosts(`${name} ${other.line}\n${name} ${presented.line}\n`);

    const result = lookupHostKey(entries, name, presented.type, presented.blob);

    expect(result).toMatchObject({ status: 'known', entry: { line: 2 } });
  });

  it('reports a different key of the same type as changed', () => {
    const recorded = newKey();
    const presented = newKey();
    const entries = parseKnownHosts(`${name} ${recorded.line}\n`);

    const result = lookupHostKey(entries, name, presented.type, presented.blob);

    expect(result).toMatchObject({ status: 'changed', entry: { line: 1 } });
  });

  it('treats a host recorded with other key types as unknown', () => {
    const presented = newKey();
    const entries = parseKnownHosts(`${name} ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ==\n`);

    expect(lookupHostKey(entries, name, presented.type, presented.blob).status).toBe('unknown');
  });

  it('puts a revoked mark before a matching entry', () => {
    const presented = newKey();
    const entries = parseKnownHosts(`${name} ${presented.line}\n@revoked ${name} ${presented.line}\n`);

    expect(lookupHostKey(entries, name, presented.type, presented.blob).status).toBe('revoked');
  });

  it('ignores entries for other hosts', () => {
    const presented = newKey();
    const entries = parseKnownHosts(`[127.0.0.1]:2223 ${presented.line}\n`);

    expect(lookupHostKey(entries, name, presented.type, presented.blob).status).toBe('unknown');
  });
});
