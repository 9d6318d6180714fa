// Parser for bare `show license` on devices that run Cisco Software Licensing
// (CSL) or Right-to-Use (RTU) licences instead of Smart Licensing: ISR4K and
// ASR1K on IOS XE 16.x and older. The output is one block per feature,
//
//   Index 2 Feature: uck9
//           Period left: Not Activated
//           License Type: EvalRightToUse
//           License State: Active, Not in Use, EULA not accepted
//
// A block may have no attribute lines at all (`Index 3 Feature: ipbase`).
// Finding such blocks is what tells the tool that the device does not use
// Smart Licensing.

import { contentLines, sourceOf, splitKeyValue } from './common/lines.js';
import type { ParseResult, SourceLine } from './types.js';
import { ownEntry } from './common/lookup.js';

export interface CslLicense {
  index: number;
  feature: string;
  /** `Life time`, `Not Activated`, or a remaining period. */
  periodLeft: string | null;
  periodUsed: string | null;
  /** `Permanent`, `EvalRightToUse`, `RightToUse`, `Evaluation`, ... */
  licenseType: string | null;
  /** As printed, e.g. `Active, Not in Use, EULA not accepted`. */
  licenseState: string | null;
  /** Read from the state: true for `In Use`, false for `Not in Use`, null when neither is listed. */
  inUse: boolean | null;
  /** False when the state lists `EULA not accepted`, true for `EULA accepted`, null otherwise. */
  eulaAccepted: boolean | null;
  /** `Non-Counted`, or counts such as `0/0  (In-use/Violation)`. */
  licenseCount: string | null;
  licensePriority: string | null;
}

export interface LegacyCslRecord {
  /** `none` (no Smart Licensing) when at least one CSL feature block is present; null otherwise. */
  licensingMode: 'none' | null;
  licenses: CslLicense[];
}

type CslField = 'periodLeft' | 'periodUsed' | 'licenseType' | 'licenseState' | 'licenseCount' | 'licensePriority';

const FIELDS: Readonly<Record<string, CslField>> = {
  'Period left': 'periodLeft',
  'Period Used': 'periodUsed',
  'License Type': 'licenseType',
  'License State': 'licenseState',
  'License Count': 'licenseCount',
  'License Priority': 'licensePriority',
};

const FEATURE = /^Index\s+(\d+)\s+Feature:\s*(\S+)/;

/** Parses CSL/RTU `show license` output. Never throws. */
export function parseShowLicenseLegacyCsl(text: string): ParseResult<LegacyCslRecord> {
  const record: LegacyCslRecord = { licensingMode: null, licenses: [] };
  const unparsed: SourceLine[] = [];
  const sources: Record<string, SourceLine> = {};

  for (const line of contentLines(text)) {
    const feature = FEATURE.exec(line.trimmed);
    if (feature !== null) {
      sources[`licenses.${record.licenses.length}`] = sourceOf(line);
      record.licenses.push(emptyLicense(Number.parseInt(feature[1] ?? '', 10), feature[2] ?? ''));
      continue;
    }

    const index = record.licenses.length - 1;
    const current = record.licenses[index];
    const field = current === undefined ? null : splitKeyValue(line.trimmed);
    const name = field === null ? undefined : ownEntry(FIELDS, field.key);
    if (current === undefined || field === null || name === undefined) {
      unparsed.push(sourceOf(line));
      continue;
    }

    current[name] = field.value === '' ? null : field.value;
    sources[`licenses.${index}.${name}`] = sourceOf(line);
    if (name === 'licenseState') {
      current.inUse = inUseOf(field.value);
      current.eulaAccepted = eulaAcceptedOf(field.value);
    }
  }

  record.licensingMode = record.licenses.length > 0 ? 'none' : null;
  return { record, unparsed, sources };
}

function emptyLicense(index: number, feature: string): CslLicense {
  return {
    index,
    feature,
    periodLeft: null,
    periodUsed: null,
    licenseType: null,
    licenseState: null,
    inUse: null,
    eulaAccepted: null,
    licenseCount: null,
    licensePriority: null,
  };
}

function inUseOf(state: string): boolean | null {
  const parts = statesOf(state);
  if (parts.includes('not in use')) {
    return false;
  }

  return parts.includes('in use') ? true : null;
}

function eulaAcceptedOf(state: string): boolean | null {
  const parts = statesOf(state);
  if (parts.includes('eula not accepted')) {
    return false;
  }

  return parts.includes('eula accepted') ? true : null;
}

function statesOf(state: string): string[] {
  return state.split(',').map((part) => part.trim().toLowerCase());
}
