// `show ntp status`: whether the clock is synchronised and to which reference.
// Only the first line carries what the licensing checks need:
//   Clock is synchronized, stratum 1, reference is .LOCL.
//   Clock is unsynchronized, stratum 16, no reference clock
// The statistics lines that follow are marked as understood and not read.

import { isEchoLine } from './common/echo.js';
import { runParser } from './common/run.js';
import type { ParseResult } from './types.js';

export interface ShowNtpStatusRecord {
  /** True for `Clock is synchronized`, false for `Clock is unsynchronized`. */
  synchronized: boolean | null;
  stratum: number | null;
  /** The text after `reference is`; null with `no reference clock`. */
  reference: string | null;
}

const CLOCK = /^Clock is (synchronized|unsynchronized), stratum (\d+), (?:reference is (\S+)|no reference clock)/;
const STATISTICS = /^(nominal freq|ntp uptime|reference time|clock offset|root dispersion|loopfilter state|system poll interval) is /;

function emptyRecord(): ShowNtpStatusRecord {
  return { synchronized: null, stratum: null, reference: null };
}

export function parseShowNtpStatus(text: string): ParseResult<ShowNtpStatusRecord> {
  return runParser(text, emptyRecord, (lines, context) => {
    const record = emptyRecord();

    for (const line of lines) {
      const clock = CLOCK.exec(line.trimmed);
      if (clock !== null) {
        record.synchronized = clock[1] === 'synchronized';
        record.stratum = Number(clock[2]);
        record.reference = clock[3] ?? null;
        context.read('synchronized', line);
        context.read('stratum', line);
        context.read('reference', line);
        continue;
      }

      if (isEchoLine(line) || STATISTICS.test(line.trimmed)) {
        context.use(line);
      }
    }

    return record;
  });
}
