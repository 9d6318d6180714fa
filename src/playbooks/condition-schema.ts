// Validates the condition language of `when`, `expect` and conditional remedy
// steps, and turns it into Condition values.
import { fieldInfo, knownFieldPaths, type FieldInfo, type FieldKind } from './fields.js';
import { closestMatch, describeValue, isRecord, rejectUnknownKeys, type Issues } from './issues.js';
import type { NodePath } from './locate.js';
import type { Condition, DateReference, Operand, Scalar } from './types.js';

export const COMPARISON_OPERATORS = ['equals', 'in', 'matches', 'exists', 'before', 'after', 'gt', 'gte', 'lt', 'lte'] as const;
export const LOGICAL_OPERATORS = ['all', 'any', 'not'] as const;

type ComparisonName = (typeof COMPARISON_OPERATORS)[number];

/** The field kinds each operator can test. */
const OPERATOR_KINDS: Record<ComparisonName, readonly FieldKind[]> = {
  equals: ['string', 'number', 'boolean'],
  in: ['string', 'number'],
  matches: ['string'],
  exists: ['string', 'number', 'boolean', 'time', 'list', 'object'],
  before: ['time'],
  after: ['time'],
  gt: ['number'],
  gte: ['number'],
  lt: ['number'],
  lte: ['number'],
};

/** Parses one condition; returns null after reporting what is wrong. */
export function parseCondition(value: unknown, path: NodePath, issues: Issues): Condition | null {
  if (!isRecord(value)) {
    issues.add(path, `expected a condition mapping such as {path: facts.transport.type, equals: smart}, got ${describeValue(value)}`);
    return null;
  }

  const logical = LOGICAL_OPERATORS.find((name) => Object.hasOwn(value, name));
  if (logical !== undefined) {
    return parseLogical(logical, value, path, issues);
  }
  return parseComparison(value, path, issues);
}

function parseLogical(
  operator: (typeof LOGICAL_OPERATORS)[number],
  value: Record<string, unknown>,
  path: NodePath,
  issues: Issues,
): Condition | null {
  const others = Object.keys(value).filter((key) => key !== operator);
  for (const key of others) {
    issues.add([...path, key], `"${operator}" must be the only key of its mapping; move "${key}" into a condition inside it`, true);
  }

  const inner = value[operator];
  if (operator === 'not') {
    const condition = parseCondition(inner, [...path, 'not'], issues);
    return condition === null || others.length > 0 ? null : { op: 'not', condition };
  }

  if (!Array.isArray(inner) || inner.length === 0) {
    issues.add([...path, operator], `"${operator}" needs a non-empty list of conditions, got ${describeValue(inner)}`);
    return null;
  }
  const conditions = inner.map((item, index) => parseCondition(item, [...path, operator, index], issues));
  if (others.length > 0 || conditions.some((condition) => condition === null)) {
    return null;
  }
  return { op: operator, conditions: conditions as Condition[] };
}

function parseComparison(value: Record<string, unknown>, path: NodePath, issues: Issues): Condition | null {
  const operators = COMPARISON_OPERATORS.filter((name) => Object.hasOwn(value, name));
  const before = issues.list.length;
  rejectUnknownKeys(value, ['path', ...COMPARISON_OPERATORS, ...LOGICAL_OPERATORS], path, issues, 'operator');
  const hasUnknownOperator = issues.list.length > before;

  const field = parseFieldPath(value.path, [...path, 'path'], issues);
  if (operators.length === 0) {
    if (!hasUnknownOperator) {
      issues.add(path, `missing operator; add one of: ${COMPARISON_OPERATORS.join(', ')}`);
    }
    return null;
  }
  if (operators.length > 1) {
    issues.add([...path, operators[1] as string], `one operator per condition, found ${operators.join(' and ')}; combine them with all: [...]`, true);
    return null;
  }
  if (field === null) {
    return null;
  }

  const operator = operators[0] as ComparisonName;
  const operatorPath = [...path, operator];
  if (!OPERATOR_KINDS[operator].includes(field.info.kind)) {
    issues.add(operatorPath, `"${operator}" cannot test ${field.path}, which is a ${field.info.kind} field`, true);
    return null;
  }

  return parseOperand(operator, value[operator], field, operatorPath, issues);
}

function parseOperand(
  operator: ComparisonName,
  raw: unknown,
  field: { path: string; info: FieldInfo },
  path: NodePath,
  issues: Issues,
): Condition | null {
  switch (operator) {
    case 'equals': {
      const operand = parseScalarOperand(raw, field.info.kind, path, issues);
      return operand === null ? null : { op: 'equals', path: field.path, value: operand };
    }
    case 'in':
      return parseIn(raw, field, path, issues);
    case 'matches':
      return parseMatches(raw, field.path, path, issues);
    case 'exists':
      if (typeof raw !== 'boolean') {
        issues.add(path, `"exists" takes true or false, got ${describeValue(raw)}`);
        return null;
      }
      return { op: 'exists', path: field.path, expected: raw };
    case 'before':
    case 'after':
      return parseDateComparison(operator, raw, field.path, path, issues);
    default: {
      const operand = parseScalarOperand(raw, 'number', path, issues) as Operand<number> | null;
      return operand === null ? null : { op: operator, path: field.path, value: operand };
    }
  }
}

