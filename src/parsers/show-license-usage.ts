// Parser for `show license usage`: an optional `License Authorization:` block,
// then one entry per licence, `name (entitlement):` followed by indented
// `Key: value` lines. Entries may or may not be separated by blank lines.
// Legacy Smart Licensing (16.x) prints only Description, Count, Version,
// Status and Export status per entry.

import { contentLines, sourceOf, splitKeyValue, valueOrNull } from './common/lines.js';
import type { Line } from './common/lines.js';
import type { ParseResult, SourceLine } from './types.js';

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

type EntryField = Exclude<keyof LicenseUsageEntry, 'name' | 'entitlement'>;

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

// `CBR8 VOD/SDV Downstream Video QAM License Feature (NC_License):`. Names may
// contain spaces, `/`, `+` and `-`; the entitlement is the last parenthesised part.
const ENTRY_HEADER = /^(\S.*?)\s+\((.*)\):$/;
const PROMPT = /^[\w.:/()-]+[#>]\s*$/;
const POLICY_STATUSES = new Set(['IN USE', 'NOT IN USE']);

/** Parses `show license usage` output. Never throws. */
export function parseShowLicenseUsage(text: string): ParseResult<LicenseUsageRecord> {
  const record: LicenseUsageRecord = { licensingMode: null, authorizationStatus: null, entries: [] };
  const unparsed: SourceLine[] = [];
  const sources: Record<string, SourceLine> = {};
  let inAuthorization = false;

  for (const line of contentLines(text)) {
    if (line.indent === 0 && line.trimmed === 'License Authorization:') {
      inAuthorization = true;
      continue;
    }

    const header = ENTRY_HEADER.exec(line.trimmed);
    if (line.indent === 0 && header !== null) {
      inAuthorization = false;
      sources[`entries.${record.entries.length}`] = sourceOf(line);
      record.entries.push(emptyEntry(header[1] ?? '', header[2] ?? ''));
      continue;
    }

    if (PROMPT.test(line.trimmed)) {
      continue;
    }

    const understood = inAuthorization
      ? readAuthorizationLine(record, line, sources)
      : readEntryLine(record, line, sources);
    if (!understood) {
      unparsed.push(sourceOf(line));
    }
  }

  record.licensingMode = licensingModeOf(record.entries);
  return { record, unparsed, sources };
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

function readEntryLine(record: LicenseUsageRecord, line: Line, sources: Record<string, SourceLine>): boolean {
  const index = record.entries.length - 1;
  const entry = record.entries[index];
  const field = splitKeyValue(line.trimmed);
  if (entry === undefined || field === null || line.indent === 0) {
    return false;
  }

  const name = ENTRY_FIELDS[field.key];
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
