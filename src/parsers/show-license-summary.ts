// Parser for `show license summary`, in its Smart Licensing Using Policy form
// (optional `Account Information:` block, then the `License Usage:` table) and
// its legacy Smart Licensing form (`Registration:` and `License Authorization:`
// blocks before the table, 16.x).

import type { DeviceTime } from '../model/facts.js';
import { KeyTable } from './common/key-table.js';
import { contentLines, sourceOf, valueOrNull } from './common/lines.js';
import type { Line } from './common/lines.js';
import { parseDeviceTime } from './common/time.js';
import type { ParseResult, SourceLine } from './types.js';

/** One row of the `License Usage:` table. */
export interface LicenseSummaryRow {
  /** The License column; null when the device leaves it blank (legacy EVAL MODE rows). */
  license: string | null;
  /** True when the device cut the name to fit the column and appended `...`. */
  licenseTruncated: boolean;
  /** The Entitlement Tag column without its parentheses: a tag or a (possibly cut) description. */
  entitlement: string;
  entitlementTruncated: boolean;
  count: number | null;
  /** `IN USE`, `NOT IN USE`; legacy `AUTHORIZED`, `EVAL MODE`, ... */
  status: string;
}

/** The legacy `Registration:` block. */
export interface LegacyRegistration {
  /** `REGISTERED` or `UNREGISTERED`. */
  status: string | null;
  smartAccount: string | null;
  virtualAccount: string | null;
  exportControlledFunctionality: string | null;
  /** As printed, e.g. `SUCCEEDED on Mar 11 16:41:39 2019 UTC`. */
  initialRegistration: string | null;
  lastRenewalAttempt: string | null;
  nextRenewalAttempt: DeviceTime | null;
  registrationExpires: DeviceTime | null;
}

/** The legacy `License Authorization:` block. */
export interface LegacyAuthorization {
  /** `AUTHORIZED`, `EVAL MODE`, `OUT OF COMPLIANCE`, `No Licenses in Use`, without any `on <time>` suffix. */
  status: string | null;
  /** The time after `on` in `AUTHORIZED on <time>`; null when the device prints none (16.9). */
  statusSince: DeviceTime | null;
  evaluationPeriodRemaining: string | null;
  lastCommunicationAttempt: string | null;
  nextCommunicationAttempt: DeviceTime | null;
  communicationDeadline: DeviceTime | null;
}

export interface LicenseSummaryRecord {
  /**
   * `legacy` when a `Registration:` or `License Authorization:` block is
   * present; `policy` when only the table is present and its rows use the
   * Smart Licensing Using Policy statuses `IN USE` / `NOT IN USE`; null when
   * the output does not tell.
   */
  licensingMode: 'policy' | 'legacy' | null;
  /** True when the legacy `Smart Licensing is ENABLED` line is present, null when absent. */
  smartLicensingEnabled: boolean | null;
  account: { smartAccount: string | null; virtualAccount: string | null } | null;
  registration: LegacyRegistration | null;
  authorization: LegacyAuthorization | null;
  /** Table rows in output order. Stacks repeat a name once per SKU, so key rows by entitlement. */
  licenses: LicenseSummaryRow[];
}

type Section = 'none' | 'account' | 'registration' | 'authorization' | 'usage';

/** Returns the section a column-0 header line opens; undefined for other lines. */
function sectionOf(trimmed: string): Section | undefined {
  switch (trimmed) {
    case 'Account Information:':
      return 'account';
    case 'Registration:':
      return 'registration';
    case 'License Authorization:':
      return 'authorization';
    case 'License Usage:':
      return 'usage';
    default:
      return undefined;
  }
}

// The part of a table row after the entitlement's closing parenthesis.
const COUNT_AND_STATUS = /^\s+(\d+)\s+(\S.*?)\s*$/;
const TABLE_HEADER = /^License\s+Entitlement\s+tag\s+Count\s+Status$/i;
const TABLE_RULE = /^-{5,}$/;
const POLICY_STATUSES = new Set(['IN USE', 'NOT IN USE']);

