// Turns zod issues into inventory problems with a position, the bad value
// (except for secrets) and a hint for unknown keys.
import type * as z from 'zod';

import type { KeyPath, Locator } from './position.js';
import { KNOWN_KEYS } from './schema.js';
import { closestMatch } from '../suggest.js';

/** Keys whose values are never quoted in a message. */
const SECRET_KEYS = new Set(['password', 'enable', 'passphrase', 'privateKey']);

export interface LocatedProblem {
  line: number;
  column: number;
  path: string;
  message: string;
}

export function formatPath(path: KeyPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') {
      text += `[${part}]`;
    } else {
      text += text === '' ? part : `.${part}`;
    }
  }

  return text;
}

/** Converts the issues of one part of the file; `prefix` is that part's path from the top. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], prefix: KeyPath, locator: Locator): LocatedProblem[] {
  const problems: LocatedProblem[] = [];

  for (const issue of issues) {
    const path = [...prefix, ...issue.path.filter((part) => typeof part !== 'symbol')];

    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const position = locator.key(path, key);
        problems.push({ ...position, path: formatPath([...path, key]), message: describeUnknownKey(key, path) });
      }
      continue;
    }

    problems.push({ ...locator.value(path), path: formatPath(path), message: describeBadValue(issue.message, path, locator) });
  }

  return problems;
}

function describeBadValue(message: string, path: KeyPath, locator: Locator): string {
  const key = String(path.at(-1) ?? '');

  if (locator.node(path) === undefined) {
    return `${key} is missing; add ${key}, which ${message}`;
  }

  if (SECRET_KEYS.has(key) || !message.startsWith('must be')) {
    return message;
  }

  const found = locator.describe(path);
  if (found === null) {
    return message;
  }

  // "must be X; hint" becomes "must be X, not Y; hint".
  const [rule, ...hint] = message.split('; ');
  return [`${rule}, not ${found}`, ...hint].join('; ');
}

type MapKind = keyof typeof KNOWN_KEYS;

function describeUnknownKey(key: string, mapPath: KeyPath): string {
  const kind = mapKindAt(mapPath);
  const known = KNOWN_KEYS[kind];

  // `licensing:` indented like a group name, under `groups:` instead of under its group.
  const groupName = mapPath.length === 2 && mapPath[0] === 'groups' ? mapPath[1] : undefined;
  if (typeof groupName === 'string' && KNOWN_KEYS.group.includes(groupName)) {
    return `"${groupName}" is read as the name of a group, because it is indented like one; indent it under the group it belongs to`;
  }

  if ((kind === 'defaults' || kind === 'group') && KNOWN_KEYS.host.includes(key)) {
    const place = kind === 'defaults' ? 'defaults' : 'a group';
    return `${key} can only be set on a host, not in ${place}; move it to each host under hosts`;
  }

  const suggestion = closestMatch(key, known);
  if (suggestion !== null) {
    return `unknown key "${key}"; did you mean "${suggestion}"?`;
  }

  return `unknown key "${key}"; remove it or use one of: ${known.join(', ')}`;
}

function mapKindAt(path: KeyPath): MapKind {
  const last = path.at(-1);
  const parent = path.at(-2);

  if (path.length === 0) {
    return 'top';
  }

  // A group's own map, whatever its name: a group may be called `licensing` or `ssh`.
  if (path.length === 2 && path[0] === 'groups') {
    return 'group';
  }

  if (last === 'transport' && parent === 'licensing') {
    return 'transport';
  }

  if (last === 'licensing' || last === 'ssh') {
    return last;
  }

  if (last === 'jump' || (typeof last === 'number' && parent === 'jump')) {
    return 'jump';
  }

  if (path.length === 1 && last === 'defaults') {
    return 'defaults';
  }

  return path[0] === 'groups' ? 'group' : 'host';
}
