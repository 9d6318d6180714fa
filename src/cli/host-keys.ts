// Host key settings shared by the commands that connect.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { UsageError } from '../errors.js';
import type { InventoryHost } from '../inventory/types.js';
import type { HostKeyPolicy } from '../session/session.js';

export interface HostKeyFlags {
  /** `--known-hosts`; null when not given. */
  knownHosts: string | null;
  acceptNew: boolean;
  hostKeyCheck: boolean;
}

/** The options of a command that connects: host key flags and the ssh_config to read. */
export interface ConnectionFlags extends HostKeyFlags {
  /** ssh_config file: a path, false for none (--no-ssh-config), null or absent for ~/.ssh/config when it exists. */
  sshConfig?: string | false | null;
}

export function hostKeyPolicy(flags: HostKeyFlags): HostKeyPolicy {
  const knownHostsPath = flags.knownHosts ?? path.join(os.homedir(), '.ssh', 'known_hosts');
  if (!flags.hostKeyCheck) {
    return { knownHostsPath, mode: 'off' };
  }
  return { knownHostsPath, mode: flags.acceptNew ? 'accept-new' : 'strict' };
}

/**
 * `--known-hosts` on the command line wins over `ssh.knownHosts` in the
 * inventory: an operator who names a stricter file for one run must get it.
 */
export function applyKnownHostsFlag(hosts: InventoryHost[], flags: HostKeyFlags): InventoryHost[] {
  if (flags.knownHosts === null) {
    return hosts;
  }
  return hosts.map((host) => (host.ssh.knownHosts === null ? host : { ...host, ssh: { ...host.ssh, knownHosts: null } }));
}

/**
 * In strict mode every device's key must already be in a known_hosts file,
 * so a file that does not exist, most often a mistyped path, would fail every
 * device after connecting to it. It is rejected before any connection.
 */
export function requireKnownHostsFiles(hosts: readonly InventoryHost[], flags: HostKeyFlags): void {
  const policy = hostKeyPolicy(flags);
  if (policy.mode !== 'strict') {
    return;
  }

  const files = new Set(hosts.map((host) => host.ssh.knownHosts ?? policy.knownHostsPath));
  const missing = [...files].filter((file) => !existsSync(file));
  if (missing.length === 0) {
    return;
  }

  const origin = flags.knownHosts !== null ? '--known-hosts' : 'the known_hosts file';
  throw new UsageError(
    `${origin} ${missing.join(', ')} does not exist, so no host key could be verified; check the path, or run with --accept-new to create it and record each device's key`,
  );
}
