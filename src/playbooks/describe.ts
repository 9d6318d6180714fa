// Renders a condition as short readable text for pass and skip messages,
// e.g. `transport.type is "smart" and intent.transportUrl is set`.
import type { Condition, DateReference, Operand } from './types.js';

/** Texts by condition: a loaded condition never changes, and every device of a run needs the same ones. */
const described = new WeakMap<Condition, string>();

export function describeCondition(condition: Condition): string {
  let text = described.get(condition);
  if (text === undefined) {
    text = describe(condition);
    described.set(condition, text);
  }
  return text;
}

function describe(condition: Condition): string {
  switch (condition.op) {
    case 'all':
      return condition.conditions.map(describeNested).join(' and ');
    case 'any':
      return condition.conditions.map(describeNested).join(' or ');
    case 'not':
      return `not (${describeCondition(condition.condition)})`;
    case 'equals':
      return `${field(condition.path)} is ${operand(condition.value)}`;
    case 'in':
      return `${field(condition.path)} is one of ${condition.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'matches':
      return `${field(condition.path)} matches /${condition.pattern}/`;
    case 'exists':
      return `${field(condition.path)} is ${condition.expected ? 'set' : 'not set'}`;
    case 'before':
    case 'after':
      return `${field(condition.path)} is ${condition.op} ${dateText(condition.date, condition.offsetDays)}`;
    case 'gt':
      return `${field(condition.path)} > ${operand(condition.value)}`;
    case 'gte':
      return `${field(condition.path)} >= ${operand(condition.value)}`;
    case 'lt':
      return `${field(condition.path)} < ${operand(condition.value)}`;
    case 'lte':
      return `${field(condition.path)} <= ${operand(condition.value)}`;
  }
}

function describeNested(condition: Condition): string {
  const text = describeCondition(condition);
  return condition.op === 'all' || condition.op === 'any' ? `(${text})` : text;
}

/** Facts are named without their `facts.` prefix; intent keeps `intent.` so the two stay apart. */
function field(path: string): string {
  return path.startsWith('facts.') ? path.slice('facts.'.length) : path;
}

function operand(value: Operand): string {
  return 'literal' in value ? JSON.stringify(value.literal) : field(value.path);
}

function dateText(date: DateReference, offsetDays: Operand<number>): string {
  const base = 'now' in date ? 'now' : field(date.path);
  if ('literal' in offsetDays && offsetDays.literal === 0) {
    return base;
  }
  return `${base} + ${operand(offsetDays)} days`;
}
