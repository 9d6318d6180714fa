// Evaluates conditions over one device. The logic has three values: a leaf
// whose fact was not collected, or whose time cannot be compared, is unknown,
// and `all`, `any` and `not` carry unknown through unless the other operands
// decide the result on their own.
import type { DeviceTime } from '../model/facts.js';
import type { EvaluationContext } from './evaluate.js';
import { resolveField, whyNotCollected } from './resolve.js';
import { timeDifference, type TimeReference } from './time.js';
import type { Condition, DateReference, Operand } from './types.js';

/** An undecided condition, with the reason. */
export interface Unknown {
  reason: string;
}

export type Truth = boolean | Unknown;

export function isUnknown(value: unknown): value is Unknown {
  return typeof value === 'object' && value !== null && 'reason' in value;
}

export function evaluateCondition(condition: Condition, context: EvaluationContext): Truth {
  switch (condition.op) {
    case 'all':
      return combine(condition.conditions.map((inner) => evaluateCondition(inner, context)), false);
    case 'any':
      return combine(condition.conditions.map((inner) => evaluateCondition(inner, context)), true);
    case 'not': {
      const inner = evaluateCondition(condition.condition, context);
      return isUnknown(inner) ? inner : !inner;
    }
    default:
      return evaluateLeaf(condition, context);
  }
}

/** `all` when `decisive` is false, `any` when true: one decisive operand settles the result. */
function combine(results: Truth[], decisive: boolean): Truth {
  if (results.includes(decisive)) {
    return decisive;
  }
  return results.find(isUnknown) ?? !decisive;
}

type Leaf = Exclude<Condition, { op: 'all' | 'any' | 'not' }>;

function evaluateLeaf(condition: Leaf, context: EvaluationContext): Truth {
  const field = resolveField(condition.path, context);
  if (!field.collected) {
    return notCollected(field.key, context);
  }
  const value = field.value;

  switch (condition.op) {
    case 'exists':
      return (value !== null && !(Array.isArray(value) && value.length === 0)) === condition.expected;
    case 'equals': {
      const operand = resolveOperand(condition.value, context);
      return isUnknown(operand) ? operand : value !== null && value === operand.value;
    }
    case 'in':
      return condition.values.includes(value as string | number);
    case 'matches':
      return typeof value === 'string' && compiledPattern(condition.pattern).test(value);
    case 'before':
    case 'after':
      return compareTime(condition.op, value as DeviceTime | null, condition.date, condition.offsetDays, context);
    default: {
      const operand = resolveOperand(condition.value, context);
      if (isUnknown(operand)) {
        return operand;
      }
      if (typeof value !== 'number' || typeof operand.value !== 'number') {
        return false;
      }
      return compareNumbers(condition.op, value, operand.value);
    }
  }
}

function compareNumbers(op: 'gt' | 'gte' | 'lt' | 'lte', left: number, right: number): boolean {
  switch (op) {
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
  }
}

function compareTime(
  op: 'before' | 'after',
  value: DeviceTime | null,
  date: DateReference,
  offsetDays: Operand<number>,
  context: EvaluationContext,
): Truth {
  const reference = resolveTimeReference(date, context);
  const offset = resolveOperand(offsetDays, context);
  if (isUnknown(reference)) {
    return reference;
  }
  if (isUnknown(offset)) {
    return offset;
  }
  if (value === null || reference === null || typeof offset.value !== 'number') {
    return false;
  }

  const difference = timeDifference(value, reference, offset.value);
  if (typeof difference !== 'number') {
    return difference;
  }
  return op === 'before' ? difference < 0 : difference > 0;
}

/** `now` is the device's own current time when the facts have it, otherwise the evaluation time. */
export function resolveTimeReference(date: DateReference, context: EvaluationContext): TimeReference | null | Unknown {
  if ('now' in date) {
    const deviceTime = context.facts.currentTime;
    return deviceTime === null ? { clock: context.now } : { device: deviceTime };
  }
  const field = resolveField(date.path, context);
  if (!field.collected) {
    return notCollected(field.key, context);
  }
  return field.value === null ? null : { device: field.value as DeviceTime };
}

function resolveOperand(operand: Operand, context: EvaluationContext): { value: unknown } | Unknown {
  if ('literal' in operand) {
    return { value: operand.literal };
  }
  const field = resolveField(operand.path, context);
  return field.collected ? { value: field.value } : notCollected(field.key, context);
}

function notCollected(key: string, context: EvaluationContext): Unknown {
  return { reason: whyNotCollected(key, context) };
}

const patternCache = new Map<string, RegExp>();

function compiledPattern(pattern: string): RegExp {
  let regex = patternCache.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(pattern);
    patternCache.set(pattern, regex);
  }
  return regex;
}
