// Layers settings in order of precedence: built-in defaults < defaults < the
// host's groups in the order it lists them (a later group wins) < the host.
import { SETTING_KEYS, type RawLicensing, type RawSettings, type RawSsh } from './schema.js';

/** Settings after merging; a key that no layer sets is undefined. */
export type MergedSettings = Omit<RawSettings, 'licensing' | 'ssh'> & {
  licensing: NonNullable<RawLicensing>;
  ssh: NonNullable<RawSsh>;
};

/**
 * Merges layers, lowest precedence first, taking only the setting keys (a
 * host's name, groups and tags are not settings). A key set in a later layer replaces
 * the earlier value, and null clears it. `licensing` and `ssh` merge key by
 * key, except `licensing.transport`, which is replaced as a whole so a URL is
 * never paired with another layer's transport type.
 */
export function mergeSettings(layers: readonly RawSettings[]): MergedSettings {
  const merged: MergedSettings = { licensing: {}, ssh: {} };

  for (const layer of layers) {
    for (const key of SETTING_KEYS) {
      const value = layer[key];
      if (value === undefined) {
        continue;
      }

      if (key === 'licensing') {
        merged.licensing = { ...merged.licensing, ...definedEntries(layer.licensing) };
      } else if (key === 'ssh') {
        merged.ssh = { ...merged.ssh, ...definedEntries(layer.ssh) };
      } else {
        Object.assign(merged, { [key]: value });
      }
    }
  }

  return merged;
}

/** Returns the defined keys of a nested map; an empty `licensing:` or `ssh:` adds none. */
function definedEntries<T extends object>(value: T | null | undefined): Partial<T> {
  if (value === null || value === undefined) {
    return {};
  }

  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
