// The tech support `Upcoming Scheduled Jobs` block. Only `Current time:`, the
// device clock at capture time, is read; the job lines are marked understood.

import type { DeviceTime } from '../../model/facts.js';
import type { Block } from '../common/blocks.js';
import type { ParseContext } from '../common/context.js';
import { FieldTable, readFields, timeOrNull } from '../common/fields.js';

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

export function parseScheduledJobs(block: Block, context: ParseContext): DeviceTime | null {
  const target: ScheduledJobs = { currentTime: null };
  context.useAll(block.headerLines);
  readFields(block.lines, context, FIELDS, target, true);
  return target.currentTime;
}
