// The `Agent Version` block: `Smart Agent for Licensing: 5.11.4_rel/20`.

import type { Block } from '../common/blocks.js';
import type { ParseContext } from '../common/context.js';
import { readFields } from '../common/fields.js';
import { valueOrNull } from '../common/lines.js';

export function parseAgentVersion(block: Block, context: ParseContext): string | null {
  let version: string | null = null;
  context.use(...block.headerLines);

  readFields(
    block.lines,
    context,
    {
      'Smart Agent for Licensing': (value, line) => {
        version = valueOrNull(value);
        context.read('agentVersion', line);
      },
    },
    false,
  );

  return version;
}
