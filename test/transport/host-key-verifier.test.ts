import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createLogger } from '../../src/log/logger.js';
import { checkHostKey, loadKnownHosts, type HostKeyCheck } from '../../src/transport/host-key-verifier.js';
import { generateKeyPair } from '../../src/sim/keys.js';
import { makeTempDir, type TempDir } from '../session/harness.js';

describe('checkHostKey', () => {
  let temp: TempDir;

  beforeAll(async () => {
    temp = await makeTempDir();
  });

  afterAll(async () => {
    await temp.remove();
  });

  function check(file: string): HostKeyCheck {
    return { knownHostsPath: path.join(temp.path, file), mode: 'accept-new', host: '127.0.0.1', port: 2222, logger: createLogger({ level: 'error' }) };
  }

  it('records the key type read from the blob', async () => {
    const pair = generateKeyPair('ed25519');

    const decision = await checkHostKey(check('known_hosts'), pair.parsedPublic.getPublicSSH());

    expect(decision).toEqual({ accepted: true });
    const recorded = await readFile(path.join(temp.path, 'known_hosts'), 'utf8');
    expect(recorded).toMatch(/^\[127\.0\.0\.1\]:2222 ssh-ed25519 AAAA/);
  });

  it('names a missing file in strict mode', async () => {
    const pair = generateKeyPair('ed25519');
    const strict: HostKeyCheck = { ...check('missing/known_hosts'), mode: 'strict' };

    const decision = await checkHostKey(strict, pair.parsedPublic.getPublicSSH());

    expect(decision.accepted).toBe(false);
    const message = decision.accepted ? '' : decision.error.message;
    expect(message).toContain(`known_hosts file ${strict.knownHostsPath} does not exist`);
    expect(message).toContain('--accept-new');
  });

  it('still rejects an unknown key in an existing file', async () => {
    const strict: HostKeyCheck = { ...check('known_hosts'), mode: 'strict', port: 2223 };

    const decision = await checkHostKey(strict, generateKeyPair('ed25519').parsedPublic.getPublicSSH());

    expect(decision.accepted).toBe(false);
    expect(decision.accepted ? '' : decision.error.message).toContain(`host key of [127.0.0.1]:2223 is not in ${strict.knownHostsPath}`);
  });

  it.each([
    ['an empty blob', Buffer.alloc(0)],
    ['a length past the end', Buffer.from([0, 0, 0, 40, 0x73, 0x73, 0x68])],
    ['a zero length', Buffer.from([0, 0, 0, 0, 1, 2, 3])],
    ['a type with control bytes', Buffer.concat([Buffer.from([0, 0, 0, 3]), Buffer.from('a\nb')])],
  ])('rejects %s', async (_name, blob) => {
    const decision = await checkHostKey(check('rejected'), blob);

    expect(decision.accepted).toBe(false);
    expect(decision.accepted ? null : decision.error.message).toContain('could not be parsed');
  });
});

describe('loadKnownHosts', () => {
  let temp: TempDir;

  /** Returns a known_hosts line for a new ed25519 key of 127.0.0.1 on `port`. */
  function knownHostsLine(port: number): string {
    const blob = generateKeyPair('ed25519').parsedPublic.getPublicSSH();
    return `[127.0.0.1]:${port} ssh-ed25519 ${blob.toString('base64')}\n`;
  }

  beforeAll(async () => {
    temp = await makeTempDir();
  });

  afterAll(async () => {
    await temp.remove();
  });

  it('shares one parse between loads at once', async () => {
    const file = path.join(temp.path, 'shared_known_hosts');
    await writeFile(file, knownHostsLine(2222));

    const [first, second] = await Promise.all([loadKnownHosts(file), loadKnownHosts(file)]);

    expect(first).not.toBeNull();
    expect(second).toBe(first);
  });

  it('parses the file again after it changes', async () => {
    const file = path.join(temp.path, 'changed_known_hosts');
    await writeFile(file, knownHostsLine(2222));
    const before = await loadKnownHosts(file);

    await appendFile(file, knownHostsLine(2223));
    const after = await loadKnownHosts(file);

    expect(after).not.toBe(before);
    expect(before?.entriesFor('[127.0.0.1]:2223')).toEqual([]);
    expect(after?.entriesFor('[127.0.0.1]:2223')).toHaveLength(1);
  });

  it('returns null for a missing file', async () => {
    expect(await loadKnownHosts(path.join(temp.path, 'absent_known_hosts'))).toBeNull();
  });
});
