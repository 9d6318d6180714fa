// Facts of a device before any command output is merged in.

import type { DeviceFacts } from '../model/facts.js';

export function emptyFacts(): DeviceFacts {
  return {
    licensingMode: null,
    agentVersion: null,
    transport: { type: null, url: null, csluAddress: null, proxy: null, trustPoint: null, vrf: null },
    usageReporting: {
      lastAckReceived: null,
      nextAckDeadline: null,
      reportingPushIntervalDays: null,
      nextReportPush: null,
      lastReportPush: null,
    },
    trustCode: [],
    policy: { inUse: null, reportingAckRequired: null },
    clockSyncedWithNtp: null,
    currentTime: null,
    communication: [],
    udis: [],
    evidence: {},
    sources: [],
  };
}
