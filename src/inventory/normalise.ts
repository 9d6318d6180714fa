// Builds the normalised host record from merged settings: built-in defaults
// filled in, paths made absolute, secret references kept as references.
import { homedir } from 'node:os';
import * as path from 'node:path';

import { DEFAULT_ACK_WARNING_DAYS, DEFAULT_TOLERATED_FAILURES } from '../model/intent.js';
import type { MergedSettings } from './merge.js';
import type { RawHost, RawJumpHop, RawSettings } from './schema.js';
import type { InventoryHost, InventoryJump, SecretRef } from './types.js';

export const DEFAULT_PORT = 22;

/** Same as ssh2's readyTimeout default, which covers TCP connect, key exchange and authentication. */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 20;

/** The lowest layer of precedence, below the inventory's own defaults. */
export const BUILT_IN_DEFAULTS: RawSettings = {
  port: DEFAULT_PORT,
  licensing: { ackWarningDays: DEFAULT_ACK_WARNING_DAYS, toleratedFailures: DEFAULT_TOLERATED_FAILURES },
  ssh: { connectTimeout: DEFAULT_CONNECT_TIMEOUT_SECONDS },
};

export interface HostContext {
  /** Absolute path of the inventory file; relative paths are resolved against its folder. */
  file: string;
  /** Address to connect to when ssh_config's HostName replaces the inventory hostname. */
  hostName?: string;
  line: number;
  column: number;
}

/** Returns the host record; the caller has checked that hostname and username are set. */
export function normaliseHost(host: RawHost, merged: MergedSettings, context: HostContext): InventoryHost {
  const folder = path.dirname(context.file);
  const transport = merged.licensing.transport;

  return {
    name: host.name,
    hostname: context.hostName ?? host.hostname ?? '',
    port: merged.port ?? DEFAULT_PORT,
    username: merged.username ?? '',
    password: absoluteSecret(merged.password, folder),
    enable: absoluteSecret(merged.enable, folder),
    privateKey: absolutePath(merged.privateKey, folder),
    passphrase: absoluteSecret(merged.passphrase, folder),
    agent: merged.agent ?? null,
    jumps: (merged.jump ?? []).map((hop) => normaliseJump(hop, folder)),
    groups: host.groups ?? [],
    tags: host.tags ?? [],
    description: host.description ?? null,
    licensing: {
      transportType: transport?.type ?? null,
      transportUrl: transport?.url ?? null,
      slacFile: absolutePath(merged.licensing.slacFile, folder),
      ackWarningDays: merged.licensing.ackWarningDays ?? DEFAULT_ACK_WARNING_DAYS,
      policy: merged.licensing.policy ?? null,
      toleratedFailures: merged.licensing.toleratedFailures ?? DEFAULT_TOLERATED_FAILURES,
    },
    ssh: {
      knownHosts: absolutePath(merged.ssh.knownHosts, folder),
      connectTimeoutMs: Math.round((merged.ssh.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT_SECONDS) * 1000),
      commandTimeoutMs: merged.ssh.commandTimeout == null ? null : Math.round(merged.ssh.commandTimeout * 1000),
      algorithms: merged.ssh.algorithms ?? 'modern',
    },
    source: { file: context.file, line: context.line, column: context.column },
  };
}

function normaliseJump(hop: RawJumpHop, folder: string): InventoryJump {
  return {
    hostname: hop.hostname,
    port: hop.port ?? DEFAULT_PORT,
    username: hop.username,
    password: absoluteSecret(hop.password, folder),
    privateKey: absolutePath(hop.privateKey, folder),
    passphrase: absoluteSecret(hop.passphrase, folder),
    agent: hop.agent ?? null,
  };
}

/** Resolves a path written in the inventory: `~/` is the home folder, anything else relative is from `folder`. */
export function absolutePath(value: string | null | undefined, folder: string): string | null {
  if (value === null || value === undefined) {
    return null;
  }

  if (value === '~' || value.startsWith('~/')) {
    return path.join(homedir(), value.slice(1));
  }

  return path.resolve(folder, value);
}

function absoluteSecret(ref: SecretRef | null | undefined, folder: string): SecretRef | null {
  if (ref === null || ref === undefined) {
    return null;
  }

  if (ref.kind === 'file') {
    return { kind: 'file', path: absolutePath(ref.path, folder) ?? ref.path };
  }

  return ref;
}
