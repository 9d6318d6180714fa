// The tech support `Communication Statistics:` block: one entry per message
// class (`Trust Establishment`, `Usage Reporting`, ...).

import type { CommunicationCounter } from '../../model/facts.js';
import { splitSections, type Block } from '../common/blocks.js';
import type { ParseContext } from '../common/context.js';
import { readFields, timeOrNull } from '../common/fields.js';
import { valueOrNull, type Line } from '../common/lines.js';

export interface CommunicationRecord {
  /** `DIRECT` or `INDIRECT`. */
  levelAllowed: string | null;
  /** `Insufficient trust for direct communication` and the like; null for `<empty>`. */
  overallState: string | null;
  counters: CommunicationCounter[];
}

// `Attempts: Total=1, Success=1, Fail=0  Ongoing Failure: Overall=0 Communication=0`
const ATTEMPT_COUNTER = /(Total|Success|Fail|Overall|Communication)=(\d+)/g;

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

export function parseCommunication(block: Block, context: ParseContext): CommunicationRecord {
  const record: CommunicationRecord = { levelAllowed: null, overallState: null, counters: [] };
  context.use(...block.headerLines);
  if (block.headerLines[0] !== undefined) {
    context.read('communication', block.headerLines[0]);
  }

  for (const section of splitSections(block.lines, new Set())) {
    if (section.name === '') {
      readBlockFields(section.lines, record, context);
      continue;
    }

    const index = record.counters.length;
    const counter = newCounter(section.name);
    record.counters.push(counter);
    context.read(`communication.${index}`, section.header);
    readCounterFields(section.lines, counter, `communication.${index}`, context);
  }

  return record;
}

function readBlockFields(lines: readonly Line[], record: CommunicationRecord, context: ParseContext): void {
  readFields(
    lines,
    context,
    {
      'Communication Level Allowed': (value, line) => {
        record.levelAllowed = valueOrNull(value);
        context.read('communicationLevelAllowed', line);
      },
      'Overall State': (value, line) => {
        record.overallState = valueOrNull(value);
        context.read('communicationOverallState', line);
      },
    },
    true,
  );
}

function readCounterFields(lines: readonly Line[], counter: CommunicationCounter, path: string, context: ParseContext): void {
  readFields(
    lines,
    context,
    {
      Attempts: (_value, line) => {
        readAttempts(line.trimmed, counter);
        context.read(`${path}.attempts`, line);
      },
      'Last Response': (value, line) => {
        counter.lastResponse = valueOrNull(value);
        context.read(`${path}.lastResponse`, line);
      },
      'Failure Reason': (value, line) => {
        // The JSON text CSSM sends stays as printed.
        counter.failureReason = valueOrNull(value);
        context.read(`${path}.failureReason`, line);
      },
      'Last Success Time': (value, line) => {
        counter.lastSuccessTime = timeOrNull(value);
        context.read(`${path}.lastSuccessTime`, line);
      },
      'Last Failure Time': (value, line) => {
        counter.lastFailureTime = timeOrNull(value);
        context.read(`${path}.lastFailureTime`, line);
      },
    },
    true,
  );
}

function readAttempts(text: string, counter: CommunicationCounter): void {
  for (const match of text.matchAll(ATTEMPT_COUNTER)) {
    const value = Number(match[2]);
    switch (match[1]) {
      case 'Total':
        counter.total = value;
        break;
      case 'Success':
        counter.success = value;
        break;
      case 'Fail':
        counter.fail = value;
        break;
      case 'Overall':
        counter.ongoingFailureOverall = value;
        break;
      case 'Communication':
        counter.ongoingFailureCommunication = value;
        break;
    }
  }
}