/** Parses `show license summary` output. Never throws. */
export function parseShowLicenseSummary(text: string): ParseResult<LicenseSummaryRecord> {
  const record: LicenseSummaryRecord = {
    licensingMode: null,
    smartLicensingEnabled: null,
    account: null,
    registration: null,
    authorization: null,
    licenses: [],
  };
  const unparsed: SourceLine[] = [];
  const sources: Record<string, SourceLine> = {};
  let section: Section = 'none';

  for (const line of contentLines(text)) {
    const header = line.indent === 0 ? sectionOf(line.trimmed) : undefined;
    if (header !== undefined) {
      section = header;
      openSection(record, section);
      continue;
    }

    if (line.trimmed === 'Smart Licensing is ENABLED') {
      record.smartLicensingEnabled = true;
      sources['smartLicensingEnabled'] = sourceOf(line);
      continue;
    }

    const understood = readLine(record, section, line, sources);
    if (!understood) {
      unparsed.push(sourceOf(line));
    }
  }

  record.licensingMode = licensingModeOf(record);
  return { record, unparsed, sources };
}

function openSection(record: LicenseSummaryRecord, section: Section): void {
  if (section === 'account' && record.account === null) {
    record.account = { smartAccount: null, virtualAccount: null };
  }

  if (section === 'registration' && record.registration === null) {
    record.registration = {
      status: null,
      smartAccount: null,
      virtualAccount: null,
      exportControlledFunctionality: null,
      initialRegistration: null,
      lastRenewalAttempt: null,
      nextRenewalAttempt: null,
      registrationExpires: null,
    };
  }

  if (section === 'authorization' && record.authorization === null) {
    record.authorization = {
      status: null,
      statusSince: null,
      evaluationPeriodRemaining: null,
      lastCommunicationAttempt: null,
      nextCommunicationAttempt: null,
      communicationDeadline: null,
    };
  }
}

function readLine(
  record: LicenseSummaryRecord,
  section: Section,
  line: Line,
  sources: Record<string, SourceLine>,
): boolean {
  if (section === 'usage') {
    return readTableLine(record, line, sources);
  }

  if (section === 'account' && record.account !== null) {
    return readField(ACCOUNT_FIELDS, record.account, line, sources);
  }

  if (section === 'registration' && record.registration !== null) {
    return readField(REGISTRATION_FIELDS, record.registration, line, sources);
  }

  if (section === 'authorization' && record.authorization !== null) {
    return readField(AUTHORIZATION_FIELDS, record.authorization, line, sources);
  }

  return false;
}

/** A field of a `Key: value` block: the path its source is recorded under, and how its value is read. */
interface FieldRule<T> {
  path: string;
  read: (target: T, value: string) => void;
}

/** Builds the rules of one block once; each path is the block name and the key in camel case. */
function fieldRules<T>(
  block: string,
  readers: ReadonlyArray<readonly [string, (target: T, value: string) => void]>,
): KeyTable<FieldRule<T>> {
  return new KeyTable(readers.map(([key, read]) => [key, { path: `${block}.${camelCase(key)}`, read }] as const));
}

type Account = NonNullable<LicenseSummaryRecord['account']>;

const ACCOUNT_FIELDS = fieldRules<Account>('account', [
  ['Smart Account', (account, value) => (account.smartAccount = accountName(value))],
  ['Virtual Account', (account, value) => (account.virtualAccount = accountName(value))],
]);

const REGISTRATION_FIELDS = fieldRules<LegacyRegistration>('registration', [
  ['Status', (registration, value) => (registration.status = valueOrNull(value))],
  ['Smart Account', (registration, value) => (registration.smartAccount = accountName(value))],
  ['Virtual Account', (registration, value) => (registration.virtualAccount = accountName(value))],
  ['Export-Controlled Functionality', (registration, value) => (registration.exportControlledFunctionality = valueOrNull(value))],
  ['Initial Registration', (registration, value) => (registration.initialRegistration = valueOrNull(value))],
  ['Last Renewal Attempt', (registration, value) => (registration.lastRenewalAttempt = valueOrNull(value))],
  ['Next Renewal Attempt', (registration, value) => (registration.nextRenewalAttempt = deviceTimeOrNull(value))],
  ['Registration Expires', (registration, value) => (registration.registrationExpires = deviceTimeOrNull(value))],
]);

