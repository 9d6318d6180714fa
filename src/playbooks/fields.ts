// The device facts and inventory intent fields a playbook may read, with the
// kind of value each holds. The loader rejects any other path, and the type
// checks below keep this table in step with DeviceFacts and LicensingIntent.
import type { DeviceFacts, DeviceTime } from '../model/facts.js';
import type { LicensingIntent } from '../model/intent.js';

export type FieldKind = 'string' | 'number' | 'boolean' | 'time' | 'list' | 'object';

type LeafValue = DeviceTime | readonly unknown[] | string | number | boolean;

/** Every dotted path of T, stopping at time stamps, lists and scalars. */
type DottedPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: NonNullable<T[K]> extends LeafValue
    ? `${Prefix}${K}`
    : `${Prefix}${K}` | DottedPaths<NonNullable<T[K]>, `${Prefix}${K}.`>;
}[keyof T & string];

type FactPath = DottedPaths<Omit<DeviceFacts, 'evidence' | 'sources' | 'unavailable'>>;
type IntentPath = DottedPaths<LicensingIntent>;

const FACT_FIELDS = {
  licensingMode: 'string',
  agentVersion: 'string',
  transport: 'object',
  'transport.type': 'string',
  'transport.url': 'string',
  'transport.csluAddress': 'string',
  'transport.proxy': 'object',
  'transport.proxy.address': 'string',
  'transport.proxy.port': 'string',
  'transport.trustPoint': 'string',
  'transport.vrf': 'string',
  'transport.serverIdentityCheck': 'boolean',
  'transport.ipMode': 'string',
  usageReporting: 'object',
  'usageReporting.lastAckReceived': 'time',
  'usageReporting.nextAckDeadline': 'time',
  'usageReporting.reportingPushIntervalDays': 'number',
  'usageReporting.nextReportPush': 'time',
  'usageReporting.lastReportPush': 'time',
  trustCode: 'list',
  policy: 'object',
  'policy.inUse': 'string',
  'policy.name': 'string',
  'policy.reportingAckRequired': 'boolean',
  'policy.source': 'string',
  legacy: 'object',
  'legacy.registrationStatus': 'string',
  'legacy.authorizationStatus': 'string',
  trust: 'object',
  'trust.overall': 'string',
  'trust.installedCount': 'number',
  'trust.missingCount': 'number',
  'trust.missingUdis': 'string',
  'trust.installedUdis': 'string',
  communicationStatus: 'object',
  'communicationStatus.levelAllowed': 'string',
  'communicationStatus.overallState': 'string',
  'communicationStatus.ongoingFailures': 'number',
  'communicationStatus.failingKinds': 'string',
  'communicationStatus.failureReason': 'string',
  'communicationStatus.lastResponse': 'string',
  'communicationStatus.lastSuccess': 'time',
  'communicationStatus.lastFailure': 'time',
  authorization: 'object',
  'authorization.installedCount': 'number',
  'authorization.missingUdis': 'string',
  licenses: 'object',
  'licenses.inUse': 'string',
  'licenses.needingSlac': 'string',
  slacMatch: 'object',
  'slacMatch.missingFromFile': 'string',
  'slacMatch.foreignInFile': 'string',
  'slacMatch.pidMismatches': 'string',
  software: 'object',
  'software.version': 'string',
  ntp: 'object',
  'ntp.synchronized': 'boolean',
  'ntp.reference': 'string',
  ntpAssociations: 'object',
  'ntpAssociations.sysPeer': 'string',
  'ntpAssociations.peerCount': 'number',
  'ntpAssociations.unreachablePeers': 'string',
  runningConfig: 'object',
  'runningConfig.httpClientTrustpoint': 'string',
  'runningConfig.httpClientSourceInterface': 'string',
  'runningConfig.nameServers': 'string',
  'runningConfig.domainName': 'string',
  'runningConfig.ntpServers': 'string',
  'runningConfig.trustpoints': 'string',
  callHome: 'object',
  'callHome.tacProfileStatus': 'string',
  'callHome.tacTransportMethod': 'string',
  'callHome.tacHttpAddress': 'string',
  log: 'object',
  'log.messages': 'list',
  'log.names': 'string',
  clockSyncedWithNtp: 'boolean',
  currentTime: 'time',
  communication: 'list',
  udis: 'list',
} as const satisfies Record<FactPath, FieldKind>;

const INTENT_FIELDS = {
  transportType: 'string',
  transportUrl: 'string',
  slacFile: 'string',
  ackWarningDays: 'number',
  policy: 'string',
  toleratedFailures: 'number',
} as const satisfies Record<IntentPath, FieldKind>;

export type FieldSource = 'facts' | 'intent';

export interface FieldInfo {
  source: FieldSource;
  /** The path without its `facts.` or `intent.` prefix; the key of `facts.evidence`. */
  key: string;
  kind: FieldKind;
}

/** Looks up a full path such as `facts.transport.url`; null when no such field exists. */
export function fieldInfo(path: string): FieldInfo | null {
  const dot = path.indexOf('.');
  if (dot < 0) {
    return null;
  }

  const source = path.slice(0, dot);
  const key = path.slice(dot + 1);
  let table: Record<string, FieldKind>;
  if (source === 'facts') {
    table = FACT_FIELDS;
  } else if (source === 'intent') {
    table = INTENT_FIELDS;
  } else {
    return null;
  }
  if (!Object.hasOwn(table, key)) {
    return null;
  }

  return { source: source as FieldSource, key, kind: table[key] as FieldKind };
}

/** Lists every known full path, for error messages that suggest a field. */
export function knownFieldPaths(): string[] {
  return [
    ...Object.keys(FACT_FIELDS).map((key) => `facts.${key}`),
    ...Object.keys(INTENT_FIELDS).map((key) => `intent.${key}`),
  ];
}
