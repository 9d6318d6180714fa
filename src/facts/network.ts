// Facts from the evidence commands about the device's own network services:
// NTP peers and the licensing lines of the running configuration.

import type { CommandResult } from '../model/command.js';
import type { DeviceFacts, Evidence } from '../model/facts.js';
import { parseShowNtpAssociations } from '../parsers/show-ntp-associations.js';
import { parseShowRunningConfigLicensing } from '../parsers/show-running-config-licensing.js';
import type { SourceLine } from '../parsers/types.js';
import { evidenceOf, put } from './extra.js';

/** The trustpoint that contains the Cisco Licensing Root CA for Smart Licensing. */
const SLA_TRUSTPOINT = 'SLA-TrustPoint';

/**
 * Reads the system peer and the unreachable peers of `show ntp associations`.
 * The `*` line proves the system peer. Without one, the first peer line proves
 * that the device lists peers and none is selected.
 */
export function applyNtpAssociations(facts: DeviceFacts, result: CommandResult): boolean {
  const parsed = parseShowNtpAssociations(result.output);
  const peers = parsed.record.associations;
  if (peers.length === 0) {
    return false;
  }

  const firstPeer = evidenceOf(result, parsed.sources['associations.0']);
  const unreachableIndex = peers.findIndex((peer) => peer.reach === '0');
  const unreachable = peers.filter((peer) => peer.reach === '0').map((peer) => peer.address);

  facts.ntpAssociations.sysPeer = parsed.record.sysPeer;
  facts.ntpAssociations.peerCount = peers.length;
  facts.ntpAssociations.unreachablePeers = unreachable.length === 0 ? null : [...new Set(unreachable)].join(', ');

  put(facts, 'ntpAssociations', firstPeer);
  put(facts, 'ntpAssociations.sysPeer', evidenceOf(result, parsed.sources['sysPeer']) ?? firstPeer);
  put(facts, 'ntpAssociations.peerCount', firstPeer);
  put(facts, 'ntpAssociations.unreachablePeers', unreachableIndex < 0 ? firstPeer : evidenceOf(result, parsed.sources[`associations.${unreachableIndex}`]));
  return true;
}

/**
 * Reads the HTTP client, DNS, NTP and trustpoint lines of the running
 * configuration. The filtered command prints nothing on a device without
 * these lines, so any output that ran counts, and an empty value is real.
 */
export function applyRunningConfig(facts: DeviceFacts, result: CommandResult): boolean {
  const parsed = parseShowRunningConfigLicensing(result.output);
  const record = parsed.record;
  const config = facts.runningConfig;

  config.httpClientTrustpoint = record.httpClientSecureTrustpoint;
  config.httpClientSourceInterface = record.httpClientSourceInterface;
  config.nameServers = joined(record.nameServers);
  config.domainName = record.domainName;
  config.ntpServers = joined(record.ntpServers);
  config.trustpoints = joined(record.trustpoints);

  put(facts, 'runningConfig.httpClientTrustpoint', evidenceOf(result, parsed.sources['httpClientSecureTrustpoint']));
  put(facts, 'runningConfig.httpClientSourceInterface', evidenceOf(result, parsed.sources['httpClientSourceInterface']));
  put(facts, 'runningConfig.nameServers', evidenceOf(result, parsed.sources['nameServers.0']));
  put(facts, 'runningConfig.domainName', evidenceOf(result, parsed.sources['domainName']));
  put(facts, 'runningConfig.ntpServers', evidenceOf(result, parsed.sources['ntpServers.0']));
  put(facts, 'runningConfig.trustpoints', trustpointLine(result, parsed.sources, record.trustpoints));
  return true;
}

/** Returns the `SLA-TrustPoint` line, which the licensing checks are about, or else the first trustpoint line. */
function trustpointLine(result: CommandResult, sources: Record<string, SourceLine>, trustpoints: readonly string[]): Evidence | undefined {
  const index = trustpoints.indexOf(SLA_TRUSTPOINT);
  return evidenceOf(result, sources[`trustpoints.${index < 0 ? 0 : index}`]);
}

function joined(values: readonly string[]): string | null {
  return values.length === 0 ? null : [...new Set(values)].join(', ');
}
