import { beforeAll, describe, expect, it } from 'vitest';

import { filterHosts, HostFilterError } from '../../src/inventory/filter.js';
import { loadInventory } from '../../src/inventory/load.js';
import type { InventoryHost } from '../../src/inventory/types.js';
import { UsageError } from '../../src/errors.js';
import { fixture } from './helpers.js';

let hosts: InventoryHost[] = [];

beforeAll(async () => {
  hosts = (await loadInventory(fixture('filter.yaml'))).hosts;
});

function names(pattern: string): string[] {
  return filterHosts(hosts, pattern).map((host) => host.name);
}

function failureOf(pattern: string): HostFilterError {
  try {
    filterHosts(hosts, pattern);
  } catch (error) {
    if (error instanceof HostFilterError) {
      return error;
    }
    throw error;
  }
  throw new Error(`filter "${pattern}" matched`);
}

describe('filterHosts', () => {
  it('host name', () => {
    expect(names('rtr-core-02')).toEqual(['rtr-core-02']);
  });

  it('group name', () => {
    expect(names('campus')).toEqual(['sw-campus-01', 'sw-campus-02']);
  });

  it('tag term', () => {
    expect(names('tag:floor3')).toEqual(['sw-campus-01', 'rtr-core-01']);
  });

  it('glob with star', () => {
    expect(names('rtr-*')).toEqual(['rtr-core-01', 'rtr-core-02']);
  });

  it('glob with question mark', () => {
    expect(names('sw-campus-0?')).toEqual(['sw-campus-01', 'sw-campus-02']);
  });

  it('glob matches whole name', () => {
    expect(names('*-01')).toEqual(['sw-campus-01', 'rtr-core-01']);
  });

  it('glob dot is literal', () => {
    expect(failureOf('sw.campus*').unmatched).toEqual(['sw.campus*']);
  });

  it('several terms keep inventory order', () => {
    expect(names(' rtr-core-02 , tag:floor4,sw-campus-01, ')).toEqual(['sw-campus-01', 'sw-campus-02', 'rtr-core-02']);
  });

  it('overlapping terms without duplicates', () => {
    expect(names('campus,sw-*,tag:floor3')).toEqual(['sw-campus-01', 'sw-campus-02', 'rtr-core-01']);
  });

  it('unmatched term reported with hint', () => {
    const error = failureOf('campus,sw-campus-1,tag:floor9');

    expect(error).toBeInstanceOf(UsageError);
    expect(error.unmatched).toEqual(['sw-campus-1', 'tag:floor9']);
    expect(error.message).toContain('"sw-campus-1" (did you mean "sw-campus-01"?)');
    expect(error.message).toContain('"tag:floor9" (did you mean "tag:floor3"?)');
  });

  it('empty filter rejected', () => {
    const error = failureOf(' , ');

    expect(error.unmatched).toEqual([]);
    expect(error.message).toContain('is empty');
  });
});
