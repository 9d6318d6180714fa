// Merges the parsed records of every collected command into one DeviceFacts.
// Each fact comes from the first command, in order of preference, that printed
// it, and carries the line it was read from as evidence.

import type { CommandResult } from '../model/command.js';
import type { DeviceFacts, Evidence, TrustCodeEntry } from '../model/facts.js';
import { parseShowLicenseAll } from '../parsers/show-license-all.js';
import { parseShowLicenseStatus } from '../parsers/show-license-status.js';
import { parseShowLicenseTechSupport, type ShowLicenseTechSupportRecord } from '../parsers/show-license-tech-support.js';
import { parseShowLicenseUdi } from '../parsers/show-license-udi.js';
import type { ParseResult } from '../parsers/types.js';
import { emptyFacts } from './empty.js';
import { applyAuthorization, applyCallHome, applyLog, applyNtp, applyVersion } from './extra.js';
import { applyLicenses, LICENSE_COMMANDS } from './licenses.js';
import { applyNtpAssociations, applyRunningConfig } from './network.js';
import { applySlacMatch, type SlacInput } from './slac-match.js';
import { summariseCommunication, summariseTrust } from './summaries.js';

/** One collected command with its parse result; `record` is widened to the tech support record, the richest. */
interface Parsed {
  command: string;
  result: ParseResult<Partial<ShowLicenseTechSupportRecord>>;
  /** The keys of `result.sources`, sorted, so the paths below one record path are found without a scan of all. */
  sortedPaths?: string[];
  /** The position of each key in `result.sources`. */
  pathOrder?: Map<string, number>;
}

const PARSE_BY_ID: Readonly<Record<string, (text: string) => ParseResult<Partial<ShowLicenseTechSupportRecord>>>> = {
  'show-license-tech-support': parseShowLicenseTechSupport,
  'show-license-all': parseShowLicenseAll,
  'show-license-status': parseShowLicenseStatus,
  'show-license-udi': parseShowLicenseUdi,
};

/** Status fields: tech support is the most complete, then `show license all`, then `show license status`. */
const STATUS_PREFERENCE = ['show-license-tech-support', 'show-license-all', 'show-license-status'];

/** UDIs: the command made for them first, then the Product Information of tech support and `show license all`. */
const UDI_PREFERENCE = ['show-license-udi', 'show-license-tech-support', 'show-license-all'];

/** Outputs of the commands beside the status commands, by catalog id, in order of preference per fact group. */
const EXTRA_FACTS: readonly { ids: readonly string[]; apply: (facts: DeviceFacts, result: CommandResult) => boolean }[] = [
  { ids: ['show-license-authorization', 'show-license-all'], apply: applyAuthorization },
  { ids: LICENSE_COMMANDS, apply: applyLicenses },
  { ids: ['show-version'], apply: applyVersion },
  { ids: ['show-ntp-status'], apply: applyNtp },
  { ids: ['show-ntp-associations'], apply: applyNtpAssociations },
  { ids: ['show-running-config-licensing'], apply: applyRunningConfig },
  { ids: ['show-call-home-profile-all'], apply: applyCallHome },
  { ids: ['show-logging-smart-lic', 'show-logging'], apply: applyLog },
];

export interface BuildOptions {
  /** The SLAC file the inventory names for this device, already read; absent when it names none. */
  slac?: SlacInput | null;
}

/**
 * Builds the facts of one device from its command results. Results with a
 * failure are ignored, except that their error marker is kept in
 * `unavailable`, and so are commands these parsers do not cover.
 */
