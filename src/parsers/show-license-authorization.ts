// Parser for `show license authorization`, which prints the Smart Licensing
// Authorization Code (SLAC) state per UDI. The same block appears as
// `License Authorizations` inside `show license all`, and this parser reads
// that block too:
//
//   Last Data Push: <none>
//   Overall status:
//     Active: PID:C8000V,SN:93POM8FF9IZ
//         Status: SMART AUTHORIZATION INSTALLED on Sep 21 13:48:56 2021 UTC
//         Last Confirmation code: 1fc54c75
//   Purchased Licenses:
//     No Purchase Information Available
//   Derived Licenses:
//     Entitlement Tag: regid.2014-05.com.cisco.ax_250M,1.0_...

import type { DeviceTime, Udi } from '../model/facts.js';
import { contentLines, sourceOf, valueOrNull } from './common/lines.js';
import type { Line } from './common/lines.js';
import { parseDeviceTime } from './common/time.js';
import { parseRoleUdi } from './common/udi.js';
import type { ParseResult, SourceLine } from './types.js';

export interface AuthorizationStatus {
  udi: Udi;
  /** The status without its time, e.g. `NOT INSTALLED`, `SMART AUTHORIZATION INSTALLED`. */
  status: string | null;
  /** True when a SLAC is installed on this UDI; null when no `Status:` line was seen. */
  installed: boolean | null;
  installedAt: DeviceTime | null;
  lastConfirmationCode: string | null;
  lastReturnCode: string | null;
}

export interface LicenseAuthorizationRecord {
  lastDataPush: DeviceTime | null;
  lastFileExport: DeviceTime | null;
  /** One entry per UDI under `Overall status:`, in output order (Active, Standby, Member...). */
  authorizations: AuthorizationStatus[];
  /** False for `No Purchase Information Available`; null when the section is absent. */
  purchaseInformationAvailable: boolean | null;
  /**
   * Lines under `Purchased Licenses:` other than the "no information" line,
   * trimmed. They are also listed in `unparsed` because no public sample shows
   * their layout.
   */
  purchasedLicenses: string[];
  /** `Entitlement Tag:` values under `Derived Licenses:`. */
  derivedEntitlementTags: string[];
}

type Section = 'none' | 'overall' | 'purchased' | 'derived';

/** Returns the section a header line opens; undefined for other lines. */
function sectionOf(trimmed: string): Section | undefined {
  switch (trimmed) {
    case 'Overall status:':
      return 'overall';
    case 'Purchased Licenses:':
      return 'purchased';
    case 'Derived Licenses:':
      return 'derived';
    default:
      return undefined;
  }
}

const INSTALLED = /INSTALLED/;
const NOT_INSTALLED = /NOT INSTALLED/;
const BLOCK_TITLE = /^(License Authorizations|=+)$/;

/** Parses `show license authorization` output or the `License Authorizations` block of `show license all`. Never throws. */
export function parseShowLicenseAuthorization(text: string): ParseResult<LicenseAuthorizationRecord> {
  const record: LicenseAuthorizationRecord = {
    lastDataPush: null,
    lastFileExport: null,
    authorizations: [],
    purchaseInformationAvailable: null,
    purchasedLicenses: [],
    derivedEntitlementTags: [],
  };
  const unparsed: SourceLine[] = [];
  const sources: Record<string, SourceLine> = {};
  let section: Section = 'none';

  for (const line of contentLines(text)) {
    const header = sectionOf(line.trimmed);
    if (header !== undefined) {
      section = header;
      continue;
    }

    if (isBlockTitle(line.trimmed)) {
      continue;
    }

    if (!readLine(record, section, line, sources)) {
      unparsed.push(sourceOf(line));
    }
  }

  return { record, unparsed, sources };
}

function isBlockTitle(trimmed: string): boolean {
  return (trimmed.startsWith('L') || trimmed.startsWith('=')) && BLOCK_TITLE.test(trimmed);
}

