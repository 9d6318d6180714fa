// `show call-home profile all`: one block per profile, starting with
// `Profile Name: <name>`. The Call Home transport of Smart Licensing sends
// through the `CiscoTAC-1` profile, so its status, transport method and HTTP
// destination are read for every profile. Alert-group and syslog-pattern
// tables are marked as understood and not read.

import { isEchoLine } from './common/echo.js';
import { splitKeyValue, valueOrNull } from './common/lines.js';
import { runParser } from './common/run.js';
import type { ParseResult } from './types.js';

export interface CallHomeProfile {
  name: string;
  /** `ACTIVE` or `INACTIVE`. */
  status: string | null;
  /** `http` or `email`. */
  transportMethod: string | null;
  /** `HTTP  address:`; null when the profile has none. */
  httpAddress: string | null;
}

export interface ShowCallHomeProfileAllRecord {
  profiles: CallHomeProfile[];
}

const PROFILE_NAME = /^Profile Name:\s*(\S.*)$/;
// Lines of a profile block that no check reads but that belong to the output.
const KNOWN_KEYS = new Set(['Profile mode', 'Reporting Data', 'Preferred Message Format', 'Message Size Limit', 'Email address(es)', 'Other address(es)']);
const TABLE_ROW = /^\S+\s{2,}[a-zA-Z/]+$/;
const KNOWN_LINES = /^(Periodic \w+ info message is scheduled|Alert-group\s+Severity|Syslog-Pattern\s+Severity|-{6,}\s+-{6,})/;

export function parseShowCallHomeProfileAll(text: string): ParseResult<ShowCallHomeProfileAllRecord> {
  return runParser(text, () => ({ profiles: [] }), (lines, context) => {
    const record: ShowCallHomeProfileAllRecord = { profiles: [] };
    let current: CallHomeProfile | null = null;
    let inTable = false;

    for (const line of lines) {
      const name = PROFILE_NAME.exec(line.trimmed);
      if (name !== null) {
        current = { name: name[1]?.trim() ?? '', status: null, transportMethod: null, httpAddress: null };
        record.profiles.push(current);
        context.read(`profiles.${record.profiles.length - 1}`, line);
        inTable = false;
        continue;
      }

      if (isEchoLine(line) || KNOWN_LINES.test(line.trimmed)) {
        context.use(line);
        inTable ||= /Severity$/.test(line.trimmed);
        continue;
      }

      if (current === null) {
        continue;
      }

      const index = record.profiles.length - 1;
      const field = splitKeyValue(line.trimmed.replace(/\s{2,}/g, ' '));
      if (field !== null && readProfileField(current, field.key, field.value)) {
        context.read(`profiles.${index}.${fieldName(field.key)}`, line);
        continue;
      }
      if (field !== null && KNOWN_KEYS.has(field.key)) {
        context.use(line);
        continue;
      }

      // Table rows (`crash   debugging`) and continued e-mail addresses.
      if ((inTable && TABLE_ROW.test(line.trimmed)) || /^\S+@\S+$/.test(line.trimmed)) {
        context.use(line);
      }
    }

    return record;
  });
}

function readProfileField(profile: CallHomeProfile, key: string, value: string): boolean {
  switch (key) {
    case 'Profile status':
      profile.status = valueOrNull(value);
      return true;
    case 'Transport Method':
      profile.transportMethod = valueOrNull(value);
      return true;
    case 'HTTP address':
      profile.httpAddress = valueOrNull(value);
      return true;
    default:
      return false;
  }
}

function fieldName(key: string): string {
  switch (key) {
    case 'Profile status':
      return 'status';
    case 'Transport Method':
      return 'transportMethod';
    default:
      return 'httpAddress';
  }
}
