import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import { InventoryError, type InventoryProblem } from '../../src/inventory/types.js';
import { loadInventory } from '../../src/inventory/load.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/inventory');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/** Loads a fixture that must fail and returns its problems. */
export async function problemsOf(name: string): Promise<InventoryProblem[]> {
  try {
    await loadInventory(fixture(name));
  } catch (error) {
    if (error instanceof InventoryError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error(`${name} loaded without problems`);
}

/** `LINE:COL path` of a problem, for compact exact assertions. */
export function where(problem: InventoryProblem | undefined): string {
  return problem === undefined ? 'no problem' : `${problem.line}:${problem.column} ${problem.path}`;
}
