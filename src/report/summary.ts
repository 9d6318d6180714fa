// Counts over a run, shared by every report format and the exit code. They
// come from the per-host summaries, so no full result is read for them.
import type { FindingResult } from '../model/finding.js';
import type { HostStatus, RunResult } from '../model/result.js';

export interface RunSummary {
  hosts: number;
  byStatus: Record<HostStatus, number>;
  /** Devices that Ctrl-C or SIGTERM kept from starting or cut off; 0 when the run was not interrupted. */
  interrupted: number;
  findings: Record<FindingResult, number>;
}

export function summarise(run: Pick<RunResult, 'hosts'>): RunSummary {
  const byStatus: Record<HostStatus, number> = { passed: 0, failed: 0, unreachable: 0, error: 0 };
  const findings: Record<FindingResult, number> = { fail: 0, warn: 0, pass: 0, skip: 0 };
  let interrupted = 0;

  for (const host of run.hosts) {
    byStatus[host.status] += 1;
    interrupted += host.error?.kind === 'interrupted' ? 1 : 0;
    for (const result of Object.keys(findings) as FindingResult[]) {
      findings[result] += host.findings[result];
    }
  }

  return { hosts: run.hosts.length, byStatus, interrupted, findings };
}
