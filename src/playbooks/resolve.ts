// Reads a field path from the facts and intent of one device. It separates a
// value the device showed, even an empty one, from a fact that was never collected.
import { findCommand } from '../commands/catalog.js';
import { commandsForFact, EMPTY_OUTPUT_IS_A_VALUE } from '../facts/commands.js';
import { INTENT_DEFAULTS, type LicensingIntent } from '../model/intent.js';
import { fieldInfo } from './fields.js';
import type { EvaluationContext } from './evaluate.js';

export interface FieldValue {
  /** The value, or null when the device showed none or it was not collected. */
  value: unknown;
  /** False when the fact is empty and no evidence line proves the device showed it so. */
  collected: boolean;
  /** The path without `facts.` or `intent.`; the key of `facts.evidence`. */
  key: string;
}

export function resolveField(path: string, context: EvaluationContext): FieldValue {
  const info = fieldInfo(path);
  if (info === null) {
    // The loader rejects unknown paths, so this only happens with hand-built playbooks.
    throw new Error(`unknown field path "${path}"`);
  }

  const root: unknown = info.source === 'facts' ? context.facts : context.intent;
  const value = readPath(root, info.key);
  if (info.source === 'intent') {
    // An intent built without the inventory, such as for saved captures, can leave out fields that have a default.
    return { value: value ?? INTENT_DEFAULTS[info.key as keyof LicensingIntent] ?? null, collected: true, key: info.key };
  }

  const empty = value === null || (Array.isArray(value) && value.length === 0);
  return { value, collected: !empty || hasEvidence(info.key, context) || ranSilentCommand(info.key, context), key: info.key };
}

/** True for a fact whose command prints nothing when there is nothing to show, and which ran. */
function ranSilentCommand(key: string, context: EvaluationContext): boolean {
  const root = key.split('.')[0] ?? key;
  if (!EMPTY_OUTPUT_IS_A_VALUE.has(root)) {
    return false;
  }
  return commandsForFact(key).some((id) => {
    const cli = findCommand(id)?.cli;
    return cli !== undefined && context.facts.sources.includes(cli);
  });
}

/** Says why a fact is missing: the device's error for its command, or that the command was not run. */
export function whyNotCollected(key: string, context: EvaluationContext): string {
  const ids = commandsForFact(key);
  for (const id of ids) {
    const failure = context.facts.unavailable[id];
    if (failure !== undefined) {
      return `${key} is unknown because ${failure}`;
    }
  }

  if (ids.includes('slac-file') && context.intent.slacFile === null) {
    return `${key} needs a SLAC file, and the inventory names none for this host (licensing.slacFile)`;
  }

  const names = ids.map((id) => (id === 'slac-file' ? 'the SLAC file that licensing.slacFile names' : (findCommand(id)?.cli ?? id)));
  if (names.length === 0) {
    return `${key} was not collected`;
  }
  return `${key} was not collected (it comes from ${names.join(' or ')})`;
}

function readPath(root: unknown, key: string): unknown {
  let current = root;
  for (const segment of key.split('.')) {
    if (typeof current !== 'object' || current === null) {
      return null;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current ?? null;
}

/** Evidence for the key itself or for a parent (a `Proxy:` line proves an empty proxy address). */
function hasEvidence(key: string, context: EvaluationContext): boolean {
  const segments = key.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    if (Object.hasOwn(context.facts.evidence, segments.slice(0, length).join('.'))) {
      return true;
    }
  }
  return false;
}
