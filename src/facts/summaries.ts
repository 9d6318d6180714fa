// Facts derived from lists that playbooks cannot walk themselves: trust code
// totals per UDI and the communication counters. Each summary quotes the
// device line that shows its value.

import type { CommunicationCounter, DeviceFacts, DeviceTime, Evidence, Udi } from '../model/facts.js';
import { readableFailureReason } from './failure-reason.js';
import { latestTimeIndex } from './latest-time.js';

export function udiText(udi: Udi): string {
  return `PID:${udi.pid},SN:${udi.sn}`;
}

/** Fills `facts.trust` counts from `facts.trustCode`; `Trust Code Installed: <none>` counts every UDI as missing. */
export function summariseTrust(facts: DeviceFacts): void {
  const header = facts.evidence['trustCode'];
  if (header === undefined && facts.trustCode.length === 0) {
    return;
  }

  const trust = facts.trust;
  if (header !== undefined) {
    facts.evidence['trust'] ??= header;
  }

  if (facts.trustCode.length === 0) {
    trust.installedCount = 0;
    trust.missingCount = Math.max(1, facts.udis.length);
    trust.missingUdis = facts.udis.length === 0 ? 'every UDI of the device' : facts.udis.map(udiText).join('; ');
    quote(facts, ['trust.missingCount', 'trust.missingUdis', 'trust.installedCount'], header);
    return;
  }

  const installed = facts.trustCode.filter((entry) => entry.installed);
  const missing = facts.trustCode.filter((entry) => !entry.installed);
  // Dual supervisors list one chassis UDI under Active and Standby; it is one UDI to count and name.
  const installedUdis = distinctUdis(installed.map(entryUdi));
  const missingUdis = distinctUdis(missing.map(entryUdi));
  trust.installedCount = installedUdis.length;
  trust.missingCount = missingUdis.length;
  trust.installedUdis = installedUdis.length === 0 ? null : installedUdis.join('; ');
  trust.missingUdis = missingUdis.length === 0 ? null : missingUdis.join('; ');

  const firstMissing = missing[0] === undefined ? undefined : entryLine(facts, facts.trustCode.indexOf(missing[0]));
  const firstInstalled = installed[0] === undefined ? undefined : entryLine(facts, facts.trustCode.indexOf(installed[0]));
  quote(facts, ['trust.missingCount', 'trust.missingUdis'], missing.length > 0 ? firstMissing : header);
  quote(facts, ['trust.installedCount', 'trust.installedUdis'], installed.length > 0 ? firstInstalled : header);
}

function entryUdi(entry: DeviceFacts['trustCode'][number]): string {
  return entry.udi === null ? 'the device' : udiText(entry.udi);
}

function distinctUdis(udis: string[]): string[] {
  return [...new Set(udis)];
}

/** Fills `facts.communicationStatus` counts and the failure reason from `facts.communication`. */
export function summariseCommunication(facts: DeviceFacts): void {
  const header = facts.evidence['communication'];
  if (header === undefined) {
    return;
  }

  const status = facts.communicationStatus;
  facts.evidence['communicationStatus'] ??= header;

  const counters = facts.communication;
  const failing = counters.filter((counter) => (counter.ongoingFailureOverall ?? 0) > 0);
  status.ongoingFailures = counters.reduce((highest, counter) => Math.max(highest, counter.ongoingFailureOverall ?? 0), 0);
  status.failingKinds = failing.length === 0 ? null : failing.map((counter) => counter.kind).join(', ');

  const worst = failing.reduce<number>((best, counter) => {
    const index = counters.indexOf(counter);
    const bestCount = best < 0 ? -1 : (counters[best]?.ongoingFailureOverall ?? 0);
    return (counter.ongoingFailureOverall ?? 0) > bestCount ? index : best;
  }, -1);
  quote(facts, ['communicationStatus.ongoingFailures', 'communicationStatus.failingKinds'], worst < 0 ? header : facts.evidence[`communication.${worst}.attempts`]);

  summariseLastExchanges(facts, failing);

  const reasonIndex = counters.findIndex((counter) => counter.failureReason !== null);
  if (reasonIndex >= 0) {
    const counter = counters[reasonIndex]!;
    status.failureReason = readableFailureReason(counter.failureReason ?? '');
    status.lastResponse = counter.lastResponse;
    quote(facts, ['communicationStatus.failureReason'], facts.evidence[`communication.${reasonIndex}.failureReason`]);
    quote(facts, ['communicationStatus.lastResponse'], facts.evidence[`communication.${reasonIndex}.lastResponse`]);
  }
}

/**
 * Fills `lastSuccess` with the latest `Last Success Time` of any message kind
 * and `lastFailure` with the latest `Last Failure Time` of the kinds that are
 * failing now. A success after that failure shows the device reached its
 * server again. Each value quotes its line, or the section header when the
 * device shows none.
 */
function summariseLastExchanges(facts: DeviceFacts, failing: readonly CommunicationCounter[]): void {
  const status = facts.communicationStatus;
  const header = facts.evidence['communication'];
  const counters = facts.communication;

  const success = latest(counters, (counter) => counter.lastSuccessTime);
  status.lastSuccess = success?.time ?? null;
  quote(facts, ['communicationStatus.lastSuccess'], success === null ? header : facts.evidence[`communication.${success.index}.lastSuccessTime`]);

  const failure = latest(failing, (counter) => counter.lastFailureTime);
  status.lastFailure = failure?.time ?? null;
  const failureIndex = failure === null ? -1 : counters.indexOf(failing[failure.index]!);
  quote(facts, ['communicationStatus.lastFailure'], failureIndex < 0 ? header : facts.evidence[`communication.${failureIndex}.lastFailureTime`]);
}

/** Finds the latest time that `read` gives over `counters`, with the index of its counter; null when none has one or they cannot be ordered. */
function latest(counters: readonly CommunicationCounter[], read: (counter: CommunicationCounter) => DeviceTime | null): { time: DeviceTime; index: number } | null {
  const indexes = counters.map((_counter, index) => index).filter((index) => read(counters[index]!) !== null);
  const position = latestTimeIndex(indexes.map((index) => read(counters[index]!)!));
  if (position < 0) {
    return null;
  }
  const index = indexes[position]!;
  return { time: read(counters[index]!)!, index };
}

/** Returns the `INSTALLED on ...` line of a trust code entry, or its UDI line when only that was recorded. */
function entryLine(facts: DeviceFacts, index: number): Evidence | undefined {
  return facts.evidence[`trustCode.${index}.installed`] ?? facts.evidence[`trustCode.${index}`];
}

function quote(facts: DeviceFacts, keys: string[], line: Evidence | undefined): void {
  if (line === undefined) {
    return;
  }
  for (const key of keys) {
    facts.evidence[key] = line;
  }
}
