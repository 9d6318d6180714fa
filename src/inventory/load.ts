// Loads an inventory file: read -> validate -> normalise -> rules, collecting
// every problem before failing, so one run shows all of them.
import * as path from 'node:path';

import { InventoryError } from './errors.js';
import { mergeSettings } from './merge.js';
import { BUILT_IN_DEFAULTS, normaliseHost } from './normalise.js';
import { SharedValues } from './shared-values.js';
import { parseInventory, readInventoryFile } from './read.js';
import { checkDuplicateNames, checkGroupNames, checkHostnames, checkHostGroups, checkMergedHost, type RuleProblem } from './rules.js';
import { credentialSources, type SettingLayer } from './setting-sources.js';
import type { SshConfig } from './ssh-config.js';
import { sshConfigLayer } from './ssh-config-layer.js';
import type { Inventory, InventoryHost, InventoryProblem } from './types.js';
import { validateInventory, type ValidatedInventory } from './validate.js';

export interface LoadInventoryOptions {
  /**
   * ssh_config that fills what the inventory leaves out: User, Port,
   * IdentityFile and ProxyJump, looked up by the host's `hostname`, and
   * HostName, which replaces that hostname as the address. null or absent
   * reads no ssh_config.
   */
  sshConfig?: SshConfig | null;
}

/**
 * Reads and checks the inventory at `file` (relative to the working folder).
 * Throws InventoryError listing every problem, sorted by position.
 */
export async function loadInventory(file: string, options: LoadInventoryOptions = {}): Promise<Inventory> {
  const absolute = path.resolve(file);
  const text = await readInventoryFile(absolute);

  // Read: YAML syntax problems make the rest unreliable, so they are reported alone.
  const parsed = parseInventory(absolute, text);
  if (parsed.problems.length > 0) {
    throw new InventoryError(sortProblems(parsed.problems));
  }

  // Validate: the schema, part by part.
  const validated = validateInventory(parsed);
  const problems = [...validated.problems];
  const addRuleProblems = (found: RuleProblem[]) => problems.push(...found.map((problem) => ({ file: absolute, ...problem })));

  // Rules across hosts and groups.
  addRuleProblems(checkHostnames(validated.hosts, parsed.locator));
  addRuleProblems(checkDuplicateNames(validated.hosts, parsed.locator));
  addRuleProblems(checkGroupNames(validated, parsed.locator));
  addRuleProblems(checkHostGroups(validated, parsed.locator));

  // Normalise each host whose layers are all valid, then check its merged settings.
  const hosts: InventoryHost[] = [];
  const sharedValues = new SharedValues();
  for (const host of validated.hosts) {
    const layers = settingLayers(validated, host.index);
    if (layers === null || host.settings === null) {
      continue;
    }

    const position = parsed.locator.value(['hosts', host.index]);
    let merged = mergeSettings(layers.map((layer) => layer.settings));
    let hostName: string | undefined;
    const hostProblems: RuleProblem[] = [];

    // ssh_config goes right above the built-in defaults, so every inventory layer wins over it.
    const sshConfig = options.sshConfig ?? null;
    if (sshConfig !== null && host.settings.hostname !== undefined) {
      const layer = sshConfigLayer(sshConfig, host.settings.hostname, merged.username);
      layers.splice(1, 0, { settings: layer.settings, path: null });
      merged = mergeSettings(layers.map((entry) => entry.settings));
      hostName = layer.hostName ?? undefined;

      const fromSshConfig = merged.jump !== undefined && merged.jump === layer.settings.jump;
      const messages = [...layer.problems, ...(fromSshConfig ? layer.jumpProblems : [])];
      hostProblems.push(...messages.map((message) => ({ ...position, path: `hosts[${host.index}]`, message })));
    }

    hostProblems.push(...checkMergedHost(host, merged, parsed.locator));
    addRuleProblems(hostProblems);
    if (hostProblems.length === 0) {
      const record = normaliseHost(host.settings, merged, { file: absolute, ...position, hostName });
      hosts.push(sharedValues.shareNested({ ...record, settingSources: credentialSources(layers, absolute, parsed.locator) }));
    }
  }

  if (problems.length > 0) {
    throw new InventoryError(sortProblems(problems));
  }

  return { file: absolute, hosts, groupLimits: groupLimits(validated) };
}

function groupLimits(validated: ValidatedInventory): Record<string, number> {
  const limits: Record<string, number> = {};
  for (const [name, group] of validated.groups) {
    if (group?.maxSessions !== undefined) {
      limits[name] = group.maxSessions;
    }
  }
  return limits;
}

/** Returns the host's layers in order of precedence, or null when one of them is invalid or missing. */
function settingLayers(validated: ValidatedInventory, index: number): SettingLayer[] | null {
  const host = validated.hosts[index]?.settings;
  if (host === null || host === undefined || validated.defaults === null) {
    return null;
  }

  const layers: SettingLayer[] = [
    { settings: BUILT_IN_DEFAULTS, path: null },
    { settings: validated.defaults, path: ['defaults'] },
  ];
  for (const name of host.groups ?? []) {
    const group = validated.groups.get(name);
    if (group === null || group === undefined) {
      return null;
    }
    layers.push({ settings: group, path: ['groups', name] });
  }

  layers.push({ settings: host, path: ['hosts', index] });
  return layers;
}

function sortProblems(problems: InventoryProblem[]): InventoryProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}
