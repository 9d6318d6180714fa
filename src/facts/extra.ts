// Facts from the commands beside the `show license` status outputs: SLAC state
// per UDI, the release, NTP, the Call Home profile and the SMART_LIC log.

import type { CommandResult } from '../model/command.js';
import type { DeviceFacts, Evidence, LoggedMessage } from '../model/facts.js';
import { parseShowCallHomeProfileAll } from '../parsers/show-call-home-profile-all.js';
import { parseShowLicenseAuthorization } from '../parsers/show-license-authorization.js';
import { parseShowLoggingSmartLic } from '../parsers/show-logging-smart-lic.js';
import { parseShowNtpStatus } from '../parsers/show-ntp-status.js';
import { parseShowVersion } from '../parsers/show-version.js';
import type { SourceLine } from '../parsers/types.js';
import { udiText } from './summaries.js';

/** The Call Home profile that the Smart Licensing `callhome` transport sends through. */
export const TAC_PROFILE = 'CiscoTAC-1';

export function evidenceOf(result: CommandResult, source: SourceLine | undefined): Evidence | undefined {
  return source === undefined ? undefined : { command: result.command, line: source.line, text: source.text };
}

export function put(facts: DeviceFacts, key: string, line: Evidence | undefined): void {
  if (line !== undefined) {
    facts.evidence[key] = line;
  }
}

/** SLAC installed or not per UDI, from `show license authorization` or the same block of `show license all`. */
export function applyAuthorization(facts: DeviceFacts, result: CommandResult): boolean {
  const parsed = parseShowLicenseAuthorization(result.output);
  const entries = parsed.record.authorizations;
  if (entries.length === 0) {
    return false;
  }

  const missing = entries.filter((entry) => entry.installed === false);
  facts.authorization.installedCount = entries.filter((entry) => entry.installed === true).length;
  facts.authorization.missingUdis = missing.length === 0 ? null : missing.map((entry) => udiText(entry.udi)).join('; ');

  const firstStatus = evidenceOf(result, parsed.sources['authorizations.0.status'] ?? parsed.sources['authorizations.0.udi']);
  const missingIndex = missing[0] === undefined ? -1 : entries.indexOf(missing[0]);
  put(facts, 'authorization', firstStatus);
  put(facts, 'authorization.installedCount', firstStatus);
  put(facts, 'authorization.missingUdis', missingIndex < 0 ? firstStatus : evidenceOf(result, parsed.sources[`authorizations.${missingIndex}.status`]));
  return true;
}

export function applyVersion(facts: DeviceFacts, result: CommandResult): boolean {
  const parsed = parseShowVersion(result.output);
  const line = evidenceOf(result, parsed.sources['versionText']);
  if (line === undefined) {
    return false;
  }

  facts.software.version = parsed.record.version;
  put(facts, 'software', line);
  put(facts, 'software.version', line);
  return true;
}

export function applyNtp(facts: DeviceFacts, result: CommandResult): boolean {
  const parsed = parseShowNtpStatus(result.output);
  const line = evidenceOf(result, parsed.sources['synchronized']);
  if (line === undefined) {
    return false;
  }

  facts.ntp.synchronized = parsed.record.synchronized;
  facts.ntp.reference = parsed.record.reference;
  put(facts, 'ntp', line);
  put(facts, 'ntp.synchronized', line);
  put(facts, 'ntp.reference', line);
  return true;
}

export function applyCallHome(facts: DeviceFacts, result: CommandResult): boolean {
  const parsed = parseShowCallHomeProfileAll(result.output);
  const profiles = parsed.record.profiles;
  if (profiles.length === 0) {
    return false;
  }

  // Any profile line proves the command worked, so a missing CiscoTAC-1 is a value, not a gap.
  put(facts, 'callHome', evidenceOf(result, parsed.sources['profiles.0']));
  const index = profiles.findIndex((profile) => profile.name === TAC_PROFILE);
  if (index < 0) {
    return true;
  }

  const profile = profiles[index]!;
  facts.callHome.tacProfileStatus = profile.status;
  facts.callHome.tacTransportMethod = profile.transportMethod;
  facts.callHome.tacHttpAddress = profile.httpAddress;
  const header = evidenceOf(result, parsed.sources[`profiles.${index}`]);
  put(facts, 'callHome.tacProfileStatus', evidenceOf(result, parsed.sources[`profiles.${index}.status`]) ?? header);
  put(facts, 'callHome.tacTransportMethod', evidenceOf(result, parsed.sources[`profiles.${index}.transportMethod`]) ?? header);
  // Without an `HTTP address:` line the transport method line shows why there is none.
  put(
    facts,
    'callHome.tacHttpAddress',
    evidenceOf(result, parsed.sources[`profiles.${index}.httpAddress`]) ?? evidenceOf(result, parsed.sources[`profiles.${index}.transportMethod`]) ?? header,
  );
  return true;
}

/** Groups the SMART_LIC messages of the log by name, keeping the first and last line of each. */
export function applyLog(facts: DeviceFacts, result: CommandResult): boolean {
  const parsed = parseShowLoggingSmartLic(result.output);
  const byName = new Map<string, LoggedMessage>();

  parsed.record.messages.forEach((message, index) => {
    const line = evidenceOf(result, parsed.sources[`messages.${index}`]);
    if (line === undefined) {
      return;
    }

    const known = byName.get(message.name);
    if (known === undefined) {
      byName.set(message.name, { name: message.name, count: 1, first: line, last: line });
    } else {
      known.count += 1;
      known.last = line;
    }
  });

  facts.log.messages = [...byName.values()];
  facts.log.names = facts.log.messages.length === 0 ? null : facts.log.messages.map((message) => message.name).join(' ');
  const first = facts.log.messages[0]?.first;
  put(facts, 'log.names', first);
  put(facts, 'log.messages', first);
  return true;
}
