// Validation of command-line values at the edge: each message names the
// option and the value it received.
import { findCommand } from '../commands/catalog.js';
import { UsageError } from '../errors.js';

export function parseChoice<T extends string>(option: string, value: string, choices: readonly T[]): T {
  const aliases: Record<string, string> = { warning: 'warn', failure: 'fail' };
  const normalised = aliases[value] ?? value;
  if ((choices as readonly string[]).includes(normalised)) {
    return normalised as T;
  }
  throw new UsageError(`${option} must be one of ${choices.join(', ')}; got "${value}"`);
}

export function parseInteger(option: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max}; got "${value}"`);
  }
  return number;
}

export function parseSeconds(option: string, value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 86_400) {
    throw new UsageError(`${option} must be a number of seconds above 0 and at most 86400; got "${value}"`);
  }
  return Math.round(seconds * 1000);
}

export function parseInstant(option: string, value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new UsageError(`${option} must be an ISO 8601 date and time such as 2026-01-31T12:00:00Z; got "${value}"`);
  }
  return date;
}

export interface CommandTimeoutOption {
  /** One timeout for every command, in milliseconds; null keeps the inventory's or the catalog's. */
  all: number | null;
  /** Timeouts for single commands by catalog id, in milliseconds; these win over `all`. */
  byCommand: Record<string, number>;
}

/** Reads `--command-timeout 120` or `--command-timeout show-platform-software-sl-infra-all=1800,120`. */
export function parseCommandTimeouts(option: string, value: string): CommandTimeoutOption {
  const result: CommandTimeoutOption = { all: null, byCommand: {} };

  for (const term of value.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const equals = term.lastIndexOf('=');
    if (equals === -1) {
      result.all = parseSeconds(option, term);
      continue;
    }

    const name = term.slice(0, equals).trim();
    const command = findCommand(name);
    if (command === undefined || command.purpose !== 'collect') {
      throw new UsageError(`${option} names "${name}", which is not a collected command; use a capture name such as show-platform-software-sl-infra-all`);
    }
    result.byCommand[command.id] = parseSeconds(`${option} ${command.id}`, term.slice(equals + 1));
  }
  return result;
}
