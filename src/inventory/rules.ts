// Rules that the schema cannot express: they look across hosts and groups, or
// at a host's settings after merging. Each rule returns its problems.
import type { MergedSettings } from './merge.js';
import type { Locator } from './position.js';
import { NAME_PATTERN, NAME_RULE } from './schema.js';
import { closestMatch } from '../suggest.js';
import type { ValidatedHost, ValidatedInventory } from './validate.js';

export interface RuleProblem {
  line: number;
  column: number;
  path: string;
  message: string;
}

/** Host names must be unique; the problem sits on the second use and names the line of the first. */
export function checkDuplicateNames(hosts: readonly ValidatedHost[], locator: Locator): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const firstLine = new Map<string, number>();

  for (const host of hosts) {
    const name = stringField(host.value, 'name');
    if (name === null) {
      continue;
    }

    const position = locator.value(['hosts', host.index, 'name']);
    const earlier = firstLine.get(name);
    if (earlier === undefined) {
      firstLine.set(name, position.line);
      continue;
    }

    problems.push({
      ...position,
      path: `hosts[${host.index}].name`,
      message: `name "${name}" is already used by the host at line ${earlier}; give each host a unique name`,
    });
  }

  return problems;
}

/**
 * Reports hosts without a hostname. It reads the entry as written, so the
 * problem is reported even when other keys of the entry are invalid.
 */
export function checkHostnames(hosts: readonly ValidatedHost[], locator: Locator): RuleProblem[] {
  const problems: RuleProblem[] = [];

  for (const host of hosts) {
    const entry = host.value;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || 'hostname' in entry) {
      continue;
    }

    problems.push({
      ...locator.value(['hosts', host.index]),
      path: `hosts[${host.index}].hostname`,
      message: "hostname is missing; add the device's IP address or DNS name",
    });
  }

  return problems;
}

/** Group names must be path-safe and distinct from host names, so a host filter term means one thing. */
export function checkGroupNames(inventory: ValidatedInventory, locator: Locator): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const hostNames = new Set(inventory.hosts.map((host) => stringField(host.value, 'name')));

  for (const name of inventory.groups.keys()) {
    const position = locator.key(['groups'], name);
    const path = `groups.${name}`;

    if (!NAME_PATTERN.test(name)) {
      problems.push({ ...position, path, message: `group name "${name}" is invalid; use ${NAME_RULE}` });
    } else if (hostNames.has(name)) {
      problems.push({ ...position, path, message: `group name "${name}" is also a host name; rename the group or the host` });
    }
  }

  return problems;
}

/** Every group a host lists must exist under groups, and be listed once. */
export function checkHostGroups(inventory: ValidatedInventory, locator: Locator): RuleProblem[] {
  const problems: RuleProblem[] = [];

  for (const host of inventory.hosts) {
    const groups = host.settings?.groups;
    if (groups === undefined) {
      continue;
    }

    const seen = new Set<string>();
    groups.forEach((group, position) => {
      const at = { ...locator.value(['hosts', host.index, 'groups', position]), path: `hosts[${host.index}].groups[${position}]` };

      if (!inventory.groups.has(group)) {
        const suggestion = closestMatch(group, inventory.groups.keys());
        const hint = suggestion === null ? 'define it under groups or remove it from this list' : `did you mean "${suggestion}"?`;
        problems.push({ ...at, message: `unknown group "${group}"; ${hint}` });
      } else if (seen.has(group)) {
        problems.push({ ...at, message: `group "${group}" is listed twice; remove one` });
      }

      seen.add(group);
    });
  }

  return problems;
}

/**
 * Checks one host's merged settings. A problem sits on the key when the host
 * entry contains it, otherwise on the host entry, because the value may come
 * from a group or defaults.
 */
export function checkMergedHost(host: ValidatedHost, merged: MergedSettings, locator: Locator): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (key: string, message: string) => {
    const position = locator.value(['hosts', host.index, ...key.split('.')]);
    problems.push({ ...position, path: `hosts[${host.index}].${key}`, message });
  };
  const inherited = 'on the host, one of its groups or defaults';

  if (merged.username === undefined) {
    add('username', `username is missing; set it ${inherited}`);
  }

  if (merged.password == null && merged.privateKey == null && merged.agent == null) {
    add('password', `no SSH credential is set; set password, privateKey or agent ${inherited}`);
  }

  if (merged.passphrase != null && merged.privateKey == null) {
    add('passphrase', `passphrase is set but privateKey is not; set privateKey ${inherited}, or remove passphrase`);
  }

  const transport = merged.licensing.transport;
  if (transport?.type === 'off' && transport.url !== undefined) {
    add('licensing.transport.url', 'transport.url is set but transport.type is off; remove the url or set the type it belongs to');
  }

  return problems;
}

function stringField(value: unknown, key: string): string | null {
  if (typeof value !== 'object' || value === null) {
    return null;
  }

  const field: unknown = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : null;
}
