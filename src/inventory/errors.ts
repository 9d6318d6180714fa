// The error thrown when an inventory cannot be used.
import type { InventoryProblem } from './types.js';

/**
 * Every problem found in one inventory file. The message lists them all, one
 * per line as `FILE:LINE:COL: path: message`. `problems` is empty only when the
 * file itself could not be read, and the message then gives the reason.
 */
export class InventoryError extends Error {
  readonly problems: InventoryProblem[];

  constructor(problems: InventoryProblem[], message?: string) {
    super(message ?? formatProblems(problems));
    this.name = 'InventoryError';
    this.problems = problems;
  }
}

export function formatProblem(problem: InventoryProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.path === '' ? `${where}: ${problem.message}` : `${where}: ${problem.path}: ${problem.message}`;
}

function formatProblems(problems: InventoryProblem[]): string {
  return problems.map(formatProblem).join('\n');
}
