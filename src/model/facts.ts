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
    serverIdentityCheck: boolean | null;
    /** `IP Mode:` as printed, e.g. `Default`. */
    ipMode: string | null;
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
    /** `Policy name:`, e.g. `SLE Policy`. */
    name: string | null;
    reportingAckRequired: boolean | null;
    /** `custom` when the policy lines end in `(Customer Policy)`, `default` when they end in `(CISCO default)`. */
    source: string | null;
  };
  /** Registration-based Smart Licensing (before Smart Licensing Using Policy). */
  legacy: {
    /** `REGISTERED`, `UNREGISTERED`, ... */
    registrationStatus: string | null;
    /** `AUTHORIZED`, `OUT OF COMPLIANCE`, `EVAL MODE`, ... */
    authorizationStatus: string | null;
  };
  /** Trust code totals over `trustCode`, with the Other Info `Overall Trust:` value. */
  trust: {
    overall: string | null;
    installedCount: number | null;
    missingCount: number | null;
    /** The UDIs without a trust code, `PID:X,SN:Y` joined with `; `; null when none is missing. */
    missingUdis: string | null;
    installedUdis: string | null;
  };
  /** A summary of `communication` and the Communication Statistics header. */
  communicationStatus: {
    /** `DIRECT` or `INDIRECT`. */
    levelAllowed: string | null;
    /** e.g. `Insufficient trust for direct communication`; null for `<empty>`. */
    overallState: string | null;
    /** The highest `Ongoing Failure: Overall=` count of any message kind. */
    ongoingFailures: number | null;
    /** The message kinds with ongoing failures, joined with `, `; null when none fails. */
    failingKinds: string | null;
    /** The first `Failure Reason:` shown, the JSON form from CSSM turned into text. */
    failureReason: string | null;
    lastResponse: string | null;
    /** The latest `Last Success Time` of any message kind; null when no kind shows one. */
    lastSuccess: DeviceTime | null;
    /** The latest `Last Failure Time` of the message kinds with ongoing failures; null when none is failing. */
    lastFailure: DeviceTime | null;
  };
  /** SLAC state per UDI from `show license authorization` or the same block of `show license all`. */
  authorization: {
    installedCount: number | null;
    /** UDIs whose status is `NOT INSTALLED`, joined with `; `; null when none. */
    missingUdis: string | null;
  };
  /** The licences in use, from License Usage (`show license usage`, `all`, `tech support`) or `show license summary`. */
  licenses: {
    /** Names of the licences whose status is `IN USE`, joined with `, `; null when none is in use. */
    inUse: string | null;
    /**
     * Names of the licences in use that need an authorization code (SLAC):
     * HSEC licences, `Enforcement type: ENFORCED` or `EXPORT RESTRICTED`,
     * `Export status: RESTRICTED ...`; null when none does.
     */
    needingSlac: string | null;
  };
  /** The device's UDIs against the SLAC file the inventory names. */
  slacMatch: {
    /** Device UDIs whose serial number is not in the file, joined with `; `; null when all are. */
    missingFromFile: string | null;
    /** File UDIs whose serial number is not on the device, joined with `; `; null when none. */
    foreignInFile: string | null;
    /** Serial numbers whose `P:` in the file differs from the device `PID:`, as `SN (file P:X, device PID:Y)`. */
    pidMismatches: string | null;
  };
  /** From `show version`. */
  software: {
    /** The release with leading zeros removed: `17.07.01prd16` becomes `17.7.1prd16`. */
    version: string | null;
  };
  /** From `show ntp status`. */
  ntp: {
    synchronized: boolean | null;
    /** The reference after `reference is`, or null with `no reference clock`. */
    reference: string | null;
  };
  /** From `show ntp associations`. */
  ntpAssociations: {
    /** The address of the peer marked `*` (sys.peer); null when no peer is. */
    sysPeer: string | null;
    /** Number of peers listed. */
    peerCount: number | null;
    /** Addresses of the peers whose reach register is 0 (no reply in the last eight polls), joined with `, `; null when none. */
    unreachablePeers: string | null;
  };
  /** The licensing lines of the running configuration (`show running-config | include ...`); text lists joined with `, `. */
  runningConfig: {
    /** `ip http client secure-trustpoint`, e.g. `SLA-TrustPoint`. */
    httpClientTrustpoint: string | null;
    /** `ip http client source-interface`, e.g. `GigabitEthernet0/0/2`. */
    httpClientSourceInterface: string | null;
    /** The DNS servers of the `ip name-server` lines. */
    nameServers: string | null;
    /** `ip domain name` or `ip domain-name`. */
    domainName: string | null;
    /** The servers of the `ntp server` lines. */
    ntpServers: string | null;
    /** The names of the `crypto pki trustpoint` blocks. */
    trustpoints: string | null;
  };
  /** The `CiscoTAC-1` profile of `show call-home profile all`. */
  callHome: {
    tacProfileStatus: string | null;
    tacTransportMethod: string | null;
    tacHttpAddress: string | null;
  };
  /** The `%SMART_LIC-` messages of `show logging`. */
  log: {
    messages: LoggedMessage[];
    /** Every logged message name once, joined with a space; for `matches` conditions. */
    names: string | null;
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
  /**
   * Why a command gave no facts, keyed by catalog id (`show-ntp-status`) or
   * `slac-file`: the device's error marker or the read error.
   */
  unavailable: Record<string, string>;
}

/** One message name from the device log, with how often it appears. */
export interface LoggedMessage {
  /** `SMART_LIC-3-COMM_FAILED`. */
  name: string;
  count: number;
  first: Evidence;
  last: Evidence;
}

/** The facts a run result keeps per device: what users filter on in the JSON report. */
export interface FactsSummary {
  licensingMode: DeviceFacts['licensingMode'];
  transportType: string | null;
  transportUrl: string | null;
  csluAddress: string | null;
  trustPoint: string | null;
  clockSyncedWithNtp: boolean | null;
  currentTime: DeviceTime | null;
  lastAckReceived: DeviceTime | null;
  nextAckDeadline: DeviceTime | null;
  reportingPushIntervalDays: number | null;
  policyInUse: string | null;
  /** True when every listed UDI has a trust code; null when the device lists none. */
  trustCodeInstalled: boolean | null;
  trustCode: TrustCodeEntry[];
  udis: Udi[];
  agentVersion: string | null;
}
