// Turns the ssh_config settings for one host into a settings layer that sits
// just above the built-in defaults: every inventory layer (defaults, groups,
// the host) wins over it, and it fills only what they leave out.
import type { RawJumpHop, RawSettings } from './schema.js';
import { firstUsableIdentityFile, type SshConfig } from './ssh-config.js';

export interface SshConfigLayer {
  settings: RawSettings;
  /** HostName for the host, which replaces the inventory hostname as the address to connect to. */
  hostName: string | null;
  /** Problems with the host's own values (for example a Port that is no number). */
  problems: string[];
  /** Problems with the ProxyJump hops; they count only when no inventory layer sets `jump`. */
  jumpProblems: string[];
}

/**
 * Builds the ssh_config layer for the host the inventory calls `hostname`,
 * the name a user would give to `ssh`. `username` is the user the inventory
 * sets, if any, for `%r` in IdentityFile paths.
 */
export function sshConfigLayer(config: SshConfig, hostname: string, username: string | undefined): SshConfigLayer {
  const found = config.lookup(hostname);
  const settings: RawSettings = {};
  const problems: string[] = [];
  const jumpProblems: string[] = [];

  if (found.port !== null) {
    const port = parsePort(found.port);
    if (port === null) {
      problems.push(`${config.file} sets Port "${found.port}" for ${hostname}, which is not a TCP port from 1 to 65535; fix it there, or set port in the inventory`);
    } else {
      settings.port = port;
    }
  }

  if (found.user !== null) {
    settings.username = found.user;
  }

  const user = username ?? found.user ?? '';
  const identity = firstUsableIdentityFile(found.identityFiles, { host: found.hostName ?? hostname, user });
  if (identity !== null) {
    settings.privateKey = identity;
  }

  if (found.proxyJump !== null) {
    settings.jump = proxyJumpHops(config, found.proxyJump, jumpProblems);
  }

  return { settings, hostName: found.hostName, problems, jumpProblems };
}

/**
 * Parses a ProxyJump value, `none` or a comma-separated list of
 * `[user@]host[:port]` or `ssh://[user@]host[:port]`, and looks each hop up in
 * the same file for HostName, User, Port and IdentityFile. A hop needs a user
 * and a usable IdentityFile, because sldiag cannot ask for a password.
 */
function proxyJumpHops(config: SshConfig, value: string, problems: string[]): RawJumpHop[] | null {
  if (value.trim().toLowerCase() === 'none') {
    return null;
  }

  const hops: RawJumpHop[] = [];
  for (const spec of value.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const parsed = parseJumpSpec(spec);
    if (parsed === null) {
      problems.push(`${config.file}: ProxyJump hop "${spec}" is not [user@]host[:port]; fix it there, or set jump in the inventory`);
      continue;
    }

    const found = config.lookup(parsed.host);
    const username = parsed.user ?? found.user;
    const port = parsed.port ?? (found.port === null ? 22 : parsePort(found.port));
    const hostname = found.hostName ?? parsed.host;
    const privateKey = firstUsableIdentityFile(found.identityFiles, { host: hostname, user: username ?? '' });

    if (username === null) {
      problems.push(`${config.file}: ProxyJump hop ${spec} has no user; write it as user@${spec} or add a User line for it`);
      continue;
    }
    if (port === null) {
      problems.push(`${config.file}: ProxyJump hop ${spec} has an invalid Port; use a TCP port from 1 to 65535`);
      continue;
    }
    if (privateKey === null) {
      problems.push(`${config.file}: ProxyJump hop ${spec} has no IdentityFile with a key readable without a passphrase; add one for it there, or set jump with a credential in the inventory`);
      continue;
    }

    hops.push({ hostname, port, username, privateKey });
  }

  return hops;
}

interface JumpSpec {
  user: string | null;
  host: string;
  port: number | null;
}

function parseJumpSpec(spec: string): JumpSpec | null {
  const match = /^(?:ssh:\/\/)?(?:([^@\s]+)@)?(\[[^\]\s]+\]|[^:@\s[\]]+)(?::(\d+))?\/?$/.exec(spec);
  if (match === null) {
    return null;
  }

  const port = match[3] === undefined ? null : parsePort(match[3]);
  if (match[3] !== undefined && port === null) {
    return null;
  }

  const host = (match[2] ?? '').replace(/^\[(.*)\]$/, '$1');
  return { user: match[1] ?? null, host, port };
}

function parsePort(value: string): number | null {
  if (!/^\d{1,5}$/.test(value.trim())) {
    return null;
  }
  const port = Number(value);
  return port >= 1 && port <= 65535 ? port : null;
}
