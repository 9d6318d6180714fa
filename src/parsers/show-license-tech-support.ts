// `show license tech support`: everything `show license all` has, plus the
// device clock, communication statistics, NTP sync and per-UDI trust data.

import type { CommunicationCounter, DeviceTime } from '../model/facts.js';
import type { Block } from './common/blocks.js';
import type { ParseContext } from './common/context.js';
import { runParser } from './common/run.js';
import { useKnownShapes } from './common/shapes.js';
import { parseAgentVersion } from './sections/agent-version.js';
import { parseCommunication } from './sections/communication.js';
import { parseOtherInfo, TRUST_DATA_PATHS } from './sections/other-info.js';
import { parseProductInformation, type UdiRecord } from './sections/product-information.js';
import { emptyStatusRecord, type LicenseStatusRecord, type TrustCodeRecordEntry } from './sections/records.js';
import { parseScheduledJobs } from './sections/scheduled-jobs.js';
import { parseStatusSections } from './sections/status.js';
import { TRUST_CODE_PATHS } from './sections/trust-code.js';
import type { ParseResult } from './types.js';

export interface ShowLicenseTechSupportRecord extends LicenseStatusRecord, UdiRecord {
  agentVersion: string | null;
  /** `Clock sync-ed with NTP:` in Other Info. */
  clockSyncedWithNtp: boolean | null;
  /** `Current time:` in Upcoming Scheduled Jobs: the device clock at capture time. */
  currentTime: DeviceTime | null;
  communicationLevelAllowed: string | null;
  communicationOverallState: string | null;
  communication: CommunicationCounter[];
  /** `Overall Trust:` in Other Info, e.g. `INSTALLED (2)` or `No ID`. */
  overallTrust: string | null;
  /** Per-UDI trust data lines of Other Info; `trustCode` falls back to these when `Trust Code Installed` is absent. */
  trustData: TrustCodeRecordEntry[];
}

function emptyTechSupportRecord(): ShowLicenseTechSupportRecord {
  return techSupportRecord(emptyStatusRecord());
}

// Fields are listed one by one rather than spread, because this runs once per
// parse and object spread is several times slower in V8.
function techSupportRecord(status: LicenseStatusRecord): ShowLicenseTechSupportRecord {
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
    clockSyncedWithNtp: null,
    currentTime: null,
    communicationLevelAllowed: null,
    communicationOverallState: null,
    communication: [],
    overallTrust: null,
    trustData: [],
  };
}

// NOTE: this is the slowest parser in `npm run bench:parse`, at about 3.85
// times the split time against a limit of 4 (BENCHMARKS.md). Work added per
// line or per field source shows up there first.
export function parseShowLicenseTechSupport(text: string): ParseResult<ShowLicenseTechSupportRecord> {
  return runParser(text, emptyTechSupportRecord, (lines, context) => {
    const { record: status, otherBlocks } = parseStatusSections(lines, context);
    const record = techSupportRecord(status);

    for (const block of otherBlocks) {
      parseTechSupportBlock(block, record, context);
    }

    if (!context.has('trustCode') && record.trustData.length > 0) {
      useTrustDataAsTrustCode(record, context);
    }

    return record;
  });
}

function parseTechSupportBlock(block: Block, record: ShowLicenseTechSupportRecord, context: ParseContext): void {
  switch (block.title) {
    case 'Product Information':
      context.useAll(block.headerLines);
      Object.assign(record, parseProductInformation(block.lines, context));
      return;
    case 'Agent Version':
      record.agentVersion = parseAgentVersion(block, context);
      return;
    case 'Upcoming Scheduled Jobs':
      record.currentTime = parseScheduledJobs(block, context);
      return;
    case 'Communication Statistics': {
      const communication = parseCommunication(block, context);
      record.communicationLevelAllowed = communication.levelAllowed;
      record.communicationOverallState = communication.overallState;
      record.communication = communication.counters;
      return;
    }
    case 'Other Info': {
      const otherInfo = parseOtherInfo(block, context);
      record.clockSyncedWithNtp = otherInfo.clockSyncedWithNtp;
      record.overallTrust = otherInfo.overallTrust;
      record.trustData = otherInfo.trustData;
      return;
    }
    default:
      context.useAll(block.headerLines);
      useKnownShapes(block.lines, context);
  }
}

/** Older tech support output has no `Trust Code Installed` section; Other Info trust data stands in for it. */
function useTrustDataAsTrustCode(record: ShowLicenseTechSupportRecord, context: ParseContext): void {
  record.trustCode = record.trustData.map((entry) => ({ ...entry }));
  context.copySource(TRUST_DATA_PATHS.at(0), 'trustCode');
  record.trustData.forEach((_entry, index) => context.copySource(TRUST_DATA_PATHS.at(index), TRUST_CODE_PATHS.at(index)));
}