export function buildFacts(results: CommandResult[], options: BuildOptions = {}): DeviceFacts {
  const parsed = parseAll(results);
  const facts = emptyFacts();
  const used = new Set<string>();

  const take = <T>(factPath: string, recordPath: string, preference: string[], read: (record: Partial<ShowLicenseTechSupportRecord>) => T): T | undefined => {
    const source = firstWithSource(parsed, preference, recordPath);
    if (source === undefined) {
      return undefined;
    }

    copyEvidence(facts.evidence, source, recordPath, factPath);
    used.add(source.command);
    return read(source.result.record);
  };

  facts.licensingMode = take('licensingMode', 'licensingMode', STATUS_PREFERENCE, (r) => r.licensingMode ?? null) ?? null;
  facts.agentVersion = take('agentVersion', 'agentVersion', STATUS_PREFERENCE, (r) => r.agentVersion ?? null) ?? null;

  const transport = facts.transport;
  transport.type = take('transport.type', 'transport.type', STATUS_PREFERENCE, (r) => r.transport?.type ?? null) ?? null;
  transport.url = take('transport.url', 'transport.url', STATUS_PREFERENCE, (r) => r.transport?.url ?? null) ?? null;
  transport.csluAddress = take('transport.csluAddress', 'transport.csluAddress', STATUS_PREFERENCE, (r) => r.transport?.csluAddress ?? null) ?? null;
  transport.proxy = take('transport.proxy', 'transport.proxy', STATUS_PREFERENCE, (r) => r.transport?.proxy ?? null) ?? null;
  transport.trustPoint = take('transport.trustPoint', 'transport.trustPoint', STATUS_PREFERENCE, (r) => r.transport?.trustPoint ?? null) ?? null;
  transport.vrf = take('transport.vrf', 'transport.vrf', STATUS_PREFERENCE, (r) => r.transport?.vrf ?? null) ?? null;
  transport.serverIdentityCheck =
    take('transport.serverIdentityCheck', 'transport.serverIdentityCheck', STATUS_PREFERENCE, (r) => r.transport?.serverIdentityCheck ?? null) ?? null;
  transport.ipMode = take('transport.ipMode', 'transport.ipMode', STATUS_PREFERENCE, (r) => r.transport?.ipMode ?? null) ?? null;

  const usage = facts.usageReporting;
  usage.lastAckReceived = take('usageReporting.lastAckReceived', 'usageReporting.lastAckReceived', STATUS_PREFERENCE, (r) => r.usageReporting?.lastAckReceived ?? null) ?? null;
  usage.nextAckDeadline = take('usageReporting.nextAckDeadline', 'usageReporting.nextAckDeadline', STATUS_PREFERENCE, (r) => r.usageReporting?.nextAckDeadline ?? null) ?? null;
  usage.reportingPushIntervalDays =
    take('usageReporting.reportingPushIntervalDays', 'usageReporting.reportingPushInterval', STATUS_PREFERENCE, (r) => r.usageReporting?.reportingPushInterval?.days ?? null) ?? null;
  usage.nextReportPush = take('usageReporting.nextReportPush', 'usageReporting.nextReportPush', STATUS_PREFERENCE, (r) => r.usageReporting?.nextReportPush ?? null) ?? null;
  usage.lastReportPush = take('usageReporting.lastReportPush', 'usageReporting.lastReportPush', STATUS_PREFERENCE, (r) => r.usageReporting?.lastReportPush ?? null) ?? null;

  facts.trustCode = take('trustCode', 'trustCode', STATUS_PREFERENCE, (r) => (r.trustCode ?? []).map(toTrustCodeEntry)) ?? [];
  facts.policy.inUse = take('policy.inUse', 'policy.inUse', STATUS_PREFERENCE, (r) => r.policy?.inUse ?? null) ?? null;
  facts.policy.reportingAckRequired = take('policy.reportingAckRequired', 'policy.reportingAckRequired', STATUS_PREFERENCE, (r) => r.policy?.reportingAckRequired ?? null) ?? null;
  facts.policy.name = take('policy.name', 'policy.name', STATUS_PREFERENCE, (r) => r.policy?.name ?? null) ?? null;
  facts.policy.source = policySource(facts);

  facts.legacy.registrationStatus = take('legacy.registrationStatus', 'registration.status', STATUS_PREFERENCE, (r) => r.registration?.status ?? null) ?? null;
  facts.legacy.authorizationStatus =
    take('legacy.authorizationStatus', 'authorization.status', STATUS_PREFERENCE, (r) => r.authorization?.status?.state ?? null) ?? null;
  facts.trust.overall = take('trust.overall', 'overallTrust', STATUS_PREFERENCE, (r) => r.overallTrust ?? null) ?? null;
  facts.communicationStatus.levelAllowed =
    take('communicationStatus.levelAllowed', 'communicationLevelAllowed', STATUS_PREFERENCE, (r) => r.communicationLevelAllowed ?? null) ?? null;
  facts.communicationStatus.overallState =
    take('communicationStatus.overallState', 'communicationOverallState', STATUS_PREFERENCE, (r) => r.communicationOverallState ?? null) ?? null;

  facts.clockSyncedWithNtp = take('clockSyncedWithNtp', 'clockSyncedWithNtp', STATUS_PREFERENCE, (r) => r.clockSyncedWithNtp ?? null) ?? null;
  facts.currentTime = take('currentTime', 'currentTime', STATUS_PREFERENCE, (r) => r.currentTime ?? null) ?? null;
  facts.communication = take('communication', 'communication', STATUS_PREFERENCE, (r) => r.communication ?? []) ?? [];
  facts.udis = take('udis', 'udis', UDI_PREFERENCE, (r) => r.udis ?? []) ?? [];

  summariseTrust(facts);
  summariseCommunication(facts);
  const extraSources = applyExtraFacts(facts, results);
  if (options.slac !== undefined && options.slac !== null) {
    applySlacMatch(facts, options.slac);
  }

  for (const result of results) {
    if (result.failure !== null) {
      facts.unavailable[result.id] = `${result.command} returned "${result.failure.marker}"`;
    }
  }

  const statusSources = [...parsed.values()].filter((p) => used.has(p.command)).map((p) => p.command);
  facts.sources = [...statusSources, ...extraSources.filter((command) => !statusSources.includes(command))];
  return facts;
}

