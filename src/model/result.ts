// The result of one run: every host yields exactly one HostResult.
import type { CommandRecord } from './command.js';
import type { FactsSummary } from './facts.js';
import type { Finding, FindingResult } from './finding.js';

export type HostStatus = 'passed' | 'failed' | 'unreachable' | 'error';

/** Kind of breakdown of a connection or session. */
export type ErrorKind =
  | 'refused'
  | 'timeout'
  | 'auth'
  | 'hostkey'
  | 'disconnected'
  | 'protocol'
  | 'enable'
  | 'rejected'
  | 'interrupted'
  | 'config'
  | 'internal';

export interface HostError {
  kind: ErrorKind;
  message: string;
}

export interface HostResult {
  name: string;
  address: string;
  status: HostStatus;
  error: HostError | null;
  /** Commands sent and their outcome; the outputs themselves are in the capture directory. */
  commands: CommandRecord[];
  /** The facts the JSON report shows; the full facts are rebuilt from the captures when needed. */
  facts: FactsSummary | null;
  findings: Finding[];
  startedAt: string;
  finishedAt: string;
}

/**
 * The record a run keeps in memory for each host: enough for the summary, the
 * exit code and the list of devices not collected. The full HostResult is on disk.
 */
export interface HostSummary {
  name: string;
  address: string;
  status: HostStatus;
  error: HostError | null;
  /** Number of findings with each result. */
  findings: Record<FindingResult, number>;
}

/**
 * A finished run. Only the per-host summaries are in memory. Reporters read
 * the full results back one host at a time, so memory does not grow with the
 * fleet.
 */
export interface RunResult {
  version: 1;
  startedAt: string;
  finishedAt: string;
  /** One summary per host, in inventory order. */
  hosts: readonly HostSummary[];
  /** Reads every host's full result, in the order of `hosts`. Each call starts from the first host again. */
  results(): AsyncIterable<HostResult>;
}

/** Reduces a host's result to what a run keeps in memory. */
export function summariseHost(result: HostResult): HostSummary {
  const findings: Record<FindingResult, number> = { fail: 0, warn: 0, pass: 0, skip: 0 };
  for (const finding of result.findings) {
    findings[finding.result] += 1;
  }
  return { name: result.name, address: result.address, status: result.status, error: result.error, findings };
}
