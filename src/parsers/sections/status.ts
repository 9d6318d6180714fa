// Finds the Smart Licensing status sections wherever they appear in a capture
// and hands each to its parser.

import { splitSections, type Block, type Section } from '../common/blocks.js';
import type { ParseContext } from '../common/context.js';
import { useKnownShapes } from '../common/shapes.js';
import { parseLicenseAuthorization, parseRegistration } from './legacy.js';
import { parseAccountInformation, parsePolicy, parseSmartLicensingUsingPolicy } from './policy.js';
import { emptyStatusRecord, type LicenseStatusRecord } from './records.js';
import { parseTransport } from './transport.js';
import { parseTrustCode } from './trust-code.js';
import { parseUsageReporting } from './usage-reporting.js';

/** Section names that may carry a value on the header line itself. */
export const STATUS_HEADERS: ReadonlySet<string> = new Set([
  'Trust Code Installed',
  'Smart Licensing Using Policy',
  'License Authorization',
  'Device Enforcement State',
]);

/**
 * Blocks whose column-0 headers mean something else: `Usage Reporting:` under
 * `Communication Statistics` is a message class, `Transport: Smart` under
 * `Other Info` is an agent setting.
 */
const NON_STATUS_BLOCKS: ReadonlySet<string> = new Set([
  'Communication Statistics',
  'Other Info',
  'Upcoming Scheduled Jobs',
  'License Usage',
  'Product Information',
  'Agent Version',
  'HA Info',
  'License Certificates',
  'Platform Provided Mapping Table',
]);

type SectionParser = (section: Section, record: LicenseStatusRecord, context: ParseContext) => void;

// A Map, so a section named `constructor:` finds no parser.
const SECTION_PARSERS: ReadonlyMap<string, SectionParser> = new Map<string, SectionParser>([
  ['Smart Licensing Using Policy', parseSmartLicensingUsingPolicy],
  ['Account Information', parseAccountInformation],
  [
    'Transport',
    (section, record, context) => {
      context.use(section.header);
      parseTransport(section, record.transport, context);
    },
  ],
  ['Policy', parsePolicy],
  [
    'Usage Reporting',
    (section, record, context) => {
      context.use(section.header);
      parseUsageReporting(section, record.usageReporting, context);
    },
  ],
  [
    'Trust Code Installed',
    (section, record, context) => {
      record.trustCode = parseTrustCode(section, context);
    },
  ],
  ['Registration', parseRegistration],
  ['License Authorization', parseLicenseAuthorization],
]);

/** True for a block that holds (or may hold) status sections. */
export function isStatusBlock(block: Block): boolean {
  return block.title === null || !NON_STATUS_BLOCKS.has(block.title);
}

/**
 * Parses every status section in the given blocks. `Smart Licensing is ENABLED`
 * sets nothing, because Smart Licensing Using Policy prints it too.
 */
export function parseStatusSections(blocks: readonly Block[], context: ParseContext): LicenseStatusRecord {
  const record = emptyStatusRecord();

  for (const block of blocks.filter(isStatusBlock)) {
    context.useAll(block.headerLines);

    for (const section of splitSections(block.lines, STATUS_HEADERS)) {
      parseSection(section, record, context);
    }
  }

  inferPolicyMode(record, context);
  return record;
}

/**
 * Marks a capture as Smart Licensing Using Policy when it has no `Smart
 * Licensing Using Policy:` section but has a policy, usage reporting or trust
 * code section, which registration-based Smart Licensing never prints.
 */
function inferPolicyMode(record: LicenseStatusRecord, context: ParseContext): void {
  if (record.licensingMode !== null && record.licensingMode !== 'legacy') {
    return;
  }

  const evidence = (['policy.inUse', 'usageReporting.nextAckDeadline', 'trustCode'] as const).find((path) => context.has(path));
  if (evidence === undefined) {
    return;
  }

  record.licensingMode = 'policy';
  context.copySource(evidence, 'licensingMode');
}

function parseSection(section: Section, record: LicenseStatusRecord, context: ParseContext): void {
  const parser = SECTION_PARSERS.get(section.name);
  if (parser !== undefined) {
    parser(section, record, context);
    return;
  }

  // Sections the record does not model (Data Privacy, Reservation Info and
  // the like) and the lines before the first header: their key-value lines,
  // sentinels, role UDIs and upper-case state lines are understood as such,
  // because new keys appear with almost every Smart Agent release.
  if (section.name !== '') {
    context.use(section.header);
  }

  useKnownShapes(section.lines, context);
}
