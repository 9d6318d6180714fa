// The tech support `Communication Statistics:` block: one entry per message
// class (`Trust Establishment`, `Usage Reporting`, ...).

import type { CommunicationCounter } from '../../model/facts.js';
import type { Block } from '../common/blocks.js';
import type { ParseContext } from '../common/context.js';
import { timeOrNull } from '../common/fields.js';
import { KeyTable } from '../common/key-table.js';
import { valueOrNull, type Line } from '../common/lines.js';
import { hasTextAt } from '../common/text-at.js';

export interface CommunicationRecord {
  /** `DIRECT` or `INDIRECT`. */
  levelAllowed: string | null;
  /** `Insufficient trust for direct communication` and the like; null for `<empty>`. */
  overallState: string | null;
  counters: CommunicationCounter[];
}

function newCounter(kind: string): CommunicationCounter {
  return {
    kind,
    total: null,
    success: null,
    fail: null,
    ongoingFailureOverall: null,
    ongoingFailureCommunication: null,
    lastResponse: null,
    failureReason: null,
    lastSuccessTime: null,
    lastFailureTime: null,
  };
}

/**
 * The source paths of one message class, built once per index and shared by
 * all parses. Each message class reads six paths, so they sit in one object
 * per index: IndexedPaths, with a lookup per path, measured about 1% slower
 * on tech support.
 */
interface CounterPaths {
  counter: string;
  attempts: string;
  lastResponse: string;
  failureReason: string;
  lastSuccessTime: string;
  lastFailureTime: string;
}

const counterPaths: CounterPaths[] = [];

function counterPathsAt(index: number): CounterPaths {
  let paths = counterPaths[index];
  if (paths === undefined) {
    const counter = `communication.${index}`;
    paths = {
      counter,
      attempts: `${counter}.attempts`,
      lastResponse: `${counter}.lastResponse`,
      failureReason: `${counter}.failureReason`,
      lastSuccessTime: `${counter}.lastSuccessTime`,
      lastFailureTime: `${counter}.lastFailureTime`,
    };
    counterPaths[index] = paths;
  }

  return paths;
}

/**
 * Reads the block in one pass. A column-0 line that ends at its colon
 * (`Usage Reporting:`) starts a message class. The key-value lines before the
 * first one are block fields, and unknown keys are marked as understood
 * everywhere, because new keys appear with almost every Smart Agent release.
 */
export function parseCommunication(block: Block, context: ParseContext): CommunicationRecord {
  const record: CommunicationRecord = { levelAllowed: null, overallState: null, counters: [] };
  context.useAll(block.headerLines);
  if (block.headerLines[0] !== undefined) {
    context.read('communication', block.headerLines[0]);
  }

  let counter: CommunicationCounter | null = null;
  let paths: CounterPaths | null = null;
  for (const line of block.lines) {
    if (!line.isKeyValue) {
      continue;
    }

    if (line.indent === 0 && line.hasEmptyValue) {
      paths = counterPathsAt(record.counters.length);
      counter = newCounter(line.trimmed.slice(0, line.keyLength));
      record.counters.push(counter);
      context.read(paths.counter, line);
      continue;
    }

    context.use(line);
    if (counter === null || paths === null) {
      BLOCK_FIELDS.find(line)?.(record, line, context);
    } else {
      COUNTER_FIELDS.find(line)?.(counter, paths, line, context);
    }
  }

  return record;
}

type BlockFieldReader = (record: CommunicationRecord, line: Line, context: ParseContext) => void;

const BLOCK_FIELDS: KeyTable<BlockFieldReader> = new KeyTable<BlockFieldReader>([
  [
    'Communication Level Allowed',
    (record, line, context) => {
      record.levelAllowed = valueOrNull(line.value);
      context.read('communicationLevelAllowed', line);
    },
  ],
  [
    'Overall State',
    (record, line, context) => {
      record.overallState = valueOrNull(line.value);
      context.read('communicationOverallState', line);
    },
  ],
]);

