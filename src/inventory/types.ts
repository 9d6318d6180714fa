// The normalised inventory that the rest of sldiag reads: one fully merged
// record per host, with every path absolute and every secret still a reference.
import type { LicensingIntent } from '../model/intent.js';
import type { AlgorithmProfileName } from '../transport/algorithms.js';

/** Reference to a secret, read only when a connection needs it (see resolveSecret in secrets.ts). */
export type SecretRef = { kind: 'env'; name: string } | { kind: 'file'; path: string };

/**
 * Environment variable that contains the SSH agent socket path.
 * `agent: true` in the inventory means `SSH_AUTH_SOCK`.
 */
export type AgentRef = { kind: 'env'; name: string };

/** One jump host on the way to a device, with its own login. */
export interface InventoryJump {
  hostname: string;
  port: number;
  username: string;
  password: SecretRef | null;
  /** Absolute path of the private key file. */
  privateKey: string | null;
  passphrase: SecretRef | null;
  agent: AgentRef | null;
}

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
  /** Jump hosts in connection order, from `jump:` or ssh_config's ProxyJump; absent or empty means a direct connection. */
  jumps?: InventoryJump[];
  /** Group names in the order the host lists them (later groups won when merging). */
  groups: string[];
  tags: string[];
  description: string | null;
  licensing: LicensingIntent;
  ssh: {
    /** Absolute path of the known_hosts file; null means the run's default file. */
    knownHosts: string | null;
    connectTimeoutMs: number;
    /** null means each command's own timeout from the command catalog. */
    commandTimeoutMs: number | null;
    /** SSH algorithm profile; absent means `modern`. */
    algorithms?: AlgorithmProfileName;
  };
  /** Position of the host's entry in the inventory file (1-based). */
  source: { file: string; line: number; column: number };
  /**
   * The place in the inventory file of each credential setting the host uses, by key:
   * `password`, `enable`, `passphrase`, `agent`, `privateKey` and
   * `jump[N].<key>`. A key is absent when its value comes from ssh_config or
   * the host record was not loaded from a file.
   */
  settingSources?: Partial<Record<string, SettingSource>>;
}

/** Position (1-based) and key path of one value in the inventory file, such as `defaults.password`. */
export interface SettingSource {
  file: string;
  line: number;
  column: number;
  path: string;
}

export interface Inventory {
  /** Absolute path of the inventory file. */
  file: string;
  hosts: InventoryHost[];
  /** Groups with a `maxSessions` cap: group name to the most sessions open at once to its hosts. */
  groupLimits: Record<string, number>;
}

/** One thing wrong with an inventory file. `line` and `column` are 1-based. */
export interface InventoryProblem {
  file: string;
  line: number;
  column: number;
  /** Key path such as `hosts[2].licensing.transport.type`; empty for the whole file. */
  path: string;
  /** Description of the problem, with the bad value unless it is a secret, and the fix. */
  message: string;
}

export { InventoryError } from './errors.js';
