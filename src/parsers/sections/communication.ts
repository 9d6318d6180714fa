// The tech support `Communication Statistics:` block: one entry per message
// class (`Trust Establishment`, `Usage Reporting`, ...).

import type { CommunicationCounter } from '../../model/facts.js';
import { splitSections, type Block } from '../common/blocks.js';
import type { ParseContext } from '../common/context.js';
import { FieldTable, readFields, timeOrNull } from '../common/fields.js';
import { valueOrNull } from '../common/lines.js';

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

/** The source paths of one message class, built once per index and shared by all parses. */
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

export function parseCommunication(block: Block, context: ParseContext): CommunicationRecord {
  const record: CommunicationRecord = { levelAllowed: null, overallState: null, counters: [] };
  context.useAll(block.headerLines);
  if (block.headerLines[0] !== undefined) {
    context.read('communication', block.headerLines[0]);
  }

  for (const section of splitSections(block.lines, NO_NAMED_HEADERS)) {
    if (section.name === '') {
      readFields(section.lines, context, BLOCK_FIELDS, record, true);
      continue;
    }

    const paths = counterPathsAt(record.counters.length);
    const counter = newCounter(section.name);
    record.counters.push(counter);
    context.read(paths.counter, section.header);
    readFields(section.lines, context, COUNTER_FIELDS, { counter, paths }, true);
  }

  return record;
}

const NO_NAMED_HEADERS: ReadonlySet<string> = new Set();

const BLOCK_FIELDS: FieldTable<CommunicationRecord> = new FieldTable([
  [
    'Communication Level Allowed',
    (record, value, line, context) => {
      record.levelAllowed = valueOrNull(value);
      context.read('communicationLevelAllowed', line);
    },
  ],
  [
    'Overall State',
    (record, value, line, context) => {
      record.overallState = valueOrNull(value);
      context.read('communicationOverallState', line);
    },
  ],
]);

interface CounterTarget {
  counter: CommunicationCounter;
  paths: CounterPaths;
}

const COUNTER_FIELDS: FieldTable<CounterTarget> = new FieldTable([
  [
    'Attempts',
    (target, _value, line, context) => {
      readAttempts(line.trimmed, target.counter);
      context.read(target.paths.attempts, line);
    },
  ],
  [
    'Last Response',
    (target, value, line, context) => {
      target.counter.lastResponse = valueOrNull(value);
      context.read(target.paths.lastResponse, line);
    },
  ],
  [
    'Failure Reason',
    (target, value, line, context) => {
      // The JSON text CSSM sends stays as printed.
      target.counter.failureReason = valueOrNull(value);
      context.read(target.paths.failureReason, line);
    },
  ],
  [
    'Last Success Time',
    (target, value, line, context) => {
      target.counter.lastSuccessTime = timeOrNull(value);
      context.read(target.paths.lastSuccessTime, line);
    },
  ],
  [
    'Last Failure Time',
    (target, value, line, context) => {
      target.counter.lastFailureTime = timeOrNull(value);
      context.read(target.paths.lastFailureTime, line);
    },
  ],
]);

const ATTEMPT_COUNTERS: ReadonlyArray<readonly [string, AttemptField]> = [
  ['Total', 'total'],
  ['Success', 'success'],
  ['Fail', 'fail'],
  ['Overall', 'ongoingFailureOverall'],
  ['Communication', 'ongoingFailureCommunication'],
];

type AttemptField = 'total' | 'success' | 'fail' | 'ongoingFailureOverall' | 'ongoingFailureCommunication';

/**
 * Reads every `Name=digits` of the names above, wherever it is in the
 * line, as `/(Total|Success|Fail|Overall|Communication)=(\d+)/g` would. No
 * name ends with another, so at most one name fits before each `=`, and
 * matches never overlap. A later count of the same name wins.
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

    const field = attemptFieldBefore(text, equals);
    if (field !== undefined) {
      counter[field] = Number(text.slice(equals + 1, digitsEnd));
    }
  }
}

function attemptFieldBefore(text: string, equals: number): AttemptField | undefined {
  for (const [name, field] of ATTEMPT_COUNTERS) {
    if (equals >= name.length && text.startsWith(name, equals - name.length)) {
      return field;
    }
  }

  return undefined;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
