// Shared helpers for the playbook tests: evaluate the built-in playbooks over
// literal facts and pick one finding by its check name.
import { readFileSync } from 'node:fs';

import { requireCommand } from '../../src/commands/catalog.js';
import { emptyFacts } from '../../src/facts/empty.js';
import type { CommandResult } from '../../src/model/command.js';
import type { DeviceFacts, Evidence } from '../../src/model/facts.js';
import type { Finding } from '../../src/model/finding.js';
import { NO_LICENSING_INTENT, type LicensingIntent } from '../../src/model/intent.js';
import { evaluatePlaybooks } from '../../src/playbooks/evaluate.js';
import { loadBuiltinPlaybooks } from '../../src/playbooks/load.js';

/** An evaluation time far from every corpus capture, so a test that used it by mistake would fail. */
export const LATE_EVALUATION_TIME = new Date('2031-06-01T00:00:00Z');

export function intent(overrides: Partial<LicensingIntent> = {}): LicensingIntent {
  return { ...NO_LICENSING_INTENT, ...overrides };
}

/** Returns an unmodified corpus output as the command result the catalog command `id` would give. */
export function corpusCapture(id: string, file: string): CommandResult {
  return {
    id,
    command: requireCommand(id).cli,
    output: readFileSync(`fixtures/corpus/${id}/${file}`, 'utf8'),
    failure: null,
    startedAt: '2024-01-01T00:00:00.000Z',
    finishedAt: '2024-01-01T00:00:01.000Z',
  };
}

/** Facts with nothing collected, then the given fields and evidence lines. */
export function facts(build: (facts: DeviceFacts) => void): DeviceFacts {
  const result = emptyFacts();
  build(result);
  return result;
}

export function line(command: string, lineNumber: number, text: string): Evidence {
  return { command, line: lineNumber, text };
}

export async function evaluateBuiltin(deviceFacts: DeviceFacts, licensingIntent = intent(), now = LATE_EVALUATION_TIME): Promise<Finding[]> {
  const playbooks = await loadBuiltinPlaybooks();
  return evaluatePlaybooks(playbooks, { facts: deviceFacts, intent: licensingIntent, now });
}

export function findingOf(findings: Finding[], check: string): Finding {
  const finding = findings.find((candidate) => candidate.check === check);
  if (finding === undefined) {
    throw new Error(`no finding for ${check}; found ${findings.map((candidate) => candidate.check).join(', ')}`);
  }
  return finding;
}
