// Facts of a device before any command output is merged in.

import type { DeviceFacts } from '../model/facts.js';

export function emptyFacts(): DeviceFacts {
  return {
    licensingMode: null,
    agentVersion: null,
    transport: {
      type: null,
      url: null,
      csluAddress: null,
      proxy: null,
      trustPoint: null,
      vrf: null,
      serverIdentityCheck: null,
      ipMode: null,
    },
    usageReporting: {
      lastAckReceived: null,
      nextAckDeadline: null,
      reportingPushIntervalDays: null,
      nextReportPush: null,
      lastReportPush: null,
    },
    trustCode: [],
    policy: { inUse: null, name: null, reportingAckRequired: null, source: null },
    legacy: { registrationStatus: null, authorizationStatus: null },
    trust: { overall: null, installedCount: null, missingCount: null, missingUdis: null, installedUdis: null },
    communicationStatus: {
      levelAllowed: null,
      overallState: null,
      ongoingFailures: null,
      failingKinds: null,
      failureReason: null,
      lastResponse: null,
      lastSuccess: null,
      lastFailure: null,
    },
    authorization: { installedCount: null, missingUdis: null },
    licenses: { inUse: null, needingSlac: null },
    slacMatch: { missingFromFile: null, foreignInFile: null, pidMismatches: null },
    software: { version: null },
    ntp: { synchronized: null, reference: null },
    ntpAssociations: { sysPeer: null, peerCount: null, unreachablePeers: null },
    runningConfig: {
      httpClientTrustpoint: null,
      httpClientSourceInterface: null,
      nameServers: null,
      domainName: null,
      ntpServers: null,
      trustpoints: null,
    },
    callHome: { tacProfileStatus: null, tacTransportMethod: null, tacHttpAddress: null },
    log: { messages: [], names: null },
    clockSyncedWithNtp: null,
    currentTime: null,
    communication: [],
    udis: [],
    evidence: {},
    sources: [],
    unavailable: {},
  };
}
