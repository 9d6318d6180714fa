// The `Registration:` and `License Authorization:` sections of registration-based
// Smart Licensing (before Smart Licensing Using Policy).

import type { ParseContext } from '../common/context.js';
import type { Section } from '../common/blocks.js';
import { FieldTable, readFields, timeOrNull } from '../common/fields.js';
import { valueOrNull } from '../common/lines.js';
import { parseDeviceTime } from '../common/time.js';
import type { AuthorizationRecord, LicenseStatusRecord, RegistrationRecord, TimedState } from './records.js';

/** Splits `SUCCEEDED on Nov 04 09:01:27 2022 CET` into state and time; a bare `AUTHORIZED` has no time. */
export function parseTimedState(value: string): TimedState | null {
  const text = valueOrNull(value);
  if (text === null) {
    return null;
  }

  const match = /^(.*?)\s+on\s+(.+)$/.exec(text);
  const at = match === null ? null : parseDeviceTime(match[2] ?? '');
  if (match === null || at === null) {
    return { state: text, at: null };
  }

  return { state: (match[1] ?? '').trim(), at };
}

interface RegistrationTarget {
  record: LicenseStatusRecord;
  registration: RegistrationRecord;
}

const REGISTRATION_FIELDS: FieldTable<RegistrationTarget> = new FieldTable([
  [
    'Status',
    (target, value, line, context) => {
      target.registration.status = valueOrNull(value);
      context.read('registration.status', line);
    },
  ],
  [
    'Smart Account',
    (target, value, line, context) => {
      target.record.account.smartAccount = valueOrNull(value);
      context.read('account.smartAccount', line);
    },
  ],
  [
    'Virtual Account',
    (target, value, line, context) => {
      target.record.account.virtualAccount = valueOrNull(value);
      context.read('account.virtualAccount', line);
    },
  ],
  [
    'Export-Controlled Functionality',
    (target, value, line, context) => {
      target.registration.exportControlledFunctionality = valueOrNull(value);
      context.read('registration.exportControlledFunctionality', line);
    },
  ],
  [
    'Initial Registration',
    (target, value, line, context) => {
      target.registration.initialRegistration = parseTimedState(value);
      context.read('registration.initialRegistration', line);
    },
  ],
  [
    'Last Renewal Attempt',
    (target, value, line, context) => {
      target.registration.lastRenewalAttempt = parseTimedState(value);
      context.read('registration.lastRenewalAttempt', line);
    },
  ],
  [
    'Next Renewal Attempt',
    (target, value, line, context) => {
      target.registration.nextRenewalAttempt = timeOrNull(value);
      context.read('registration.nextRenewalAttempt', line);
    },
  ],
  [
    'Registration Expires',
    (target, value, line, context) => {
      target.registration.registrationExpires = timeOrNull(value);
      context.read('registration.registrationExpires', line);
    },
  ],
]);

export function parseRegistration(section: Section, record: LicenseStatusRecord, context: ParseContext): void {
  context.read('registration', section.header);
  if (record.licensingMode === null) {
    record.licensingMode = 'legacy';
    context.read('licensingMode', section.header);
  }
  const registration: RegistrationRecord = {
    status: null,
    exportControlledFunctionality: null,
    initialRegistration: null,
    lastRenewalAttempt: null,
    nextRenewalAttempt: null,
    registrationExpires: null,
  };
  record.registration = registration;

  readFields(section.lines, context, REGISTRATION_FIELDS, { record, registration }, null);
}

const AUTHORIZATION_FIELDS: FieldTable<AuthorizationRecord> = new FieldTable([
  [
    'Status',
    (authorization, value, line, context) => {
      authorization.status = parseTimedState(value);
      context.read('authorization.status', line);
    },
  ],
  [
    'Evaluation Period Remaining',
    (authorization, value, line, context) => {
      authorization.evaluationPeriodRemaining = valueOrNull(value);
      context.read('authorization.evaluationPeriodRemaining', line);
    },
  ],
  [
    'Last Communication Attempt',
    (authorization, value, line, context) => {
      authorization.lastCommunicationAttempt = parseTimedState(value);
      context.read('authorization.lastCommunicationAttempt', line);
    },
  ],
  [
    'Next Communication Attempt',
    (authorization, value, line, context) => {
      authorization.nextCommunicationAttempt = timeOrNull(value);
      context.read('authorization.nextCommunicationAttempt', line);
    },
  ],
  [
    'Communication Deadline',
    (authorization, value, line, context) => {
      authorization.communicationDeadline = timeOrNull(value);
      context.read('authorization.communicationDeadline', line);
    },
  ],
]);

export function parseLicenseAuthorization(section: Section, record: LicenseStatusRecord, context: ParseContext): void {
  context.read('authorization', section.header);
  const authorization: AuthorizationRecord = {
    status: null,
    evaluationPeriodRemaining: null,
    lastCommunicationAttempt: null,
    nextCommunicationAttempt: null,
    communicationDeadline: null,
  };
  record.authorization = authorization;

  readFields(section.lines, context, AUTHORIZATION_FIELDS, authorization, null);
}
