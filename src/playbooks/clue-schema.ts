// Validates the `lineClues` of a playbook: patterns in a logged message that
// point to some checks as likely causes and rule others out.
import { parseCondition, parseRegularExpression } from './condition-schema.js';
import { describeValue, isRecord, rejectUnknownKeys, type Issues } from './issues.js';
import type { NodePath } from './locate.js';
import type { LineClue } from './types.js';

const CLUE_KEYS = ['variable', 'matches', 'meaning', 'shows', 'likely', 'rulesOut'] as const;

/** Parses `lineClues`; check ids must name checks of the same playbook. */
export function parseLineClues(raw: unknown, variableCount: number, checkIds: readonly string[], issues: Issues): LineClue[] {
  if (raw === undefined) {
    return [];
  }
  if (!Array.isArray(raw)) {
    issues.add(['lineClues'], `expected a list of clues ({matches, meaning, likely, rulesOut}), got ${describeValue(raw)}`);
    return [];
  }

  const clues: LineClue[] = [];
  raw.forEach((item, index) => {
    const clue = parseLineClue(item, ['lineClues', index], variableCount, checkIds, issues);
    if (clue !== null) {
      clues.push(clue);
    }
  });
  return clues;
}

function parseLineClue(raw: unknown, path: NodePath, variableCount: number, checkIds: readonly string[], issues: Issues): LineClue | null {
  if (!isRecord(raw)) {
    issues.add(path, `a clue is a mapping with ${CLUE_KEYS.join(', ')}; got ${describeValue(raw)}`);
    return null;
  }
  const before = issues.list.length;
  rejectUnknownKeys(raw, CLUE_KEYS, path, issues);

  const variable = parseVariableIndex(raw.variable, [...path, 'variable'], variableCount, issues);
  const pattern = parseRegularExpression(raw.matches, [...path, 'matches'], issues);
  const meaning = typeof raw.meaning === 'string' && raw.meaning.trim() !== '' ? raw.meaning.trim() : null;
  if (meaning === null) {
    issues.add(raw.meaning === undefined ? path : [...path, 'meaning'], `expected "meaning": what a matching line tells about the cause, got ${describeValue(raw.meaning)}`);
  }
  const shows = raw.shows === undefined ? null : parseShows(raw.shows, [...path, 'shows'], issues);
  const likely = parseCheckIds(raw.likely, [...path, 'likely'], checkIds, issues);
  const rulesOut = parseCheckIds(raw.rulesOut, [...path, 'rulesOut'], checkIds, issues);
  if (raw.shows === undefined && raw.likely === undefined && raw.rulesOut === undefined) {
    issues.add(path, 'a clue needs "shows", "likely" or "rulesOut"; otherwise it tells nothing about the causes');
  }

  if (issues.list.length > before || pattern === null || meaning === null) {
    return null;
  }
  return { variable, pattern, meaning, shows, likely, rulesOut };
}

function parseVariableIndex(raw: unknown, path: NodePath, variableCount: number, issues: Issues): number | null {
  if (raw === undefined) {
    return null;
  }
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > variableCount) {
    const expected = variableCount === 0 ? 'the text has no variables, so leave "variable" out' : `expected the position of a message variable, 1 to ${variableCount}`;
    issues.add(path, `${expected}; got ${describeValue(raw)}`);
    return null;
  }
  return raw;
}

/** `shows` is an `equals` or `in` comparison with literal values: the fact values a matching line implies. */
function parseShows(raw: unknown, path: NodePath, issues: Issues): LineClue['shows'] {
  const condition = parseCondition(raw, path, issues);
  if (condition === null) {
    return null;
  }
  if ('path' in condition && !condition.path.startsWith('facts.')) {
    issues.add([...path, 'path'], `${condition.path} is inventory intent; a logged line shows device facts (facts.<path>)`);
    return null;
  }
  if (condition.op === 'in') {
    return { path: condition.path, values: condition.values };
  }
  if (condition.op === 'equals' && 'literal' in condition.value) {
    return { path: condition.path, values: [condition.value.literal] };
  }
  issues.add(path, '"shows" states the fact values the line implies: use {path: facts.<field>, equals: <value>} or {path: facts.<field>, in: [...]}');
  return null;
}

function parseCheckIds(raw: unknown, path: NodePath, known: readonly string[], issues: Issues): string[] {
  if (raw === undefined) {
    return [];
  }
  if (!Array.isArray(raw)) {
    issues.add(path, `expected a list of check ids of this playbook, got ${describeValue(raw)}`);
    return [];
  }

  const ids: string[] = [];
  raw.forEach((item, index) => {
    if (typeof item !== 'string' || !known.includes(item)) {
      issues.add([...path, index], `${describeValue(item)} is not a check of this playbook; expected one of: ${known.join(', ')}`);
      return;
    }
    ids.push(item);
  });
  return ids;
}
