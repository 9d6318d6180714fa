// Checks the parsed document against the schema, part by part, so that one
// bad host does not hide the problems of the others and valid parts can still
// be merged and checked by the rules.
import type * as z from 'zod';

import { problemsFromIssues } from './issues.js';
import type { KeyPath } from './position.js';
import type { ParsedInventory } from './read.js';
import { defaultsSchema, groupSchema, hostSchema, topSchema, type RawGroup, type RawHost, type RawSettings } from './schema.js';
import type { InventoryProblem } from './types.js';

export interface ValidatedHost {
  index: number;
  /** The entry as written, for rules that still apply when it is invalid. */
  value: unknown;
  /** null when the entry has a schema problem. */
  settings: RawHost | null;
}

export interface ValidatedInventory {
  /** null when defaults has a schema problem; `{}` when the file has no defaults. */
  defaults: RawSettings | null;
  /** Every group by name; null when the group has a schema problem. */
  groups: Map<string, RawGroup | null>;
  hosts: ValidatedHost[];
  problems: InventoryProblem[];
}

export function validateInventory(parsed: ParsedInventory): ValidatedInventory {
  const result: ValidatedInventory = { defaults: {}, groups: new Map(), hosts: [], problems: [] };
  const report = (issues: readonly z.core.$ZodIssue[], prefix: KeyPath) => {
    for (const problem of problemsFromIssues(issues, prefix, parsed.locator)) {
      result.problems.push({ file: parsed.file, ...problem });
    }
  };

  let data: unknown;
  try {
    data = parsed.document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `the YAML could not be expanded (${reason}); use fewer nested aliases`;
    result.problems.push({ file: parsed.file, line: 1, column: 1, path: '', message });
    return result;
  }

  if (data === null || data === undefined) {
    const message = 'the inventory is empty; add a hosts list (inventory.example.yaml shows the format)';
    result.problems.push({ file: parsed.file, line: 1, column: 1, path: '', message });
    return result;
  }

  const top = topSchema.safeParse(data);
  if (!top.success) {
    report(top.error.issues, []);
  }
  if (!isPlainMap(data)) {
    return result;
  }

  if (data.defaults !== undefined && data.defaults !== null) {
    const defaults = defaultsSchema.safeParse(data.defaults);
    result.defaults = defaults.success ? defaults.data : null;
    if (!defaults.success) {
      report(defaults.error.issues, ['defaults']);
    }
  }

  if (isPlainMap(data.groups)) {
    for (const [name, value] of Object.entries(data.groups)) {
      const group = groupSchema.safeParse(value ?? {});
      result.groups.set(name, group.success ? group.data : null);
      if (!group.success) {
        report(group.error.issues, ['groups', name]);
      }
    }
  }

  if (Array.isArray(data.hosts)) {
    if (data.hosts.length === 0) {
      const position = parsed.locator.value(['hosts']);
      result.problems.push({ file: parsed.file, ...position, path: 'hosts', message: 'hosts is empty; add at least one host' });
    }

    data.hosts.forEach((value: unknown, index: number) => {
      const host = hostSchema.safeParse(value);
      result.hosts.push({ index, value, settings: host.success ? host.data : null });
      if (!host.success) {
        report(host.error.issues, ['hosts', index]);
      }
    });
  }

  return result;
}

export function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
