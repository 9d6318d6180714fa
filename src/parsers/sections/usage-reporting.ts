// The `Usage Reporting:` section of the status part (not the message class of
// the same name under `Communication Statistics`).

import type { ParseContext } from '../common/context.js';
import type { Section } from '../common/blocks.js';
import { FieldTable, readFields, timeOrNull } from '../common/fields.js';
import type { ReportingInterval, UsageReportingRecord } from './records.js';

type TimeField = Exclude<keyof UsageReportingRecord, 'reportingPushInterval'>;

const TIME_FIELDS: ReadonlyArray<[string, TimeField]> = [
  ['Last ACK received', 'lastAckReceived'],
  ['Next ACK deadline', 'nextAckDeadline'],
  ['Next ACK push check', 'nextAckPushCheck'],
  ['Next report push', 'nextReportPush'],
  ['Last report push', 'lastReportPush'],
  ['Last report file write', 'lastReportFileWrite'],
];

/**
 * Reads `Reporting push interval` forms `30  days`, `0 (no reporting)` and the
 * tech support `30  days State(4) InPolicy(60)`; null for a sentinel.
 */
export function parseReportingInterval(value: string): ReportingInterval | null {
  const text = value.trim();
  if (text === '' || /^<\w+>$/.test(text)) {
    return null;
  }

  const match = /^(\d+)\b/.exec(text);
  return { text, days: match === null ? null : Number(match[1]) };
}

const FIELDS = new FieldTable<UsageReportingRecord>([
  [
    'Reporting push interval',
    (usage, value, line, context) => {
      usage.reportingPushInterval = parseReportingInterval(value);
      context.read('usageReporting.reportingPushInterval', line);
    },
  ],
]);

for (const [key, field] of TIME_FIELDS) {
  const path = `usageReporting.${field}`;
  FIELDS.set(key, (usage, value, line, context) => {
    usage[field] = timeOrNull(value);
    context.read(path, line);
  });
}

export function parseUsageReporting(section: Section, usage: UsageReportingRecord, context: ParseContext): void {
  readFields(section.lines, context, FIELDS, usage, null);
}
