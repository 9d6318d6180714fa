// Facts from the evidence commands about the device's own network services:
// NTP peers, and (as their parsers arrive) the clock, the HTTP client and
// the licensing lines of the running configuration.

import type { CommandResult } from '../model/command.js';
import type { DeviceFacts } from '../model/facts.js';
import { parseShowNtpAssociations } from '../parsers/show-ntp-associations.js';
import { evidenceOf, put } from './extra.js';

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
