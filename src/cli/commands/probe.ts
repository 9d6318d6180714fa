// `sldiag probe <host>`: what a device's SSH server offers and which
// algorithm profile would connect, read without logging in.
import os from 'node:os';

import { loadInventory, sshConfigForRun } from '../../inventory/index.js';
import { TransportError } from '../../transport/errors.js';
import { probeServer, type ProbeResult } from '../../transport/probe.js';
import { EXIT } from '../exit-codes.js';

export interface ProbeCommandOptions {
  /** An inventory host name, or `address[:port]`. */
  target: string;
  /** Inventory to look the host name up in; null probes the target as an address. */
  inventory: string | null;
  username: string | null;
  /** ssh_config file: a path, false for none (--no-ssh-config), null or absent for ~/.ssh/config when it exists. */
  sshConfig?: string | false | null;
  timeoutMs: number;
  write: (text: string) => void;
}

interface ProbeTarget {
  address: string;
  port: number;
  username: string;
}

export async function probeCommand(options: ProbeCommandOptions): Promise<number> {
  const target = await resolveTarget(options);
  if (typeof target === 'string') {
    options.write(`sldiag probe: ${target}\n`);
    return EXIT.usage;
  }
  const endpoint = `${target.address}:${target.port}`;

  let result: ProbeResult;
  try {
    result = await probeServer({ host: target.address, port: target.port, username: target.username, timeoutMs: options.timeoutMs });
  } catch (error) {
    if (error instanceof TransportError) {
      options.write(`probe of ${endpoint} failed (${error.kind}): ${error.message}\n`);
      return EXIT.notCollected;
    }
    throw error;
  }

  options.write(formatProbe(endpoint, target.username, result));
  return result.profile === null ? EXIT.notCollected : EXIT.ok;
}

/** Returns the target, or the usage error to print. */
async function resolveTarget(options: ProbeCommandOptions): Promise<ProbeTarget | string> {
  const username = options.username ?? os.userInfo().username;

  if (options.inventory !== null) {
    const sshConfig = await sshConfigForRun(options.sshConfig ?? null);
    const inventory = await loadInventory(options.inventory, { sshConfig });
    const host = inventory.hosts.find((candidate) => candidate.name === options.target);
    if (host !== undefined) {
      return { address: host.hostname, port: host.port, username: options.username ?? host.username };
    }
    // A bare word is far more likely a mistyped host name than a DNS name to look up.
    if (/^[A-Za-z0-9_-]+$/.test(options.target)) {
      return `"${options.target}" is not a host in ${inventory.file}; give a host name from it, or an address[:port]`;
    }
  }

  const match = /^\[?([^\]\s]+?)\]?(?::(\d{1,5}))?$/.exec(options.target);
  const bareIpv6 = options.target.split(':').length > 2 && !options.target.startsWith('[');
  if (match === null || bareIpv6) {
    return `"${options.target}" is neither a host in the inventory nor an address[:port]; write IPv6 addresses as [address]:port`;
  }
  const port = match[2] === undefined ? 22 : Number(match[2]);
  if (port < 1 || port > 65535) {
    return `port ${port} in "${options.target}" is outside 1-65535`;
  }
  return { address: match[1] ?? options.target, port, username };
}

export function formatProbe(endpoint: string, username: string, result: ProbeResult): string {
  const lines = [
    `${endpoint}: SSH-2.0-${result.offer.software}`,
    `  key exchange:  ${result.offer.kex.join(', ')}`,
    `  host key:      ${result.offer.serverHostKey.join(', ')}`,
    `  ciphers:       ${result.offer.cipher.join(', ')}`,
    `  MACs:          ${result.offer.hmac.join(', ')}`,
  ];

  if (result.hostKey !== null) {
    lines.push(`  host key sent: ${result.hostKey.type} ${result.hostKey.fingerprint} (not checked against known_hosts)`);
  }
  lines.push(`  auth methods for ${username}: ${result.authMethods === null ? 'not reached' : result.authMethods.join(', ') || 'none required'}`);
  lines.push('');

  for (const fit of result.profiles) {
    const missing = (['kex', 'serverHostKey', 'cipher', 'hmac'] as const).filter((list) => fit[list] === null);
    const verdict = missing.length === 0 ? `connects with ${fit.kex}, ${fit.serverHostKey}, ${fit.cipher}, ${fit.hmac}` : `no common ${missing.join(', ')}`;
    lines.push(`  profile ${fit.profile.padEnd(7)} ${verdict}`);
  }

  lines.push(result.profile === null
    ? '  no profile connects: the device offers only algorithms ssh2 does not implement; enable a newer algorithm on the device (`ip ssh server algorithm ...`)'
    : `  use: ssh.algorithms: ${result.profile}`);
  return lines.join('\n') + '\n';
}
