// The `Registration:` and `License Authorization:` sections of registration-based
// Smart Licensing (before Smart Licensing Using Policy).

import type { ParseContext } from '../common/context.js';
import type { Section } from '../common/blocks.js';
import { readFields, timeOrNull } from '../common/fields.js';
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

  readFields(
    section.lines,
    context,
    {
      Status: (value, line) => {
        registration.status = valueOrNull(value);
        context.read('registration.status', line);
      },
      'Smart Account': (value, line) => {
        record.account.smartAccount = valueOrNull(value);
        context.read('account.smartAccount', line);
      },
      'Virtual Account': (value, line) => {
        record.account.virtualAccount = valueOrNull(value);
        context.read('account.virtualAccount', line);
      },
      'Export-Controlled Functionality': (value, line) => {
        registration.exportControlledFunctionality = valueOrNull(value);
        context.read('registration.exportControlledFunctionality', line);
      },
      'Initial Registration': (value, line) => {
        registration.initialRegistration = parseTimedState(value);
        context.read('registration.initialRegistration', line);
      },
      'Last Renewal Attempt': (value, line) => {
        registration.lastRenewalAttempt = parseTimedState(value);
        context.read('registration.lastRenewalAttempt', line);
      },
      'Next Renewal Attempt': (value, line) => {
        registration.nextRenewalAttempt = timeOrNull(value);
        context.read('registration.nextRenewalAttempt', line);
      },
      'Registration Expires': (value, line) => {
        registration.registrationExpires = timeOrNull(value);
        context.read('registration.registrationExpires', line);
      },
    },
    true,
  );
}

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

  readFields(
    section.lines,
    context,
    {
      Status: (value, line) => {
        authorization.status = parseTimedState(value);
        context.read('authorization.status', line);
      },
      'Evaluation Period Remaining': (value, line) => {
        authorization.evaluationPeriodRemaining = valueOrNull(value);
        context.read('authorization.evaluationPeriodRemaining', line);
      },
      'Last Communication Attempt': (value, line) => {
        authorization.lastCommunicationAttempt = parseTimedState(value);
        context.read('authorization.lastCommunicationAttempt', line);
      },
      'Next Communication Attempt': (value, line) => {
        authorization.nextCommunicationAttempt = timeOrNull(value);
        context.read('authorization.nextCommunicationAttempt', line);
      },
      'Communication Deadline': (value, line) => {
        authorization.communicationDeadline = timeOrNull(value);
        context.read('authorization.communicationDeadline', line);
      },
    },
    true,
  );
}
