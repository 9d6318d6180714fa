// Combines the built-in playbooks with a user's: a user check with the same
// check name (`comm-failed.smart-url`) replaces the built-in one in place, and
// a user playbook for a new mnemonic is added. The line clues of a user
// playbook are added to the built-in ones of the same mnemonic.

import { playbookShortName } from './evaluate.js';
import type { Playbook } from './types.js';

export function mergePlaybooks(builtin: readonly Playbook[], user: readonly Playbook[]): Playbook[] {
  const merged = builtin.map((playbook) => ({ ...playbook, checks: [...playbook.checks], lineClues: [...playbook.lineClues] }));

  for (const playbook of user) {
    const target = merged.find((candidate) => playbookShortName(candidate.mnemonic) === playbookShortName(playbook.mnemonic));
    if (target === undefined) {
      merged.push({ ...playbook, checks: [...playbook.checks], lineClues: [...playbook.lineClues] });
      continue;
    }

    target.lineClues.push(...playbook.lineClues);
    for (const check of playbook.checks) {
      const index = target.checks.findIndex((existing) => existing.id === check.id);
      if (index >= 0) {
        target.checks[index] = check;
      } else {
        target.checks.push(check);
      }
    }
  }

  return merged;
}
