// The tech support `Upcoming Scheduled Jobs` block. Only `Current time:`, the
// device clock at capture time, is read; the jobs of the list below are
// marked understood.

import type { DeviceTime } from '../../model/facts.js';
import type { Block } from '../common/blocks.js';
import type { ParseContext } from '../common/context.js';
import { FieldTable, IgnoredKeys, readFields, timeOrNull } from '../common/fields.js';

interface ScheduledJobs {
  currentTime: DeviceTime | null;
}

const FIELDS: FieldTable<ScheduledJobs> = new FieldTable([
  [
    'Current time',
    (target, value, line, context) => {
      target.currentTime = timeOrNull(value);
      context.read('currentTime', line);
    },
  ],
]);

/**
 * The Smart Agent jobs printed with their next run time, as Smart Agent 5.1
 * to 6.3 name them. A job that a later release adds reaches `unparsed`.
 */
const JOBS = new IgnoredKeys([
  'Ack Expiration Check',
  'Authorization Code Process',
  'Authorization Renewal',
  'Daily',
  'Data Synchronization',
  'External Event',
  'Hello Message',
  'Init Flag Check',
  'Operational Model',
  'Process Utility RUM reports',
  'Register Period Expiration Check',
  'Reservation configuration mismatch between nodes in HA mode',
  'Retrieve data processing result',
  'Save unreported RUM Reports',
  'Send Utility RUM reports',
  'Start Utility Measurements',
  'Telemetry Reporting',
  'Trust Acknowledgement',
  'Trust Establishment',
]);

export function parseScheduledJobs(block: Block, context: ParseContext): DeviceTime | null {
  const target: ScheduledJobs = { currentTime: null };
  context.useAll(block.headerLines);
  readFields(block.lines, context, FIELDS, target, JOBS);
  return target.currentTime;
}
