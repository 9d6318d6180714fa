// Host key verification against an OpenSSH known_hosts file, in the modes of
// OpenSSH's StrictHostKeyChecking: strict (yes), accept-new, off (no).
import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

import type { Logger } from '../log/logger.js';
import { TransportError } from './errors.js';
import { formatKnownHostsLine, KnownHostsIndex, knownHostsName, lookupHostKey, parseKnownHosts, sha256Fingerprint } from './known-hosts.js';

export type HostKeyMode = 'strict' | 'accept-new' | 'off';

export interface HostKeyCheck {
  knownHostsPath: string;
  mode: HostKeyMode;
  host: string;
  port: number;
  logger: Logger;
}

/** The decision on one presented host key: accept, or reject with the error to report. */
export type HostKeyDecision = { accepted: true } | { accepted: false; error: TransportError };

/** Checks a host key blob as sent in the key exchange and records it under accept-new. */
export async function checkHostKey(check: HostKeyCheck, keyBlob: Buffer): Promise<HostKeyDecision> {
  const endpoint = knownHostsName(check.host, check.port);
  const fingerprint = sha256Fingerprint(keyBlob);

  if (check.mode === 'off') {
    check.logger.debug('host key not checked', { fingerprint });
    return { accepted: true };
  }

  const keyType = keyTypeOf(keyBlob);
  if (keyType === null) {
    return reject('protocol', `the host key sent by ${endpoint} could not be parsed: the key blob does not start with a key type`);
  }

  let index: KnownHostsIndex | null;
  try {
    index = await loadKnownHosts(check.knownHostsPath);
  } catch (error) {
    return reject('hostkey', `known_hosts file ${check.knownHostsPath} could not be read (${(error as Error).message}); fix its permissions or pass another path`);
  }

  // A missing file in strict mode is more likely a mistyped path than a first connection.
  if (index === null && check.mode === 'strict') {
    return reject('hostkey', `known_hosts file ${check.knownHostsPath} does not exist, so the host key of ${endpoint} (${keyType} ${fingerprint}) cannot be verified. Check the --known-hosts path, or run with --accept-new to create the file and record the key.`);
  }
  index ??= new KnownHostsIndex([]);

  const result = lookupHostKey(index, endpoint, keyType, keyBlob);
  const removeHint = `ssh-keygen -R "${endpoint}" -f ${check.knownHostsPath}`;

  switch (result.status) {
    case 'known':
      check.logger.debug('host key matches known_hosts', { fingerprint, line: result.entry.line });
      return { accepted: true };

    case 'revoked':
      return reject('hostkey', `host key ${keyType} ${fingerprint} of ${endpoint} is marked @revoked at ${check.knownHostsPath}:${result.entry.line}; the connection is rejected. Ask the device owner for the new key and remove the revoked line only if it was marked by mistake.`);

    case 'changed':
      return reject('hostkey', `host key of ${endpoint} has changed: the device sent ${keyType} ${fingerprint}, which differs from the key recorded at ${check.knownHostsPath}:${result.entry.line}. This is a possible man-in-the-middle attack, or the device's key was regenerated. If you have confirmed the new key with the device owner, remove the old entry with \`${removeHint}\` and run again with --accept-new.`);

    case 'unknown':
      if (check.mode === 'strict' && index.certAuthoritiesFor(endpoint).length > 0) {
        const lines = index.certAuthoritiesFor(endpoint).map((entry) => `${check.knownHostsPath}:${entry.line}`).join(', ');
        return reject('hostkey', `host key of ${endpoint} is not in ${check.knownHostsPath}; only a @cert-authority line names this host (${lines}), and sldiag does not support SSH host certificates. The device sent ${keyType} ${fingerprint}: compare it with \`show ip ssh\` on the device, then run again with --accept-new to record the plain key.`);
      }
      if (check.mode === 'strict') {
        return reject('hostkey', `host key of ${endpoint} is not in ${check.knownHostsPath}: the device sent ${keyType} ${fingerprint}. Compare the fingerprint with \`show ip ssh\` / \`show crypto key mypubkey\` on the device, then run again with --accept-new to record it.`);
      }
      return recordNewKey(check, endpoint, keyType, keyBlob, fingerprint);
  }
}

/**
 * Reads the key type (`ssh-ed25519`) from the start of a public key blob in
 * SSH wire format (RFC 4253, section 6.6). ssh2 has already checked the key
 * and its signature during the key exchange, so only the type is needed here,
 * and building a crypto key object per device would cost more.
 */