/** A reader of one field of a message class. It gets the line, so only the readers that keep the value copy it out. */
type CounterFieldReader = (counter: CommunicationCounter, paths: CounterPaths, line: Line, context: ParseContext) => void;

const COUNTER_FIELDS: KeyTable<CounterFieldReader> = new KeyTable<CounterFieldReader>([
  [
    'Attempts',
    (counter, paths, line, context) => {
      readAttempts(line.trimmed, counter);
      context.read(paths.attempts, line);
    },
  ],
  [
    'Last Response',
    (counter, paths, line, context) => {
      counter.lastResponse = valueOrNull(line.value);
      context.read(paths.lastResponse, line);
    },
  ],
  [
    'Failure Reason',
    (counter, paths, line, context) => {
      // The JSON text CSSM sends stays as printed.
      counter.failureReason = valueOrNull(line.value);
      context.read(paths.failureReason, line);
    },
  ],
  [
    'Last Success Time',
    (counter, paths, line, context) => {
      counter.lastSuccessTime = timeOrNull(line.value);
      context.read(paths.lastSuccessTime, line);
    },
  ],
  [
    'Last Failure Time',
    (counter, paths, line, context) => {
      counter.lastFailureTime = timeOrNull(line.value);
      context.read(paths.lastFailureTime, line);
    },
  ],
]);

/**
 * Reads every `Name=digits` of the names Total, Success, Fail, Overall and
 * Communication, wherever it is in the line, as
 * `/(Total|Success|Fail|Overall|Communication)=(\d+)/g` would. No name ends
 * with another, so at most one name fits before each `=`, and matches never
 * overlap. A later count of the same name wins.
 */
function readAttempts(text: string, counter: CommunicationCounter): void {
  for (let equals = text.indexOf('='); equals >= 0; equals = text.indexOf('=', equals + 1)) {
    let digitsEnd = equals + 1;
    while (digitsEnd < text.length && isDigit(text.charCodeAt(digitsEnd))) {
      digitsEnd += 1;
    }

    if (digitsEnd === equals + 1) {
      continue;
    }

    // The last letter of the name picks the names to compare, so most `=`
    // cost one comparison. Plain property stores keep each store monomorphic.
    switch (text.charCodeAt(equals - 1)) {
      case LETTER_L:
        if (nameEndsAt(text, 'Total', equals)) {
          counter.total = countOf(text, equals, digitsEnd);
        } else if (nameEndsAt(text, 'Fail', equals)) {
          counter.fail = countOf(text, equals, digitsEnd);
        } else if (nameEndsAt(text, 'Overall', equals)) {
          counter.ongoingFailureOverall = countOf(text, equals, digitsEnd);
        }
        break;
      case LETTER_S:
        if (nameEndsAt(text, 'Success', equals)) {
          counter.success = countOf(text, equals, digitsEnd);
        }
        break;
      case LETTER_N:
        if (nameEndsAt(text, 'Communication', equals)) {
          counter.ongoingFailureCommunication = countOf(text, equals, digitsEnd);
        }
        break;
      default:
        break;
    }
  }
}

const LETTER_L = 0x6c;
const LETTER_N = 0x6e;
const LETTER_S = 0x73;

function nameEndsAt(text: string, name: string, equals: number): boolean {
  return equals >= name.length && hasTextAt(text, name, equals - name.length);
}

/**
 * Returns the digits after the `=` at `equals` as Number reads them. Up to 15 digits
 * are summed in place exactly; longer runs go through Number, which rounds
 * them as a double.
 */
function countOf(text: string, equals: number, digitsEnd: number): number {
  if (digitsEnd - equals - 1 > 15) {
    return Number(text.slice(equals + 1, digitsEnd));
  }

  let count = 0;
  for (let index = equals + 1; index < digitsEnd; index += 1) {
    count = count * 10 + (text.charCodeAt(index) - 0x30);
  }

  return count;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
