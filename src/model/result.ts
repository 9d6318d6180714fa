// The result of one run: every host yields exactly one HostResult.
import type { CommandRecord } from './command.js';
import type { FactsSummary } from './facts.js';
import type { Finding } from './finding.js';

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

export interface RunResult {
  version: 1;
  startedAt: string;
  finishedAt: string;
  hosts: HostResult[];
}
