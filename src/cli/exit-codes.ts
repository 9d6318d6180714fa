// Exit codes, decided here and nowhere else.
import type { RunResult } from '../model/result.js';

export const EXIT = {
  ok: 0,
  checkFailed: 1,
  usage: 2,
  notCollected: 3,
} as const;

/** `--fail-on`: the lowest finding result that makes the exit code 1. */
export type FailOn = 'warn' | 'fail' | 'never';

/**
 * 3 when a device could not be collected, else 1 when a finding reached
 * `--fail-on`, else 0. Usage errors (2) never reach a RunResult.
 */
export function exitCodeForRun(run: Pick<RunResult, 'hosts'>, failOn: FailOn): number {
  if (run.hosts.some((host) => host.status === 'unreachable' || host.status === 'error')) {
    return EXIT.notCollected;
  }

  const failing = run.hosts.some((host) => host.findings.fail > 0 || (failOn === 'warn' && host.findings.warn > 0));
  if (failOn !== 'never' && failing) {
    return EXIT.checkFailed;
  }
  return EXIT.ok;
}
