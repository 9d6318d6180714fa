// The inventory: loading with every problem reported, secret references, host filters.
export { loadInventory, type LoadInventoryOptions } from './load.js';
export { defaultSshConfigPath, readSshConfig, SshConfig, sshConfigForRun } from './ssh-config.js';
export { resolveSecret, SecretError, type SecretOwner } from './secrets.js';
export { filterHosts, HostFilterError } from './filter.js';
export { InventoryError } from './errors.js';
export type { AgentRef, Inventory, InventoryHost, InventoryJump, InventoryProblem, SecretRef } from './types.js';
