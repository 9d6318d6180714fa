// `show version`: the IOS XE release and the licensing state line. The first
// line names the release with zero-padded numbers
// (`Cisco IOS XE Software, Version 17.07.01prd16`), which is read as
// `17.7.1prd16`. The rest of the output (copyright, uptime, memory) is not
// needed by any check and is listed as unparsed.

import { isEchoLine } from './common/echo.js';
import { runParser } from './common/run.js';
import type { ParseResult } from './types.js';

export interface ShowVersionRecord {
  /** The release as printed, e.g. `17.07.01prd16`. */
  versionText: string | null;
  /** The release without zero padding, e.g. `17.7.1prd16`; null when it is not a numbered release (a development build). */
  version: string | null;
  /** `Smart Licensing Status:` as printed, e.g. `Smart Licensing Using Policy`. */
  smartLicensingStatus: string | null;
}

const IOS_XE_VERSION = /^Cisco IOS XE Software, Version (\S+)/;
const NUMBERED_RELEASE = /^(\d+)\.(\d+)\.(\d+)([A-Za-z][\w]*)?$/;
const LICENSING_STATUS = /^Smart Licensing Status:\s*(.+)$/;

function emptyRecord(): ShowVersionRecord {
  return { versionText: null, version: null, smartLicensingStatus: null };
}

export function parseShowVersion(text: string): ParseResult<ShowVersionRecord> {
  return runParser(text, emptyRecord, (lines, context) => {
    const record = emptyRecord();

    for (const line of lines) {
      const version = IOS_XE_VERSION.exec(line.trimmed);
      if (version !== null && record.versionText === null) {
        record.versionText = version[1] ?? null;
        record.version = normaliseRelease(record.versionText ?? '');
        context.read('versionText', line);
        context.read('version', line);
        continue;
      }

      const status = LICENSING_STATUS.exec(line.trimmed);
      if (status !== null) {
        record.smartLicensingStatus = status[1]?.trim() ?? null;
        context.read('smartLicensingStatus', line);
        continue;
      }

      if (isEchoLine(line)) {
        context.use(line);
      }
    }

    return record;
  });
}

/** `17.07.01prd16` gives `17.7.1prd16`; anything but a numbered release gives null. */
export function normaliseRelease(text: string): string | null {
  const match = NUMBERED_RELEASE.exec(text);
  if (match === null) {
    return null;
  }

  const [, major = '', minor = '', patch = '', suffix = ''] = match;
  return `${Number(major)}.${Number(minor)}.${Number(patch)}${suffix}`;
}
