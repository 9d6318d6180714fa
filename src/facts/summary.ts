// The facts a run result keeps per device: what users filter on in the JSON
// report. The full facts of a fleet would make memory grow with fleet size;
// they can be rebuilt from the captured outputs.
import type { DeviceFacts, DeviceTime, FactsSummary } from '../model/facts.js';

export function summariseFacts(facts: DeviceFacts): FactsSummary {
  const installed = facts.trustCode.length === 0 ? null : facts.trustCode.every((entry) => entry.installed);

  return {
    licensingMode: facts.licensingMode,
    transportType: facts.transport.type,
    transportUrl: facts.transport.url,
    csluAddress: facts.transport.csluAddress,
    trustPoint: facts.transport.trustPoint,
    clockSyncedWithNtp: facts.clockSyncedWithNtp,
    currentTime: time(facts.currentTime),
    lastAckReceived: time(facts.usageReporting.lastAckReceived),
    nextAckDeadline: time(facts.usageReporting.nextAckDeadline),
    reportingPushIntervalDays: facts.usageReporting.reportingPushIntervalDays,
    policyInUse: facts.policy.inUse,
    trustCodeInstalled: installed,
    trustCode: facts.trustCode,
    udis: facts.udis,
    agentVersion: facts.agentVersion,
  };
}

function time(value: DeviceTime | null): DeviceTime | null {
  return value === null ? null : { text: value.text, iso: value.iso };
}