function readLine(
  record: LicenseAuthorizationRecord,
  section: Section,
  line: Line,
  sources: Record<string, SourceLine>,
): boolean {
  if (section === 'overall') {
    return readOverallLine(record, line, sources);
  }

  if (section === 'purchased') {
    return readPurchasedLine(record, line, sources);
  }

  // Keys are compared in place: most lines of a tech support capture reach
  // this point, and copying out their key and value would cost more than the
  // rest of this parser.
  if (section === 'derived' && line.hasKey('Entitlement Tag')) {
    sources[`derivedEntitlementTags.${record.derivedEntitlementTags.length}`] = sourceOf(line);
    record.derivedEntitlementTags.push(line.value);
    return true;
  }

  if (line.hasKey('Last Data Push')) {
    record.lastDataPush = deviceTimeOrNull(line.value);
    sources['lastDataPush'] = sourceOf(line);
    return true;
  }

  if (line.hasKey('Last File Export')) {
    record.lastFileExport = deviceTimeOrNull(line.value);
    sources['lastFileExport'] = sourceOf(line);
    return true;
  }

  return false;
}

function readOverallLine(record: LicenseAuthorizationRecord, line: Line, sources: Record<string, SourceLine>): boolean {
  // `Active: PID:C9300-24UX,SN:FCW2147L0C5`; `Member` repeats on stacks.
  const udi = parseRoleUdi(line.trimmed);
  if (udi !== null) {
    sources[`authorizations.${record.authorizations.length}.udi`] = sourceOf(line);
    record.authorizations.push({
      udi,
      status: null,
      installed: null,
      installedAt: null,
      lastConfirmationCode: null,
      lastReturnCode: null,
    });
    return true;
  }

  const index = record.authorizations.length - 1;
  const current = record.authorizations[index];
  if (current === undefined) {
    return false;
  }

  if (line.hasKey('Status')) {
    const [status, since] = splitOn(line.value);
    current.status = valueOrNull(status);
    current.installed = NOT_INSTALLED.test(status) ? false : INSTALLED.test(status);
    current.installedAt = since === null ? null : deviceTimeOrNull(since);
    sources[`authorizations.${index}.status`] = sourceOf(line);
    return true;
  }

  if (line.hasKey('Last Confirmation code')) {
    current.lastConfirmationCode = valueOrNull(line.value);
    sources[`authorizations.${index}.lastConfirmationCode`] = sourceOf(line);
    return true;
  }

  if (line.hasKey('Last Return code')) {
    current.lastReturnCode = valueOrNull(line.value);
    sources[`authorizations.${index}.lastReturnCode`] = sourceOf(line);
    return true;
  }

  return false;
}

function readPurchasedLine(
  record: LicenseAuthorizationRecord,
  line: Line,
  sources: Record<string, SourceLine>,
): boolean {
  if (line.indent === 0) {
    return false;
  }

  // One published sample reads `No Purchase Information Available#`, so the
  // match is on the start of the line.
  if (line.trimmed.startsWith('No Purchase Information Available')) {
    record.purchaseInformationAvailable = false;
    sources['purchaseInformationAvailable'] = sourceOf(line);
    return true;
  }

  // NOTE: no public sample lists purchased licences, so their lines are kept
  // as text and still reported as not understood.
  record.purchaseInformationAvailable = true;
  sources[`purchasedLicenses.${record.purchasedLicenses.length}`] = sourceOf(line);
  record.purchasedLicenses.push(line.trimmed);
  return false;
}

// `SMART AUTHORIZATION INSTALLED on Sep 21 13:48:56 2021 UTC` -> status and time.
function splitOn(value: string): [string, string | null] {
  const index = value.lastIndexOf(' on ');
  if (index < 0) {
    return [value.trim(), null];
  }

  return [value.slice(0, index).trim(), value.slice(index + 4)];
}

function deviceTimeOrNull(value: string): DeviceTime | null {
  const present = valueOrNull(value);
  if (present === null) {
    return null;
  }

  return parseDeviceTime(present) ?? { text: present, iso: null };
}
