// The licences a device has in use, and which of them need an authorization
// code (SLAC). A SLAC is needed for export-controlled and enforced licences,
// such as HSECK9 (`Enforcement type: ENFORCED` or `EXPORT RESTRICTED`,
// `Export status: RESTRICTED - ...`); the other licences report usage only.

import type { CommandResult } from '../model/command.js';
import type { DeviceFacts, Evidence } from '../model/facts.js';
import { contentLines, splitKeyValue } from '../parsers/common/lines.js';
import { parseShowLicenseSummary } from '../parsers/show-license-summary.js';
import { parseShowLicenseUsage } from '../parsers/show-license-usage.js';
import type { SourceLine } from '../parsers/types.js';

/** One licence with the fields that tell whether it needs a SLAC. */
interface LicenceLine {
  name: string;
  entitlement: string | null;
  status: string | null;
  enforcementType: string | null;
  exportStatus: string | null;
  /** The line that names the licence. */
  source: SourceLine;
}

const ENFORCED_TYPES = new Set(['ENFORCED', 'EXPORT RESTRICTED']);

/** True for a licence that needs a SLAC to be used. */
export function needsSlac(licence: Pick<LicenceLine, 'name' | 'entitlement' | 'enforcementType' | 'exportStatus'>): boolean {
  if (/hsec/i.test(licence.name) || /hsec/i.test(licence.entitlement ?? '')) {
    return true;
  }
  if (licence.enforcementType !== null && ENFORCED_TYPES.has(licence.enforcementType.trim().toUpperCase())) {
    return true;
  }
  return licence.exportStatus !== null && /^RESTRICTED\b/i.test(licence.exportStatus.trim());
}

/** `IN USE`, and `IN USE(15)` as tech support prints it. */
function isInUse(status: string | null): boolean {
  return status !== null && /^IN USE\b/i.test(status.trim());
}

/** Licences from `show license usage` or the License Usage section of `show license all`. */
function fromUsage(output: string): { licences: LicenceLine[]; header: SourceLine | undefined } {
  const parsed = parseShowLicenseUsage(output);
  const licences = parsed.record.entries.flatMap((entry, index) => {
    const source = parsed.sources[`entries.${index}`];
    return source === undefined ? [] : [{ ...entry, source }];
  });
  return { licences, header: parsed.sources['entries'] };
}

/** Licences from the `License Usage:` table of `show license summary`; it has no enforcement columns. */
function fromSummary(output: string): { licences: LicenceLine[]; header: SourceLine | undefined } {
  const parsed = parseShowLicenseSummary(output);
  const licences = parsed.record.licenses.flatMap((row, index) => {
    const source = parsed.sources[`licenses.${index}`];
    const name = row.license ?? row.entitlement;
    return source === undefined ? [] : [{ name, entitlement: row.entitlement, status: row.status, enforcementType: null, exportStatus: null, source }];
  });
  return { licences, header: undefined };
}

/**
 * Licences from the License Usage section of `show license tech support`,
 * which lists them as `Handle: <n>` blocks with a `License:` line.
 */
// TODO: move this reader into the tech support parser when its record gains the License Usage entries.
function fromTechSupport(output: string): { licences: LicenceLine[]; header: SourceLine | undefined } {
  const lines = contentLines(output);
  const start = lines.findIndex((line, index) => line.trimmed === 'License Usage' && /^=+$/.test(lines[index + 1]?.trimmed ?? ''));
  if (start < 0) {
    return { licences: [], header: undefined };
  }

  const licences: LicenceLine[] = [];
  for (let index = start + 2; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.indent === 0 && /^=+$/.test(lines[index + 1]?.trimmed ?? '')) {
      break;
    }

    const field = splitKeyValue(line.trimmed);
    const current = licences.at(-1);
    if (field === null) {
      continue;
    }
    if (field.key === 'License' && line.indent > 0) {
      licences.push({ name: field.value, entitlement: null, status: null, enforcementType: null, exportStatus: null, source: line });
    } else if (current !== undefined && field.key === 'Entitlement Tag') {
      current.entitlement = field.value;
    } else if (current !== undefined && field.key === 'Status') {
      current.status = field.value;
    } else if (current !== undefined && field.key === 'Enforcement type') {
      current.enforcementType = field.value;
    } else if (current !== undefined && field.key === 'Export status') {
      current.exportStatus = field.value;
    }
  }
  return { licences, header: lines[start] };
}

const READERS: Readonly<Record<string, (output: string) => { licences: LicenceLine[]; header: SourceLine | undefined }>> = {
  'show-license-usage': fromUsage,
  'show-license-all': fromUsage,
  'show-license-tech-support': fromTechSupport,
  'show-license-summary': fromSummary,
};

/** The catalog ids that show the licences in use, the most detailed first. */
export const LICENSE_COMMANDS = Object.keys(READERS);

/**
 * Fills `facts.licenses` from one output. Returns false when the output
 * lists no licence section, so the next command in order of preference is tried.
 */
export function applyLicenses(facts: DeviceFacts, result: CommandResult): boolean {
  const read = READERS[result.id];
  if (read === undefined) {
    return false;
  }

  const { licences, header } = read(result.output);
  if (licences.length === 0 && header === undefined) {
    return false;
  }

  const inUse = licences.filter((licence) => isInUse(licence.status));
  const needing = inUse.filter(needsSlac);
  facts.licenses.inUse = namesOf(inUse);
  facts.licenses.needingSlac = namesOf(needing);

  const quote = (source: SourceLine | undefined): Evidence | undefined =>
    source === undefined ? undefined : { command: result.command, line: source.line, text: source.text };
  const first = quote(inUse[0]?.source ?? licences[0]?.source ?? header);
  put(facts, 'licenses', first);
  put(facts, 'licenses.inUse', first);
  put(facts, 'licenses.needingSlac', quote(needing[0]?.source) ?? first);
  return true;
}

function namesOf(licences: LicenceLine[]): string | null {
  const names = [...new Set(licences.map((licence) => licence.name))];
  return names.length === 0 ? null : names.join(', ');
}

function put(facts: DeviceFacts, key: string, line: Evidence | undefined): void {
  if (line !== undefined) {
    facts.evidence[key] = line;
  }
}
