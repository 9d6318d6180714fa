// The inventory: loading with every problem reported, secret references, host filters.
export { loadInventory } from './load.js';
export { resolveSecret, SecretError, type SecretOwner } from './secrets.js';
export { filterHosts, HostFilterError } from './filter.js';
export { InventoryError } from './errors.js';
export type { AgentRef, Inventory, InventoryHost, InventoryProblem, SecretRef } from './types.js';
