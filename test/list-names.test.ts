import { describe, expect, it } from 'vitest';

import { listNames } from '../src/list-names.js';

describe('listNames', () => {
  it('lists all names up to the maximum', () => {
    expect(listNames(['sw-1', 'sw-2', 'sw-3'], 3)).toBe('sw-1, sw-2, sw-3');
  });

  it('counts the names past the maximum', () => {
    expect(listNames(['sw-1', 'sw-2', 'sw-3', 'sw-4', 'sw-5'], 2)).toBe('sw-1, sw-2 and 3 more');
  });
});
