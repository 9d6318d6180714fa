// Fills message and remedy templates with values from facts and intent.
import type { DeviceTime } from '../model/facts.js';
import { isUnknown, resolveTimeReference } from './conditions.js';
import type { EvaluationContext } from './evaluate.js';
import { resolveField } from './resolve.js';
import { hostOf, parseTemplate, type TemplatePart } from './template.js';
import { DAY_MS, timeDifference } from './time.js';

const NONE = '(none)';
const NOT_COLLECTED = '(not collected)';

export function renderTemplate(template: string, context: EvaluationContext): string {
  const parsed = parseTemplate(template);
  if ('error' in parsed) {
    // The loader validates every template, so this only happens with hand-built playbooks.
    throw new Error(`invalid template "${template}": ${parsed.error}`);
  }
  return parsed.parts.map((part) => renderPart(part, context)).join('');
}

function renderPart(part: TemplatePart, context: EvaluationContext): string {
  if ('text' in part) {
    return part.text;
  }

  const field = resolveField(part.path, context);
  if (!field.collected) {
    return NOT_COLLECTED;
  }
  if (field.value === null) {
    return NONE;
  }

  switch (part.filter) {
    case 'host':
      return hostOf(String(field.value)) ?? String(field.value);
    case 'days':
      return daysFromNow(field.value as DeviceTime, context);
    case 'count': {
      const count = Number(field.value);
      const noun = part.noun ?? { singular: '', plural: '' };
      return `${count} ${Math.abs(count) === 1 ? noun.singular : noun.plural}`;
    }
    case null:
      return formatValue(field.value);
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'text' in value) {
    return String((value as DeviceTime).text);
  }
  return String(value);
}

/** Whole days from now (the device's clock when known) to `time`; negative when it lies in the past. */
function daysFromNow(time: DeviceTime, context: EvaluationContext): string {
  const reference = resolveTimeReference({ now: true }, context);
  if (reference === null || isUnknown(reference)) {
    return '(unknown)';
  }
  const difference = timeDifference(time, reference, 0);
  return typeof difference === 'number' ? String(Math.floor(difference / DAY_MS)) : '(unknown)';
}
