// The per-host status, decided in one place.
import type { Finding } from '../model/finding.js';
import type { HostError, HostStatus } from '../model/result.js';

export interface HostOutcome {
  error: HostError | null;
  /** The error means the device was not reached or the session broke down. */
  unreachable: boolean;
  /** At least one command produced output that the parsers could read. */
  collected: boolean;
  findings: Finding[];
}

/**
 * Decides a host's status. A host whose network path failed is `unreachable`.
 * One that rejected the login, the host key or every command, or hit a local
 * problem, is `error`. A breakdown after some output still counts as not
 * collected, because checks would run on a partial picture. Otherwise a
 * failing finding makes the host `failed`.
 */
export function judgeHost(outcome: HostOutcome): HostStatus {
  if (outcome.error !== null) {
    return outcome.unreachable ? 'unreachable' : 'error';
  }
  if (!outcome.collected) {
    return 'error';
  }
  return outcome.findings.some((finding) => finding.result === 'fail') ? 'failed' : 'passed';
}
