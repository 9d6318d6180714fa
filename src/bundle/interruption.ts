// The devices an interrupted run kept out of a bundle. Ctrl-C stops the
// runner from starting devices and closes open sessions, and each device it
// touched that way reports the error kind `interrupted`: with no outputs when
// it never started, with the outputs finished before the session closed
// otherwise.
import type { HostSummary, RunResult } from '../model/result.js';

/** Returns the hosts the interruption left not collected or collected only in part, in inventory order. */
export function interruptedHosts(run: Pick<RunResult, 'hosts'>): HostSummary[] {
  return run.hosts.filter((host) => host.error?.kind === 'interrupted');
}
