// `show license all`: the status sections plus License Usage, Product
// Information, Agent Version, License Authorizations and report summaries.

import { runParser } from './common/run.js';
import { useKnownShapes } from './common/shapes.js';
import { parseAgentVersion } from './sections/agent-version.js';
import { parseProductInformation, type UdiRecord } from './sections/product-information.js';
import { emptyStatusRecord, type LicenseStatusRecord } from './sections/records.js';
import { parseStatusSections } from './sections/status.js';
import type { ParseResult } from './types.js';

export interface ShowLicenseAllRecord extends LicenseStatusRecord, UdiRecord {
  /** `Smart Agent for Licensing:`, e.g. `5.11.4_rel/20`. */
  agentVersion: string | null;
}

function emptyAllRecord(): ShowLicenseAllRecord {
  return allRecord(emptyStatusRecord());
}

// Fields are listed one by one rather than spread, because this runs once per
// parse and object spread is several times slower in V8.
function allRecord(status: LicenseStatusRecord): ShowLicenseAllRecord {
  return {
    licensingMode: status.licensingMode,
    policyStatus: status.policyStatus,
    reportingMode: status.reportingMode,
    account: status.account,
    transport: status.transport,
    policy: status.policy,
    usageReporting: status.usageReporting,
    trustCode: status.trustCode,
    registration: status.registration,
    authorization: status.authorization,
    udi: null,
    udis: [],
    agentVersion: null,
  };
}

export function parseShowLicenseAll(text: string): ParseResult<ShowLicenseAllRecord> {
  return runParser(text, emptyAllRecord, (lines, context) => {
    const { record: status, otherBlocks } = parseStatusSections(lines, context);
    const record = allRecord(status);

    for (const block of otherBlocks) {
      if (block.title === 'Product Information') {
        context.useAll(block.headerLines);
        Object.assign(record, parseProductInformation(block.lines, context));
      } else if (block.title === 'Agent Version') {
        record.agentVersion = parseAgentVersion(block, context);
      } else {
        context.useAll(block.headerLines);
        useKnownShapes(block.lines, context);
      }
    }

    return record;
  });
}
