// The tech support `Upcoming Scheduled Jobs` block. Only `Current time:`, the
// device clock at capture time, is read; the job lines are marked understood.

import type { DeviceTime } from '../../model/facts.js';
import type { Block } from '../common/blocks.js';
import type { ParseContext } from '../common/context.js';
import { readFields, timeOrNull } from '../common/fields.js';

export function parseScheduledJobs(block: Block, context: ParseContext): DeviceTime | null {
  let currentTime: DeviceTime | null = null;
  context.use(...block.headerLines);

  readFields(
    block.lines,
    context,
    {
      'Current time': (value, line) => {
        currentTime = timeOrNull(value);
        context.read('currentTime', line);
      },
    },
    true,
  );

  return currentTime;
}