/** Applies the first successful output of each extra fact group; returns the CLI text of each output used. */
function applyExtraFacts(facts: DeviceFacts, results: readonly CommandResult[]): string[] {
  const used: string[] = [];
  for (const group of EXTRA_FACTS) {
    for (const id of group.ids) {
      const result = results.find((candidate) => candidate.id === id && candidate.failure === null);
      if (result !== undefined && group.apply(facts, result)) {
        if (!used.includes(result.command)) {
          used.push(result.command);
        }
        break;
      }
    }
  }
  return used;
}

/** Reads the policy source from the `(Customer Policy)` or `(CISCO default)` marker after a policy value. */
function policySource(facts: DeviceFacts): string | null {
  const line = facts.evidence['policy.reportingAckRequired'];
  if (line === undefined) {
    return null;
  }

  const source = /\(Customer Policy\)/i.test(line.text) ? 'custom' : /\(CISCO default\)/i.test(line.text) ? 'default' : null;
  if (source !== null) {
    facts.evidence['policy.source'] = line;
  }
  return source;
}

function parseAll(results: readonly CommandResult[]): Map<string, Parsed> {
  const parsed = new Map<string, Parsed>();

  for (const result of results) {
    const parse = PARSE_BY_ID[result.id];
    if (result.failure !== null || parse === undefined || parsed.has(result.id)) {
      continue;
    }

    parsed.set(result.id, { command: result.command, result: parse(result.output) });
  }

  return parsed;
}

function firstWithSource(parsed: Map<string, Parsed>, preference: readonly string[], recordPath: string): Parsed | undefined {
  for (const id of preference) {
    const candidate = parsed.get(id);
    if (candidate !== undefined && recordPath in candidate.result.sources) {
      return candidate;
    }
  }

  return undefined;
}

/** Copies the source of `recordPath` and of every path below it (`trustCode.0`, `udis.1`) under the fact path. */
function copyEvidence(evidence: Record<string, Evidence>, parsed: Parsed, recordPath: string, factPath: string): void {
  parsed.sortedPaths ??= Object.keys(parsed.result.sources).sort();
  const paths = parsed.sortedPaths;

  // Every path that starts with recordPath sorts in one run from the first that is not less than it.
  const below: string[] = [];
  for (let index = lowerBound(paths, recordPath); index < paths.length && paths[index]!.startsWith(recordPath); index += 1) {
    const path = paths[index]!;
    if (path === recordPath || path[recordPath.length] === '.') {
      below.push(path);
    }
  }

  // The parser's order is kept, because the evidence keys appear in that order in the JSON report.
  if (below.length > 1) {
    const order = (parsed.pathOrder ??= new Map(Object.keys(parsed.result.sources).map((path, index) => [path, index])));
    below.sort((left, right) => order.get(left)! - order.get(right)!);
  }

  for (const path of below) {
    const source = parsed.result.sources[path]!;
    evidence[factPath + path.slice(recordPath.length)] = { command: parsed.command, line: source.line, text: source.text };
  }
}

/** Returns the index of the first element of the sorted array that is not less than `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

function toTrustCodeEntry(entry: TrustCodeEntry): TrustCodeEntry {
  return { udi: entry.udi, installed: entry.installed, installedAt: entry.installedAt };
}
