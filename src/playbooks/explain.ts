// `sldiag explain`: what a SMART_LIC message means, read from the playbooks.
// Pure: the caller loads the playbooks and prints the text.

import { parseShowLoggingSmartLic } from '../parsers/show-logging-smart-lic.js';
import { describeCondition } from './describe.js';
import type { Playbook } from './types.js';

const SEVERITY_NAMES = ['emergency', 'alert', 'critical', 'error', 'warning', 'notification', 'informational', 'debugging'];

/** Regular expression per message variable kind, for reading its value back from a logged line; other kinds match any text. */
const VARIABLE_PATTERNS: Record<string, string> = { dec: '(-?\\d+)', int: '(-?\\d+)', hex: '((?:0x)?[0-9A-Fa-f]+)' };

export interface Explanation {
  playbook: Playbook;
  /** The logged line, when the query was one. */
  line: string | null;
  /** The value of each variable read from the line, in order; empty without a line or when the text differs. */
  values: string[];
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
    return playbook === undefined ? null : { playbook, line: text, values: variableValues(playbook.text, logged.text) };
  }

  const name = text.replace(/^%/, '').replace(/:$/, '').toUpperCase();
  const playbook = playbooks.find((candidate) => candidate.mnemonic === name || candidate.mnemonic.endsWith(`-${name}`));
  return playbook === undefined ? null : { playbook, line: null, values: [] };
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
  const { playbook, line, values } = explanation;
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

  lines.push('', 'Causes sldiag checks, and their remedies:');
  for (const check of playbook.checks) {
    const scope = check.when === null ? '' : ` (when ${describeCondition(check.when)})`;
    lines.push(`  ${check.id} [${check.topic}, ${check.level}]${scope}`);
    lines.push(...wrap(readableTemplate(check.message), '    '));
    for (const item of check.remedy) {
      if (typeof item === 'string') {
        lines.push(`    - ${readableTemplate(item)}`);
      } else {
        lines.push(`    - when ${describeCondition(item.when)}:`, ...item.steps.map((step) => `        ${readableTemplate(step)}`));
      }
    }
  }

  return `${lines.join('\n')}\n`;
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

function wrap(text: string, indent: string, width = 78): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((piece) => piece !== '')) {
    if (current !== '' && indent.length + current.length + 1 + word.length > width) {
      lines.push(indent + current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') {
    lines.push(indent + current);
  }
  return lines;
}
