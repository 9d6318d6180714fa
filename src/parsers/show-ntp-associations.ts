// `show ntp associations`: one line per NTP peer, led by the tally code that
// gives the peer's state in clock selection.
//     address         ref clock       st   when   poll reach  delay  offset   disp
//   *~192.0.2.1       192.0.2.2        2    676   1024   377  0.117  -3.705  1.090
//    ~192.0.2.20      127.0.0.1       16    375   1024     0  0.000   0.000 15937.
//    * sys.peer, # selected, + candidate, - outlyer, x falseticker, ~ configured
// The clock is synchronised only when one peer carries `*` (sys.peer).

import { isEchoLine } from './common/echo.js';
import { runParser } from './common/run.js';
import type { ParseResult } from './types.js';

/** The peer's state in NTP clock selection, from the tally code in front of its address. */
export type NtpSelection = 'sys.peer' | 'selected' | 'candidate' | 'outlyer' | 'falseticker';

export interface NtpAssociation {
  address: string;
  /** null when the line has no tally code: the peer is not in the selection at all. */
  selection: NtpSelection | null;
  /** True for `~`: the peer comes from an `ntp server` or `ntp peer` line of the configuration. */
  configured: boolean;
  /** The peer's own reference: an address, or a code such as `.LOCL.`, `.GNSS.`, `.INIT.`. */
  referenceClock: string;
  stratum: number;
  /** Seconds since the last packet, as printed. `-` when none arrived. */
  when: string;
  /** Poll interval in seconds. */
  poll: number;
  /** The reachability register in octal as printed: `377` is eight replies in a row, `0` none. */
  reach: string;
  /** Round-trip delay, offset and dispersion in milliseconds. */
  delay: number;
  offset: number;
  dispersion: number;
}

export interface ShowNtpAssociationsRecord {
  associations: NtpAssociation[];
  /** The address of the peer marked `*`, or null when no peer is the system peer. */
  sysPeer: string | null;
}

const TALLY: Readonly<Record<string, NtpSelection>> = {
  '*': 'sys.peer',
  '#': 'selected',
  '+': 'candidate',
  '-': 'outlyer',
  x: 'falseticker',
};

// The tally `x` counts only before `~` or a digit, so a host name starting with `x` stays whole.
const NUMBER = '(-?\\d+(?:\\.\\d*)?)';
const ASSOCIATION = new RegExp(
  `^(?:([*#+-])|(x)(?=[~\\d]))?(~)?(\\S+)\\s+(\\S+)\\s+(\\d+)\\s+(\\S+)\\s+(\\d+)\\s+([0-7]+)\\s+${NUMBER}\\s+${NUMBER}\\s+${NUMBER}$`,
);
const HEADER = /^address\s+ref clock\s+st\s+when\s+poll\s+reach\s+delay\s+offset\s+disp$/;
const LEGEND = /^\* sys\.peer, # selected, \+ candidate, - outlyer, x falseticker, ~ configured$/;

// An association line ends in the dispersion, a digit or the `.` of `15937.`.
// Testing that first keeps ASSOCIATION, which backtracks over every field,
// off most lines of other output.
function mayBeAssociation(trimmed: string): boolean {
  const last = trimmed.charCodeAt(trimmed.length - 1);
  return (last >= DIGIT_ZERO && last <= DIGIT_NINE) || last === FULL_STOP;
}

function isHeaderOrLegend(trimmed: string): boolean {
  switch (trimmed.charCodeAt(0)) {
    case LETTER_A:
      return HEADER.test(trimmed);
    case ASTERISK:
      return LEGEND.test(trimmed);
    default:
      return false;
  }
}

const DIGIT_ZERO = 0x30;
const DIGIT_NINE = 0x39;
const FULL_STOP = 0x2e;
const LETTER_A = 0x61;
const ASTERISK = 0x2a;

function emptyRecord(): ShowNtpAssociationsRecord {
  return { associations: [], sysPeer: null };
}

export function parseShowNtpAssociations(text: string): ParseResult<ShowNtpAssociationsRecord> {
  return runParser(text, emptyRecord, (lines, context) => {
    const record = emptyRecord();

    for (const line of lines) {
      const match = mayBeAssociation(line.trimmed) ? ASSOCIATION.exec(line.trimmed) : null;
      if (match !== null) {
        const tally = match[1] ?? match[2];
        const association: NtpAssociation = {
          address: match[4]!,
          selection: tally === undefined ? null : (TALLY[tally] ?? null),
          configured: match[3] !== undefined,
          referenceClock: match[5]!,
          stratum: Number(match[6]),
          when: match[7]!,
          poll: Number(match[8]),
          reach: match[9]!,
          delay: Number(match[10]),
          offset: Number(match[11]),
          dispersion: Number(match[12]),
        };

        const index = record.associations.push(association) - 1;
        context.read(`associations.${index}`, line);
        if (association.selection === 'sys.peer' && record.sysPeer === null) {
          record.sysPeer = association.address;
          context.read('sysPeer', line);
        }
        continue;
      }

      if (isEchoLine(line) || isHeaderOrLegend(line.trimmed)) {
        context.use(line);
      }
    }

    return record;
  });
}
