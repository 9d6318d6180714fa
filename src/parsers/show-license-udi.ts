// `show license udi`: the device UDI, the HA UDI list, or the slot table of
// older releases.

import { runParser } from './common/run.js';
import { parseProductInformation, type UdiRecord } from './sections/product-information.js';
import type { ParseResult } from './types.js';

export type ShowLicenseUdiRecord = UdiRecord;

export function parseShowLicenseUdi(text: string): ParseResult<ShowLicenseUdiRecord> {
  return runParser(text, () => ({ udi: null, udis: [] }), (lines, context) => parseProductInformation(lines, context));
}
