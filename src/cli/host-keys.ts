// Host key settings shared by the commands that connect.
import os from 'node:os';
import path from 'node:path';

import type { InventoryHost } from '../inventory/types.js';
import type { HostKeyPolicy } from '../session/session.js';

export interface HostKeyFlags {
  /** `--known-hosts`; null when not given. */
  knownHosts: string | null;
  acceptNew: boolean;
  hostKeyCheck: boolean;
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
