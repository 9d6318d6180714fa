// Message and remedy templates: literal text with `{path}` or `{path|filter}`
// placeholders. A placeholder is a plain field lookup; nothing in a template runs.
import { fieldInfo, type FieldKind } from './fields.js';

export type TemplateFilter = 'host' | 'days' | 'count';

/** The kind of field each filter accepts. */
const FILTER_INPUT: Record<TemplateFilter, FieldKind> = {
  host: 'string',
  days: 'time',
  count: 'number',
};

/**
 * `{path|count:failed attempt}` prints the number with the noun in singular
 * or plural: `1 failed attempt`, `30 failed attempts`. An irregular plural
 * follows a second colon: `{path|count:entry:entries}`.
 */
export interface CountNoun {
  singular: string;
  plural: string;
}

export type Placeholder = { path: string; filter: TemplateFilter | null; noun?: CountNoun };

export type TemplatePart = { text: string } | Placeholder;

const PRINTABLE_KINDS: readonly FieldKind[] = ['string', 'number', 'boolean', 'time'];

/** Splits a template into text and placeholders, or returns what is wrong with it. */
export function parseTemplate(template: string): { parts: TemplatePart[] } | { error: string } {
  const parts: TemplatePart[] = [];
  const pattern = /\{([^{}]*)\}/g;
  let last = 0;

  for (const match of template.matchAll(pattern)) {
    const literal = template.slice(last, match.index);
    if (/[{}]/.test(literal)) {
      return { error: `unbalanced brace near "${literal.trim()}"; placeholders look like {facts.transport.url}` };
    }
    if (literal !== '') {
      parts.push({ text: literal });
    }

    const placeholder = parsePlaceholder(match[1] ?? '');
    if ('error' in placeholder) {
      return placeholder;
    }
    parts.push(placeholder);
    last = match.index + match[0].length;
  }

  const rest = template.slice(last);
  if (/[{}]/.test(rest)) {
    return { error: `unbalanced brace near "${rest.trim()}"; placeholders look like {facts.transport.url}` };
  }
  if (rest !== '') {
    parts.push({ text: rest });
  }
  return { parts };
}

function parsePlaceholder(inner: string): Placeholder | { error: string } {
  const [rawPath = '', rawFilter, ...extra] = inner.split('|').map((piece) => piece.trim());
  if (extra.length > 0) {
    return { error: `placeholder {${inner}} has more than one filter` };
  }

  const info = fieldInfo(rawPath);
  if (info === null) {
    return { error: `placeholder {${inner}} names an unknown field "${rawPath}"` };
  }

  if (rawFilter === undefined) {
    if (!PRINTABLE_KINDS.includes(info.kind)) {
      return { error: `placeholder {${inner}} names a ${info.kind} field, which cannot be printed` };
    }
    return { path: rawPath, filter: null };
  }

  const [filterName = '', ...filterArguments] = rawFilter.split(':').map((piece) => piece.trim());
  if (!Object.hasOwn(FILTER_INPUT, filterName)) {
    return { error: `placeholder {${inner}} uses an unknown filter "${filterName}"; known filters: host, days, count:<noun>` };
  }
  const filter = filterName as TemplateFilter;
  if (FILTER_INPUT[filter] !== info.kind) {
    return { error: `filter "${filter}" needs a ${FILTER_INPUT[filter]} field, but ${rawPath} is a ${info.kind}` };
  }

  if (filter !== 'count') {
    if (filterArguments.length > 0) {
      return { error: `placeholder {${inner}}: filter "${filter}" takes no argument` };
    }
    return { path: rawPath, filter };
  }
  const [singular, plural = `${singular ?? ''}s`, ...extraArguments] = filterArguments;
  if (singular === undefined || singular === '' || plural === '' || extraArguments.length > 0) {
    return { error: `placeholder {${inner}}: write count:<noun> or count:<singular>:<plural>, e.g. {${rawPath}|count:failed attempt}` };
  }
  return { path: rawPath, filter, noun: { singular, plural } };
}

/** Returns the host part of a URL-like address: `http://10.1.1.5:8182/cslu/v1/pi` gives `10.1.1.5`. */
export function hostOf(address: string): string | null {
  const match = /^(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/)?(\[[^\]]*\]|[^/:?#\s]+)/.exec(address.trim());
  return match?.[1] ?? null;
}
