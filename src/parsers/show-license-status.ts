// `show license status`: the Smart Licensing status sections only.

import { runParser } from './common/run.js';
import { emptyStatusRecord, type LicenseStatusRecord } from './sections/records.js';
import { parseStatusSections } from './sections/status.js';
import type { ParseResult } from './types.js';

export type ShowLicenseStatusRecord = LicenseStatusRecord;

export function parseShowLicenseStatus(text: string): ParseResult<ShowLicenseStatusRecord> {
  return runParser(text, emptyStatusRecord, (lines, context) => parseStatusSections(lines, context).record);
}
