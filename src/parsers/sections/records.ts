// Records of the Smart Licensing status sections, shared by `show license
// status`, `show license all` and `show license tech support`.

import type { DeviceTime, TrustCodeEntry } from '../../model/facts.js';

export type ParsedLicensingMode = 'policy' | 'legacy';

/** `Reporting push interval`: the text as printed and the number of days. */
export interface ReportingInterval {
  text: string;
  /** 0 for `0 (no reporting)`; null when the text does not start with a number of days. */
  days: number | null;
}

export interface TransportRecord {
  /** Lower case: `smart`, `cslu`, `callhome`, `off` (printed `Transport Off`). */
  type: string | null;
  url: string | null;
  csluAddress: string | null;
  /** null when the device prints `Not Configured`, an empty address and port, or no proxy block. */
  proxy: { address: string | null; port: string | null } | null;
  serverIdentityCheck: boolean | null;
  vrf: string | null;
  ipMode: string | null;
  trustPoint: string | null;
}

export interface UsageReportingRecord {
  lastAckReceived: DeviceTime | null;
  nextAckDeadline: DeviceTime | null;
  reportingPushInterval: ReportingInterval | null;
  nextAckPushCheck: DeviceTime | null;
  nextReportPush: DeviceTime | null;
  lastReportPush: DeviceTime | null;
  lastReportFileWrite: DeviceTime | null;
}

/** A trust code entry with the extra dates and type that SA 6.3 prints. */
export interface TrustCodeRecordEntry extends TrustCodeEntry {
  validOn: DeviceTime | null;
  expiredOn: DeviceTime | null;
  /** `CSSM` and so on; null when not printed. */
  type: string | null;
}

/** A state with the time it was reached: `SUCCEEDED on Nov 04 09:01:27 2022 CET`. */
export interface TimedState {
  state: string;
  at: DeviceTime | null;
}

/** Legacy Smart Licensing `Registration:` section. */
export interface RegistrationRecord {
  /** `REGISTERED`, `UNREGISTERED`, ... */
  status: string | null;
  exportControlledFunctionality: string | null;
  initialRegistration: TimedState | null;
  lastRenewalAttempt: TimedState | null;
  nextRenewalAttempt: DeviceTime | null;
  registrationExpires: DeviceTime | null;
}

/** Legacy Smart Licensing `License Authorization:` section. */
export interface AuthorizationRecord {
  /** `AUTHORIZED`, `OUT OF COMPLIANCE`, `EVAL MODE`, `No Licenses in Use`, ... */
  status: TimedState | null;
  evaluationPeriodRemaining: string | null;
  lastCommunicationAttempt: TimedState | null;
  nextCommunicationAttempt: DeviceTime | null;
  communicationDeadline: DeviceTime | null;
}

export interface LicenseStatusRecord {
  /** `policy` for Smart Licensing Using Policy, `legacy` for registration-based Smart Licensing. */
  licensingMode: ParsedLicensingMode | null;
  /** From `Smart Licensing Using Policy:` / `Status:`. */
  policyStatus: string | null;
  /** From `Smart Licensing Using Policy:` / `Reporting Mode:`, e.g. `STANDARD`; older releases do not print it. */
  reportingMode: string | null;
  account: { smartAccount: string | null; virtualAccount: string | null };
  transport: TransportRecord;
  policy: {
    /** `Merged from multiple sources.` or `Installed On <time>`, as printed. */
    inUse: string | null;
    name: string | null;
    /** `yes (CISCO default)` reads as true. */
    reportingAckRequired: boolean | null;
  };
  usageReporting: UsageReportingRecord;
  /** null when the section is absent or shows `<none>`; the sources tell the two apart. */
  trustCode: TrustCodeRecordEntry[] | null;
  registration: RegistrationRecord | null;
  authorization: AuthorizationRecord | null;
}

export function emptyStatusRecord(): LicenseStatusRecord {
  return {
    licensingMode: null,
    policyStatus: null,
    reportingMode: null,
    account: { smartAccount: null, virtualAccount: null },
    transport: {
      type: null,
      url: null,
      csluAddress: null,
      proxy: null,
      serverIdentityCheck: null,
      vrf: null,
      ipMode: null,
      trustPoint: null,
    },
    policy: { inUse: null, name: null, reportingAckRequired: null },
    usageReporting: {
      lastAckReceived: null,
      nextAckDeadline: null,
      reportingPushInterval: null,
      nextAckPushCheck: null,
      nextReportPush: null,
      lastReportPush: null,
      lastReportFileWrite: null,
    },
    trustCode: null,
    registration: null,
    authorization: null,
  };
}
