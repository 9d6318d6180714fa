// The `Smart Licensing Using Policy:`, `Account Information:` and `Policy:`
// sections.

import type { ParseContext } from '../common/context.js';
import type { Section } from '../common/blocks.js';
import { booleanOrNull, readFields } from '../common/fields.js';
import { valueOrNull } from '../common/lines.js';
import type { LicenseStatusRecord } from './records.js';

export function parseSmartLicensingUsingPolicy(section: Section, record: LicenseStatusRecord, context: ParseContext): void {
  context.read('licensingMode', section.header);
  record.licensingMode = 'policy';

  readFields(
    section.lines,
    context,
    {
      Status: (value, line) => {
        record.policyStatus = valueOrNull(value);
        context.read('policyStatus', line);
      },
    },
    true,
  );
}

/** Splits `BU Production Test As of Apr 22 05:02:11 2025 UTC` at ` As of `. */
function withoutAsOf(value: string): string | null {
  return valueOrNull(value.split(/\s+As of\s+/)[0] ?? '');
}

export function parseAccountInformation(section: Section, record: LicenseStatusRecord, context: ParseContext): void {
  context.use(section.header);

  readFields(
    section.lines,
    context,
    {
      'Smart Account': (value, line) => {
        record.account.smartAccount = withoutAsOf(value);
        context.read('account.smartAccount', line);
      },
      'Virtual Account': (value, line) => {
        record.account.virtualAccount = valueOrNull(value);
        context.read('account.virtualAccount', line);
      },
    },
    true,
  );
}

/** Reads the policy in use, its name and the ACK requirement; the attribute groups are marked as understood. */
export function parsePolicy(section: Section, record: LicenseStatusRecord, context: ParseContext): void {
  context.use(section.header);

  readFields(
    section.lines,
    context,
    {
      'Policy in use': (value, line) => {
        record.policy.inUse = valueOrNull(value);
        context.read('policy.inUse', line);
      },
      'Policy name': (value, line) => {
        record.policy.name = valueOrNull(value);
        context.read('policy.name', line);
      },
      'Reporting ACK required': (value, line) => {
        record.policy.reportingAckRequired = booleanOrNull(value);
        context.read('policy.reportingAckRequired', line);
      },
    },
    true,
  );
}
