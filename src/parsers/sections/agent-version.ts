// The `Agent Version` block: `Smart Agent for Licensing: 5.11.4_rel/20`.

import type { Block } from '../common/blocks.js';
import type { ParseContext } from '../common/context.js';
import { FieldTable, readFields } from '../common/fields.js';
import { valueOrNull } from '../common/lines.js';

interface AgentVersion {
  version: string | null;
}

const FIELDS: FieldTable<AgentVersion> = new FieldTable([
  [
    'Smart Agent for Licensing',
    (target, value, line, context) => {
      target.version = valueOrNull(value);
      context.read('agentVersion', line);
    },
  ],
]);

export function parseAgentVersion(block: Block, context: ParseContext): string | null {
  const target: AgentVersion = { version: null };
  context.useAll(block.headerLines);
  readFields(block.lines, context, FIELDS, target, null);
  return target.version;
}