function parseIn(raw: unknown, field: { path: string; info: FieldInfo }, path: NodePath, issues: Issues): Condition | null {
  if (!Array.isArray(raw) || raw.length === 0) {
    issues.add(path, `"in" needs a non-empty list of values, got ${describeValue(raw)}`);
    return null;
  }
  const values: Scalar[] = [];
  raw.forEach((item, index) => {
    if (typeof item !== field.info.kind) {
      issues.add([...path, index], `${field.path} is a ${field.info.kind} field, but this value is ${describeValue(item)}`);
      return;
    }
    values.push(item as Scalar);
  });
  return values.length === raw.length ? { op: 'in', path: field.path, values } : null;
}

function parseMatches(raw: unknown, fieldPath: string, path: NodePath, issues: Issues): Condition | null {
  const pattern = parseRegularExpression(raw, path, issues);
  return pattern === null ? null : { op: 'matches', path: fieldPath, pattern };
}

/** Checks that `raw` is a JavaScript regular expression; returns its source, or null after reporting why not. */
export function parseRegularExpression(raw: unknown, path: NodePath, issues: Issues): string | null {
  if (typeof raw !== 'string' || raw === '') {
    issues.add(path, `"matches" takes a regular expression string, got ${describeValue(raw)}`);
    return null;
  }
  try {
    new RegExp(raw);
  } catch (error) {
    // V8 words it as "Invalid regular expression: /<pattern>/: <reason>"; keep the reason.
    const reason = (error as Error).message.split(': ').pop();
    issues.add(path, `invalid regular expression ${JSON.stringify(raw)}: ${reason}`);
    return null;
  }
  return raw;
}

function parseDateComparison(
  operator: 'before' | 'after',
  raw: unknown,
  fieldPath: string,
  path: NodePath,
  issues: Issues,
): Condition | null {
  if (raw === 'now') {
    return { op: operator, path: fieldPath, date: { now: true }, offsetDays: { literal: 0 } };
  }
  if (!isRecord(raw)) {
    issues.add(path, `"${operator}" takes "now" or {date: now, offsetDays: 14}, got ${describeValue(raw)}`);
    return null;
  }
  rejectUnknownKeys(raw, ['date', 'offsetDays'], path, issues);

  const date = parseDateReference(raw.date, [...path, 'date'], issues);
  const offsetDays =
    raw.offsetDays === undefined
      ? { literal: 0 }
      : (parseScalarOperand(raw.offsetDays, 'number', [...path, 'offsetDays'], issues) as Operand<number> | null);
  if (date === null || offsetDays === null || Object.keys(raw).some((key) => key !== 'date' && key !== 'offsetDays')) {
    return null;
  }
  return { op: operator, path: fieldPath, date, offsetDays };
}

function parseDateReference(raw: unknown, path: NodePath, issues: Issues): DateReference | null {
  if (raw === 'now') {
    return { now: true };
  }
  const reference = isRecord(raw) ? parseFieldPath(raw.path, [...path, 'path'], issues) : null;
  if (!isRecord(raw)) {
    issues.add(path, `"date" takes "now" or {path: <time field>}, got ${describeValue(raw)}`);
    return null;
  }
  rejectUnknownKeys(raw, ['path'], path, issues);
  if (reference === null) {
    return null;
  }
  if (reference.info.kind !== 'time') {
    issues.add([...path, 'path'], `${reference.path} is a ${reference.info.kind} field, not a time`);
    return null;
  }
  return { path: reference.path };
}

/** Parses a literal of the field's kind, or {path: <field of the same kind>}. */
function parseScalarOperand(raw: unknown, kind: FieldKind, path: NodePath, issues: Issues): Operand | null {
  if (isRecord(raw)) {
    rejectUnknownKeys(raw, ['path'], path, issues);
    const reference = parseFieldPath(raw.path, [...path, 'path'], issues);
    if (reference === null) {
      return null;
    }
    if (reference.info.kind !== kind) {
      issues.add([...path, 'path'], `${reference.path} is a ${reference.info.kind} field, but a ${kind} is needed here`);
      return null;
    }
    return { path: reference.path };
  }

  if (typeof raw !== kind) {
    issues.add(path, `expected a ${kind} or {path: <${kind} field>}, got ${describeValue(raw)}`);
    return null;
  }
  return { literal: raw as Scalar };
}

/** Checks that `raw` names a known field such as `facts.transport.url`. */
export function parseFieldPath(raw: unknown, path: NodePath, issues: Issues): { path: string; info: FieldInfo } | null {
  if (typeof raw !== 'string') {
    issues.add(path, `expected a field path such as facts.transport.url, got ${describeValue(raw)}`);
    return null;
  }
  const info = fieldInfo(raw);
  if (info === null) {
    const suggestion = closestMatch(raw, knownFieldPaths());
    const hint = suggestion === null ? 'paths start with facts. or intent. and follow DeviceFacts or LicensingIntent' : `did you mean "${suggestion}"?`;
    issues.add(path, `unknown field "${raw}"; ${hint}`);
    return null;
  }
  return { path: raw, info };
}
