// Selects hosts with a filter such as `sw-campus-01,core,tag:floor3,sw-*`.
import { UsageError } from '../errors.js';
import { closestMatch } from '../suggest.js';
import type { InventoryHost } from './types.js';

/** A filter term that matches no host; the message lists every such term. */
export class HostFilterError extends UsageError {
  readonly unmatched: string[];

  constructor(unmatched: string[], message: string) {
    super(message);
    this.unmatched = unmatched;
  }
}

/**
 * Returns the hosts that match any comma-separated term, in inventory order.
 * A term is a host name, a group name, `tag:NAME`, or a glob over host names
 * where `*` matches any run of characters and `?` one character. Matching is
 * case-sensitive. Throws HostFilterError when the filter is empty or a term
 * matches no host, because a typo would otherwise silently skip devices.
 */
export function filterHosts(hosts: InventoryHost[], pattern: string): InventoryHost[] {
  const terms = pattern
    .split(',')
    .map((term) => term.trim())
    .filter((term) => term !== '');

  if (terms.length === 0) {
    throw new HostFilterError([], `host filter "${pattern}" is empty; give host names, group names, tag:NAME or globs separated by commas`);
  }

  const selected = new Set<InventoryHost>();
  const unmatched: string[] = [];

  for (const term of terms) {
    const matches = hosts.filter(termMatcher(term));
    if (matches.length === 0) {
      unmatched.push(term);
    }
    for (const host of matches) {
      selected.add(host);
    }
  }

  if (unmatched.length > 0) {
    throw new HostFilterError(unmatched, describeUnmatched(unmatched, hosts));
  }

  return hosts.filter((host) => selected.has(host));
}

function termMatcher(term: string): (host: InventoryHost) => boolean {
  if (term.startsWith('tag:')) {
    const tag = term.slice('tag:'.length);
    return (host) => host.tags.includes(tag);
  }

  if (term.includes('*') || term.includes('?')) {
    const glob = globToRegExp(term);
    return (host) => glob.test(host.name);
  }

  return (host) => host.name === term || host.groups.includes(term);
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const character of glob) {
    if (character === '*') {
      source += '.*';
    } else if (character === '?') {
      source += '.';
    } else {
      source += character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }

  return new RegExp(`^${source}$`, 's');
}

function describeUnmatched(unmatched: string[], hosts: InventoryHost[]): string {
  const names = new Set(hosts.flatMap((host) => [host.name, ...host.groups]));
  const tags = new Set(hosts.flatMap((host) => host.tags.map((tag) => `tag:${tag}`)));

  const parts = unmatched.map((term) => {
    const suggestion = closestMatch(term, term.startsWith('tag:') ? tags : names);
    return suggestion === null ? `"${term}"` : `"${term}" (did you mean "${suggestion}"?)`;
  });

  const subject = unmatched.length === 1 ? 'host filter term' : 'host filter terms';
  return `${subject} ${parts.join(', ')} matched no host; use a host name, group name, tag:NAME or a glob with * and ?`;
}
