import { describe, expect, it } from 'vitest';

import { defaultCaptureDir } from '../../src/cli/program.js';

describe('defaultCaptureDir', () => {
  it('names the folder after the start second', () => {
    expect(defaultCaptureDir(new Date('2026-12-04T02:00:00.250Z'))).toBe('captures/2026-12-04T02-00-00Z');
  });
});
