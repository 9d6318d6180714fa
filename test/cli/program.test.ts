import { describe, expect, it } from 'vitest';

import { defaultCaptureDir } from '../../src/cli/program.js';

describe('defaultCaptureDir', () => {
  const started = new Date('2026-12-04T02:00:00.250Z');

  it('names the folder after the start second', () => {
    expect(defaultCaptureDir(started, () => false)).toBe('captures/2026-12-04T02-00-00Z');
  });

  it('adds a suffix when the folder exists', () => {
    const taken = new Set(['captures/2026-12-04T02-00-00Z', 'captures/2026-12-04T02-00-00Z-2']);

    expect(defaultCaptureDir(started, (dir) => taken.has(dir))).toBe('captures/2026-12-04T02-00-00Z-3');
  });
});
