// Parser for `show license usage`: an optional `License Authorization:` block,
// then one entry per licence, `name (entitlement):` followed by indented
// `Key: value` lines. Entries may or may not be separated by blank lines.
// Legacy Smart Licensing (16.x) prints only Description, Count, Version,
// Status and Export status per entry. CUBE adds an `Application HA Info:`
// block, with an optional `Peer Info:` block, to its session licences. The
// parser also reads the `License Usage` section of `show license all`.

import type { Udi } from '../model/facts.js';
import { contentLines, sourceOf, splitKeyValue, valueOrNull } from './common/lines.js';
import type { Line } from './common/lines.js';
import { parseUdi } from './common/udi.js';
import type { ParseResult, SourceLine } from './types.js';
import { ownEntry } from './common/lookup.js';

export interface LicenseUsageEntry {
  /** The name before the parentheses, e.g. `network-advantage`. */
  name: string;
  /** The text inside the parentheses: a tag such as `ESR_P_10M_E` or a description. */
  entitlement: string;
  description: string | null;
  count: number | null;
  version: string | null;
  /** `IN USE`, `NOT IN USE`; legacy `AUTHORIZED`, ... */
  status: string | null;
  exportStatus: string | null;
  featureName: string | null;
  featureDescription: string | null;
  /** `NOT ENFORCED`, `ENFORCED`, `EXPORT RESTRICTED`, ...; absent on legacy devices. */
  enforcementType: string | null;
  /** `Perpetual` or `Subscription`; absent on legacy devices. */
  licenseType: string | null;
  /** The `Application HA Info:` block (CUBE); null when absent. */
  applicationHa: ApplicationHaInfo | null;
}

/** An application's high-availability state as Smart Licensing records it. */
export interface ApplicationHaInfo {
  applicationName: string | null;
  applicationId: string | null;
  /** `Active` or `Standby`. */
  applicationRole: string | null;
  /** The HA peer's side of the pair, from `Peer Info:`; null when absent. */
  peer: ApplicationHaPeer | null;
}

export interface ApplicationHaPeer {
  applicationName: string | null;
  applicationId: string | null;
  applicationRole: string | null;
  hostname: string | null;
  /** Product instance identifier. */
  piid: string | null;
  /** The peer's UDI (written `P:...,S:...`), not this device's. */
  udi: Udi | null;
  smartAccountName: string | null;
  virtualAccountName: string | null;
}

export interface LicenseUsageRecord {
  /**
   * `policy` when any entry carries `Enforcement type` or `License type`, or an
   * `IN USE` / `NOT IN USE` status; `legacy` when entries exist and none does;
   * null when there are no entries.
   */
  licensingMode: 'policy' | 'legacy' | null;
  /** `Status:` of the leading `License Authorization:` block, e.g. `Not Applicable`. */
  authorizationStatus: string | null;
  entries: LicenseUsageEntry[];
}

type EntryField = Exclude<keyof LicenseUsageEntry, 'name' | 'entitlement' | 'applicationHa'>;
type HaField = Exclude<keyof ApplicationHaPeer, 'udi'>;

const ENTRY_FIELDS: Readonly<Record<string, EntryField>> = {
  Description: 'description',
  Count: 'count',
  Version: 'version',
  Status: 'status',
  'Export status': 'exportStatus',
  'Feature Name': 'featureName',
  'Feature Description': 'featureDescription',
  'Enforcement type': 'enforcementType',
  'License type': 'licenseType',
};

const HA_FIELDS: Readonly<Record<string, HaField>> = {
  'Application Name': 'applicationName',
  'Application Id': 'applicationId',
  'Application Role': 'applicationRole',
  Hostname: 'hostname',
  PIID: 'piid',
  'Smart Account Name': 'smartAccountName',
  'Virtual Account Name': 'virtualAccountName',
};

// The section title and underline when the input comes from `show license all`.
const SECTION_TITLE = /^(License Usage|=+)$/;
const NO_LICENSES = /^No licenses in use$/i;
const NO_LICENSES_LENGTH = 'No licenses in use'.length;
const POLICY_STATUSES = new Set(['IN USE', 'NOT IN USE']);

/** Parses `show license usage` output. Never throws. */
export function parseShowLicenseUsage(text: string): ParseResult<LicenseUsageRecord> {
  const record: LicenseUsageRecord = { licensingMode: null, authorizationStatus: null, entries: [] };
  const unparsed: SourceLine[] = [];
  const sources: Record<string, SourceLine> = {};
  let inAuthorization = false;
  const blocks: HaBlocks = { haIndent: null, peerIndent: null };

  for (const line of contentLines(text)) {
    if (line.indent === 0 && line.trimmed === 'License Authorization:') {
      inAuthorization = true;
      continue;
    }

    const header = line.indent === 0 ? entryHeaderOf(line.trimmed) : null;
    if (header !== null) {
      inAuthorization = false;
      blocks.haIndent = null;
      blocks.peerIndent = null;
      sources[`entries.${record.entries.length}`] = sourceOf(line);
      record.entries.push(emptyEntry(header.name, header.entitlement));
      continue;
    }

    if (line.indent === 0 && (line.trimmed.startsWith('L') || line.trimmed.startsWith('=')) && SECTION_TITLE.test(line.trimmed)) {
      continue;
    }

    if (line.trimmed.length === NO_LICENSES_LENGTH && NO_LICENSES.test(line.trimmed)) {
      sources['entries'] = sourceOf(line);
      continue;
    }

    const understood = inAuthorization
      ? readAuthorizationLine(record, line, sources)
      : readEntryLine(record, line, sources, blocks);
    if (!understood) {
      unparsed.push(sourceOf(line));
    }
  }

  record.licensingMode = licensingModeOf(record.entries);
  return { record, unparsed, sources };
}

