// The command list of `sldiag check`: the four status commands, plus the
// evidence commands whose facts a loaded playbook reads.

import { CHECK_COMMANDS, findCommand } from '../commands/catalog.js';
import { commandsForFact } from '../facts/commands.js';
import type { Condition, Playbook } from '../playbooks/types.js';

/** Returns catalog ids in sending order: CHECK_COMMANDS first, then each needed evidence command once. */
export function collectionPlan(playbooks: readonly Playbook[]): string[] {
  const plan = [...CHECK_COMMANDS];

  for (const key of factKeysOf(playbooks)) {
    const sources = commandsForFact(key).filter((id) => findCommand(id) !== undefined);
    if (sources.length === 0 || sources.some((id) => plan.includes(id))) {
      continue;
    }
    plan.push(sources[0]!);
  }

  return plan;
}

/** Collects every fact key (`ntp.synchronized`) that a check reads in a condition, a template or its evidence. */
function factKeysOf(playbooks: readonly Playbook[]): Set<string> {
  const keys = new Set<string>();
  const addPath = (path: string) => {
    if (path.startsWith('facts.')) {
      keys.add(path.slice('facts.'.length));
    }
  };

  for (const check of playbooks.flatMap((playbook) => playbook.checks)) {
    for (const condition of [check.when, check.expect]) {
      if (condition !== null) {
        conditionPaths(condition).forEach(addPath);
      }
    }
    check.evidence.forEach(addPath);
    for (const text of [check.message, check.passMessage ?? '', ...check.remedy.flatMap((item) => (typeof item === 'string' ? [item] : item.steps))]) {
      for (const match of text.matchAll(/\{\s*(facts\.[\w.]+)/g)) {
        addPath(match[1] ?? '');
      }
    }
  }

  return keys;
}

function conditionPaths(condition: Condition): string[] {
  switch (condition.op) {
    case 'all':
    case 'any':
      return condition.conditions.flatMap(conditionPaths);
    case 'not':
      return conditionPaths(condition.condition);
    default:
      return [condition.path];
  }
}
