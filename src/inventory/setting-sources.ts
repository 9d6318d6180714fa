// Finds where each credential setting of a host is written, so that a problem
// found later, such as an unset variable, points at the reference itself and
// not at the host that inherits it from defaults or a group.
import { isSeq } from 'yaml';

import { formatPath } from './issues.js';
import type { KeyPath, Locator } from './position.js';
import type { RawSettings } from './schema.js';
import type { SettingSource } from './types.js';

/** One layer of settings and its place in the file; `path` is null for built-in defaults and ssh_config. */
export interface SettingLayer {
  settings: RawSettings;
  path: KeyPath | null;
}

const HOST_CREDENTIAL_KEYS = ['password', 'enable', 'passphrase', 'agent', 'privateKey'] as const;
const JUMP_CREDENTIAL_KEYS = ['password', 'passphrase', 'agent', 'privateKey'] as const;

/**
 * Returns the source of each credential setting that the merged host takes
 * from the file. `layers` are in order of precedence, lowest first, as given
 * to mergeSettings.
 */
export function credentialSources(layers: readonly SettingLayer[], file: string, locator: Locator): Partial<Record<string, SettingSource>> {
  const sources: Partial<Record<string, SettingSource>> = {};
  const sourceAt = (path: KeyPath): SettingSource => ({ file, ...locator.value(path), path: formatPath(path) });

  for (const key of HOST_CREDENTIAL_KEYS) {
    const layer = winningLayer(layers, key);
    if (layer?.path) {
      sources[key] = sourceAt([...layer.path, key]);
    }
  }

  // jump is replaced as a whole, so every hop comes from the same layer.
  const jumpLayer = winningLayer(layers, 'jump');
  const hops = jumpLayer?.settings.jump;
  if (jumpLayer?.path && hops) {
    const jumpPath = [...jumpLayer.path, 'jump'];
    const written = isSeq(locator.node(jumpPath)) ? 'list' : 'map';

    hops.forEach((hop, index) => {
      const hopPath = written === 'list' ? [...jumpPath, index] : jumpPath;
      for (const key of JUMP_CREDENTIAL_KEYS) {
        if (hop[key] !== undefined) {
          sources[`jump[${index}].${key}`] = sourceAt([...hopPath, key]);
        }
      }
    });
  }

  return sources;
}

/** Returns the highest layer that sets `key`, the one whose value the merge keeps. */
function winningLayer(layers: readonly SettingLayer[], key: keyof RawSettings): SettingLayer | undefined {
  return layers.findLast((layer) => layer.settings[key] !== undefined);
}
