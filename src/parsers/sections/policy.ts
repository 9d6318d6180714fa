// The `Smart Licensing Using Policy:`, `Account Information:` and `Policy:`
// sections.

import type { ParseContext } from '../common/context.js';
import type { Section } from '../common/blocks.js';
import { booleanOrNull, FieldTable, IgnoredKeys, readFields } from '../common/fields.js';
import { valueOrNull } from '../common/lines.js';
import type { LicenseStatusRecord } from './records.js';

const USING_POLICY_FIELDS: FieldTable<LicenseStatusRecord> = new FieldTable([
  [
    'Status',
    (record, value, line, context) => {
      record.policyStatus = valueOrNull(value);
      context.read('policyStatus', line);
    },
  ],
  [
    'Reporting Mode',
    (record, value, line, context) => {
      record.reportingMode = valueOrNull(value);
      context.read('reportingMode', line);
    },
  ],
]);

export function parseSmartLicensingUsingPolicy(section: Section, record: LicenseStatusRecord, context: ParseContext): void {
  context.read('licensingMode', section.header);
  record.licensingMode = 'policy';
  readFields(section.lines, context, USING_POLICY_FIELDS, record, null);
}

/** Splits `BU Production Test As of Apr 22 05:02:11 2025 UTC` at ` As of `. */
function withoutAsOf(value: string): string | null {
  return valueOrNull(value.split(/\s+As of\s+/)[0] ?? '');
}

const ACCOUNT_FIELDS: FieldTable<LicenseStatusRecord> = new FieldTable([
  [
    'Smart Account',
    (record, value, line, context) => {
      record.account.smartAccount = withoutAsOf(value);
      context.read('account.smartAccount', line);
    },
  ],
  [
    'Virtual Account',
    (record, value, line, context) => {
      record.account.virtualAccount = valueOrNull(value);
      context.read('account.virtualAccount', line);
    },
  ],
]);

export function parseAccountInformation(section: Section, record: LicenseStatusRecord, context: ParseContext): void {
  context.use(section.header);
  readFields(section.lines, context, ACCOUNT_FIELDS, record, null);
}

const POLICY_FIELDS: FieldTable<LicenseStatusRecord> = new FieldTable([
  [
    'Policy in use',
    (record, value, line, context) => {
      record.policy.inUse = valueOrNull(value);
      context.read('policy.inUse', line);
    },
  ],
  [
    'Policy name',
    (record, value, line, context) => {
      record.policy.name = valueOrNull(value);
      context.read('policy.name', line);
    },
  ],
  [
    'Reporting ACK required',
    (record, value, line, context) => {
      record.policy.reportingAckRequired = booleanOrNull(value);
      context.read('policy.reportingAckRequired', line);
    },
  ],
]);

/**
 * The attribute groups of a policy and their day counts. The device applies
 * them to compute `Next report push` and `Next ACK deadline`, which the Usage
 * Reporting section prints and the record reads.
 */
const IGNORED_POLICY_KEYS = new IgnoredKeys([
  'Unenforced/Non-Export Perpetual Attributes',
  'Unenforced/Non-Export Subscription Attributes',
  'Enforced (Perpetual/Subscription) License Attributes',
  'Export (Perpetual/Subscription) License Attributes',
  'First report requirement (days)',
  'Reporting frequency (days)',
  'Report on change (days)',
]);

/** Reads the policy in use, its name and the ACK requirement; the attribute groups are marked as understood. */
export function parsePolicy(section: Section, record: LicenseStatusRecord, context: ParseContext): void {
  context.use(section.header);
  readFields(section.lines, context, POLICY_FIELDS, record, IGNORED_POLICY_KEYS);
}