// `CBR8 VOD/SDV Downstream Video QAM License Feature (NC_License):`. Names
// may contain spaces, `/`, `+` and `-`, so the name ends at the first ` (` and
// the entitlement runs from there to the closing `):`. Index searches keep
// this linear on long lines.
function entryHeaderOf(trimmed: string): { name: string; entitlement: string } | null {
  if (!trimmed.endsWith('):')) {
    return null;
  }

  const open = trimmed.indexOf(' (');
  if (open <= 0) {
    return null;
  }

  return { name: trimmed.slice(0, open).trim(), entitlement: trimmed.slice(open + 2, -2) };
}

function emptyEntry(name: string, entitlement: string): LicenseUsageEntry {
  return {
    name,
    entitlement,
    description: null,
    count: null,
    version: null,
    status: null,
    exportStatus: null,
    featureName: null,
    featureDescription: null,
    enforcementType: null,
    licenseType: null,
    applicationHa: null,
  };
}

function readAuthorizationLine(record: LicenseUsageRecord, line: Line, sources: Record<string, SourceLine>): boolean {
  const field = splitKeyValue(line.trimmed);
  if (field === null || field.key !== 'Status') {
    return false;
  }

  record.authorizationStatus = valueOrNull(field.value);
  sources['authorizationStatus'] = sourceOf(line);
  return true;
}

function readEntryLine(
  record: LicenseUsageRecord,
  line: Line,
  sources: Record<string, SourceLine>,
  blocks: HaBlocks,
): boolean {
  const index = record.entries.length - 1;
  const entry = record.entries[index];
  const field = entry === undefined || line.indent === 0 ? null : splitKeyValue(line.trimmed);
  if (entry === undefined || field === null) {
    return false;
  }

  if (blocks.peerIndent !== null && line.indent <= blocks.peerIndent) {
    blocks.peerIndent = null;
  }

  if (blocks.haIndent !== null && line.indent <= blocks.haIndent) {
    blocks.haIndent = null;
  }

  if (field.key === 'Application HA Info' && field.value === '') {
    entry.applicationHa = { applicationName: null, applicationId: null, applicationRole: null, peer: null };
    blocks.haIndent = line.indent;
    sources[`entries.${index}.applicationHa`] = sourceOf(line);
    return true;
  }

  if (blocks.haIndent !== null && entry.applicationHa !== null) {
    return readHaLine(entry.applicationHa, field.key, field.value, line, `entries.${index}.applicationHa`, sources, blocks);
  }

  const name = ownEntry(ENTRY_FIELDS, field.key);
  if (name === undefined) {
    return false;
  }

  if (name === 'count') {
    entry.count = /^\d+$/.test(field.value) ? Number.parseInt(field.value, 10) : null;
  } else {
    entry[name] = valueOrNull(field.value);
  }

  sources[`entries.${index}.${name}`] = sourceOf(line);
  return true;
}

// Indents of the open `Application HA Info:` and `Peer Info:` headers; a line
// belongs to a block while it is indented deeper than the block's header.
interface HaBlocks {
  haIndent: number | null;
  peerIndent: number | null;
}

function readHaLine(
  info: ApplicationHaInfo,
  key: string,
  value: string,
  line: Line,
  path: string,
  sources: Record<string, SourceLine>,
  blocks: HaBlocks,
): boolean {
  if (key === 'Peer Info' && value === '') {
    info.peer = {
      applicationName: null,
      applicationId: null,
      applicationRole: null,
      hostname: null,
      piid: null,
      udi: null,
      smartAccountName: null,
      virtualAccountName: null,
    };
    blocks.peerIndent = line.indent;
    sources[`${path}.peer`] = sourceOf(line);
    return true;
  }

  const peer = blocks.peerIndent !== null ? info.peer : null;
  if (peer !== null && key === 'UDI') {
    peer.udi = parseUdi(value);
    sources[`${path}.peer.udi`] = sourceOf(line);
    return peer.udi !== null;
  }

  const name = ownEntry(HA_FIELDS, key);
  if (name === undefined) {
    return false;
  }

  // CUBE prints `'nullPtr'` for account names it does not have.
  const present = valueOrNull(value);
  const cleaned = present === "'nullPtr'" ? null : present;
  if (peer !== null) {
    peer[name] = cleaned;
    sources[`${path}.peer.${name}`] = sourceOf(line);
    return true;
  }

  if (name === 'applicationName' || name === 'applicationId' || name === 'applicationRole') {
    info[name] = cleaned;
    sources[`${path}.${name}`] = sourceOf(line);
    return true;
  }

  return false;
}

function licensingModeOf(entries: LicenseUsageEntry[]): LicenseUsageRecord['licensingMode'] {
  if (entries.length === 0) {
    return null;
  }

  const policy = entries.some(
    (entry) =>
      entry.enforcementType !== null ||
      entry.licenseType !== null ||
      (entry.status !== null && POLICY_STATUSES.has(entry.status)),
  );
  return policy ? 'policy' : 'legacy';
}