function keyTypeOf(blob: Buffer): string | null {
  if (blob.length < 4) {
    return null;
  }
  const length = blob.readUInt32BE(0);
  if (length === 0 || length > 64 || blob.length < 4 + length) {
    return null;
  }
  const type = blob.toString('latin1', 4, 4 + length);
  return /^[\x21-\x7e]+$/.test(type) ? type : null;
}

/**
 * Parsed files by path, reused while the file's size and modification time
 * stay the same. The pending parse is stored, so sessions that start together
 * share one read and parse of a large file instead of each making their own.
 */
const knownHostsCache = new Map<string, { version: string; index: Promise<KnownHostsIndex> }>();

/** Reads and indexes a known_hosts file once per change, not once per device; null when the file does not exist. */
export async function loadKnownHosts(path: string): Promise<KnownHostsIndex | null> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') {
      return null;
    }
    throw error;
  });
  if (info === null) {
    return null;
  }

  const version = `${info.size}:${info.mtimeMs}`;
  const cached = knownHostsCache.get(path);
  if (cached !== undefined && cached.version === version) {
    return cached.index;
  }

  const index = readFile(path, 'utf8').then((text) => new KnownHostsIndex(parseKnownHosts(text)));
  knownHostsCache.set(path, { version, index });
  // A failed read is not kept, so the next session reads the file again.
  index.catch(() => {
    if (knownHostsCache.get(path)?.index === index) {
      knownHostsCache.delete(path);
    }
  });
  return index;
}

/** Pending accept-new appends per known_hosts path, so devices connecting at once write whole lines one after the other. */
const appendQueues = new Map<string, Promise<unknown>>();

/**
 * Appends the key under accept-new. Appends to one file run one at a time
 * in this process, and each looks the host up again first, so two sessions
 * to one new device record its key once.
 */
// NOTE: the queue is per process; another program appending to the same file at the same moment is not locked out.
async function recordNewKey(check: HostKeyCheck, endpoint: string, keyType: string, keyBlob: Buffer, fingerprint: string): Promise<HostKeyDecision> {
  const previous = appendQueues.get(check.knownHostsPath) ?? Promise.resolve();
  const task = previous.then(() => appendNewKey(check, endpoint, keyType, keyBlob, fingerprint));
  const settled = task.catch(() => undefined);
  appendQueues.set(check.knownHostsPath, settled);
  void settled.then(() => {
    if (appendQueues.get(check.knownHostsPath) === settled) {
      appendQueues.delete(check.knownHostsPath);
    }
  });
  return task;
}

async function appendNewKey(check: HostKeyCheck, endpoint: string, keyType: string, keyBlob: Buffer, fingerprint: string): Promise<HostKeyDecision> {
  const line = formatKnownHostsLine(endpoint, keyType, keyBlob);

  const current = await loadKnownHosts(check.knownHostsPath).catch(() => null);
  const recheck = lookupHostKey(current ?? new KnownHostsIndex([]), endpoint, keyType, keyBlob);
  if (recheck.status === 'known') {
    check.logger.debug('host key was recorded by a parallel session', { fingerprint, line: recheck.entry.line });
    return { accepted: true };
  }
  if (recheck.status !== 'unknown') {
    return reject('hostkey', `host key of ${endpoint} (${fingerprint}) was not recorded: ${check.knownHostsPath}:${recheck.entry.line} now holds a different or revoked key for it. Run again to see the full error.`);
  }

  try {
    await mkdir(dirname(check.knownHostsPath), { recursive: true });
    const prefix = await needsLeadingNewline(check.knownHostsPath) ? '\n' : '';
    await appendFile(check.knownHostsPath, `${prefix}${line}\n`, { encoding: 'utf8', mode: 0o600 });
  } catch (error) {
    return reject('hostkey', `host key of ${endpoint} (${fingerprint}) could not be recorded in ${check.knownHostsPath}: ${(error as Error).message}`);
  }

  // A warning, as OpenSSH prints one: the key is trusted from now on without having been compared with the device.
  check.logger.warn('host key added to known_hosts on first connection (--accept-new)', { endpoint, keyType, fingerprint, knownHosts: check.knownHostsPath });
  return { accepted: true };
}

async function needsLeadingNewline(path: string): Promise<boolean> {
  try {
    const text = await readFile(path, 'utf8');
    return text.length > 0 && !text.endsWith('\n');
  } catch {
    return false;
  }
}

function reject(kind: 'hostkey' | 'protocol', message: string): HostKeyDecision {
  return { accepted: false, error: new TransportError(kind, message) };
}
