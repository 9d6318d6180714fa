// OpenSSH known_hosts parsing and lookup, as sshd(8) "SSH_KNOWN_HOSTS FILE
// FORMAT" describes it: optional marker, comma-separated host patterns
// (`*`, `?`, `!` negation, `[host]:port` for ports other than 22), hashed
// `|1|salt|hmac` names, key type, base64 key, optional comment.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type KnownHostsMarker = 'revoked' | 'cert-authority' | null;

export interface KnownHostsEntry {
  /** 1-based line number in the file. */
  line: number;
  marker: KnownHostsMarker;
  hostPatterns: string;
  keyType: string;
  key: Buffer;
}

export type HostKeyStatus =
  | { status: 'known'; entry: KnownHostsEntry }
  | { status: 'unknown' }
  | { status: 'changed'; entry: KnownHostsEntry }
  | { status: 'revoked'; entry: KnownHostsEntry };

/** Returns the name OpenSSH writes and hashes for a host: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** Returns the OpenSSH fingerprint of a public key blob: `SHA256:` and unpadded base64. */
export function sha256Fingerprint(keyBlob: Buffer): string {
  const digest = createHash('sha256').update(keyBlob).digest('base64');
  return `SHA256:${digest.replace(/=+$/, '')}`;
}

/** Parses known_hosts text. Lines that are comments, blank or malformed are skipped. */
export function parseKnownHosts(text: string): KnownHostsEntry[] {
  const entries: KnownHostsEntry[] = [];
  const lines = text.split(/\r?\n/);

  lines.forEach((raw, index) => {
    const entry = parseLine(raw.trim(), index + 1);
    if (entry !== null) {
      entries.push(entry);
    }
  });

  return entries;
}

function parseLine(line: string, lineNumber: number): KnownHostsEntry | null {
  if (line === '' || line.startsWith('#')) {
    return null;
  }

  const fields = line.split(/\s+/);
  let marker: KnownHostsMarker = null;
  if (fields[0]?.startsWith('@')) {
    const name = fields.shift();
    if (name === '@revoked') {
      marker = 'revoked';
    } else if (name === '@cert-authority') {
      marker = 'cert-authority';
    } else {
      return null;
    }
  }

  const [hostPatterns, keyType, keyBase64] = fields;
  if (hostPatterns === undefined || keyType === undefined || keyBase64 === undefined) {
    return null;
  }

  const key = Buffer.from(keyBase64, 'base64');
  if (key.length === 0) {
    return null;
  }

  return { line: lineNumber, marker, hostPatterns, keyType, key };
}

/** Tells whether an entry's host field names this host (`name` as knownHostsName returns it). */
export function entryMatchesHost(hostPatterns: string, name: string): boolean {
  if (hostPatterns.startsWith('|1|')) {
    return hashedNameMatches(hostPatterns, name);
  }

  let matched = false;
  for (const pattern of hostPatterns.split(',')) {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    if (!wildcardMatches(body.toLowerCase(), name.toLowerCase())) {
      continue;
    }
    if (negated) {
      return false;
    }
    matched = true;
  }

  return matched;
}

function hashedNameMatches(field: string, name: string): boolean {
  const [, , saltBase64, hashBase64] = field.split('|');
  if (saltBase64 === undefined || hashBase64 === undefined) {
    return false;
  }

  const expected = Buffer.from(hashBase64, 'base64');
  const actual = createHmac('sha1', Buffer.from(saltBase64, 'base64')).update(name).digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Compiled host patterns: a fleet run matches the same patterns once per device. */
const patternCache = new Map<string, RegExp>();

function wildcardMatches(pattern: string, name: string): boolean {
  let regex = patternCache.get(pattern);
  if (regex === undefined) {
    const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    regex = new RegExp(`^${escaped.replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    patternCache.set(pattern, regex);
  }
  return regex.test(name);
}

/**
 * Entries grouped for lookup: plain host names go into a map, so finding a
 * host's entries does not scan the whole file; hashed, wildcard and negated
 * entries are few in practice and are matched one by one.
 */
export class KnownHostsIndex {
  private readonly byName = new Map<string, KnownHostsEntry[]>();
  private readonly patterned: KnownHostsEntry[] = [];
  /** `@cert-authority` lines: never used to accept a key, only named when a host is unknown. */
  private readonly certAuthorities: KnownHostsEntry[] = [];

  constructor(entries: readonly KnownHostsEntry[]) {
    for (const entry of entries) {
      if (entry.marker === 'cert-authority') {
        this.certAuthorities.push(entry);
        continue;
      }
      if (entry.hostPatterns.startsWith('|1|') || /[*?!]/.test(entry.hostPatterns)) {
        this.patterned.push(entry);
        continue;
      }
      for (const name of entry.hostPatterns.toLowerCase().split(',')) {
        const list = this.byName.get(name) ?? [];
        list.push(entry);
        this.byName.set(name, list);
      }
    }
  }

  /** `@cert-authority` entries whose host field names this host, in file order. */
  certAuthoritiesFor(name: string): KnownHostsEntry[] {
    return this.certAuthorities.filter((entry) => entryMatchesHost(entry.hostPatterns, name));
  }

  /** Entries whose host field names this host, in file order. */
  entriesFor(name: string): KnownHostsEntry[] {
    const exact = this.byName.get(name.toLowerCase()) ?? [];
    const matched = this.patterned.filter((entry) => entryMatchesHost(entry.hostPatterns, name));
    return matched.length === 0 ? exact : [...exact, ...matched].sort((a, b) => a.line - b.line);
  }
}

/**
 * Looks a presented host key up. A matching `@revoked` line wins over
 * everything. Next, an equal key makes the host known, and a different key of
 * the same type makes it changed. A host recorded only with other key types
 * is unknown, as OpenSSH treats it.
 */
export function lookupHostKey(
  source: KnownHostsIndex | readonly KnownHostsEntry[],
  name: string,
  keyType: string,
  key: Buffer,
): HostKeyStatus {
  const index = source instanceof KnownHostsIndex ? source : new KnownHostsIndex(source);
  const forHost = index.entriesFor(name);

  const revoked = forHost.find((entry) => entry.marker === 'revoked' && entry.key.equals(key));
  if (revoked !== undefined) {
    return { status: 'revoked', entry: revoked };
  }

  const plain = forHost.filter((entry) => entry.marker === null);
  const known = plain.find((entry) => entry.key.equals(key));
  if (known !== undefined) {
    return { status: 'known', entry: known };
  }

  const changed = plain.find((entry) => entry.keyType === keyType);
  if (changed !== undefined) {
    return { status: 'changed', entry: changed };
  }

  return { status: 'unknown' };
}

/** Formats the line accept-new appends: `[host]:port type base64`. */
export function formatKnownHostsLine(name: string, keyType: string, key: Buffer): string {
  return `${name} ${keyType} ${key.toString('base64')}`;
}
