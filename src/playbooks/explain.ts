// `sldiag explain`: what a SMART_LIC message means, read from the playbooks.
// Pure: the caller loads the playbooks and prints the text.

import { parseShowLoggingSmartLic } from '../parsers/show-logging-smart-lic.js';
import { describeCondition } from './describe.js';
import { matchClues, rankChecks, type MatchedClue, type RankedCheck } from './line-clues.js';
import type { Check, Playbook } from './types.js';

const SEVERITY_NAMES = ['emergency', 'alert', 'critical', 'error', 'warning', 'notification', 'informational', 'debugging'];

/** Regular expression per message variable kind, for reading its value back from a logged line; other kinds match any text. */
const VARIABLE_PATTERNS: Record<string, string> = { dec: '(-?\\d+)', int: '(-?\\d+)', hex: '((?:0x)?[0-9A-Fa-f]+)' };

export interface Explanation {
  playbook: Playbook;
  /** The logged line, when the query was one. */
  line: string | null;
  /** The value of each variable read from the line, in order; empty without a line or when the text differs. */
  values: string[];
  /** The clues of the playbook that the logged line matches; empty without a line. */
  clues: MatchedClue[];
}

/**
 * Finds the playbook for a mnemonic (`SMART_LIC-3-COMM_FAILED`, `%SMART_LIC-3-COMM_FAILED`
 * or `COMM_FAILED`) or for a whole syslog line; null when none matches.
 */
export function findExplanation(playbooks: readonly Playbook[], query: string): Explanation | null {
  const text = query.trim();
  const logged = parseShowLoggingSmartLic(text).record.messages[0];
  if (logged !== undefined) {
    const playbook = playbooks.find((candidate) => candidate.mnemonic === logged.name);
    if (playbook === undefined) {
      return null;
    }
    const values = variableValues(playbook.text, logged.text);
    return { playbook, line: text, values, clues: matchClues(playbook, logged.text, values) };
  }

  const name = text.replace(/^%/, '').replace(/:$/, '').toUpperCase();
  const playbook = playbooks.find((candidate) => candidate.mnemonic === name || candidate.mnemonic.endsWith(`-${name}`));
  return playbook === undefined ? null : { playbook, line: null, values: [], clues: [] };
}

/** Reads the variable values of a logged message text by matching it against the catalog text. */
export function variableValues(template: string, logged: string): string[] {
  const pieces = template.replace(/\.$/, '').split(/\[([a-z-]+)\]/);
  let pattern = '^';
  pieces.forEach((piece, index) => {
    pattern += index % 2 === 0 ? escapeLiteral(piece) : (VARIABLE_PATTERNS[piece] ?? '(.+?)');
  });
  const match = new RegExp(`${pattern}\\.?$`).exec(logged.trim());
  return match === null ? [] : match.slice(1).map((value) => value.trim());
}

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*');
}

/** Renders the explanation as plain text for a terminal. */
export function formatExplanation(explanation: Explanation): string {
  const { playbook, line, values, clues } = explanation;
  const lines: string[] = [];

  lines.push(`${playbook.mnemonic}`);
  lines.push(`Severity: ${playbook.severity} (${SEVERITY_NAMES[playbook.severity] ?? 'unknown'})`);
  lines.push(`Message:  ${playbook.text}`);
  if (line !== null) {
    lines.push(`Logged:   ${line}`);
  }

  if (playbook.variables.length > 0) {
    lines.push('', 'Variables:');
    playbook.variables.forEach((meaning, index) => {
      const value = values[index];
      lines.push(`  ${index + 1}. ${meaning}${value === undefined ? '' : `: ${value}`}`);
    });
  }

  lines.push('', 'Meaning:', ...wrap(playbook.explanation, '  '));

  if (clues.length > 0) {
    lines.push('', 'What the logged line tells:');
    for (const { clue, text } of clues) {
      lines.push(...wrap(`"${text}": ${clue.meaning}.`, '  - ', '    '));
    }
  }

  const ranked = rankChecks(playbook.checks, clues);
  const open = ranked.filter((entry) => entry.standing !== 'ruled-out');
  const ruledOut = ranked.filter((entry) => entry.standing === 'ruled-out');

  lines.push('', clues.length > 0 ? 'Causes sldiag checks, and their remedies, likely causes first:' : 'Causes sldiag checks, and their remedies:');
  for (const entry of open) {
    lines.push(...formatCause(entry));
  }

  if (ruledOut.length > 0) {
    lines.push('', 'Causes the logged line rules out:');
    for (const entry of ruledOut) {
      lines.push(`  ${checkHeading(entry.check)}`);
      for (const reason of entry.reasons) {
        lines.push(...wrap(`Ruled out: ${reason}.`, '    '));
      }
    }
  }

  return `${lines.join('\n')}\n`;
}

function formatCause(entry: RankedCheck): string[] {
  const { check } = entry;
  const lines = [`  ${checkHeading(check)}${check.when === null ? '' : ` (when ${check.appliesWhen ?? describeCondition(check.when)})`}`];
  for (const reason of entry.reasons) {
    lines.push(...wrap(`Likely: ${reason}.`, '    '));
  }

  lines.push(...wrap(readableTemplate(check.message), '    '));
  for (const item of check.remedy) {
    if (typeof item === 'string') {
      lines.push(`    - ${readableTemplate(item)}`);
    } else {
      lines.push(`    - when ${describeCondition(item.when)}:`, ...item.steps.map((step) => `        ${readableTemplate(step)}`));
    }
  }
  return lines;
}

function checkHeading(check: Check): string {
  return `${check.id} [${check.topic}, ${check.level}]`;
}

/**
 * `{facts.transport.url}` reads as `<transport.url>` where no device fills it
 * in, and `{facts.x|count:failed attempt}` as `<x> failed attempts`.
 */
function readableTemplate(text: string): string {
  return text.replace(/\{\s*(?:facts|intent)\.([\w.]+)\s*(?:\|([^{}]*))?\}/g, (_all, path: string, filter: string | undefined) => {
    const [name, singular, plural] = (filter ?? '').split(':').map((piece) => piece.trim());
    return name === 'count' && singular !== undefined ? `<${path}> ${plural ?? `${singular}s`}` : `<${path}>`;
  });
}

/** Wraps words at `width`; the first line starts with `indent`, the others with `hanging` (the same by default). */
function wrap(text: string, indent: string, hanging = indent, width = 78): string[] {
  const lines: string[] = [];
  let prefix = indent;
  let current = '';
  for (const word of text.split(/\s+/).filter((piece) => piece !== '')) {
    if (current !== '' && prefix.length + current.length + 1 + word.length > width) {
      lines.push(prefix + current);
      prefix = hanging;
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') {
    lines.push(prefix + current);
  }
  return lines;
}
