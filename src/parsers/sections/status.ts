// Finds the Smart Licensing status sections wherever they appear in a capture
// and hands each to its parser.

import { blockTitleAt, sectionHeaderOf, type Block, type Section } from '../common/blocks.js';
import type { ParseContext } from '../common/context.js';
import type { Line } from '../common/lines.js';
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
 * True for blocks whose column-0 headers mean something else: `Usage
 * Reporting:` under `Communication Statistics` is a message class, `Transport:
 * Smart` under `Other Info` is an agent setting. A switch compares the title
 * in place, where a Set would first hash the title, a fresh string each time.
 */
function isNonStatusBlock(title: string): boolean {
  switch (title) {
    case 'Communication Statistics':
    case 'Other Info':
    case 'Upcoming Scheduled Jobs':
    case 'License Usage':
    case 'Product Information':
    case 'Agent Version':
    case 'HA Info':
    case 'License Certificates':
    case 'Platform Provided Mapping Table':
      return true;
    default:
      return false;
  }
}

type SectionParser = (section: Section, record: LicenseStatusRecord, context: ParseContext) => void;

/**
 * Returns the parser of a status section by its name. A switch, like
 * isNonStatusBlock, so a section named `constructor:` finds no parser.
 */
function sectionParserOf(name: string): SectionParser | undefined {
  switch (name) {
    case 'Smart Licensing Using Policy':
      return parseSmartLicensingUsingPolicy;
    case 'Account Information':
      return parseAccountInformation;
    case 'Transport':
      return parseTransportSection;
    case 'Policy':
      return parsePolicy;
    case 'Usage Reporting':
      return parseUsageReportingSection;
    case 'Trust Code Installed':
      return parseTrustCodeSection;
    case 'Registration':
      return parseRegistration;
    case 'License Authorization':
      return parseLicenseAuthorization;
    default:
      return undefined;
  }
}

function parseTransportSection(section: Section, record: LicenseStatusRecord, context: ParseContext): void {
  context.use(section.header);
  parseTransport(section, record.transport, context);
}

function parseUsageReportingSection(section: Section, record: LicenseStatusRecord, context: ParseContext): void {
  context.use(section.header);
  parseUsageReporting(section, record.usageReporting, context);
}

function parseTrustCodeSection(section: Section, record: LicenseStatusRecord, context: ParseContext): void {
  record.trustCode = parseTrustCode(section, context);
}

/** The status record of a capture, and the blocks that hold no status sections, in the order printed. */
export interface StatusSections {
  record: LicenseStatusRecord;
  otherBlocks: Block[];
}

/**
 * Parses every status section of a capture in one pass over its lines. The
 * pass finds each block title and, inside blocks that may hold status
 * sections, each section header, and hands a section to its parser as soon as
 * the next header or title ends it. Blocks that hold no status sections (see
 * isNonStatusBlock) are returned for the caller to read after the status
 * sections. `Smart Licensing is ENABLED` sets nothing, because Smart
 * Licensing Using Policy prints it too.
 */
export function parseStatusSections(lines: readonly Line[], context: ParseContext): StatusSections {
  const record = emptyStatusRecord();
  const otherBlocks: Block[] = [];
  // Lines before the first title form a block that may hold status sections.
  let otherBlock: Block | null = null;
  let section: Section | null = null;
  // The lines of the open section or other block run from `start` to the
  // line that ends it, so each takes them with one slice.
  let start = 0;

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as Line;
    if (line.indent === 0) {
      const title = blockTitleAt(lines, index);
      if (title !== null) {
        closeSection(section, lines, start, index, record, context);
        section = null;
        if (otherBlock !== null) {
          otherBlock.lines = lines.slice(start, index);
        }

        const headerLines = [line, lines[index + 1] as Line];
        if (isNonStatusBlock(title)) {
          otherBlock = { title, headerLines, lines: [] };
          otherBlocks.push(otherBlock);
        } else {
          otherBlock = null;
          context.useAll(headerLines);
        }

        index += 1;
        start = index + 1;
        continue;
      }
    }

    if (otherBlock !== null) {
      continue;
    }

    const header = sectionHeaderOf(line, STATUS_HEADERS);
    if (header !== null) {
      closeSection(section, lines, start, index, record, context);
      section = { name: header.key, header: line, headerValue: header.value, lines: [] };
      start = index + 1;
    } else if (section === null) {
      // Lines before the first header of a block form a section named ''.
      section = { name: '', header: line, headerValue: '', lines: [] };
      start = index;
    }
  }

  closeSection(section, lines, start, lines.length, record, context);
  if (otherBlock !== null) {
    otherBlock.lines = lines.slice(start);
  }

  inferPolicyMode(record, context);
  return { record, otherBlocks };
}

/** Gives an open section its lines up to `end` and parses it. */
function closeSection(
  section: Section | null,
  lines: readonly Line[],
  start: number,
  end: number,
  record: LicenseStatusRecord,
  context: ParseContext,
): void {
  if (section === null) {
    return;
  }

  section.lines = lines.slice(start, end);
  parseSection(section, record, context);
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
  const parser = sectionParserOf(section.name);
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
