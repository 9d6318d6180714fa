// A playbook check's verdict on one device.
import type { Evidence } from './facts.js';

export const TOPICS = [
  'clock-sync',
  'transport-url',
  'trustpoint',
  'udi-match',
  'trust-code',
  'reporting-deadline',
  'reporting-interval',
  'failure-reason',
  'policy',
  'onprem-version',
  'communication',
  'authorization',
  'licensing-mode',
  'collection',
] as const;

export type Topic = (typeof TOPICS)[number];

export type FindingResult = 'fail' | 'warn' | 'pass' | 'skip';

export interface Finding {
  mnemonic: string;
  /** `<playbook short name>.<check>`, e.g. `comm-failed.smart-url`. */
  check: string;
  topic: Topic;
  /** Syslog scale, 0 (emergency) to 7 (debugging). */
  severity: number;
  result: FindingResult;
  message: string;
  evidence: Evidence[];
  /** Configuration or exec commands that fix the cause, placeholders filled in. */
  remedy: string[];
  /**
   * How often the device logged this finding's message and the last such log
   * line, from `show logging | include SMART_LIC`; null when it logged none
   * or the log was not collected.
   */
  observed: { count: number; line: string } | null;
}
