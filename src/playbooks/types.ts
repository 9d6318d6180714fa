// The parsed form of a playbook: what the loader returns and the evaluator reads.
import type { Topic } from '../model/finding.js';

/** A dotted path into device facts or inventory intent: `facts.transport.url`, `intent.ackWarningDays`. */
export type FieldPath = string;

export type Scalar = string | number | boolean;

/** A value to compare with: a literal from the playbook or another field. */
export type Operand<T extends Scalar = Scalar> = { literal: T } | { path: FieldPath };

/** The date that `before` and `after` compare with. `now` is the device's own clock when the facts have it. */
export type DateReference = { now: true } | { path: FieldPath };

export type ComparisonOperator = 'gt' | 'gte' | 'lt' | 'lte';

export type Condition =
  | { op: 'all'; conditions: Condition[] }
  | { op: 'any'; conditions: Condition[] }
  | { op: 'not'; condition: Condition }
  | { op: 'equals'; path: FieldPath; value: Operand }
  | { op: 'in'; path: FieldPath; values: Scalar[] }
  | { op: 'matches'; path: FieldPath; pattern: string }
  | { op: 'exists'; path: FieldPath; expected: boolean }
  | { op: 'before' | 'after'; path: FieldPath; date: DateReference; offsetDays: Operand<number> }
  | { op: ComparisonOperator; path: FieldPath; value: Operand<number> };

/** One remedy step, or a group of steps that applies only when its condition holds. */
export type RemedyItem = string | { when: Condition; steps: string[] };

/**
 * The result of a violated expectation. `info` checks only explain a state
 * and point to the command that shows it: a violated expectation gives
 * `skip` with the check's message, never `fail` or `warn`.
 */
export type CheckLevel = 'fail' | 'warn' | 'info';

/** A message that replaces the check's default text when its condition holds. */
export interface MessageVariant {
  when: Condition;
  text: string;
}

export interface Check {
  id: string;
  topic: Topic;
  /** The result of a violated expectation. */
  level: CheckLevel;
  /** Overrides the playbook severity for this check's findings. */
  severity: number | null;
  /** The situations the check applies to; null means always. */
  when: Condition | null;
  /**
   * `when` in plain words (`the transport URL names a host, not an IP address`),
   * shown instead of the condition in explain and in skip messages; null
   * means the condition is described from its operators.
   */
  appliesWhen: string | null;
  /** The condition a healthy device satisfies. */
  expect: Condition;
  /** Template for a `fail`, `warn` or, with level `info`, `skip` finding. */
  message: string;
  /** Templates used instead of `message` when their condition holds; the first that holds wins. */
  messageVariants: MessageVariant[];
  /** Template for a `pass` finding; null means a message built from `expect`. */
  passMessage: string | null;
  /** Templates used instead of `passMessage` when their condition holds; the first that holds wins. */
  passMessageVariants: MessageVariant[];
  /** Fact paths (`facts.transport.url`) whose evidence lines a failing finding quotes. */
  evidence: FieldPath[];
  remedy: RemedyItem[];
}

export interface Playbook {
  /** The YAML file the playbook was read from. */
  file: string;
  mnemonic: string;
  /** Syslog scale, 0 (emergency) to 7 (debugging); the digit in the mnemonic. */
  severity: number;
  /** The message text with its variables (`[chars]`, `[dec]`). */
  text: string;
  /** A description of each variable of `text`, in order. */
  variables: string[];
  explanation: string;
  checks: Check[];
  /** Clues to the cause in a logged line of the message, for `sldiag explain`. */
  lineClues: LineClue[];
}

/**
 * A pattern in a logged message and what it shows about the cause. A clue
 * whose pattern matches lists some checks as likely causes and rules others
 * out, directly or through the fact value the line shows.
 */
export interface LineClue {
  /** 1-based index of the message variable the pattern reads; null reads the whole message text. */
  variable: number | null;
  pattern: string;
  /** Meaning of a matching line in plain words, e.g. `the device could not resolve the server host name`. */
  meaning: string;
  /** A fact the line shows (`facts.transport.type` is `cslu`): checks that cannot apply with that value are ruled out. */
  shows: { path: FieldPath; values: Scalar[] } | null;
  /** Check ids the line points to. */
  likely: string[];
  /** Check ids the line rules out. */
  rulesOut: string[];
}

/** One problem found while loading a playbook. `line` and `column` are 1-based. */
export interface PlaybookProblem {
  file: string;
  line: number;
  column: number;
  /** The location inside the playbook, e.g. `checks[1].expect.matches`, or empty for the whole file. */
  path: string;
  message: string;
}

/** Thrown by the loader with every problem it found, one `FILE:LINE:COL: path: message` line each. */
export class PlaybookError extends Error {
  readonly problems: PlaybookProblem[];

  constructor(problems: PlaybookProblem[]) {
    super(problems.map(formatPlaybookProblem).join('\n'));
    this.name = 'PlaybookError';
    this.problems = problems;
  }
}

export function formatPlaybookProblem(problem: PlaybookProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.path === '' ? `${where}: ${problem.message}` : `${where}: ${problem.path}: ${problem.message}`;
}
