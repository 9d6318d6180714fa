// Problems found while validating a playbook, keyed by their path in the document.
import type { NodePath } from './locate.js';

export interface Issue {
  path: NodePath;
  message: string;
  /** Point at the key rather than its value (unknown and misspelt keys). */
  atKey: boolean;
}

export class Issues {
  readonly list: Issue[] = [];

  add(path: NodePath, message: string, atKey = false): void {
    this.list.push({ path, message, atKey });
  }
}

/** Renders `['checks', 1, 'expect']` as `checks[1].expect`. */
export function formatNodePath(path: NodePath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
    } else {
      text += text === '' ? segment : `.${segment}`;
    }
  }
  return text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) {
    return 'nothing';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'object') {
    return 'a mapping';
  }
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Reports every key of `map` that is not in `allowed`, suggesting a close match. */
export function rejectUnknownKeys(
  map: Record<string, unknown>,
  allowed: readonly string[],
  path: NodePath,
  issues: Issues,
  what = 'key',
): void {
  for (const key of Object.keys(map)) {
    if (allowed.includes(key)) {
      continue;
    }
    const suggestion = closestMatch(key, allowed);
    const hint = suggestion === null ? `expected one of: ${allowed.join(', ')}` : `did you mean "${suggestion}"?`;
    issues.add([...path, key], `unknown ${what} "${key}"; ${hint}`, true);
  }
}

/** Returns the candidate within two edits of `word`, or null. */
export function closestMatch(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
