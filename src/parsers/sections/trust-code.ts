// The `Trust Code Installed:` section in every shape Smart Agent releases
// print. The header can carry `<none>` or one time stamp for the whole device.
// Otherwise each UDI has a line `Active: PID:..,SN:..` with `INSTALLED on <time>`
// or `NOT INSTALLED` below it. In SA 6.3 the header carries `Trust Code Type: CSSM`,
// and each UDI has `INSTALLED on <time>    Valid on <time>` on one line, then
// `Expired on`, `Trust Code Type` and `Attributes` lines.

import type { Udi } from '../../model/facts.js';
import type { ParseContext } from '../common/context.js';
import type { Section } from '../common/blocks.js';
import { IndexedPaths } from '../common/indexed-paths.js';
import { isSentinel, type Line } from '../common/lines.js';
import { parseDeviceTime } from '../common/time.js';
import { parseRoleUdi } from '../common/udi.js';
import type { TrustCodeRecordEntry } from './records.js';

const INSTALLED = /^(NOT INSTALLED|INSTALLED)(?:\s+on\s+(.+?))?(?:\s{2,}Valid on\s+(.+))?$/;
const EXPIRED = /^Expired on\s+(.+)$/;

export const TRUST_CODE_PATHS = new IndexedPaths('trustCode');

function newEntry(udi: Udi | null, type: string | null): TrustCodeRecordEntry {
  return { udi, installed: false, installedAt: null, validOn: null, expiredOn: null, type };
}

/** Returns the entries, or null for `<none>`. Records `trustCode` and `trustCode.N` sources. */
export function parseTrustCode(section: Section, context: ParseContext): TrustCodeRecordEntry[] | null {
  context.read('trustCode', section.header);
  const headerValue = section.headerValue;

  if (isSentinel(headerValue)) {
    return null;
  }

  const entries: TrustCodeRecordEntry[] = [];
  const deviceTime = parseDeviceTime(headerValue);
  if (deviceTime !== null) {
    const entry = newEntry(null, null);
    entry.installed = true;
    entry.installedAt = deviceTime;
    entries.push(entry);
    context.read('trustCode.0', section.header);
    context.read('trustCode.0.installed', section.header);
    context.read('trustCode.0.installedAt', section.header);
  }

  // The merged SA 6.3 header `Trust Code Installed:    Trust Code Type: CSSM`.
  const headerType = /^Trust Code Type:\s*(.*)$/.exec(headerValue);
  let current: TrustCodeRecordEntry | null = null;

  for (const line of section.lines) {
    const udi = parseRoleUdi(line.trimmed);
    if (udi !== null) {
      current = newEntry(udi, headerType?.[1]?.trim() || null);
      entries.push(current);
      context.read(TRUST_CODE_PATHS.at(entries.length - 1), line);
      context.read(TRUST_CODE_PATHS.at(entries.length - 1, 'udi'), line);
      continue;
    }

    const installed = INSTALLED.exec(line.trimmed);
    if (installed !== null) {
      if (current === null) {
        current = newEntry(null, headerType?.[1]?.trim() || null);
        entries.push(current);
        context.read(TRUST_CODE_PATHS.at(entries.length - 1), line);
      }
      applyInstalled(current, installed, line, entries.length - 1, context);
      continue;
    }

    const expired = EXPIRED.exec(line.trimmed);
    if (expired !== null && current !== null) {
      current.expiredOn = parseDeviceTime(expired[1] ?? '');
      context.read(TRUST_CODE_PATHS.at(entries.indexOf(current), 'expiredOn'), line);
      continue;
    }

    readTypeOrAttributes(line, current, context);
  }

  return entries;
}

function applyInstalled(
  entry: TrustCodeRecordEntry,
  match: RegExpExecArray,
  line: Line,
  index: number,
  context: ParseContext,
): void {
  entry.installed = match[1] === 'INSTALLED';
  entry.installedAt = match[2] === undefined ? null : parseDeviceTime(match[2]);
  entry.validOn = match[3] === undefined ? null : parseDeviceTime(match[3]);
  context.read(TRUST_CODE_PATHS.at(index, 'installed'), line);
  context.read(TRUST_CODE_PATHS.at(index, 'installedAt'), line);
}

function readTypeOrAttributes(line: Line, current: TrustCodeRecordEntry | null, context: ParseContext): void {
  const keyValue = line.keyValue;
  if (keyValue === null) {
    return;
  }

  if (keyValue.key === 'Trust Code Type') {
    if (current !== null) {
      current.type = keyValue.value || null;
    }
    context.use(line);
    return;
  }

  if (keyValue.key === 'Attributes') {
    context.use(line);
  }
}
