// Shared helpers for the playbook tests: evaluate the built-in playbooks over
// literal facts and pick one finding by its check name.
import { emptyFacts } from '../../src/facts/empty.js';
import type { DeviceFacts, Evidence } from '../../src/model/facts.js';
import type { Finding } from '../../src/model/finding.js';
import { DEFAULT_ACK_WARNING_DAYS, DEFAULT_TOLERATED_FAILURES, type LicensingIntent } from '../../src/model/intent.js';
import { evaluatePlaybooks } from '../../src/playbooks/evaluate.js';
import { loadBuiltinPlaybooks } from '../../src/playbooks/load.js';

/** An evaluation time far from every corpus capture, so a test that used it by mistake would fail. */
export const LATE_EVALUATION_TIME = new Date('2031-06-01T00:00:00Z');

export function intent(overrides: Partial<LicensingIntent> = {}): LicensingIntent {
  return { transportType: null, transportUrl: null, slacFile: null, ackWarningDays: DEFAULT_ACK_WARNING_DAYS, policy: null, toleratedFailures: DEFAULT_TOLERATED_FAILURES, ...overrides };
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
