import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { defineConfig } from 'vitest/config';

// One temporary folder for the whole run, removed by test/global-setup.ts when
// the run ends. The config can be evaluated more than once in one run, so a
// folder made earlier is kept.
const testTmpdir = process.env['SLDIAG_TEST_TMPDIR'] ?? mkdtempSync(path.join(os.tmpdir(), 'sldiag-tests-'));
process.env['SLDIAG_TEST_TMPDIR'] = testTmpdir;
process.env['TMPDIR'] = testTmpdir;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
