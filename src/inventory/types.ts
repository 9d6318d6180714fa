// The normalised inventory that the rest of sldiag reads: one fully merged
// record per host, with every path absolute and every secret still a reference.
import type { LicensingIntent } from '../model/intent.js';

/** Where a secret lives. It is read only when a connection needs it (see secrets.ts). */
export type SecretRef = { kind: 'env'; name: string } | { kind: 'file'; path: string };

/**
 * The environment variable that holds the SSH agent socket path.
 * `agent: true` in the inventory means `SSH_AUTH_SOCK`.
 */
export type AgentRef = { kind: 'env'; name: string };

export interface InventoryHost {
  /** Name used in reports and as the capture folder; unique within the inventory. */
  name: string;
  /** IP address or DNS name to connect to. */
  hostname: string;
  port: number;
  username: string;
  password: SecretRef | null;
  enable: SecretRef | null;
  /** Absolute path of the private key file. */
  privateKey: string | null;
  passphrase: SecretRef | null;
  /** Resolved with resolveSecret at connect time, like the other references. */
  agent: AgentRef | null;
  /** Group names in the order the host lists them (later groups won when merging). */
  groups: string[];
  tags: string[];
  description: string | null;
  licensing: LicensingIntent;
  ssh: {
    /** Absolute path of the known_hosts file; null means the SSH transport's default. */
    knownHosts: string | null;
    connectTimeoutMs: number;
    /** null means each command's own timeout from the command catalog. */
    commandTimeoutMs: number | null;
  };
  /** Position of the host's entry in the inventory file (1-based). */
  source: { file: string; line: number; column: number };
}

export interface Inventory {
  /** Absolute path of the inventory file. */
  file: string;
  hosts: InventoryHost[];
}

/** One thing wrong with an inventory file. `line` and `column` are 1-based. */
export interface InventoryProblem {
  file: string;
  line: number;
  column: number;
  /** Key path such as `hosts[2].licensing.transport.type`; empty for the whole file. */
  path: string;
  /** What is wrong, with the bad value unless it is a secret, and what to do. */
  message: string;
}

export { InventoryError } from './errors.js';
