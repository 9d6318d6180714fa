// Parsers by catalog id. Callers look a parser up by the id of the command
// whose output they hold.

import { parseShowLicenseAll } from './show-license-all.js';
import { parseShowLicenseStatus } from './show-license-status.js';
import { parseShowLicenseTechSupport } from './show-license-tech-support.js';
import { parseShowLicenseUdi } from './show-license-udi.js';
import { parseShowLicenseAuthorization } from './show-license-authorization.js';
import { parseShowLicenseEventlog } from './show-license-eventlog.js';
import { parseShowLicenseHistoryMessage } from './show-license-history-message.js';
import { parseShowLicenseLegacyCsl } from './show-license-legacy-csl.js';
import { parseShowLicenseSummary } from './show-license-summary.js';
import { parseShowLicenseUsage } from './show-license-usage.js';
import { parseShowLoggingSmartLic } from './show-logging-smart-lic.js';
import { parseShowCallHomeProfileAll } from './show-call-home-profile-all.js';
import { parseShowNtpStatus } from './show-ntp-status.js';
import { parseShowVersion } from './show-version.js';
import { parseShowNtpAssociations } from './show-ntp-associations.js';
import { parseShowRunningConfigLicensing } from './show-running-config-licensing.js';
import type { Parser } from './types.js';

export const PARSERS: Record<string, Parser<unknown>> = {
  'show-license-tech-support': parseShowLicenseTechSupport,
  'show-license-status': parseShowLicenseStatus,
  'show-license-udi': parseShowLicenseUdi,
  'show-license-all': parseShowLicenseAll,
  'show-license-summary': parseShowLicenseSummary,
  'show-license-usage': parseShowLicenseUsage,
  'show-license-authorization': parseShowLicenseAuthorization,
  'show-license-eventlog': parseShowLicenseEventlog,
  'show-license-history-message': parseShowLicenseHistoryMessage,
  // Bare `show license` prints CSL/RTU feature blocks on devices without Smart Licensing.
  'show-license': parseShowLicenseLegacyCsl,
  // Only the %SMART_LIC- messages of the log are read, so the filtered and the full log parse alike.
  'show-logging-smart-lic': parseShowLoggingSmartLic,
  'show-logging': parseShowLoggingSmartLic,
  'show-version': parseShowVersion,
  'show-ntp-status': parseShowNtpStatus,
  'show-call-home-profile-all': parseShowCallHomeProfileAll,
  'show-ntp-associations': parseShowNtpAssociations,
  'show-running-config-licensing': parseShowRunningConfigLicensing,
};
