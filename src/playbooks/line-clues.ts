// Ranks the checks of a playbook by what one logged line of its message
// shows. The clues whose pattern matches the line point to likely causes and
// rule others out. Pure: no facts of a device are involved.
import { describeCondition } from './describe.js';
import type { Check, Condition, LineClue, Playbook, Scalar } from './types.js';

/** A clue whose pattern matched, with the text it matched in. */
export interface MatchedClue {
  clue: LineClue;
  /** The variable value or message text the pattern matched. */
  text: string;
}

export type CauseStanding = 'likely' | 'possible' | 'ruled-out';

export interface RankedCheck {
  check: Check;
  standing: CauseStanding;
  /** Reasons the line points to the check or rules it out; empty for `possible`. */
  reasons: string[];
}

/**
 * Returns the clues of `playbook` that match a logged line, given the message
 * text and the variable values read from it (empty when the text differs from
 * the catalog text, in which case only whole-text clues can match).
 */
export function matchClues(playbook: Playbook, message: string, values: readonly string[]): MatchedClue[] {
  const matched: MatchedClue[] = [];
  for (const clue of playbook.lineClues) {
    const text = clue.variable === null ? message : values[clue.variable - 1];
    if (text !== undefined && new RegExp(clue.pattern).test(text)) {
      matched.push({ clue, text });
    }
  }
  return matched;
}

/**
 * Ranks every check: likely causes first, then the causes the line neither
 * points to nor rules out, then the ruled-out ones, each group in playbook
 * order. A check that one clue points to and another rules out is ruled out.
 */
export function rankChecks(checks: readonly Check[], matched: readonly MatchedClue[]): RankedCheck[] {
  const ranked = checks.map((check) => rankCheck(check, matched));
  const order: CauseStanding[] = ['likely', 'possible', 'ruled-out'];
  return order.flatMap((standing) => ranked.filter((entry) => entry.standing === standing));
}

function rankCheck(check: Check, matched: readonly MatchedClue[]): RankedCheck {
  const against: string[] = [];
  const towards: string[] = [];

  for (const { clue, text } of matched) {
    const quoted = `the line says "${text}"`;
    if (clue.rulesOut.includes(check.id)) {
      against.push(quoted);
    }
    if (clue.shows !== null && check.when !== null && !canApply(check.when, clue.shows)) {
      const shown = describeCondition(showsCondition(clue.shows));
      const condition = check.appliesWhen ?? describeCondition(check.when);
      against.push(`${quoted}, so ${shown}, and the check applies only when ${condition}`);
    }
    if (clue.likely.includes(check.id)) {
      towards.push(quoted);
    }
  }

  if (against.length > 0) {
    return { check, standing: 'ruled-out', reasons: against };
  }
  if (towards.length > 0) {
    return { check, standing: 'likely', reasons: towards };
  }
  return { check, standing: 'possible', reasons: [] };
}

function showsCondition(shows: NonNullable<LineClue['shows']>): Condition {
  const [only] = shows.values;
  return shows.values.length === 1 && only !== undefined
    ? { op: 'equals', path: shows.path, value: { literal: only } }
    : { op: 'in', path: shows.path, values: shows.values };
}

/** False when `when` is false for every value the line shows; any other field is unknown, so it may still apply. */
function canApply(when: Condition, shows: NonNullable<LineClue['shows']>): boolean {
  return shows.values.some((value) => decide(when, shows.path, value) !== false);
}

type Decision = boolean | 'unknown';

/** Three-valued evaluation of a condition where only `path` is known, and equals `value`. */
function decide(condition: Condition, path: string, value: Scalar): Decision {
  switch (condition.op) {
    case 'all': {
      const results = condition.conditions.map((inner) => decide(inner, path, value));
      return results.includes(false) ? false : results.includes('unknown') ? 'unknown' : true;
    }
    case 'any': {
      const results = condition.conditions.map((inner) => decide(inner, path, value));
      return results.includes(true) ? true : results.includes('unknown') ? 'unknown' : false;
    }
    case 'not': {
      const inner = decide(condition.condition, path, value);
      return inner === 'unknown' ? inner : !inner;
    }
    default:
      return condition.path === path ? decideLeaf(condition, value) : 'unknown';
  }
}

function decideLeaf(condition: Exclude<Condition, { op: 'all' | 'any' | 'not' }>, value: Scalar): Decision {
  switch (condition.op) {
    case 'equals':
      return 'literal' in condition.value ? condition.value.literal === value : 'unknown';
    case 'in':
      return condition.values.includes(value);
    case 'matches':
      return typeof value === 'string' && new RegExp(condition.pattern).test(value);
    case 'exists':
      return condition.expected;
    default:
      return 'unknown';
  }
}
