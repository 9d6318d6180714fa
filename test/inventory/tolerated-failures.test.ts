// licensing.toleratedFailures: how many ongoing failed attempts a later
// successful exchange turns into a warning, set in defaults, groups or hosts.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import * as path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { loadInventory } from '../../src/inventory/load.js';
import { InventoryError } from '../../src/inventory/types.js';

const INVENTORY = `defaults:
  username: ops
  agent: true
  licensing:
    toleratedFailures: 2
groups:
  strict:
    licensing:
      toleratedFailures: 0
hosts:
  - name: from-defaults
    hostname: 127.0.0.1
  - name: from-group
    hostname: 127.0.0.1
    groups: [strict]
  - name: from-host
    hostname: 127.0.0.1
    groups: [strict]
    licensing:
      toleratedFailures: 5
`;

describe('licensing.toleratedFailures', () => {
  let dir: string | null = null;

  afterEach(async () => {
    if (dir !== null) {
      await rm(dir, { recursive: true, force: true });
      dir = null;
    }
  });

  async function inventoryFile(text: string): Promise<string> {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sldiag-inventory-'));
    const file = path.join(dir, 'inventory.yaml');
    await writeFile(file, text);
    return file;
  }

  it('follows defaults, groups and host', async () => {
    const { hosts } = await loadInventory(await inventoryFile(INVENTORY));
    const tolerated = Object.fromEntries(hosts.map((host) => [host.name, host.licensing.toleratedFailures]));

    expect(tolerated).toEqual({ 'from-defaults': 2, 'from-group': 0, 'from-host': 5 });
  });

  it('rejects a negative count', async () => {
    const file = await inventoryFile(INVENTORY.replace('toleratedFailures: 2', 'toleratedFailures: -1'));
    const error = await loadInventory(file).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InventoryError);
    const problems = (error as InventoryError).problems;
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.path}`)).toEqual(['5:24 defaults.licensing.toleratedFailures']);
    expect(problems[0]?.message).toContain('a whole number of failed attempts, 0 or more');
  });
});
