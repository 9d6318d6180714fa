// The tech support `Other Info` block: NTP clock sync and the per-UDI trust
// data lines (`P:..,S:..: P:..,S:.., state[2], Trust Data INSTALLED  TrustId:552`,
// `..., state[1], NOT INSTALLED`, `P:..,S:..: No Trust Data`, and
// `Local Device: ...` on a standalone device).

import type { Block } from '../common/blocks.js';
import type { ParseContext } from '../common/context.js';
import { booleanOrNull } from '../common/fields.js';
import { IndexedPaths } from '../common/indexed-paths.js';
import type { Line } from '../common/lines.js';
import { isKnownShapeLine } from '../common/shapes.js';
import { parseUdi } from '../common/udi.js';
import type { TrustCodeRecordEntry } from './records.js';

export interface OtherInfoRecord {
  clockSyncedWithNtp: boolean | null;
  /** `INSTALLED (2)`, `No ID`. */
  overallTrust: string | null;
  /** One entry per trust data line, in the order printed; roles are not printed here. */
  trustData: TrustCodeRecordEntry[];
}

// `P:C9500-32QC,S:CAT2209L0KS: ...` or `Local Device: ...`
const TRUST_DATA_LINE = /^(P:[^,\s]+,S:[^,\s:]+|Local Device):\s+(.*)$/;

export const TRUST_DATA_PATHS = new IndexedPaths('trustData');

export function parseOtherInfo(block: Block, context: ParseContext): OtherInfoRecord {
  const record: OtherInfoRecord = { clockSyncedWithNtp: null, overallTrust: null, trustData: [] };
  context.useAll(block.headerLines);

  for (const line of block.lines) {
    const trustData = mayBeTrustData(line.trimmed) ? TRUST_DATA_LINE.exec(line.trimmed) : null;
    if (trustData !== null) {
      readTrustData(trustData[1] ?? '', trustData[2] ?? '', line, record, context);
      continue;
    }

    if (!line.isKeyValue) {
      if (isKnownShapeLine(line)) {
        context.use(line);
      }
      continue;
    }

    // Most of the block is agent settings, which are marked as understood
    // without copying their keys and values out.
    // TODO: every key of this block still counts as understood, so a renamed
    // `Clock sync-ed with NTP` leaves no trace in `unparsed`. This goes away
    // once the agent settings of the corpus are listed as IgnoredKeys.
    context.use(line);
    if (line.hasKey('Clock sync-ed with NTP')) {
      record.clockSyncedWithNtp = booleanOrNull(line.value);
      context.read('clockSyncedWithNtp', line);
    } else if (line.hasKey('Overall Trust')) {
      record.overallTrust = line.value || null;
      context.read('overallTrust', line);
    }
  }

  return record;
}

// Both forms of TRUST_DATA_LINE start with one of these; most lines start with neither.
// The first character rules out most lines before a `startsWith` call, which
// costs far more than reading one character.
function mayBeTrustData(trimmed: string): boolean {
  const first = trimmed.charCodeAt(0);
  return (first === LETTER_P && trimmed.startsWith('P:')) || (first === LETTER_L && trimmed.startsWith('Local Device'));
}

const LETTER_L = 0x4c;
const LETTER_P = 0x50;

function readTrustData(owner: string, state: string, line: Line, record: OtherInfoRecord, context: ParseContext): void {
  // On a standalone device `Local Device:` stands for the one UDI, which the
  // state text repeats when trust data is installed.
  const udi = parseUdi(owner) ?? parseUdi(state.split(',').slice(0, 2).join(','));
  const installed = /\bTrust Data INSTALLED\b/.test(state);
  record.trustData.push({ udi, installed, installedAt: null, validOn: null, expiredOn: null, type: null });
  context.read(TRUST_DATA_PATHS.at(record.trustData.length - 1), line);
}
