// Reads the `%SMART_LIC-<severity>-<MNEMONIC>: text` system messages out of
// `show logging` or a console capture. System messages of other facilities
// are skipped without being listed, because a log contains thousands of them.
// Lines that are not system messages at all (the log header, command output
// mixed into a console capture) are listed as unparsed, and so is a line that
// contains `%SMART_LIC-` but cannot be read.
//
// Console messages are not atomic. One can be glued to the next message
// (`...is not allowedESG-PM-ACL:[subsys-init] ...`) or be cut mid-sentence by
// command output (`...will be required in    Layer 1 Status:`). Such messages
// are kept with `interrupted: true` and the foreign text removed.

import type { DeviceTime } from '../model/facts.js';
import { sourceOf, splitLines } from './common/lines.js';
import { parseDeviceTime } from './common/time.js';
import type { ParseResult, SourceLine } from './types.js';

export interface SmartLicMessage {
  /** 1-based line in the capture. */
  line: number;
  /** `service sequence-numbers` prefix; null when absent. */
  sequence: number | null;
  /** True for a leading `*`: the clock was not authoritative when logged. */
  clockNotAuthoritative: boolean;
  /** The time stamp before the message; `iso` is null when it has no year or a known zone. */
  time: DeviceTime | null;
  /** 0 (emergency) to 7 (debugging). */
  severity: number;
  /** The mnemonic alone, e.g. `COMM_FAILED`. */
  mnemonic: string;
  /** The full name playbooks use: `SMART_LIC-3-COMM_FAILED`. */
  name: string;
  /** The message text, without any text glued on from other output. */
  text: string;
  /** True when other output was glued to or cut into the message. */
  interrupted: boolean;
  /** Values read from the text of known messages. */
  variables: SmartLicVariables;
}

export interface SmartLicVariables {
  /** REPORTING_REQUIRED: days left to receive a usage report acknowledgement. */
  days?: number;
  /** COMM_FAILED / COMM_RESTORED: the peer named in the message, e.g. `Cisco Smart License Utility (CSLU)`. */
  peer?: string;
  /** COMM_FAILED: the error detail after ` : `. */
  reason?: string;
}

export interface SmartLicLogRecord {
  messages: SmartLicMessage[];
  /** Occurrences per full name (`SMART_LIC-3-COMM_FAILED`). */
  counts: Record<string, number>;
}

// Optional sequence number, optional `*` or `.`, a time stamp such as
// `Nov 19 14:53:07.300`, `Nov 19 2021 14:53:07.300 UTC` or an uptime such as
// `1d02h`, then `: %SMART_LIC-N-MNEMONIC: text`. The message may start
// anywhere in the line when console output was interleaved.
const MESSAGE =
  /(?:(\d+):\s*)?([*.])?((?:[A-Z][a-z]{2}\s+\d{1,2}\s+(?:\d{4}\s+)?\d{1,2}:\d{2}:\d{2}(?:\.\d+)?(?:\s+[A-Za-z]{2,5})?)|(?:\d+[wdhms]\d+[wdhms])|(?:\d{2}:\d{2}:\d{2}(?:\.\d+)?))?:?\s*%SMART_LIC-([0-7])-([A-Z0-9_]+)\s*:\s?(.*)$/;

// Another message glued directly onto the end of this one: a lower-case
// letter or full stop immediately followed by `FACILITY-...:` or `%`.
const GLUED = /(?<=[a-z.)])(?:%[A-Z]|[A-Z][A-Z0-9_]+(?:-[A-Z0-9_]+)+:)/;

// Command output cut into a message leaves a run of spaces inside it; no
// SMART_LIC message text contains three spaces in a row.
const CUT = /\s{3,}\S/;

// Any system message: `%FACILITY-SEVERITY-MNEMONIC:` anywhere in the line.
const SYSTEM_MESSAGE = /%[A-Z][A-Z0-9_]*-[0-7]-[A-Z0-9_]+\s*:/;

const REPORTING_REQUIRED = /required in (\d+) days?/;
// NOTE: only the COMM_FAILED wording is in the corpus; the `restored with`
// form for COMM_RESTORED is a guess, and a miss leaves `variables` empty.
const COMM_PEER = /^Communications? (?:failure with|restored with) (?:the )?(.+?)(?:\s+:\s+(.*))?$/;

/** Reads the SMART_LIC messages out of `show logging` output. Never throws. */
export function parseShowLoggingSmartLic(text: string): ParseResult<SmartLicLogRecord> {
  const record: SmartLicLogRecord = { messages: [], counts: {} };
  const unparsed: SourceLine[] = [];
  const sources: Record<string, SourceLine> = {};

  for (const line of splitLines(text)) {
    if (!line.text.includes('%SMART_LIC-')) {
      if (line.text.trim() !== '' && !SYSTEM_MESSAGE.test(line.text)) {
        unparsed.push(sourceOf(line));
      }

      continue;
    }

    const match = MESSAGE.exec(line.text);
    if (match === null) {
      unparsed.push(sourceOf(line));
      continue;
    }

    const message = messageFrom(match, line.line);
    sources[`messages.${record.messages.length}`] = sourceOf(line);
    record.messages.push(message);
    record.counts[message.name] = (record.counts[message.name] ?? 0) + 1;
  }

  return { record, unparsed, sources };
}

function messageFrom(match: RegExpExecArray, line: number): SmartLicMessage {
  const [, sequence, marker, stamp, severity = '', mnemonic = '', rawText = ''] = match;
  const [text, interrupted] = cleanText(rawText);

  return {
    line,
    sequence: sequence === undefined ? null : Number.parseInt(sequence, 10),
    clockNotAuthoritative: marker === '*',
    time: stamp === undefined ? null : timeOf(stamp),
    severity: Number.parseInt(severity, 10),
    mnemonic,
    name: `SMART_LIC-${severity}-${mnemonic}`,
    text,
    interrupted,
    variables: variablesOf(mnemonic, text),
  };
}

function cleanText(raw: string): [string, boolean] {
  let text = raw.trimEnd();
  let interrupted = false;

  const glued = GLUED.exec(text);
  if (glued !== null) {
    text = text.slice(0, glued.index);
    interrupted = true;
  }

  const cut = CUT.exec(text);
  if (cut !== null) {
    text = text.slice(0, cut.index);
    interrupted = true;
  }

  return [text.trim(), interrupted];
}

// A stamp without a year (`Nov 19 14:53:07.300`) or an uptime (`1d02h`)
// cannot be placed in time, so only its text is kept.
function timeOf(stamp: string): DeviceTime {
  const text = stamp.trim();
  return parseDeviceTime(text) ?? { text, iso: null };
}

function variablesOf(mnemonic: string, text: string): SmartLicVariables {
  if (mnemonic === 'REPORTING_REQUIRED') {
    const days = REPORTING_REQUIRED.exec(text);
    return days === null ? {} : { days: Number.parseInt(days[1] ?? '', 10) };
  }

  if (mnemonic === 'COMM_FAILED' || mnemonic === 'COMM_RESTORED') {
    const peer = COMM_PEER.exec(text);
    if (peer === null) {
      return {};
    }

    const variables: SmartLicVariables = { peer: peer[1] ?? '' };
    if (peer[2] !== undefined) {
      variables.reason = peer[2];
    }

    return variables;
  }

  return {};
}