const AUTHORIZATION_FIELDS = fieldRules<LegacyAuthorization>('authorization', [
  [
    'Status',
    (authorization, value) => {
      const [status, since] = splitOn(value);
      authorization.status = valueOrNull(status);
      authorization.statusSince = since === null ? null : deviceTimeOrNull(since);
    },
  ],
  ['Evaluation Period Remaining', (authorization, value) => (authorization.evaluationPeriodRemaining = valueOrNull(value))],
  ['Last Communication Attempt', (authorization, value) => (authorization.lastCommunicationAttempt = valueOrNull(value))],
  ['Next Communication Attempt', (authorization, value) => (authorization.nextCommunicationAttempt = deviceTimeOrNull(value))],
  ['Communication Deadline', (authorization, value) => (authorization.communicationDeadline = deviceTimeOrNull(value))],
]);

/** Reads a `Key: value` line by its rule; false for other keys and for lines of other shapes. */
function readField<T>(rules: KeyTable<FieldRule<T>>, target: T, line: Line, sources: Record<string, SourceLine>): boolean {
  const rule = rules.find(line);
  if (rule === undefined) {
    return false;
  }

  rule.read(target, line.value);
  sources[rule.path] = sourceOf(line);
  return true;
}

function readTableLine(record: LicenseSummaryRecord, line: Line, sources: Record<string, SourceLine>): boolean {
  if (isTableHeader(line.trimmed) || (line.trimmed.startsWith('-') && TABLE_RULE.test(line.trimmed))) {
    return true;
  }

  const row = tableRowOf(line.text);
  if (row === null) {
    return false;
  }

  sources[`licenses.${record.licenses.length}`] = sourceOf(line);
  record.licenses.push(row);
  return true;
}

function isTableHeader(trimmed: string): boolean {
  const first = trimmed.charCodeAt(0);
  return (first === 0x4c || first === 0x6c) && TABLE_HEADER.test(trimmed);
}

// `  network-advantage       (C9300-24 Network Advan...)       2 IN USE`. The
// License column may be blank or contain spaces, so a row is split around the
// parenthesised entitlement rather than by column position. The split uses
// index searches, not one regular expression, to stay linear on long lines.
function tableRowOf(text: string): LicenseSummaryRow | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) {
    return null;
  }

  const tail = COUNT_AND_STATUS.exec(text.slice(close + 1));
  if (tail === null) {
    return null;
  }

  const license = text.slice(0, open).trim();
  const entitlement = text.slice(open + 1, close);
  const [, count = '', status = ''] = tail;
  return {
    license: license === '' ? null : license,
    licenseTruncated: license.endsWith('...'),
    entitlement,
    entitlementTruncated: entitlement.endsWith('...'),
    count: Number.parseInt(count, 10),
    status,
  };
}

function licensingModeOf(record: LicenseSummaryRecord): LicenseSummaryRecord['licensingMode'] {
  if (record.registration !== null || record.authorization !== null) {
    return 'legacy';
  }

  if (record.licenses.length > 0 && record.licenses.every((row) => POLICY_STATUSES.has(row.status))) {
    return 'policy';
  }

  return null;
}

// `BU Production Test As of Dec 18 11:02:51 2023 PDT` carries the time the
// account name was learnt; only the name is kept.
function accountName(value: string): string | null {
  const name = value.split(' As of ')[0] ?? '';
  return valueOrNull(name);
}

// `AUTHORIZED on Sep 21 13:48:56 2021 UTC` -> [`AUTHORIZED`, `Sep 21 ...`].
function splitOn(value: string): [string, string | null] {
  const index = value.lastIndexOf(' on ');
  if (index < 0) {
    return [value, null];
  }

  return [value.slice(0, index), value.slice(index + 4)];
}

function deviceTimeOrNull(value: string): DeviceTime | null {
  const present = valueOrNull(value);
  if (present === null) {
    return null;
  }

  return parseDeviceTime(present) ?? { text: present, iso: null };
}

function camelCase(key: string): string {
  const words = key.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  return words
    .map((word, index) => (index === 0 ? word.toLowerCase() : word[0]?.toUpperCase() + word.slice(1).toLowerCase()))
    .join('');
}
