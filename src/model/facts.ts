// The normalised view of one device that playbooks read. Built by facts/ from
// the parsed records of every command collected from the device.

/** A time stamp as the device printed it, plus ISO 8601 when its zone is known. */
export interface DeviceTime {
  text: string;
  /** ISO 8601 in UTC, or null when the zone abbreviation is unknown or the text is not a date. */
  iso: string | null;
}

/** One line of device output that proves a fact. `line` is 1-based in the raw capture. */
export interface Evidence {
  command: string;
  line: number;
  text: string;
}

export type LicensingMode = 'policy' | 'legacy' | 'none';

export interface Udi {
  /** `Active`, `Standby`, `Member` and so on; null on a standalone device. */
  role: string | null;
  pid: string;
  sn: string;
}

export interface TrustCodeEntry {
  /** null where the device prints one trust code line for the whole device. */
  udi: Udi | null;
  installed: boolean;
  installedAt: DeviceTime | null;
}

export interface CommunicationCounter {
  /** Section name as printed, e.g. `Usage Reporting`, `Trust Establishment`. */
  kind: string;
  total: number | null;
  success: number | null;
  fail: number | null;
  ongoingFailureOverall: number | null;
  ongoingFailureCommunication: number | null;
  lastResponse: string | null;
  /** Raw text; for the JSON form sent by CSSM this is the JSON text. */
  failureReason: string | null;
  lastSuccessTime: DeviceTime | null;
  lastFailureTime: DeviceTime | null;
}

export interface DeviceFacts {
  licensingMode: LicensingMode | null;
  /** Smart Agent for Licensing version, e.g. `5.9.4_rel/9`. */
  agentVersion: string | null;
  transport: {
    /** Lower case: `smart`, `cslu`, `callhome`, `off`, ... */
    type: string | null;
    url: string | null;
    csluAddress: string | null;
    proxy: { address: string | null; port: string | null } | null;
    trustPoint: string | null;
    vrf: string | null;
  };
  usageReporting: {
    lastAckReceived: DeviceTime | null;
    nextAckDeadline: DeviceTime | null;
    /** Days between pushes; 0 means `0 (no reporting)`. */
    reportingPushIntervalDays: number | null;
    nextReportPush: DeviceTime | null;
    lastReportPush: DeviceTime | null;
  };
  /** One entry per UDI where the device lists them; empty when unknown. */
  trustCode: TrustCodeEntry[];
  policy: {
    inUse: string | null;
    reportingAckRequired: boolean | null;
  };
  clockSyncedWithNtp: boolean | null;
  /** The device's own clock at capture time (tech support `Current time:`). */
  currentTime: DeviceTime | null;
  communication: CommunicationCounter[];
  udis: Udi[];
  /**
   * Where each fact was read, keyed by the dotted path of the fact
   * (`transport.url`, `clockSyncedWithNtp`, `usageReporting.nextAckDeadline`).
   */
  evidence: Record<string, Evidence>;
  /** Commands whose output went into these facts, by CLI text. */
  sources: string[];
}
