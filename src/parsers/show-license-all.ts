// `show license all`: the status sections plus License Usage, Product
// Information, Agent Version, License Authorizations and report summaries.

import { splitBlocks } from './common/blocks.js';
import { runParser } from './common/run.js';
import { useKnownShapes } from './common/shapes.js';
import { parseAgentVersion } from './sections/agent-version.js';
import { parseProductInformation, type UdiRecord } from './sections/product-information.js';
import { emptyStatusRecord, type LicenseStatusRecord } from './sections/records.js';
import { isStatusBlock, parseStatusSections } from './sections/status.js';
import type { ParseResult } from './types.js';

export interface ShowLicenseAllRecord extends LicenseStatusRecord, UdiRecord {
  /** `Smart Agent for Licensing:`, e.g. `5.11.4_rel/20`. */
  agentVersion: string | null;
}

function emptyAllRecord(): ShowLicenseAllRecord {
  return { ...emptyStatusRecord(), udi: null, udis: [], agentVersion: null };
}

export function parseShowLicenseAll(text: string): ParseResult<ShowLicenseAllRecord> {
  return runParser(text, emptyAllRecord, (lines, context) => {
    const blocks = splitBlocks(lines);
    const record: ShowLicenseAllRecord = { ...parseStatusSections(blocks, context), udi: null, udis: [], agentVersion: null };

    for (const block of blocks.filter((b) => !isStatusBlock(b))) {
      if (block.title === 'Product Information') {
        context.use(...block.headerLines);
        Object.assign(record, parseProductInformation(block.lines, context));
      } else if (block.title === 'Agent Version') {
        record.agentVersion = parseAgentVersion(block, context);
      } else {
        context.use(...block.headerLines);
        useKnownShapes(block.lines, context);
      }
    }

    return record;
  });
}
