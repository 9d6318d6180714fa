// Parser for `show license eventlog [days]`: a `**** Event Log ****` title,
// then one event per time stamp,
//
//   2021-11-17 03:31:32.921 UTC SAEVT_ENDPOINT_USAGE count="0" entitlementTag="regid..."
//
// Long events can be wrapped onto continuation lines at about 80 columns
// (seen on 17.18.02). A line that starts with a `key=` attribute continues the
// event before it. An empty log prints ` No EventLog Found.`.

import type { DeviceTime } from '../model/facts.js';
import { contentLines, sourceOf, type Line } from './common/lines.js';
import { parseDeviceTime } from './common/time.js';
import type { ParseResult, SourceLine } from './types.js';

export interface LicenseEvent {
  time: DeviceTime;
  /** The event name, e.g. `SAEVT_HA_ROLE`. */
  type: string;
  /** `key="value"` pairs after the type, quotes removed, in output order. */
  attributes: Record<string, string>;
  /** Everything after the type, with continuation lines joined. */
  text: string;
  /** 1-based line numbers of the event's first and last line. */
  firstLine: number;
  lastLine: number;
}

export interface LicenseEventlogRecord {
  /** True when the device printed `No EventLog Found.`. */
  noEventLogFound: boolean;
  events: LicenseEvent[];
}

// The time stamp, the event type, and the rest of the line.
const EVENT_START = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:\s+[A-Za-z]{2,5})?)\s+(\S+)(.*)$/;
const TITLE = /^\*+\s*Event Log\s*\*+$/;
const NO_EVENTS = /^No EventLog Found\.?$/;
const ATTRIBUTE = /(\w+)=(?:"([^"]*)"|(\S+))/g;
const KEY_ATTRIBUTE = /^\w+=/;

/** Parses `show license eventlog` output. Never throws. */
export function parseShowLicenseEventlog(text: string): ParseResult<LicenseEventlogRecord> {
  const record: LicenseEventlogRecord = { noEventLogFound: false, events: [] };
  const unparsed: SourceLine[] = [];
  const sources: Record<string, SourceLine> = {};
  const lines = contentLines(text);
  let current: LicenseEvent | null = null;

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as Line;
    if (isTitle(line)) {
      current = null;
      continue;
    }

    if (isNoEvents(line)) {
      record.noEventLogFound = true;
      sources['noEventLogFound'] = sourceOf(line);
      current = null;
      continue;
    }

    const start = isDigit(line.trimmed.charCodeAt(0)) ? EVENT_START.exec(line.trimmed) : null;
    if (start !== null) {
      current = eventFrom(start, line.line);
      sources[`events.${record.events.length}`] = sourceOf(line);
      record.events.push(current);
      continue;
    }

    if (current === null) {
      unparsed.push(sourceOf(line));
      continue;
    }

    const continuation = continuationOf(current, lines, index);
    for (let at = index; at <= continuation.last; at += 1) {
      if (continuation.joined) {
        appendLine(current, lines[at] as Line);
      } else {
        unparsed.push(sourceOf(lines[at] as Line));
      }
    }
    index = continuation.last;
  }

  for (const event of record.events) {
    event.text = event.text.trim();
    event.attributes = attributesOf(event.text);
  }

  return { record, unparsed, sources };
}

// The device wraps at a space between attributes (the first line ends in that
// space), so the parts are joined with one space. Lines are matched trimmed,
// which also covers captures that dropped the trailing space.
function appendLine(event: LicenseEvent, line: Line): void {
  const separator = event.text === '' ? '' : ' ';
  event.text = `${event.text}${separator}${line.text.trim()}`;
  event.lastLine = line.line;
}

function hasOpenQuote(eventText: string): boolean {
  let quotes = 0;
  for (let at = eventText.indexOf('"'); at >= 0; at = eventText.indexOf('"', at + 1)) {
    quotes += 1;
  }

  return quotes % 2 === 1;
}

/** Lines `from` to `last` (indexes) either continue the event or are text the parser does not understand. */
interface Continuation {
  last: number;
  joined: boolean;
}

// The device wraps at a space, so a continuation line starts with the next
// `key=` attribute. Inside a quoted value any text can follow, but only up to
// the line that closes the quote. Without such a line before the next event,
// the lines are reported, because a damaged line left the quote open.
function continuationOf(event: LicenseEvent, lines: readonly Line[], from: number): Continuation {
  if (!hasOpenQuote(event.text)) {
    return { last: from, joined: KEY_ATTRIBUTE.test((lines[from] as Line).trimmed) };
  }

  let index = from;
  for (; index < lines.length; index += 1) {
    const line = lines[index] as Line;
    if (isTitle(line) || isNoEvents(line) || isEventStart(line)) {
      break;
    }

    if (line.trimmed.includes('"')) {
      return { last: index, joined: true };
    }
  }

  return { last: index - 1, joined: false };
}

function isEventStart(line: Line): boolean {
  return isDigit(line.trimmed.charCodeAt(0)) && EVENT_START.test(line.trimmed);
}

function isTitle(line: Line): boolean {
  return line.trimmed.startsWith('*') && TITLE.test(line.trimmed);
}

function isNoEvents(line: Line): boolean {
  return line.trimmed.startsWith('No ') && NO_EVENTS.test(line.trimmed);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function eventFrom(match: RegExpExecArray, line: number): LicenseEvent {
  const [, stamp = '', type = '', rest = ''] = match;

  return {
    time: parseDeviceTime(stamp) ?? { text: stamp, iso: null },
    type,
    attributes: {},
    text: rest.replace(/^\s+/, ''),
    firstLine: line,
    lastLine: line,
  };
}

function attributesOf(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE)) {
    const [, key = '', quoted, bare] = match;
    attributes[key] = quoted ?? bare ?? '';
  }

  return attributes;
}
