import { describe, expect, it } from 'vitest';

import { IndexedPaths } from '../../../src/parsers/common/indexed-paths.js';

describe('IndexedPaths', () => {
  const paths = new IndexedPaths('trustCode');

  it('builds entry and field paths', () => {
    expect(paths.at(0)).toBe('trustCode.0');
    expect(paths.at(2, 'installedAt')).toBe('trustCode.2.installedAt');
    expect(paths.at(2, 'udi')).toBe('trustCode.2.udi');
  });

  it('keeps lists and fields apart', () => {
    const udis = new IndexedPaths('udis');
    expect(udis.at(3)).toBe('udis.3');
    expect(paths.at(3)).toBe('trustCode.3');
    expect(paths.at(3, 'installed')).toBe('trustCode.3.installed');
    expect(paths.at(3, 'installedAt')).toBe('trustCode.3.installedAt');
  });

  it('builds paths past the cache', () => {
    expect(paths.at(64)).toBe('trustCode.64');
    expect(paths.at(1000, 'expiredOn')).toBe('trustCode.1000.expiredOn');
  });
});
