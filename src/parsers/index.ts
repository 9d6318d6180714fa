// Parsers by catalog id. Callers look a parser up by the id of the command
// whose output they hold.

import { parseShowLicenseAll } from './show-license-all.js';
import { parseShowLicenseStatus } from './show-license-status.js';
import { parseShowLicenseTechSupport } from './show-license-tech-support.js';
import { parseShowLicenseUdi } from './show-license-udi.js';
import type { Parser } from './types.js';

export const PARSERS: Record<string, Parser<unknown>> = {
  'show-license-tech-support': parseShowLicenseTechSupport,
  'show-license-status': parseShowLicenseStatus,
  'show-license-udi': parseShowLicenseUdi,
  'show-license-all': parseShowLicenseAll,
};
